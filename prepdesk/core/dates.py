"""Reading a date the person typed: ISO (2026-03-14), their locale's short format, or
the way prepdesk shows dates ("14 Mar 2026", "Mar 14, 2026", "Sat 14 Mar 2026").

The locale's format is passed in as a Qt-style pattern (e.g. "M/d/yy", "dd.MM.yyyy",
"yyyy/MM/dd"); only the order of day, month and year matters, and any punctuation
between the numbers is accepted. Two-digit years are read in the century that puts
them nearest to today; a day and month alone mean this year.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

ISO_FORMAT = "yyyy-MM-dd"
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
_NUMBER = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")


def date_order(short_format: str) -> str:
    """The order of day, month and year in a Qt date pattern, e.g. "mdy" for "M/d/yy"."""
    order = ""
    for letter in re.sub(r"'[^']*'", "", short_format):
        key = {"d": "d", "M": "m", "y": "y"}.get(letter)
        if key and key not in order:
            order += key
    return order if sorted(order) == ["d", "m", "y"] else "ymd"


def example(short_format: str) -> str:
    """How the locale's order reads to a person, e.g. "day/month/year"."""
    names = {"d": "day", "m": "month", "y": "year"}
    return "/".join(names[key] for key in date_order(short_format))


def parse_date(text: str, short_format: str, today: date) -> date | None:
    """The date in `text`; None when it is empty. Raises ValueError saying why it can't be read."""
    if not text.strip():
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        return _make(int(iso[1]), int(iso[2]), int(iso[3]), text)
    if _LETTERS.search(text):
        return _with_month_name(text, short_format, today)
    numbers = [int(n) for n in _NUMBER.findall(text)]
    order = date_order(short_format)
    if len(numbers) == 2:  # day and month: this year
        order = order.replace("y", "")
        numbers.append(today.year)
        order += "y"
    if len(numbers) != 3:
        raise ValueError(_unreadable(text, short_format))
    fields = dict(zip(order, numbers, strict=True))
    year = fields["y"]
    if year < 100:
        year = _nearest_century(year, today)
    return _make(year, fields["m"], fields["d"], text)


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _named(word: str, names: tuple[str, ...]) -> int | None:
    """The index of the name `word` spells or shortens (3 letters or more), else None."""
    if len(word) >= 3:
        for index, name in enumerate(names):
            if name.startswith(word) or (word.endswith(".") and name.startswith(word[:-1])):
                return index
    return None


def _with_month_name(text: str, short_format: str, today: date) -> date:
    """A date with its month in words ("14 Mar 2026", "March 14, 2026"), any weekday
    ignored; of the numbers, the one over 31 is the year (this year if none), the other the day."""
    month = None
    for word in _WORD.findall(text.lower()):
        found = _named(word, _MONTH_NAMES)
        if found is not None and month is None:
            month = found + 1
        elif _named(word, _WEEKDAY_NAMES) is None:
            raise ValueError(_unreadable(text, short_format))
    numbers = [int(n) for n in _NUMBER.findall(text)]
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if n <= 31]
    if month is None or len(days) != 1 or len(years) > 1:
        raise ValueError(_unreadable(text, short_format))
    return _make(years[0] if years else today.year, month, days[0], text)


def _nearest_century(two_digits: int, today: date) -> int:
    century = today.year - today.year % 100
    candidates = (century - 100 + two_digits, century + two_digits, century + 100 + two_digits)
    return min(candidates, key=lambda year: abs(year - today.year))


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a day of the calendar") from None


def _unreadable(text: str, short_format: str) -> str:
    return (
        f"“{text.strip()}” is not a date: type it as {example(short_format)} "
        "or as year-month-day (2026-03-14)"
    )


_TIME_AT_END = re.compile(r"[\s,]+(\d{1,2})[:.](\d{2})\s*([AaPp]\.?[Mm]\.?)?\s*$")


def parse_date_time(text: str, short_format: str, today: date) -> datetime | None:
    """A day and a time of day as prepdesk shows them ("5 Dec 2026, 14:00", "Dec 5, 2026,
    2:00 PM") or with the date in any form `parse_date` reads; None when it is not that."""
    match = _TIME_AT_END.search(text)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3][0] in "Pp" else 0)
    try:
        day = parse_date(text[: match.start()], short_format, today)
        return None if day is None else datetime.combine(day, time(hour, minute))
    except ValueError:
        return None
