"""Charts of effort, painted: study hours per week by area, coding problems solved.

Each is painted in the window with QPainter, in the theme's colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from prepdesk.core.practice import DIFFICULTIES
from prepdesk.core.presentation import label
from prepdesk.store.repositories.dashboard_stats import ProblemWeeks, WeeklyHours
from prepdesk.ui.dashboard.chart_axes import DASHED, PAD, Ink, Scale, column_tips
from prepdesk.ui.dashboard.chart_legend import LegendEntry, paint_legend, place_legend, room_beside
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.chart_ticks import nice_ticks, tick_text, week_text
from prepdesk.ui.dashboard.native_chart import ChartMarks, NativeChart

if TYPE_CHECKING:
    from prepdesk.ui.dashboard.native_chart import HitBox

BAR_WIDTH = 0.75  # of a week's slot
MARGIN = 0.03  # of the weeks' span, left and right of the bars
SIDE_SHARE = 1 / 3.3  # the problems chart's side panel: 1 : 2.3, as before
MEDIAN_AXIS = "median minutes\n(│ = target)"


def _stacks(
    ink: Ink,
    plot: QRectF,
    y: Scale,
    stacks: Sequence[tuple[str, Sequence[float]]],
) -> list[float]:
    """Bars stacked week by week, a (colour, values) layer at a time, a margin of
    MARGIN of the weeks at either end; each week's centre."""
    weeks = len(stacks[0][1])
    slot = plot.width() / (weeks * (1 + 2 * MARGIN))
    start = plot.left() + slot * weeks * MARGIN
    centres = [start + slot * (i + 0.5) for i in range(weeks)]
    bottom = [0.0] * len(centres)
    for colour_name, values in stacks:
        for index, value in enumerate(values):
            if value > 0:
                top, base = y(bottom[index] + value), y(bottom[index])
                rect = QRectF(
                    centres[index] - slot * BAR_WIDTH / 2, top, slot * BAR_WIDTH, base - top
                )
                ink.fill(rect, colour_name)
            bottom[index] += value
    return centres


class StudyHours:
    """Hours studied each week, stacked by area, with the last four weeks' average."""

    def shows_anything(self, data: WeeklyHours) -> bool:
        return bool(data.areas) and any(any(h) for _a, h in data.areas)

    def paint(
        self, painter: QPainter, area: QRectF, data: WeeklyHours, style: ChartStyle, font: QFont
    ) -> ChartMarks:
        with Ink(painter, area, style, font) as ink:
            entries = [
                LegendEntry(name, style.area_colour(i)) for i, (name, _h) in enumerate(data.areas)
            ]
            legend = place_legend(ink, entries, area)
            totals = [sum(week) for week in zip(*(h for _a, h in data.areas), strict=True)]
            average = sum(totals[-4:]) / min(4, len(totals))
            room = room_beside(legend, area).adjusted(0, 0, -PAD, 0)
            said = f"last 4 weeks: {average:.1f} h/week (dashed)"
            plot = room
            for _wrapped in range(2):  # above the plot, as wide as the plot: know that first
                title = ink.wrap(ink.tick, said, plot.right() - plot.left())
                below = room.adjusted(0, ink.height(ink.tick, title) + PAD / 2, 0, 0)
                plot, y, ticks = ink.y_frame(below, 0.0, max(totals) * 1.05, "hours")
            ink.put(ink.tick, title, plot.left(), room.top())
            ink.y_axis(plot, y, ticks, "hours")
            layers = [(style.area_colour(i), hours) for i, (_n, hours) in enumerate(data.areas)]
            centres = _stacks(ink, plot, y, layers)
            ink.line(
                [(plot.left(), y(average)), (plot.right(), y(average))],
                ink.pen(style.muted, 1.0, DASHED),
            )
            ink.category_axis(plot, centres, [week_text(w) for w in data.weeks], every=3)
            paint_legend(ink, legend)
            texts = []
            for index, week in enumerate(data.weeks):
                parts = [
                    f"{name} {hours[index]:.1f} h" for name, hours in data.areas if hours[index] > 0
                ]
                total = f"week of {week_text(week)}: {totals[index]:.1f} h"
                texts.append("\n".join([total, *parts]) if parts else "")
            return ChartMarks(tips=tuple(column_tips(plot, centres, texts)))


class ProblemsSolved:
    """Problems solved each week by difficulty; beside it each difficulty's median
    minutes against its target."""

    def shows_anything(self, data: ProblemWeeks) -> bool:
        return any(any(c) for c in data.solved.values())

    def paint(
        self, painter: QPainter, area: QRectF, data: ProblemWeeks, style: ChartStyle, font: QFont
    ) -> ChartMarks:
        with Ink(painter, area, style, font) as ink:
            names = [label("difficulty", d) for d in DIFFICULTIES]
            side = _side_panel(ink, area, names)
            main = QRectF(
                area.left(), area.top(), side.left() - area.left() - 2 * PAD, area.height()
            )
            entries = [
                LegendEntry(n, style.difficulty_colour(d))
                for n, d in zip(names, DIFFICULTIES, strict=True)
            ]
            legend = place_legend(ink, entries, main, right=False, align="left")
            room = room_beside(legend, main)
            totals = [sum(week) for week in zip(*data.solved.values(), strict=True)]
            plot, y, ticks = ink.y_frame(
                room, 0.0, max(totals) * 1.05, "problems solved", integer=True
            )
            beside_axis = main.adjusted(plot.left() - main.left(), 0, 0, 0)
            aligned = place_legend(ink, entries, beside_axis, right=False, align="left")
            if aligned.rect.height() == legend.rect.height():  # as many rows: the plot fits
                legend = aligned
            ink.y_axis(plot, y, ticks, "problems solved")
            layers = [(style.difficulty_colour(d), data.solved[d]) for d in DIFFICULTIES]
            centres = _stacks(ink, plot, y, layers)
            ink.category_axis(plot, centres, [week_text(w) for w in data.weeks], every=4)
            paint_legend(ink, legend)
            texts = []
            for index, week in enumerate(data.weeks):
                parts = [
                    f"{n} {data.solved[d][index]}"
                    for n, d in zip(names, DIFFICULTIES, strict=True)
                    if data.solved[d][index]
                ]
                texts.append(
                    f"week of {week_text(week)}: {totals[index]} solved ({', '.join(parts)})"
                    if parts
                    else ""
                )
            tips = column_tips(plot, centres, texts)
            tips += _paint_medians(ink, side, data, names)
            return ChartMarks(tips=tuple(tips))


def _side_panel(ink: Ink, area: QRectF, names: list[str]) -> QRectF:
    """Where the median panel goes: the right third of the area, or more when its row
    labels, bars and title need it."""
    labels = max(ink.width(ink.tick, n) for n in names) + PAD
    least = labels + ink.line_height(ink.tick) * 5  # bars, target ticks and values
    width = max(area.width() * SIDE_SHARE, least, ink.width(ink.label, MEDIAN_AXIS))
    return QRectF(area.right() - width, area.top(), width, area.height())


def _paint_medians(ink: Ink, panel: QRectF, data: ProblemWeeks, names: list[str]) -> list[HitBox]:
    style = ink.style
    medians = [data.median_minutes[d] or 0.0 for d in DIFFICULTIES]
    targets = [data.target_minutes[d] for d in DIFFICULTIES]
    end = max([*medians, *targets]) or 1.0
    shown = [
        "–" if data.median_minutes[d] is None else f"{m:.0f}"
        for d, m in zip(DIFFICULTIES, medians, strict=True)
    ]
    title_height = ink.height(ink.label, MEDIAN_AXIS) + PAD
    left = panel.left() + max(ink.width(ink.tick, n) for n in names) + PAD
    bottom = panel.bottom() - title_height - ink.x_label_height()
    top = panel.top() + ink.line_height(ink.tick) / 2
    room = max(ink.width(ink.tick, s) for s in shown) + PAD + 1  # clear of the target tick
    plot = QRectF(left, top, panel.right() - left, bottom - top)
    x = Scale(0.0, end * 1.35, left, plot.right())
    if x(end) + room > plot.right():  # the values must fit
        x = Scale(0.0, end, left, plot.right() - room)
    band = plot.height() / len(names)
    ticks = nice_ticks(0.0, x.high, max(2, int(plot.width() / (ink.width(ink.tick, "000") * 1.8))))
    ink.category_axis(
        plot, [x(t) for t in ticks], [tick_text(t, ticks) for t in ticks], from_end=False
    )
    ink.x_title(panel, MEDIAN_AXIS)
    marker = ink.pen(style.text, 2.0)
    tips: list[HitBox] = []
    rows = []
    for index, difficulty in enumerate(DIFFICULTIES):
        middle = top + band * (index + 0.5)
        bar = QRectF(x(0), middle - band * 0.275, x(medians[index]) - x(0), band * 0.55)
        ink.fill(bar, style.difficulty_colour(difficulty))
        at = round(x(targets[index])) + 0.5
        ink.line([(at, middle - band * 0.4), (at, middle + band * 0.4)], marker)
        value_x = x(max(medians[index], targets[index])) + PAD + 1
        ink.put(ink.tick, shown[index], value_x, middle, "left", "center")
        rows.append((middle, names[index]))
        median = "no median yet" if shown[index] == "–" else f"median {shown[index]} min"
        tip = f"{names[index]}: {median}, target {targets[index]:.0f} min"
        tips.append((tip, plot.left(), middle - band / 2, plot.right(), middle + band / 2))
    ink.y_categories(plot, rows)
    return tips


PAINTERS: dict[str, NativeChart] = {
    "weekly-hours": StudyHours(),
    "problems": ProblemsSolved(),
}
