"""Valid ranges and daily limits: written once here, used by store, io and ui.

A range is (low, high), both inclusive. `check` raises a ValueError that names the
value and the range, for inline display; widgets take their spin-box bounds from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Range:
    what: str
    low: float
    high: float
    unit: str = ""

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def check(self, value: float) -> float:
        if not self.contains(value):
            unit = f" {self.unit}" if self.unit else ""
            span = f"{_num(self.low)} to {_num(self.high)}{unit}"
            raise ValueError(f"{self.what} must be {span}, got {_num(value)}")
        return value

    def clamp(self, value: float) -> float:
        return min(max(value, self.low), self.high)


def _num(value: float) -> str:
    return f"{value:g}"


SESSION_MINUTES = Range("a study session", 1, 1440, "minutes")
ATTEMPT_MINUTES = Range("an attempt", 0, 1440, "minutes")
RETENTION = Range("desired retention", 0.70, 0.99)
DAILY_REVIEW_LIMIT = Range("the daily review limit", 1, 500, "reviews")
DAILY_NEW_LIMIT = Range("the daily limit of new topics", 1, 20, "topics")
HOURS_PER_DAY = Range("study hours in a day", 0, 16, "h")
TOPIC_WEIGHT = Range("a topic's weight", 0.1, 5.0)
HOURS_PER_LEVEL = Range("hours per level", 0.25, 40.0, "h")
CODING_TARGET_MINUTES = Range("a coding target", 5, 600, "minutes")

DEFAULT_DAILY_REVIEW_LIMIT = 50
# Like Anki's new cards per day: how many never-studied topics the plan starts in one day.
DEFAULT_DAILY_NEW_LIMIT = 4
DEFAULT_RETENTION = 0.9
REVIEW_MINUTES_EACH = 3  # a topic or problem review: recall, explain aloud, grade
