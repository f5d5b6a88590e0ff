"""The activity calendar: one square per day, the last weeks that fit the panel's width.

Drawn with a fixed layout in logical pixels (not matplotlib's layout engine) so the cells
stay square whatever the panel's size. Each day carries a tooltip text with its place
in data coordinates; chart_jobs turns those into rectangles in the image for the window.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from prepdesk.store.repositories.dashboard_stats import DailyMinutes
from prepdesk.ui.dashboard.calendar_days import (
    calendar_span,
    day_tip,
    headline,
    level,
    level_colours,
    month_name,
    span_start,
    summary_lines,
)
from prepdesk.ui.dashboard.chart_jobs import BASE_DPI
from prepdesk.ui.dashboard.chart_style import ChartStyle

TITLE = 22  # logical pixels above the grid: the title and the colour key
MONTHS = 16  # below the grid: month names
DAY_NAMES = 34  # left of the grid: Mon, Wed, Fri
GAP = 2  # between cells


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
    span = calendar_span(daily, max(4, int((width - DAY_NAMES - 8) // cell)))
    weeks, first_monday, top = span.weeks, span.first_monday, span.top

    grid_left, grid_right = DAY_NAMES, DAY_NAMES + weeks * cell
    ax = figure.add_axes(
        (grid_left / width, MONTHS / height, weeks * cell / width, 7 * cell / height)
    )
    ax.set_xlim(-0.5, weeks - 0.5)
    ax.set_ylim(6.5, -0.5)
    colours = level_colours(style)
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
                    facecolor=colours[level(minutes, top)],
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
            labels.append(month_name(monday, first=not months[:-1]))
    ax.set_xticks(months, labels, ha="left")
    ax.tick_params(length=0, pad=2)
    ax.set_facecolor(style.background)
    for spine in ax.spines.values():
        spine.set_visible(False)

    figure.text(
        grid_left / width, 1 - 15 / height, headline(daily, span), fontsize=8, color=style.text
    )
    # The colour key: under the summary beside a short calendar, else above the grid's end.
    key_left, key_bottom = grid_right - 5 * 11 - 34, height - 17
    if width - grid_right >= 200:  # a short history: what it adds up to, in the room it leaves
        figure.text(
            (grid_right + 28) / width,
            (MONTHS + 7 * cell) / height,
            "\n".join(summary_lines(daily, span_start(daily, span))),
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
