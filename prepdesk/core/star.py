"""STAR answer rules: word counts, spoken time and gentle warnings. Pure Python."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTS = ("situation", "task", "action", "result")
PART_LABELS = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}
WORDS_PER_MINUTE = 140
DEFAULT_TARGET_SECONDS = 120

_WORD = re.compile(r"[\w][\w'’.-]*")
# A result "has a number" if it has a digit or a number word: interviewers remember those.
_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|hundreds|thousand|thousands|million|millions|billion|percent|half|twice|"
    r"double|doubled|triple|tripled|tenfold)\b",
    re.IGNORECASE,
)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def spoken_seconds(words: int, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    return round(words * 60 / words_per_minute)


def format_duration(seconds: int) -> str:
    """`1:05` for 65 seconds; negative values keep their sign."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


def has_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) or bool(_NUMBER_WORDS.search(text))


@dataclass(frozen=True)
class StarAnalysis:
    words: dict[str, int]  # per part
    total_words: int
    seconds: int  # spoken at WORDS_PER_MINUTE
    warnings: tuple[str, ...]

    @property
    def spoken(self) -> str:
        return format_duration(self.seconds)


def longest_part(words: dict[str, int]) -> str:
    """The part with the most words; on a tie the earlier part (the setting is cut first)."""
    return max(PARTS, key=lambda part: (words.get(part, 0), -PARTS.index(part)))


def analyse(parts: dict[str, str], target_seconds: int = DEFAULT_TARGET_SECONDS) -> StarAnalysis:
    """Counts and warnings for the four parts (missing keys count as empty)."""
    texts = {part: parts.get(part, "") for part in PARTS}
    words = {part: count_words(texts[part]) for part in PARTS}
    total = sum(words.values())
    seconds = spoken_seconds(total)
    warnings: list[str] = []
    empty = [PART_LABELS[p] for p in PARTS if not texts[p].strip()]
    if empty:
        warnings.append(f"Still to write: {', '.join(empty)}.")
    if seconds > target_seconds:
        longest = longest_part(words)
        warnings.append(
            f"About {format_duration(seconds)} spoken, past the {format_duration(target_seconds)} "
            f"you are aiming for: trim the {PART_LABELS[longest]} first, the longest part "
            f"({words[longest]} words)."
        )
    if texts["result"].strip() and not has_number(texts["result"]):
        warnings.append("The Result has no number: how much, how many, how fast?")
    return StarAnalysis(words=words, total_words=total, seconds=seconds, warnings=tuple(warnings))
