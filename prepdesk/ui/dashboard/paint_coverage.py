"""Story coverage painted with QPainter: stories (rows) × competencies (columns).

Each cell is a tile with background between tiles, filled when the story shows the
competency. Competency names lean over the columns with how many stories show each; a
competency no story shows is named in the alert colour. Story titles wrap beside their
rows and are never cut: a long list makes their text smaller, not shorter. Each tile
says what it means when hovered.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from prepdesk.store.repositories.dashboard_stats import StoryCoverage
from prepdesk.ui.dashboard.chart_axes import TICK_SCALE, scaled_font
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.native_chart import ChartMarks, HitBox, NativeChart

LEAN = math.radians(35)  # competency names rise to the right at this angle
STEEPEST = math.radians(60)  # ...or steeper, up to this, when the columns are narrow
GAP = 3.0  # background between tiles
ROUND = 2.0
TITLES_SHARE = (0.2, 0.4)  # story titles take this share of the width, at least and at most
MAX_COLUMN = 96.0  # a tile is never wider than this (a few competencies on a wide panel)
SMALLEST = 0.7  # titles shrink to this share of the label font before they overflow
TEXT_GAP = 6.0  # between a title and its row


def _word_widths(metrics: QFontMetricsF, text: str) -> tuple[list[str], list[float], float]:
    """The words of `text`, the width of each and of a space between two."""
    words = text.split()
    widths = [metrics.horizontalAdvance(word) for word in words]
    return words, widths, metrics.horizontalAdvance(" ")


def wrap_words(metrics: QFontMetricsF, text: str, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken only between words (a word wider
    than `width` has a line of its own): a name is never cut."""
    words, widths, space = _word_widths(metrics, text)
    lines: list[str] = []
    line_width = 0.0
    for word, word_width in zip(words, widths, strict=True):
        if lines and line_width + space + word_width <= width:
            lines[-1] = f"{lines[-1]} {word}"
            line_width += space + word_width
        else:
            lines.append(word)
            line_width = word_width
    return lines or [""]


def _two_lines(metrics: QFontMetricsF, title: str) -> float:
    """The narrowest width that holds `title` in two lines broken between words."""
    _words, widths, space = _word_widths(metrics, title)
    total = sum(widths) + space * (len(widths) - 1)
    best, first = total, -space
    for width in widths[:-1]:
        first += space + width
        best = min(best, max(first, total - first - space))
    return best


def _titles_width(metrics: QFontMetricsF, titles: tuple[str, ...], width: float) -> float:
    """The narrowest column (within TITLES_SHARE of `width`) that holds every title in
    two lines, but never narrower than the widest word of a title."""
    least, most = (share * width for share in TITLES_SHARE)
    words = max(
        (metrics.horizontalAdvance(w) for title in titles for w in title.split()), default=0.0
    )
    wanted = max((_two_lines(metrics, title) for title in titles), default=0.0)
    return max(words, min(max(wanted, least), most)) + 1


def _title_font(base: QFont, titles: tuple[str, ...], width: float, row_height: float) -> QFont:
    """The largest font (down to SMALLEST of `base`) in which every title fits its row."""
    scale = 1.0
    while True:
        font = scaled_font(base, scale) if scale < 1.0 else QFont(base)
        metrics = QFontMetricsF(font)
        lines = max(len(wrap_words(metrics, title, width)) for title in titles)
        if lines * metrics.lineSpacing() <= row_height or scale <= SMALLEST:
            return font
        scale -= 0.05


def _tip(story: str, competency: str, shown: bool) -> str:
    if shown:
        return f"“{story}” shows {competency}"
    return f"“{story}” does not show {competency}"


class StoryCoverageChart:
    def shows_anything(self, data: StoryCoverage) -> bool:
        return bool(data.stories and data.competencies)

    def paint(
        self, painter: QPainter, area: QRectF, data: StoryCoverage, style: ChartStyle, font: QFont
    ) -> ChartMarks:
        label_font = scaled_font(font, TICK_SCALE)
        labels = QFontMetricsF(label_font)
        counts = [0] * len(data.competencies)
        for _row, shown_in in data.cells:
            counts[shown_in] += 1
        names = [f"{n} ({c})" for n, c in zip(data.competencies, counts, strict=True)]
        widths = [labels.horizontalAdvance(name) for name in names]
        titles_width = _titles_width(labels, data.stories, area.width())
        grid_left = area.left() + titles_width + TEXT_GAP
        lean, column = self._lean(grid_left, area.right() - 2, widths, labels.height())
        header = max(w * math.sin(lean) + labels.height() * math.cos(lean) for w in widths)
        grid_top = area.top() + min(header + 4, area.height() * 0.6)
        row_height = (area.bottom() - 2 - grid_top) / len(data.stories)
        title_font = _title_font(label_font, data.stories, titles_width, row_height)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tips = self._tiles(painter, data, style, QPointF(grid_left, grid_top), column, row_height)
        painter.setPen(QColor(style.text))
        painter.setFont(title_font)
        metrics = QFontMetricsF(title_font)
        for row, story in enumerate(data.stories):
            lines = wrap_words(metrics, story, titles_width)
            middle = grid_top + (row + 0.5) * row_height
            top = middle - len(lines) * metrics.lineSpacing() / 2
            for index, line in enumerate(lines):
                x = grid_left - TEXT_GAP - metrics.horizontalAdvance(line)
                y = top + index * metrics.lineSpacing() + metrics.ascent()
                painter.drawText(QPointF(x, y), line)

        painter.setFont(label_font)
        alert, normal = QColor(style.alert), QColor(style.text)
        for index, name in enumerate(names):
            painter.save()
            painter.translate(grid_left + (index + 0.5) * column, grid_top - 3)
            painter.rotate(-math.degrees(lean))
            painter.setPen(alert if counts[index] == 0 else normal)  # no story shows it yet
            painter.drawText(QPointF(0, -labels.descent()), name)
            painter.restore()
        painter.restore()
        return ChartMarks(tips=tuple(tips))

    @staticmethod
    def _tiles(
        painter: QPainter,
        data: StoryCoverage,
        style: ChartStyle,
        origin: QPointF,
        column: float,
        row_height: float,
    ) -> list[HitBox]:
        """One tile per story and competency, filled when the story shows it; their tips."""
        painter.setPen(Qt.PenStyle.NoPen)
        filled, empty = QColor(style.mark), QColor(style.faint)
        tips: list[HitBox] = []
        for row, story in enumerate(data.stories):
            for index, competency in enumerate(data.competencies):
                shown = (row, index) in data.cells
                box = QRectF(
                    origin.x() + index * column + GAP / 2,
                    origin.y() + row * row_height + GAP / 2,
                    column - GAP,
                    row_height - GAP,
                )
                painter.setBrush(filled if shown else empty)
                painter.drawRoundedRect(box, ROUND, ROUND)
                tip = _tip(story, competency, shown)
                tips.append((tip, box.left(), box.top(), box.right(), box.bottom()))
        return tips

    @classmethod
    def _lean(
        cls, left: float, right: float, widths: list[float], line: float
    ) -> tuple[float, float]:
        """The names' angle and the columns' width: LEAN, or steeper when the columns are
        too narrow for names at LEAN not to touch each other."""
        lean = LEAN
        column = (cls._grid_right(left, right, widths, lean) - left) / len(widths)
        if column * math.sin(lean) < 1.2 * line:
            lean = min(STEEPEST, math.asin(min(1.0, 1.2 * line / column)))
            column = (cls._grid_right(left, right, widths, lean) - left) / len(widths)
        return lean, min(MAX_COLUMN, column)

    @staticmethod
    def _grid_right(left: float, right: float, widths: list[float], lean: float) -> float:
        """The grid's right end such that every leaning name ends inside `right`: name i
        starts at the middle of column i and reaches its width × cos(lean) further."""
        count = len(widths)
        end = right
        for index, width in enumerate(widths):
            reach = width * math.cos(lean)
            # left + (index + 0.5) / count × (end - left) + reach <= right
            end = min(end, left + (right - left - reach) * count / (index + 0.5))
        return max(end, left + count * 8.0)


PAINTERS: dict[str, NativeChart] = {"story-coverage": StoryCoverageChart()}
