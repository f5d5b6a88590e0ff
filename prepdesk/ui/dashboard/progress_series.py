"""What the progress charts show of their series: from which week, and the trend to
interview day. Read by the painted charts (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

PROJECTION_WEEKS = 6  # the trend is the slope over the last six weeks


@dataclass(frozen=True)
class Timeline:
    """A chart's data with the dates it is drawn against."""

    data: Any
    today: date
    interview: date | None


def trend(levels: tuple[float, ...]) -> float:
    """Level change per week over the last PROJECTION_WEEKS weeks (least squares)."""
    tail = levels[-PROJECTION_WEEKS:]
    n = len(tail)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(tail) / n
    num = sum((i - mean_x) * (y - mean_y) for i, y in enumerate(tail))
    den = sum((i - mean_x) ** 2 for i in range(n))
    return num / den


def projected_level(levels: tuple[float, ...], last_week: date, interview: date) -> float:
    """The level on interview day if the trend goes on (within 0–5)."""
    span = (interview - last_week).days / 7
    return min(5.0, max(0.0, levels[-1] + trend(levels) * span))


def first_active(series: list[tuple[float, ...]], minimum: int = 4) -> int:
    """Index of the first week with any progress, leaving at least `minimum` weeks."""
    length = len(series[0]) if series else 0
    for index in range(length):
        if any(s[index] > 0 for s in series):
            return max(0, min(index - 1, length - minimum))
    return 0


def burndown_start(needed: tuple[float, ...] | list[float]) -> int:
    """The week before the hours needed first fell (at least four weeks shown)."""
    start = next((i for i, h in enumerate(needed) if h < needed[0]), len(needed) - 1)
    return max(0, min(start - 1, len(needed) - 4))
