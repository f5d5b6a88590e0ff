"""Where an axis puts its ticks and what they say: round numbers, months, weeks.

No Qt here: the painted charts (chart_axes.py) read these rules.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta

STEPS = (1.0, 2.0, 2.5, 5.0)  # × 10^k: the steps a person reads at a glance
COUNTING_STEPS = (1.0, 2.0, 5.0)  # a value axis: 0, 5, 10, 15 rather than 0, 2.5, 5…
MONTH_STEPS = (1, 2, 3, 4, 6, 12)
WEEK_STEPS = (1, 2, 4)


def nice_ticks(
    low: float,
    high: float,
    most: int = 7,
    integer: bool = False,
    steps: tuple[float, ...] = STEPS,
) -> list[float]:
    """Round tick values inside [low, high], the smallest step that keeps at most
    `most` ticks (one of `steps` × 10^k, like matplotlib's MaxNLocator)."""
    most = max(2, most)
    if high <= low:
        high = low + 1.0
    exponent = math.floor(math.log10((high - low) / most))
    while True:
        for multiple in steps:
            step = multiple * 10.0**exponent
            if integer and (step < 1 or step != int(step)):
                continue
            first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
            if last - first + 1 <= most:
                return [round(index * step, 10) for index in range(first, last + 1)]
        exponent += 1


def tick_text(value: float, ticks: list[float]) -> str:
    """A tick's number with as many decimals as its axis's step needs (2.5 → '2.5')."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = 0
    while decimals < 3 and abs(round(step, decimals) - step) > 1e-9:
        decimals += 1
    return f"{value:.{decimals}f}"


def week_text(day: date) -> str:
    """A week by its Monday: '9 Mar'."""
    return f"{day.day} {day:%b}"


def month_label(day: date, position: int | None) -> str:
    """'Jan 2027' on the first tick and each January, 'Mar' elsewhere; a day when not the 1st."""
    text = f"{day:%b}" if day.day == 1 else f"{day.day} {day:%b}"
    return f"{text} {day:%Y}" if position == 0 or (day.month == 1 and day.day == 1) else text


def _months(first: date, last: date, step: int) -> list[date]:
    days: list[date] = []
    month = first.year * 12 + first.month - 1 + (0 if first.day == 1 else 1)
    while True:
        day = date(month // 12, month % 12 + 1, 1)
        if day > last:
            return days
        if (day.month - 1) % step == 0:
            days.append(day)
        month += 1


def date_tick_choices(first: date, last: date, least: int = 3) -> Iterator[list[date]]:
    """Tick days between `first` and `last`, densest first: the 1st of every month,
    every 2nd, 3rd… month, or, on a span too short for `least` months, Mondays every
    1, 2 or 4 weeks. The caller takes the first whose labels fit."""
    if len(_months(first, last, 1)) >= least:
        for step in MONTH_STEPS:
            days = _months(first, last, step)
            if days:
                yield days
        return
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    for step in WEEK_STEPS:
        days = []
        day = monday
        while day <= last:
            days.append(day)
            day += timedelta(weeks=step)
        yield days or [first]
