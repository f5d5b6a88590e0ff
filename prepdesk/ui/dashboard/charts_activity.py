"""Charts of effort: study hours per week, problems solved, the activity calendar, stories.

Each function draws on a matplotlib Figure and returns False when there is nothing
to show, so the panel shows its empty-state sentence instead of empty axes.
"""

from __future__ import annotations

import textwrap
from datetime import timedelta
from typing import Any

from prepdesk.core.practice import DIFFICULTIES
from prepdesk.core.presentation import label
from prepdesk.store.repositories.dashboard_stats import (
    DailyMinutes,
    ProblemWeeks,
    StoryCoverage,
    WeeklyHours,
    week_start,
)
from prepdesk.ui.dashboard.chart_style import DIFFICULTY_COLORS, SERIES, ChartStyle


def _week_labels(ax: Any, weeks: tuple[Any, ...], every: int = 3) -> None:
    positions = list(range(len(weeks)))
    ax.set_xticks(positions[::-1][::every][::-1])
    ax.set_xticklabels([f"{weeks[i]:%d %b}" for i in positions[::-1][::every][::-1]])


def draw_weekly_hours(figure: Any, hours: WeeklyHours, style: ChartStyle) -> bool:
    if not hours.areas or not any(any(h) for _a, h in hours.areas):
        return False
    ax = figure.subplots()
    x = list(range(len(hours.weeks)))
    bottom = [0.0] * len(x)
    for index, (area, values) in enumerate(hours.areas):
        ax.bar(
            x,
            values,
            bottom=bottom,
            width=0.75,
            color=SERIES[index % len(SERIES)],
            label=textwrap.shorten(area, 22, placeholder="…"),
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    average = sum(bottom[-4:]) / min(4, len(bottom))
    ax.axhline(average, color=style.muted, linestyle="--", linewidth=1)
    ax.set_title(f"last 4 weeks: {average:.1f} h/week (dashed)", loc="left", fontsize=7.5)
    _week_labels(ax, hours.weeks)
    ax.set_ylabel("hours")
    ax.grid(axis="y", alpha=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=6.5)
    return True


def draw_problem_weeks(figure: Any, problems: ProblemWeeks, style: ChartStyle) -> bool:
    if not any(any(c) for c in problems.solved.values()):
        return False
    left, right = figure.subplots(1, 2, width_ratios=(2.3, 1))
    x = list(range(len(problems.weeks)))
    bottom = [0] * len(x)
    for difficulty in DIFFICULTIES:
        counts = problems.solved[difficulty]
        left.bar(
            x,
            counts,
            bottom=bottom,
            width=0.75,
            color=DIFFICULTY_COLORS[difficulty],
            label=label("difficulty", difficulty),
        )
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    _week_labels(left, problems.weeks, every=4)
    left.set_ylabel("problems solved")
    left.yaxis.get_major_locator().set_params(integer=True)
    left.grid(axis="y", alpha=0.6)
    left.set_axisbelow(True)
    left.legend(loc="upper left")

    rows = list(range(len(DIFFICULTIES)))[::-1]
    medians = [problems.median_minutes[d] or 0 for d in DIFFICULTIES]
    right.barh(rows, medians, height=0.55, color=[DIFFICULTY_COLORS[d] for d in DIFFICULTIES])
    targets = [problems.target_minutes[d] for d in DIFFICULTIES]
    right.scatter(targets, rows, marker="|", s=300, linewidths=2, color=style.text, zorder=3)
    for row, median, difficulty in zip(rows, medians, DIFFICULTIES, strict=True):
        shown = "–" if problems.median_minutes[difficulty] is None else f"{median:.0f}"
        right.text(median + 1, row, shown, va="center", fontsize=7, color=style.text)
    right.set_yticks(rows, [label("difficulty", d) for d in DIFFICULTIES])
    right.set_xlim(0, max([*medians, *targets]) * 1.35)
    right.set_xlabel("median minutes\n(│ = target)")
    return True


def draw_activity_calendar(figure: Any, daily: DailyMinutes, style: ChartStyle) -> bool:
    if not any(daily.minutes.values()):
        return False
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    first_monday = week_start(daily.first)
    weeks = (daily.last - first_monday).days // 7 + 1
    grid = np.full((7, weeks), np.nan)
    day = daily.first
    while day <= daily.last:
        offset = (day - first_monday).days
        grid[offset % 7, offset // 7] = daily.minutes.get(day, 0)
        day += timedelta(days=1)
    ax = figure.subplots()
    colormap = LinearSegmentedColormap.from_list(
        "activity", [style.faint, style.accent]
    ).with_extremes(bad=style.background)
    top = max(60.0, float(np.nanpercentile(grid[grid > 0], 95)) if np.any(grid > 0) else 60)
    image = ax.imshow(grid, aspect="auto", cmap=colormap, vmin=0, vmax=top, interpolation="none")
    ax.set_yticks([0, 2, 4], ["Mon", "Wed", "Fri"])
    months, labels = [], []
    for column in range(weeks):
        monday = first_monday + timedelta(weeks=column)
        if monday.day <= 7:
            months.append(column)
            labels.append(f"{monday:%b}")
    ax.set_xticks(months, labels)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    total = sum(daily.minutes.values()) / 60
    active = sum(1 for v in daily.minutes.values() if v > 0)
    ax.set_title(
        f"{total:.0f} hours over {active} active days in the last year", loc="left", fontsize=8
    )
    bar = figure.colorbar(image, ax=ax, aspect=8, pad=0.01, fraction=0.03)
    bar.set_label("minutes", fontsize=7)
    bar.ax.tick_params(labelsize=6.5, length=0)
    bar.outline.set_visible(False)
    return True


def draw_story_coverage(figure: Any, coverage: StoryCoverage, style: ChartStyle) -> bool:
    if not coverage.stories or not coverage.competencies:
        return False
    import numpy as np
    from matplotlib.colors import ListedColormap

    grid = np.zeros((len(coverage.stories), len(coverage.competencies)))
    for story, competency in coverage.cells:
        grid[story, competency] = 1
    ax = figure.subplots()
    ax.imshow(grid, aspect="auto", cmap=ListedColormap([style.grid, style.accent]), vmin=0, vmax=1)
    ax.set_yticks(
        range(len(coverage.stories)),
        [textwrap.shorten(t, 34, placeholder="…") for t in coverage.stories],
    )
    counts = grid.sum(axis=0)
    ax.set_xticks(
        range(len(coverage.competencies)),
        [f"{name} ({int(n)})" for name, n in zip(coverage.competencies, counts, strict=True)],
        rotation=35,
        ha="left",
        rotation_mode="anchor",
    )
    for tick, count in zip(ax.get_xticklabels(), counts, strict=True):
        if count == 0:
            tick.set_color("#D55E00")  # a competency no story shows yet
    ax.xaxis.tick_top()
    ax.set_xticks(np.arange(-0.5, len(coverage.competencies)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(coverage.stories)), minor=True)
    ax.grid(which="minor", color=style.background, linewidth=2)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return True
