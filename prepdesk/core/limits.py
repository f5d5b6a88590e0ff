"""Valid ranges and daily limits, written once: used by store, io and ui.

Imports (JSON, CSV) check stored values against `COLUMN_RANGES` before writing and name
the field that is outside; the schema's CHECK constraints say the same in SQL. A `Range`
is (low, high), both inclusive; its `check` raises a ValueError that names the value and
the range, for inline display; widgets and the settings schema take their bounds here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prepdesk.core.design_practice import MAX_TOTAL_MINUTES, MIN_TOTAL_MINUTES
from prepdesk.core.design_practice import SCORES as DESIGN_SCORES
from prepdesk.core.levels import LEVEL_MAX, LEVEL_MIN

# SQLite stores whole numbers in 64 bits.
SMALLEST_INTEGER = -(2**63)
LARGEST_INTEGER = 2**63 - 1

# Dates prepdesk accepts anywhere (a study day, an attempt, a project, an interview):
# wide enough for any career, narrow enough that every time zone conversion works.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)

LEVELS = (LEVEL_MIN, LEVEL_MAX)
RATINGS = (1, 4)  # a review's Again, Hard, Good, Easy
SCORES = (1, 5)  # a rehearsal's self-assessment


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


MINUTES_IN_A_DAY = 24 * 60
SESSION_MINUTES = Range("a study session", 1, MINUTES_IN_A_DAY, "minutes")
ATTEMPT_MINUTES = Range("an attempt", 0, MINUTES_IN_A_DAY, "minutes")
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


# (minimum, maximum) of a column, None meaning unbounded; mirrors the CHECK constraints.
COLUMN_RANGES: dict[tuple[str, str], tuple[float | None, float | None]] = {
    ("topic", "target_level"): LEVELS,
    ("topic", "weight"): (1e-9, None),
    ("topic", "hours_per_level"): (0, None),
    ("rating", "level"): LEVELS,
    ("study_session", "minutes"): (SESSION_MINUTES.low, SESSION_MINUTES.high),
    ("attempt", "minutes"): (ATTEMPT_MINUTES.low, ATTEMPT_MINUTES.high),
    ("practice_run", "score"): SCORES,
    ("practice_run", "duration_seconds"): (0, None),
    ("practice_run", "target_seconds"): (0, None),
    ("review_log", "rating"): RATINGS,
    ("review_card", "state"): (1, 3),
    ("interview_stage", "duration_minutes"): (1, None),
    ("design_session", "total_minutes"): (MIN_TOTAL_MINUTES, MAX_TOTAL_MINUTES),
    ("design_phase", "score"): (min(DESIGN_SCORES), max(DESIGN_SCORES)),
    ("design_phase", "budget_seconds"): (0, None),
    ("design_phase", "spent_seconds"): (0, None),
}


def date_in_range(day: date) -> bool:
    return EARLIEST_DATE <= day <= LATEST_DATE


def date_range_text() -> str:
    return f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"


def first_non_unicode(text: str) -> int | None:
    """The position of the first lone surrogate (text that cannot be stored), or None."""
    for position, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return position
    return None
