"""The activity calendar painted with QPainter: one square per day, weeks as columns.

The squares are as tall as the panel allows (seven rows) and as many weeks as fit the
width are shown, from a week before the first logged day; a short history leaves room
for what it adds up to (streaks, the busiest day). Every day has a hover tip saying its
date and what was done. Which weeks, the colour levels and the words come from
calendar_days.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

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
from prepdesk.ui.dashboard.chart_axes import TICK_SCALE, scaled_font
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.native_chart import ChartMarks, HitBox, NativeChart

GAP = 2.0  # background between squares
ROUND = 2.0  # corner radius of a square
DAY_NAMES = ("Mon", "Wed", "Fri")  # beside rows 0, 2 and 4
SUMMARY_ROOM = 200  # the least room beside a short calendar for its summary
KEY_CELLS = 5  # the colour key: nothing logged, then the four levels


class ActivityCalendar:
    def __init__(self) -> None:
        # The days' tips of the data painted last: a repaint (a resize) reuses them.
        self._tips_of: tuple[DailyMinutes | None, dict[date, str]] = (None, {})

    def _tip(self, day: date, data: DailyMinutes) -> str:
        if self._tips_of[0] is not data:
            self._tips_of = (data, {})
        tips = self._tips_of[1]
        if day not in tips:
            tips[day] = day_tip(day, data)
        return tips[day]

    def shows_anything(self, data: DailyMinutes) -> bool:
        return any(minutes > 0 for minutes in data.minutes.values())

    def paint(
        self, painter: QPainter, area: QRectF, data: DailyMinutes, style: ChartStyle, font: QFont
    ) -> ChartMarks:
        label_font = scaled_font(font, TICK_SCALE)
        metrics, labels = QFontMetricsF(font), QFontMetricsF(label_font)
        title_height = metrics.height() + 8
        names_width = max(labels.horizontalAdvance(name) for name in DAY_NAMES) + 8
        months_height = labels.height() + 4
        cell = max(6.0, (area.height() - title_height - months_height) / 7)
        grid = QRectF(area.left() + names_width, area.top() + title_height, 0, 7 * cell)
        span = calendar_span(data, max(4, int((area.width() - names_width - 8) // cell)))
        grid.setWidth(span.weeks * cell)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tips = self._days(painter, grid, cell, data, span.first_monday, span.top, style)

        text = QColor(style.text)
        painter.setFont(label_font)
        painter.setPen(text)
        for row, name in zip((0, 2, 4), DAY_NAMES, strict=True):
            box = QRectF(area.left(), grid.top() + row * cell, names_width - 6, cell)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        labelled_to = grid.left() - 1
        for column in range(span.weeks - 1):
            monday = span.first_monday + timedelta(weeks=column)
            x = grid.left() + column * cell
            if monday.day > 7 or x < labelled_to:
                continue
            name = month_name(monday, first=labelled_to < grid.left())
            painter.drawText(QPointF(x, grid.bottom() + 2 + labels.ascent()), name)
            labelled_to = x + labels.horizontalAdvance(name) + 6

        colours = level_colours(style)
        beside = QPointF(grid.right() + 28, grid.top())
        lines = summary_lines(data, span_start(data, span))
        line_height = max(metrics.height() * 1.5, 1.0)
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        room = area.right() - beside.x()
        summary_fits = (
            area.right() - grid.right() >= SUMMARY_ROOM
            and widest <= room
            and line_height * len(lines) <= grid.height() - labels.height()
        )
        key_width = self._key_width(labels, cell)
        if summary_fits:
            painter.setFont(font)
            for index, line in enumerate(lines):
                painter.drawText(
                    QPointF(beside.x(), beside.y() + index * line_height + metrics.ascent()), line
                )
            key_at = QPointF(beside.x(), grid.bottom() - labels.height() / 2)
        else:  # above the grid's end, right of the headline
            right = min(area.right(), max(grid.right(), grid.left() + key_width))
            key_at = QPointF(right - key_width, area.top() + title_height / 2)
        self._key(painter, key_at, cell, colours, labels, label_font, text)

        painter.setFont(font)
        painter.setPen(text)
        room = (area.right() if summary_fits else key_at.x() - 12) - grid.left()
        said = headline(data, span)
        if metrics.horizontalAdvance(said) > room:  # the hint goes first, then the end
            said = metrics.elidedText(
                headline(data, span, hint=False), Qt.TextElideMode.ElideRight, room
            )
        painter.drawText(QPointF(grid.left(), area.top() + 4 + metrics.ascent()), said)
        painter.restore()
        return ChartMarks(tips=tuple(tips))

    def _days(
        self,
        painter: QPainter,
        grid: QRectF,
        cell: float,
        data: DailyMinutes,
        first_monday: date,
        top: int,
        style: ChartStyle,
    ) -> list[HitBox]:
        """The squares, week after week up to the last day; each day's hover tip."""
        colours = [QColor(colour) for colour in level_colours(style)]
        painter.setPen(Qt.PenStyle.NoPen)
        tips: list[HitBox] = []
        columns = round(grid.width() / cell)
        for column in range(columns):
            for row in range(7):
                day = first_monday + timedelta(weeks=column, days=row)
                if day > data.last:
                    break
                box = QRectF(
                    grid.left() + column * cell + GAP / 2,
                    grid.top() + row * cell + GAP / 2,
                    cell - GAP,
                    cell - GAP,
                )
                painter.setBrush(colours[level(data.minutes.get(day, 0), top)])
                painter.drawRoundedRect(box, ROUND, ROUND)
                tip = self._tip(day, data)
                tips.append((tip, box.left(), box.top(), box.right(), box.bottom()))
        return tips

    @staticmethod
    def _key_cell(cell: float) -> float:
        return min(11.0, max(6.0, cell - GAP))

    def _key_width(self, labels: QFontMetricsF, cell: float) -> float:
        step = self._key_cell(cell) + GAP
        return (
            labels.horizontalAdvance("less")
            + labels.horizontalAdvance("more")
            + 8
            + KEY_CELLS * step
        )

    def _key(
        self,
        painter: QPainter,
        left_middle: QPointF,
        cell: float,
        colours: list[str],
        labels: QFontMetricsF,
        font: QFont,
        text: QColor,
    ) -> None:
        """less ▪▪▪▪▪ more: the colour of each level, its left end and middle at `left_middle`."""
        size = self._key_cell(cell)
        x, middle = left_middle.x(), left_middle.y()
        baseline = middle + (labels.ascent() - labels.descent()) / 2
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(QPointF(x, baseline), "less")
        x += labels.horizontalAdvance("less") + 4
        painter.setPen(Qt.PenStyle.NoPen)
        for colour in colours:
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRectF(x, middle - size / 2, size, size), ROUND, ROUND)
            x += size + GAP
        painter.setPen(text)
        painter.drawText(QPointF(x + 4 - GAP, baseline), "more")


PAINTERS: dict[str, NativeChart] = {"activity": ActivityCalendar()}
