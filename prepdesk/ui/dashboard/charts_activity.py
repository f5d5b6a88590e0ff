"""Charts of effort: study hours per week, problems solved, stories (calendar: chart_calendar).

Each function draws on a matplotlib Figure and returns False when there is nothing
to show, so the panel shows its empty-state sentence instead of empty axes.
"""

from __future__ import annotations

import textwrap
from typing import Any

from prepdesk.core.practice import DIFFICULTIES
from prepdesk.core.presentation import label
from prepdesk.store.repositories.dashboard_stats import (
    ProblemWeeks,
    StoryCoverage,
    WeeklyHours,
)
from prepdesk.ui.dashboard.chart_style import ChartStyle, separate_cells
from prepdesk.ui.dashboard.chart_ticks import week_text


def _week_labels(ax: Any, weeks: tuple[Any, ...], every: int = 3) -> None:
    positions = list(range(len(weeks)))
    ax.set_xticks(positions[::-1][::every][::-1])
    ax.set_xticklabels([week_text(weeks[i]) for i in positions[::-1][::every][::-1]])


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
            color=style.area_colour(index),
            label=textwrap.fill(area, 18),  # whole names, wrapped: a legend never cuts one
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
            color=style.difficulty_colour(difficulty),
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
    right.barh(rows, medians, height=0.55, color=[style.difficulty_colour(d) for d in DIFFICULTIES])
    targets = [problems.target_minutes[d] for d in DIFFICULTIES]
    right.scatter(targets, rows, marker="|", s=300, linewidths=2, color=style.text, zorder=3)
    right_end = max([*medians, *targets])
    for row, median, target, difficulty in zip(rows, medians, targets, DIFFICULTIES, strict=True):
        shown = "–" if problems.median_minutes[difficulty] is None else f"{median:.0f}"
        # after the bar and the target tick, whichever ends later: never on the tick
        right.text(
            max(median, target) + right_end * 0.04,
            row,
            shown,
            va="center",
            fontsize=7,
            color=style.text,
        )
    right.set_yticks(rows, [label("difficulty", d) for d in DIFFICULTIES])
    right.set_xlim(0, right_end * 1.35)
    right.set_xlabel("median minutes\n(│ = target)")
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
    ax.imshow(grid, aspect="auto", cmap=ListedColormap([style.faint, style.mark]), vmin=0, vmax=1)
    ax.set_yticks(
        range(len(coverage.stories)),
        [textwrap.fill(t, 34, max_lines=2, placeholder="…") for t in coverage.stories],
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
            tick.set_color(style.alert)  # a competency no story shows yet
    ax.xaxis.tick_top()
    separate_cells(ax, len(coverage.stories), len(coverage.competencies), style)
    return True
