"""Reading typed dates: ISO and each locale's short format, and what is refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from prepdesk.core.dates import date_order, parse_date, parse_date_time

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("pattern", "order"),
    [
        ("M/d/yy", "mdy"),
        ("dd/MM/yyyy", "dmy"),
        ("yyyy/MM/dd", "ymd"),
        ("yy. M. d.", "ymd"),
        ("d MM yyyy", "dmy"),
        ("nonsense", "ymd"),
    ],
)
def test_the_order_of_day_month_and_year_comes_from_the_pattern(pattern, order):
    assert date_order(pattern) == order


@pytest.mark.parametrize(
    ("text", "pattern", "expected"),
    [
        ("2026-03-14", "M/d/yy", date(2026, 3, 14)),
        (" 2026-3-4 ", "dd.MM.yy", date(2026, 3, 4)),
        ("3/14/26", "M/d/yy", date(2026, 3, 14)),
        ("14/03/2026", "dd/MM/yyyy", date(2026, 3, 14)),
        ("14.3.26", "dd.MM.yy", date(2026, 3, 14)),
        ("2026/03/14", "yyyy/MM/dd", date(2026, 3, 14)),
        ("26. 3. 14.", "yy. M. d.", date(2026, 3, 14)),
        ("14/3", "dd/MM/yyyy", date(2026, 3, 14)),
        ("1/2/99", "M/d/yy", date(1999, 1, 2)),
        ("1/2/60", "M/d/yy", date(2060, 1, 2)),
    ],
)
def test_typed_dates_are_read(text, pattern, expected):
    assert parse_date(text, pattern, TODAY) == expected


def test_empty_text_means_no_date():
    assert parse_date("  ", "M/d/yy", TODAY) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("tomorrow", "month/day/year"),
        ("13/14/2026", "not a day of the calendar"),
        ("2026-02-30", "not a day of the calendar"),
        ("1/2/3/4", "year-month-day"),
        ("12", "month/day/year"),
    ],
)
def test_unreadable_text_is_refused_with_a_reason(text, says):
    with pytest.raises(ValueError, match=says):
        parse_date(text, "M/d/yy", TODAY)


@pytest.mark.parametrize(
    "text",
    ["14 Mar 2026", "Mar 14, 2026", "Sat 14 Mar 2026", "14 March 2026", "2026 Mar 14", "14 mar"],
)
def test_dates_as_prepdesk_shows_them_read_back(text):
    assert parse_date(text, "M/d/yy", date(2026, 11, 30)) == date(2026, 3, 14)


@pytest.mark.parametrize("text", ["14 Foo 2026", "Mar 2026", "14 Mar Apr 2026", "Marc 14 2026 12"])
def test_a_month_in_words_with_the_wrong_numbers_is_refused(text):
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(text, "M/d/yy", date(2026, 11, 30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 Dec 2026, 14:00", datetime(2026, 12, 5, 14, 0)),
        ("Dec 5, 2026, 2:00 PM", datetime(2026, 12, 5, 14, 0)),
        ("Sat 5 Dec 2026, 12:30 am", datetime(2026, 12, 5, 0, 30)),
        ("12/5/26 9:05", datetime(2026, 12, 5, 9, 5)),
        ("5 Dec 2026", None),
        ("5 Dec 2026, 13:00 PM", None),
        ("someday, 14:00", None),
    ],
)
def test_a_day_and_time_as_shown_reads_back(text, expected):
    assert parse_date_time(text, "M/d/yy", date(2026, 11, 30)) == expected
