"""Dates and times are written the same by the per-token writers as by computing every
field of the moment and picking the token's (the way it was first written)."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from prepdesk.core.presentation import moments
from prepdesk.core.presentation.moments import _DAYS, _MONTHS, format_pattern

TOKENS = [
    "dddd",
    "ddd",
    "dd",
    "d",
    "MMMM",
    "MMM",
    "MM",
    "M",
    "yyyy",
    "yy",
    "HH",
    "H",
    "hh",
    "h",
    "mm",
    "m",
    "AP",
    "Ap",
    "aP",
    "ap",
    "A",
    "a",
]


def every_field(value: date | datetime) -> dict[str, str]:
    hour = value.hour if isinstance(value, datetime) else 0
    minute = value.minute if isinstance(value, datetime) else 0
    twelve = hour % 12 or 12
    upper, lower = ("PM", "pm") if hour >= 12 else ("AM", "am")
    return {
        "d": str(value.day),
        "dd": f"{value.day:02d}",
        "ddd": _DAYS[value.weekday()][:3],
        "dddd": _DAYS[value.weekday()],
        "M": str(value.month),
        "MM": f"{value.month:02d}",
        "MMM": _MONTHS[value.month - 1][:3],
        "MMMM": _MONTHS[value.month - 1],
        "yy": f"{value.year % 100:02d}",
        "yyyy": str(value.year),
        "H": str(hour),
        "HH": f"{hour:02d}",
        "h": str(twelve),
        "hh": f"{twelve:02d}",
        "m": str(minute),
        "mm": f"{minute:02d}",
        **dict.fromkeys(("AP", "Ap", "aP", "A"), upper),
        **dict.fromkeys(("ap", "a"), lower),
    }


@given(value=st.dates() | st.datetimes(), token=st.sampled_from(TOKENS))
def test_each_token_writes_its_field(value, token):
    assert moments._field(value, token) == every_field(value)[token]


@given(value=st.datetimes())
def test_a_pattern_writes_its_tokens_and_quoted_text(value):
    assert format_pattern(value, "HH 'at' h") == f"{value.hour:02d} at {value.hour % 12 or 12}"
    assert format_pattern(value, "d MMM yyyy, HH:mm") == (
        f"{value.day} {_MONTHS[value.month - 1][:3]} {value.year}, "
        f"{value.hour:02d}:{value.minute:02d}"
    )
