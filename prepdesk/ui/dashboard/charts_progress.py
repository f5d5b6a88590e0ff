"""Charts of progress toward targets: mastery by area, mastery over time, burndown.

Each function draws on a matplotlib Figure and returns False when there is nothing
to show, so the panel shows its empty-state sentence instead of empty axes.
"""

from __future__ import annotations

import textwrap
from typing import Any

from prepdesk.core.mastery import area_label
from prepdesk.store.repositories.dashboard_stats import (
    AreaMastery,
    Burndown,
    MasteryHistory,
)
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.chart_ticks import month_label
from prepdesk.ui.dashboard.progress_series import (
    Timeline,
    burndown_start,
    first_active,
    projected_level,
)

__all__ = ["Timeline", "month_label"]  # chart_jobs and tests import them from here


def _short(name: str, width: int = 16) -> str:
    return textwrap.fill(name, width)


def draw_mastery_by_area(figure: Any, areas: list[AreaMastery], style: ChartStyle) -> bool:
    if not areas or all(a.level <= 0 for a in areas):
        return False
    ax = figure.subplots()
    rows = list(range(len(areas)))[::-1]
    ax.barh(
        rows,
        [a.target for a in areas],
        height=0.7,
        color="none",
        edgecolor=style.muted,
        linestyle="--",
        label="target",
    )
    bars = ax.barh(
        rows,
        [a.level for a in areas],
        height=0.5,
        color=[style.area_colour(i) for i in range(len(areas))],  # as in every chart by area
        label="_now",  # each bar has its area's colour: no single swatch for the legend
    )
    for bar, area in zip(bars, areas, strict=True):
        bar.set_gid(area.key)  # clicking a bar opens Topics for that area
        bar.set_picker(True)
        ax.text(
            max(area.level, area.target) + 0.08,  # clear of both the bar and the target
            bar.get_y() + bar.get_height() / 2,
            area_label(area.level, area.target),
            va="center",
            fontsize=7.5,
            color=style.text,
        )
    ax.set_yticks(rows, [_short(a.name, 18) for a in areas])
    ax.set_xlim(0, 6.0)
    ax.set_xticks(range(6))
    ax.set_xlabel("level (0–5); click a bar to open its topics")
    ax.grid(axis="x", alpha=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2)
    return True


def draw_mastery_history(figure: Any, timeline: Timeline, style: ChartStyle) -> bool:
    history: MasteryHistory = timeline.data
    if not history.rated or not history.areas:
        return False
    start = first_active([a.levels for a in history.areas])
    weeks = history.weeks[start:]
    ax = figure.subplots()
    for index, area in enumerate(history.areas):
        color = style.area_colour(index)
        levels = area.levels[start:]
        ax.plot(weeks, levels, color=color, linewidth=1.8, label=_short(area.name, 16))
        if timeline.interview is not None and timeline.interview > weeks[-1]:
            projected = projected_level(levels, weeks[-1], timeline.interview)
            ax.plot(
                [weeks[-1], timeline.interview],
                [levels[-1], projected],
                color=color,
                linewidth=1.2,
                linestyle=":",
            )
    target = sum(a.target for a in history.areas) / len(history.areas)
    ax.axhline(target, color=style.muted, linestyle="--", linewidth=1, label="target")
    if timeline.interview is not None:
        ax.axvline(timeline.interview, color=style.accent, linewidth=1)
        ax.annotate(
            "interview",
            (timeline.interview, 0.2),
            rotation=90,
            va="bottom",
            ha="right",
            fontsize=7,
            color=style.text,  # text: 4.5:1 (the accent line itself needs only 3:1)
        )
    ax.set_ylim(0, 5.2)
    ax.set_ylabel("level")
    ax.grid(axis="y", alpha=0.6)
    _date_axis(ax)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=6.5, handlelength=1.2)
    return True


def draw_burndown(figure: Any, timeline: Timeline, style: ChartStyle) -> bool:
    burndown: Burndown = timeline.data
    if not burndown.rated or not any(burndown.hours_needed):
        return False
    needed = list(burndown.hours_needed)
    start = burndown_start(needed)
    weeks, needed = burndown.weeks[start:], needed[start:]
    ax = figure.subplots()
    ax.fill_between(weeks, needed, color=style.accent, alpha=0.18, linewidth=0)
    ax.plot(weeks, needed, color=style.accent, linewidth=2, label="hours still needed")
    if timeline.interview is not None and timeline.interview > weeks[0]:
        ax.plot(
            [weeks[0], timeline.interview],
            [needed[0], 0],
            color=style.muted,
            linestyle="--",
            linewidth=1.2,
            label="ideal to interview day",
        )
        ax.axvline(timeline.interview, color=style.accent, linewidth=1)
    ax.annotate(
        f"{needed[-1]:.0f} h to go",
        (weeks[-1], needed[-1]),
        xytext=(-4, 8),
        textcoords="offset points",
        ha="right",
        fontsize=8,
        color=style.text,
        bbox={"boxstyle": "round,pad=0.2", "facecolor": style.background, "linewidth": 0},
    )
    ax.set_ylim(bottom=0)
    ax.set_ylabel("hours")
    ax.grid(axis="y", alpha=0.6)
    _date_axis(ax)
    ax.legend(loc="upper right")
    return True


def _date_axis(ax: Any) -> None:
    from matplotlib.dates import AutoDateLocator, num2date
    from matplotlib.ticker import FuncFormatter

    locator = AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, at: month_label(num2date(value), at)))
