"""Charts of progress toward targets, painted: mastery by area, mastery over time, burndown.

Each is painted in the window with QPainter, in the theme's colours.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPolygonF

from prepdesk.core.mastery import area_label
from prepdesk.store.repositories.dashboard_stats import AreaMastery, Burndown, MasteryHistory
from prepdesk.ui.dashboard.chart_axes import (
    DASHED,
    DOTTED,
    GRID_ALPHA,
    PAD,
    Ink,
    Scale,
    colour,
    column_tips,
    scaled_font,
)
from prepdesk.ui.dashboard.chart_legend import LegendEntry, paint_legend, place_legend, room_beside
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.chart_ticks import week_text
from prepdesk.ui.dashboard.native_chart import ChartMarks, NativeChart
from prepdesk.ui.dashboard.progress_series import (
    Timeline,
    burndown_start,
    first_active,
    projected_level,
)

if TYPE_CHECKING:
    from prepdesk.ui.dashboard.native_chart import HitBox

LEVEL_AXIS = "level (0–5); click a bar to open its topics"
X_MARGIN = 0.03  # a time axis runs this share of its span past the first and last day


class MasteryByArea:
    """Each area's level as a bar in its colour, its target as a dashed box around it."""

    def shows_anything(self, data: list[AreaMastery]) -> bool:
        return bool(data) and not all(a.level <= 0 for a in data)

    def paint(
        self,
        painter: QPainter,
        area: QRectF,
        data: list[AreaMastery],
        style: ChartStyle,
        font: QFont,
    ) -> ChartMarks:
        with Ink(painter, area, style, font) as ink:
            legend = place_legend(
                ink, [LegendEntry("target", style.muted, "dashed-box")], area, right=False
            )
            paint_legend(ink, legend)
            title = ink.wrap(ink.label, LEVEL_AXIS, area.width())
            top = legend.rect.bottom()
            bottom = area.bottom() - ink.height(ink.label, title) - PAD - ink.x_label_height()
            band = (bottom - top) / len(data)
            name_font, names = ink.row_labels([a.name for a in data], band, area.width() * 0.4)
            values = [area_label(a.level, a.target) for a in data]
            left = area.left() + max(ink.width(name_font, n) for n in names) + PAD
            room = max(ink.width(ink.tick, v) for v in values) + PAD * 1.5
            plot = QRectF(left, top, area.right() - left, bottom - top)
            scale = Scale(0.0, 6.0, left, plot.right())  # room for the labels after a 5
            if scale(5.0) + room > plot.right():
                scale = Scale(0.0, 5.0, left, plot.right() - room)
            grid = ink.pen(style.grid, alpha=GRID_ALPHA)
            for level in range(6):
                x = round(scale(level)) + 0.5
                ink.line([(x, top), (x, bottom)], grid)
            ink.category_axis(
                plot, [scale(v) for v in range(6)], [str(v) for v in range(6)], from_end=False
            )
            ink.x_title(plot, title)
            hits: list[HitBox] = []
            tips: list[HitBox] = []
            target_pen = ink.pen(style.muted, 1.0, DASHED)
            for index, (mastery, value) in enumerate(zip(data, values, strict=True)):
                middle = top + band * (index + 0.5)
                outline = QRectF(
                    scale(0), middle - band * 0.35, scale(mastery.target) - scale(0), band * 0.7
                )
                ink.box(outline, target_pen)
                bar = QRectF(
                    scale(0), middle - band * 0.25, scale(mastery.level) - scale(0), band * 0.5
                )
                ink.fill(bar, style.area_colour(index))
                end = scale(max(mastery.level, mastery.target))
                ink.put(ink.tick, value, end + PAD, middle, "left", "center")
                box = (scale(0), outline.top(), max(end, scale(0) + PAD), outline.bottom())
                hits.append((mastery.key, *box))
                tips.append((f"{mastery.name}: level {value} (now / target)", *box))
            rows = [(top + band * (i + 0.5), n) for i, n in enumerate(names)]
            ink.y_categories(plot, rows, font=name_font)
            return ChartMarks(hits=tuple(hits), tips=tuple(tips))


def _time_scale(plot: QRectF, first: date, last: date) -> Scale:
    span = max(1, (last - first).days)
    margin = span * X_MARGIN
    return Scale(first.toordinal() - margin, last.toordinal() + margin, plot.left(), plot.right())


def _interview_line(ink: Ink, plot: QRectF, x: float) -> None:
    x = round(x) + 0.5
    ink.line([(x, plot.top()), (x, plot.bottom())], ink.pen(ink.style.accent, 1.0))


class MasteryOverTime:
    """A line per area week by week, dotted on to interview day along its trend."""

    def shows_anything(self, data: Timeline) -> bool:
        history: MasteryHistory = data.data
        return history.rated and bool(history.areas)

    def paint(
        self, painter: QPainter, area: QRectF, data: Timeline, style: ChartStyle, font: QFont
    ) -> ChartMarks:
        history: MasteryHistory = data.data
        with Ink(painter, area, style, font) as ink:
            entries = [
                LegendEntry(a.name, style.area_colour(i), "line")
                for i, a in enumerate(history.areas)
            ]
            legend = place_legend(
                ink, [*entries, LegendEntry("target", style.muted, "dashed")], area
            )
            start = first_active([a.levels for a in history.areas])
            weeks = history.weeks[start:]
            interview = data.interview
            ahead = interview is not None and interview > weeks[-1]
            room = room_beside(legend, area)
            plot, y, ticks = ink.y_frame(room.adjusted(0, 0, -PAD, 0), 0.0, 5.2, "level")
            x = _time_scale(plot, weeks[0], interview if interview and ahead else weeks[-1])
            ink.y_axis(plot, y, [t for t in ticks if t <= 5], "level")
            target = sum(a.target for a in history.areas) / len(history.areas)
            ink.line(
                [(plot.left(), y(target)), (plot.right(), y(target))],
                ink.pen(style.muted, 1.0, DASHED),
            )
            if interview is not None:
                at = x.day(interview)
                if plot.left() <= at <= plot.right():
                    _interview_line(ink, plot, at)
                    _interview_label(ink, at - 1, y(0.2), y(0.2) - plot.top())
            for index, series in enumerate(history.areas):
                levels = series.levels[start:]
                pen = ink.pen(style.area_colour(index), 1.8)
                ink.line([(x.day(w), y(v)) for w, v in zip(weeks, levels, strict=True)], pen)
                if interview is not None and ahead:
                    projected = projected_level(levels, weeks[-1], interview)
                    dotted = ink.pen(style.area_colour(index), 1.2, DOTTED)
                    ink.line(
                        [(x.day(weeks[-1]), y(levels[-1])), (x.day(interview), y(projected))],
                        dotted,
                    )
            ink.date_axis(plot, x, weeks[0], interview if interview and ahead else weeks[-1])
            paint_legend(ink, legend)
            texts = [
                "\n".join(
                    [f"week of {week_text(week)}"]
                    + [f"{a.name} {a.levels[start + i]:.1f}" for a in history.areas]
                )
                for i, week in enumerate(weeks)
            ]
            return ChartMarks(tips=tuple(column_tips(plot, [x.day(w) for w in weeks], texts)))


def _interview_label(ink: Ink, x: float, bottom: float, room: float) -> None:
    """'interview' upright left of its line, smaller when the plot is short, left out
    when even that would not fit."""
    for factor in (1.0, 0.9, 0.8):
        font = scaled_font(ink.tick, factor)
        if ink.width(font, "interview") <= room:
            ink.upright(font, "interview", x, bottom, anchor="bottom")
            return


class HoursBurndown:
    """The hours of study still needed, week by week, against the ideal to interview day."""

    def shows_anything(self, data: Timeline) -> bool:
        burndown: Burndown = data.data
        return burndown.rated and any(burndown.hours_needed)

    def paint(
        self, painter: QPainter, area: QRectF, data: Timeline, style: ChartStyle, font: QFont
    ) -> ChartMarks:
        burndown: Burndown = data.data
        with Ink(painter, area, style, font) as ink:
            start = burndown_start(burndown.hours_needed)
            weeks, needed = burndown.weeks[start:], burndown.hours_needed[start:]
            interview = data.interview
            ideal = interview is not None and interview > weeks[0]
            entries = [LegendEntry("hours still needed", style.accent, "thick")]
            if ideal:
                entries.append(LegendEntry("ideal to interview day", style.muted, "dashed"))
            legend = place_legend(ink, entries, area, right=False)
            room = room_beside(legend, area).adjusted(0, 0, -PAD, 0)
            plot, y, ticks = ink.y_frame(room, 0.0, max(needed) * 1.05, "hours")
            last = max(weeks[-1], interview) if interview is not None and ideal else weeks[-1]
            x = _time_scale(plot, weeks[0], last)
            ink.y_axis(plot, y, ticks, "hours")
            points = [QPointF(x.day(w), y(h)) for w, h in zip(weeks, needed, strict=True)]
            area_under = QPolygonF(
                [QPointF(points[0].x(), y(0)), *points, QPointF(points[-1].x(), y(0))]
            )
            path = QPainterPath()
            path.addPolygon(area_under)
            painter.fillPath(path, colour(style.accent, 0.18))
            ink.line([(p.x(), p.y()) for p in points], ink.pen(style.accent, 2.0))
            if interview is not None and ideal:
                ideal_line = [(x.day(weeks[0]), y(needed[0])), (x.day(interview), y(0))]
                ink.line(ideal_line, ink.pen(style.muted, 1.2, DASHED))
                _interview_line(ink, plot, x.day(interview))
            _to_go(ink, plot, points[-1], f"{needed[-1]:.0f} h to go")
            ink.date_axis(plot, x, weeks[0], last)
            paint_legend(ink, legend)
            texts = [
                f"week of {week_text(w)}: {h:.0f} h still needed"
                for w, h in zip(weeks, needed, strict=True)
            ]
            return ChartMarks(tips=tuple(column_tips(plot, [p.x() for p in points], texts)))


def _to_go(ink: Ink, plot: QRectF, point: QPointF, text: str) -> None:
    """The note left of and above the last point, on a patch of background, in the plot."""
    rect = ink.text_rect(ink.label, text, point.x() - 5, point.y() - 10, "right", "bottom")
    rect.moveLeft(max(rect.left(), plot.left() + PAD))
    rect.moveTop(max(rect.top(), plot.top()))
    ink.fill(rect.adjusted(-2, -1, 2, 1), ink.style.background)
    ink.text(ink.label, text, rect)


PAINTERS: dict[str, NativeChart] = {
    "mastery-by-area": MasteryByArea(),
    "mastery-history": MasteryOverTime(),
    "burndown": HoursBurndown(),
}
