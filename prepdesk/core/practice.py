"""Coding-practice rules: platforms, difficulties and an attempt's time against its target."""

from __future__ import annotations

from dataclasses import dataclass

from prepdesk.core.limits import ATTEMPT_MINUTES

PLATFORMS = ("LeetCode", "HackerRank", "Kaggle", "Other")
DIFFICULTIES = ("easy", "medium", "hard")
MAX_MINUTES = int(ATTEMPT_MINUTES.high)  # the attempt table's check constraint: one day


def canonical_platform(name: str) -> str:
    """Known platforms in their usual spelling ('leetcode' -> 'LeetCode'); others as typed."""
    cleaned = name.strip()
    for known in PLATFORMS:
        if cleaned.lower() == known.lower():
            return known
    return cleaned


def split_patterns(patterns: str) -> list[str]:
    """'BFS, DFS, grid' -> ['BFS', 'DFS', 'grid']; patterns are a comma-separated list."""
    return [part.strip() for part in patterns.replace(";", ",").split(",") if part.strip()]


@dataclass(frozen=True)
class TimeAgainstTarget:
    minutes: int
    target: int

    @property
    def over(self) -> bool:
        return self.minutes > self.target

    @property
    def ratio(self) -> float:
        return self.minutes / self.target if self.target > 0 else 0.0

    def label(self) -> str:
        return f"{self.minutes} / {self.target} min"
