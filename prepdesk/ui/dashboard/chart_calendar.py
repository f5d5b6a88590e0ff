"""The activity calendar: one square per day, the last weeks that fit the panel's width.

Drawn with a fixed layout in logical pixels (not matplotlib's layout engine) so the cells
stay square whatever the panel's size. Each day carries a tooltip text with its place
in data coordinates; chart_jobs turns those into rectangles in the image for the window.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from prepdesk.core.contrast import blend
from prepdesk.store.repositories.dashboard_stats import DailyMinutes, week_start
from prepdesk.ui.dashboard.chart_jobs import BASE_DPI
from prepdesk.ui.dashboard.chart_style import ChartStyle

TITLE = 22  # logical pixels above the grid: the title and the colour key
MONTHS = 16  # below the grid: month names
DAY_NAMES = 34  # left of the grid: Mon, Wed, Fri
GAP = 2  # between cells
LEVELS = (0.4, 0.6, 0.8, 1.0)  # accent strength of the four activity levels


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


def _level(minutes: int, top: float) -> int:
    if minutes <= 0:
        return 0
    return min(len(LEVELS), 1 + int(len(LEVELS) * minutes / (top + 1)))


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


def draw_activity_calendar(figure: Any, daily: DailyMinutes, style: ChartStyle) -> bool:
    active_days = sorted(d for d, m in daily.minutes.items() if m > 0)
    if not active_days:
        return False
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Rectangle

    figure.set_layout_engine("none")
    width = figure.get_figwidth() * BASE_DPI
    height = figure.get_figheight() * BASE_DPI
    cell = max(6.0, (height - TITLE - MONTHS) / 7)
    last_monday = week_start(daily.last)
    fit = max(4, int((width - DAY_NAMES - 8) // cell))
    # From a week before the first active day (no grey year before you started),
    # or the last weeks that fit when the history is longer than the panel.
    history = (last_monday - week_start(active_days[0])).days // 7 + 2
    weeks = min(fit, max(history, 8))
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    shown = [d for d in active_days if d >= first_monday]
    top = sorted(daily.minutes[d] for d in shown)[int(0.95 * (len(shown) - 1))]

    grid_left, grid_right = DAY_NAMES, DAY_NAMES + weeks * cell
    ax = figure.add_axes(
        (grid_left / width, MONTHS / height, weeks * cell / width, 7 * cell / height)
    )
    ax.set_xlim(-0.5, weeks - 0.5)
    ax.set_ylim(6.5, -0.5)
    colours = [style.faint, *(blend(style.mark, style.faint, a) for a in LEVELS)]
    inset = GAP / cell / 2
    tips: list[tuple[float, float, float, float, str]] = []
    for column in range(weeks):
        for row in range(7):
            day = first_monday + timedelta(weeks=column, days=row)
            if day > daily.last:
                continue
            minutes = daily.minutes.get(day, 0)
            x0, y0 = column - 0.5 + inset, row - 0.5 + inset
            ax.add_patch(
                Rectangle(
                    (x0, y0),
                    1 - 2 * inset,
                    1 - 2 * inset,
                    facecolor=colours[_level(minutes, top)],
                    linewidth=0,
                )
            )
            tips.append((x0, y0, x0 + 1 - 2 * inset, y0 + 1 - 2 * inset, day_tip(day, daily)))
    ax.cell_tips = tips  # read by chart_jobs.tips() once the figure is drawn
    ax.set_yticks([0, 2, 4], ["Mon", "Wed", "Fri"])
    months, labels = [], []
    for column in range(weeks):
        monday = first_monday + timedelta(weeks=column)
        if monday.day <= 7 and column < weeks - 1:
            months.append(column - 0.5)
            labels.append(
                f"{monday:%b %Y}" if monday.month == 1 or not months[:-1] else f"{monday:%b}"
            )
    ax.set_xticks(months, labels, ha="left")
    ax.tick_params(length=0, pad=2)
    ax.set_facecolor(style.background)
    for spine in ax.spines.values():
        spine.set_visible(False)

    total = sum(daily.minutes[d] for d in shown) / 60
    since = active_days[0] if weeks < fit else first_monday
    span = (
        f"since {since:%a} {since.day} {since:%b %Y}"
        if weeks < fit
        else f"in the last {weeks} weeks"
    )
    figure.text(
        grid_left / width,
        1 - 15 / height,
        f"{total:.0f} hours over {len(shown)} active days {span} · hover a day for its details",
        fontsize=8,
        color=style.text,
    )
    # The colour key: under the summary beside a short calendar, else above the grid's end.
    key_left, key_bottom = grid_right - 5 * 11 - 34, height - 17
    if width - grid_right >= 200:  # a short history: what it adds up to, in the room it leaves
        figure.text(
            (grid_right + 28) / width,
            (MONTHS + 7 * cell) / height,
            "\n".join(summary_lines(daily, since)),
            fontsize=8,
            color=style.text,
            va="top",
            linespacing=1.7,
        )
        key_left, key_bottom = grid_right + 28 + 30, MONTHS + 4
    key = figure.add_axes((key_left / width, key_bottom / height, 5 * 11 / width, 9 / height))
    key.imshow([list(range(5))], cmap=ListedColormap(colours), aspect="auto", vmin=0, vmax=4)
    key.set_axis_off()
    middle = (key_bottom + 4.5) / height
    for x, text, align in ((key_left - 4, "less", "right"), (key_left + 59, "more", "left")):
        figure.text(x / width, middle, text, fontsize=7, color=style.text, ha=align, va="center")
    return True
