"""One date format and one date-time format for everything a person reads.

Patterns are Qt-style (d, dd, ddd, dddd, M, MM, MMM, MMMM, yy, yyyy, H, HH, h, hh,
m, mm, AP/ap, text in single quotes). Core's defaults read the same everywhere
("30 Nov 2026", "30 Nov 2026, 14:05"); the UI sets the locale's order and clock once
at start-up with `use_patterns`. Machine formats (ISO in exports, backup file names)
never come from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_DATE_PATTERN = "d MMM yyyy"
DEFAULT_TIME_PATTERN = "HH:mm"

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TOKEN = re.compile(r"'[^']*'|dddd|ddd|dd|d|MMMM|MMM|MM|M|yyyy|yy|HH|H|hh|h|mm|m|AP|Ap|aP|ap|A|a")


@dataclass
class _Patterns:
    date: str = DEFAULT_DATE_PATTERN
    time: str = DEFAULT_TIME_PATTERN


_patterns = _Patterns()


def use_patterns(date_pattern: str | None = None, time_pattern: str | None = None) -> None:
    """Set the locale's date and time patterns (once, at start-up); None keeps the default."""
    _patterns.date = date_pattern or DEFAULT_DATE_PATTERN
    _patterns.time = time_pattern or DEFAULT_TIME_PATTERN


def date_pattern() -> str:
    return _patterns.date


def time_pattern() -> str:
    return _patterns.time


def date_pattern_for(order: str) -> str:
    """The date pattern with the month in words, in a locale's order of day/month/year ("dmy")."""
    return {
        "mdy": "MMM d, yyyy",
        "ymd": "yyyy MMM d",
        "ydm": "yyyy MMM d",
    }.get(order, DEFAULT_DATE_PATTERN)


# Moments are shown in the computer's time zone; `in_zone=True` shows an aware moment as
# the wall time of its own zone (an interview stage in the company's time zone).


def date_text(day: date | datetime, *, in_zone: bool = False) -> str:
    """A day as a person reads it: "30 Nov 2026" (a datetime: its local day)."""
    if isinstance(day, datetime):
        day = _local(day, in_zone)
    return format_pattern(day, _patterns.date)


def time_text(moment: datetime, *, in_zone: bool = False) -> str:
    """The local time of day: "14:05"."""
    return format_pattern(_local(moment, in_zone), _patterns.time)


def datetime_text(moment: datetime, *, in_zone: bool = False) -> str:
    """A moment in local time: "30 Nov 2026, 14:05"."""
    local = _local(moment, in_zone)
    return f"{format_pattern(local, _patterns.date)}, {format_pattern(local, _patterns.time)}"


def weekday_date_text(day: date | datetime, *, in_zone: bool = False) -> str:
    """The day with its weekday, for appointments where the weekday matters: "Tue 20 Oct 2026"."""
    local = _local(day, in_zone) if isinstance(day, datetime) else day
    return f"{_DAYS[local.weekday()][:3]} {format_pattern(local, _patterns.date)}"


def weekday_datetime_text(moment: datetime, *, in_zone: bool = False) -> str:
    """An appointment: "Tue 20 Oct 2026, 14:30"."""
    local = _local(moment, in_zone)
    return f"{weekday_date_text(local)}, {format_pattern(local, _patterns.time)}"


def format_pattern(value: date | datetime, pattern: str) -> str:
    """`value` written with a Qt-style `pattern` (English month and day names)."""
    return _TOKEN.sub(lambda match: _field(value, match.group()), pattern)


def _hour(value: date | datetime) -> int:
    return value.hour if isinstance(value, datetime) else 0


def _minute(value: date | datetime) -> int:
    return value.minute if isinstance(value, datetime) else 0


def _meridiem(value: date | datetime) -> str:
    return "PM" if _hour(value) >= 12 else "AM"


# Each token's writer, computing only its own field (a table with dates on every row
# formats thousands of them on the GUI thread).
_FIELDS: dict[str, Callable[[date | datetime], str]] = {
    "d": lambda v: str(v.day),
    "dd": lambda v: f"{v.day:02d}",
    "ddd": lambda v: _DAYS[v.weekday()][:3],
    "dddd": lambda v: _DAYS[v.weekday()],
    "M": lambda v: str(v.month),
    "MM": lambda v: f"{v.month:02d}",
    "MMM": lambda v: _MONTHS[v.month - 1][:3],
    "MMMM": lambda v: _MONTHS[v.month - 1],
    "yy": lambda v: f"{v.year % 100:02d}",
    "yyyy": lambda v: str(v.year),
    "H": lambda v: str(_hour(v)),
    "HH": lambda v: f"{_hour(v):02d}",
    "h": lambda v: str(_hour(v) % 12 or 12),
    "hh": lambda v: f"{_hour(v) % 12 or 12:02d}",
    "m": lambda v: str(_minute(v)),
    "mm": lambda v: f"{_minute(v):02d}",
    "AP": _meridiem,
    "Ap": _meridiem,  # Qt: the locale's own case
    "aP": _meridiem,
    "A": _meridiem,
    "ap": lambda v: _meridiem(v).lower(),
    "a": lambda v: _meridiem(v).lower(),
}


def _field(value: date | datetime, token: str) -> str:
    if token.startswith("'"):
        return token[1:-1] or "'"
    return _FIELDS[token](value)


def _local(moment: datetime, in_zone: bool = False) -> datetime:
    """Aware moments in the computer's time zone (or their own with `in_zone`); naive ones
    are taken as already local."""
    return moment.astimezone() if moment.tzinfo is not None and not in_zone else moment
