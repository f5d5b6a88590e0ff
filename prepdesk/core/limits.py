"""Ranges every stored value must lie in, written once.

Imports (JSON, CSV) check them before writing and name the field that is outside;
the schema's CHECK constraints say the same in SQL.
"""

from __future__ import annotations

from datetime import date

from prepdesk.core.practice import MAX_MINUTES

# SQLite stores whole numbers in 64 bits.
SMALLEST_INTEGER = -(2**63)
LARGEST_INTEGER = 2**63 - 1

# Dates prepdesk accepts anywhere (a study day, an attempt, a project, an interview):
# wide enough for any career, narrow enough that every time zone conversion works.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)

LEVELS = (0, 5)
RATINGS = (1, 4)  # a review's Again, Hard, Good, Easy
SCORES = (1, 5)  # a rehearsal's self-assessment

# (minimum, maximum) of a column, None meaning unbounded; mirrors the CHECK constraints.
COLUMN_RANGES: dict[tuple[str, str], tuple[float | None, float | None]] = {
    ("topic", "target_level"): LEVELS,
    ("topic", "weight"): (1e-9, None),
    ("topic", "hours_per_level"): (0, None),
    ("rating", "level"): LEVELS,
    ("study_session", "minutes"): (1, MAX_MINUTES),
    ("attempt", "minutes"): (0, MAX_MINUTES),
    ("practice_run", "score"): SCORES,
    ("practice_run", "duration_seconds"): (0, None),
    ("practice_run", "target_seconds"): (0, None),
    ("review_log", "rating"): RATINGS,
    ("review_card", "state"): (1, 3),
    ("interview_stage", "duration_minutes"): (1, None),
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
