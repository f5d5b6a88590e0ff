"""Self-rating levels 0-5 and what each means: the one scale for ratings and targets."""

from __future__ import annotations

LEVEL_MIN = 0
LEVEL_MAX = 5
LEVELS = tuple(range(LEVEL_MIN, LEVEL_MAX + 1))
DEFAULT_TARGET = 4

LEVEL_MEANINGS = {
    0: "Not started",
    1: "Heard of it: know the words, not the ideas",
    2: "Basics: can follow an explanation",
    3: "Working knowledge: can use it with notes",
    4: "Solid: can explain and apply it without notes",
    5: "Could teach it in an interview",
}


def check_level(level: int, what: str = "a level") -> int:
    """`level` when it is on the scale; a ValueError saying so otherwise."""
    if not LEVEL_MIN <= level <= LEVEL_MAX:
        raise ValueError(f"{what} is {LEVEL_MIN} to {LEVEL_MAX}, got {level}")
    return level


def format_level(level: int | None) -> str:
    return "not rated" if level is None else f"{level} / {LEVEL_MAX}"
