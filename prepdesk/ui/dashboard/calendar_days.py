"""What the activity calendar shows, whoever draws it: which weeks, how strong each
day's colour is, what a day says when hovered and what the calendar adds up to.

No Qt here: the painted calendar (paint_calendar.py) reads these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from prepdesk.core.contrast import blend
from prepdesk.store.repositories.dashboard_stats import DailyMinutes, week_start
from prepdesk.ui.dashboard.chart_style import ChartStyle

LEVELS = (0.4, 0.6, 0.8, 1.0)  # accent strength of the four activity levels
MIN_WEEKS = 8  # a short history still shows two months


@dataclass(frozen=True)
class CalendarSpan:
    """The weeks a calendar shows: `weeks` columns from `first_monday`."""

    weeks: int
    first_monday: date
    shown: tuple[date, ...]  # the active days in those weeks, oldest first
    top: int  # the minutes of a full-strength day (the busy days' 95th percentile)
    fills_width: bool  # False: a short history, with room left beside it


def calendar_span(daily: DailyMinutes, fit: int) -> CalendarSpan:
    """From a week before the first active day (no grey year before you started), or
    the last `fit` weeks when the history is longer than the room."""
    active_days = sorted(d for d, m in daily.minutes.items() if m > 0)
    last_monday = week_start(daily.last)
    history = (last_monday - week_start(active_days[0])).days // 7 + 2
    weeks = min(fit, max(history, MIN_WEEKS))
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    shown = tuple(d for d in active_days if d >= first_monday)
    top = sorted(daily.minutes[d] for d in shown)[int(0.95 * (len(shown) - 1))] if shown else 1
    return CalendarSpan(weeks, first_monday, shown, top, weeks >= fit)


def level(minutes: int, top: float) -> int:
    """0 (nothing logged) to len(LEVELS) (a full-strength day)."""
    if minutes <= 0:
        return 0
    return min(len(LEVELS), 1 + int(len(LEVELS) * minutes / (top + 1)))


def level_colours(style: ChartStyle) -> list[str]:
    """The colour of each level, from an empty day's to a full-strength day's."""
    return [style.faint, *(blend(style.mark, style.faint, a) for a in LEVELS)]


def minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def day_tip(day: date, daily: DailyMinutes) -> str:
    """What one square says when hovered: the date, the time spent and what was logged."""
    heading = f"{day:%a} {day.day} {day:%b %Y}"
    minutes = daily.minutes.get(day, 0)
    if not minutes:
        return f"{heading}: nothing logged"
    logged = []
    if sessions := daily.sessions.get(day, 0):
        logged.append(_count(sessions, "study session", "study sessions"))
    if attempts := daily.attempts.get(day, 0):
        logged.append(_count(attempts, "coding attempt", "coding attempts"))
    return f"{heading}: {minutes_text(minutes)}" + (f" ({', '.join(logged)})" if logged else "")


def month_name(monday: date, first: bool) -> str:
    """A month's name under its first week; the year on January and on the first label."""
    return f"{monday:%b %Y}" if monday.month == 1 or first else f"{monday:%b}"


def headline(daily: DailyMinutes, span: CalendarSpan, hint: bool = True) -> str:
    """The line above the calendar: what it adds up to, and (`hint`) how to read a day."""
    total = sum(daily.minutes[d] for d in span.shown) / 60
    since = span_start(daily, span)
    shown_since = (
        f"since {since:%a} {since.day} {since:%b %Y}"
        if not span.fills_width
        else f"in the last {span.weeks} weeks"
    )
    said = f"{total:.0f} hours over {len(span.shown)} active days {shown_since}"
    return f"{said} · hover a day for its details" if hint else said


def span_start(daily: DailyMinutes, span: CalendarSpan) -> date:
    """The first day the summary counts from: the first logged one in a short history."""
    if span.fills_width:
        return span.first_monday
    return min(d for d, m in daily.minutes.items() if m > 0)


def _streaks(daily: DailyMinutes) -> tuple[int, int]:
    """The longest run of active days, and the run that ends today (or yesterday)."""
    longest = run = 0
    day, previous = daily.first, False
    while day <= daily.last:
        active = daily.minutes.get(day, 0) > 0
        run = run + 1 if active else 0
        longest = max(longest, run)
        previous = active
        day += timedelta(days=1)
    current = run if previous else _run_ending(daily, daily.last - timedelta(days=1))
    return longest, current


def _run_ending(daily: DailyMinutes, day: date) -> int:
    count = 0
    while daily.minutes.get(day, 0) > 0:
        count += 1
        day -= timedelta(days=1)
    return count


def summary_lines(daily: DailyMinutes, since: date) -> list[str]:
    """What the calendar adds up to, for the room beside a short calendar."""
    active = {d: m for d, m in daily.minutes.items() if m > 0 and d >= since}
    busiest = max(active, key=lambda d: (active[d], d))
    longest, current = _streaks(daily)
    weekday_minutes = [0] * 7
    for day, minutes in active.items():
        weekday_minutes[day.weekday()] += minutes
    favourite = date(2024, 1, 1) + timedelta(days=weekday_minutes.index(max(weekday_minutes)))
    return [
        f"Longest streak: {_count(longest, 'day', 'days')} in a row",
        f"Current streak: {_count(current, 'day', 'days')}",
        f"Busiest day: {busiest:%a} {busiest.day} {busiest:%b}, {minutes_text(active[busiest])}",
        f"Most time on {favourite:%A}s",
    ]
