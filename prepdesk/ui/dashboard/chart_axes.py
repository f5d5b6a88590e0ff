"""The painting kit of the dashboard's axis charts: text, lines, scales and axes.

Everything is in the logical pixels of the painter's device, top-left origin. Text is
sized from the body font the chart is given (tick labels 0.85×, axis labels 0.92×),
colours come from the ChartStyle only, and each axis thins its labels when they would
collide, so a chart reads at 420 px wide with a 1.5× font as well as at 900 px.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.chart_ticks import (
    COUNTING_STEPS,
    date_tick_choices,
    month_label,
    nice_ticks,
    tick_text,
)

PAD = 4.0  # between a label and what it labels
TICK = 3.0  # a tick mark's length
TICK_SCALE = 0.85  # labels around a chart (ticks, legends, notes) against the body font
GRID_ALPHA = 0.6
DASHED = (3.7, 1.6)  # matplotlib's '--' and ':' in line widths
DOTTED = (1.0, 1.65)
POINT = 100 / 72  # pixels per point of line width, as the matplotlib charts had it
HAIRLINE = 1 / POINT  # gridlines, axes and ticks: one crisp pixel
NAME_EMS = 8.5  # row names wrap at about this many line heights (18 characters)
ROW_GAP = 2.0  # the least space between two rows' labels


def scaled_font(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    else:
        scaled.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return scaled


def colour(name: str, alpha: float = 1.0) -> QColor:
    value = QColor(name)
    value.setAlphaF(alpha)
    return value


@dataclass(frozen=True)
class Scale:
    """Data values [low, high] onto pixels [start, end] (end < start for a y axis)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.start + (value - self.low) / span * (self.end - self.start)

    def day(self, value: date) -> float:
        return self(value.toordinal())


def column_tips(
    plot: QRectF, centres: Sequence[float], texts: Sequence[str]
) -> list[tuple[str, float, float, float, float]]:
    """A hover text per column (a week) of the plot, half way to its neighbours, inside
    the plot; columns with no text get none."""
    tips = []
    for index, (x, text) in enumerate(zip(centres, texts, strict=True)):
        before = centres[index - 1] if index else plot.left() - (x - plot.left())
        after = centres[index + 1] if index + 1 < len(centres) else plot.right() + plot.right() - x
        left, right = max(plot.left(), (before + x) / 2), min(plot.right(), (x + after) / 2)
        if text and right > left:
            tips.append((text, left, plot.top(), right, plot.bottom()))
    return tips


class Ink:
    """A painter with the chart's fonts and colours: what the chart painters draw with.
    Used as a context, it leaves the painter's state (pen, font, hints) as it found it."""

    def __init__(self, painter: QPainter, area: QRectF, style: ChartStyle, font: QFont) -> None:
        self.painter = painter
        self.area = QRectF(area)
        self.style = style
        self.label = scaled_font(font, 0.92)  # axis labels
        self.tick = scaled_font(font, TICK_SCALE)  # tick labels, legends, notes
        # Measuring is most of a chart's time: each font's metrics and each line's
        # width once per paint (the font is kept, so its id stays its own).
        self._metrics: dict[int, tuple[QFont, QFontMetricsF, float]] = {}
        self._widths: dict[tuple[int, str], float] = {}

    def __enter__(self) -> Ink:
        self.painter.save()
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.painter.restore()

    # text -----------------------------------------------------------------------
    def metrics(self, font: QFont) -> QFontMetricsF:
        known = self._metrics.get(id(font))
        if known is None:
            metrics = QFontMetricsF(font, self.painter.device())
            known = self._metrics[id(font)] = (font, metrics, metrics.height())
        return known[1]

    def line_width(self, font: QFont, line: str) -> float:
        key = (id(font), line)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.metrics(font).horizontalAdvance(line)
        return width

    def width(self, font: QFont, text: str) -> float:
        if "\n" not in text:
            return self.line_width(font, text)
        return max(self.line_width(font, line) for line in text.split("\n"))

    def line_height(self, font: QFont) -> float:
        self.metrics(font)
        return self._metrics[id(font)][2]

    def height(self, font: QFont, text: str) -> float:
        return self.line_height(font) * (text.count("\n") + 1)

    def text_rect(
        self, font: QFont, text: str, x: float, y: float, h: str = "left", v: str = "top"
    ) -> QRectF:
        """Where `text` goes when its `h` side (left/center/right) is at x and its `v`
        side (top/center/bottom) at y."""
        width, height = self.width(font, text), self.height(font, text)
        left = x - {"left": 0.0, "center": width / 2, "right": width}[h]
        top = y - {"top": 0.0, "center": height / 2, "bottom": height}[v]
        return QRectF(left, top, width, height)

    def text(
        self, font: QFont, text: str, rect: QRectF, colour_name: str = "", h: str = "left"
    ) -> None:
        """Lines of `text` in `rect` (from text_rect), each aligned to `h`."""
        painter = self.painter
        painter.setFont(font)
        painter.setPen(colour(colour_name or self.style.text))
        metrics = self.metrics(font)
        top = rect.top() + metrics.ascent()
        for line in text.split("\n"):
            width = self.line_width(font, line)
            left = {"left": rect.left(), "center": rect.center().x() - width / 2}.get(
                h, rect.right() - width
            )
            painter.drawText(QPointF(left, top), line)
            top += metrics.height()

    def put(
        self,
        font: QFont,
        text: str,
        x: float,
        y: float,
        h: str = "left",
        v: str = "top",
        colour_name: str = "",
    ) -> QRectF:
        rect = self.text_rect(font, text, x, y, h, v)
        self.text(font, text, rect, colour_name, h)
        return rect

    def upright(self, font: QFont, text: str, x: float, y: float, anchor: str = "center") -> None:
        """Text turned a quarter left (read bottom to top), its right edge at x;
        `anchor` 'center' centres it on y, 'bottom' starts it at y."""
        width, height = self.width(font, text), self.line_height(font)
        painter = self.painter
        painter.save()
        painter.translate(x - height, y)
        painter.rotate(-90)
        start = -width / 2 if anchor == "center" else 0.0
        self.text(font, text, QRectF(start, 0, width, height))
        painter.restore()

    def wrap(self, font: QFont, text: str, width: float) -> str:
        """`text` in lines no wider than `width`, broken between words only (a word
        wider than `width` keeps a line of its own, whole)."""
        lines: list[str] = []
        for word in text.split():
            if lines and self.width(font, f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return "\n".join(lines)

    # lines and shapes -------------------------------------------------------------
    def pen(
        self,
        colour_name: str,
        points: float = HAIRLINE,
        dashes: Sequence[float] = (),
        alpha: float = 1.0,
    ) -> QPen:
        """A line `points` wide (as matplotlib drew it at 100 dpi), dashes in widths."""
        pen = QPen(colour(colour_name, alpha), points * POINT)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dashes:
            pen.setDashPattern(list(dashes))
        return pen

    def line(self, points: Sequence[tuple[float, float]], pen: QPen) -> None:
        path = QPainterPath(QPointF(*points[0]))
        for point in points[1:]:
            path.lineTo(QPointF(*point))
        self.painter.strokePath(path, pen)

    def fill(self, rect: QRectF, colour_name: str, alpha: float = 1.0) -> None:
        self.painter.fillRect(rect, colour(colour_name, alpha))

    def box(self, rect: QRectF, pen: QPen) -> None:
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(rect)

    # axes -------------------------------------------------------------------------
    def y_ticks(self, low: float, high: float, span: float, integer: bool = False) -> list[float]:
        """Round values (steps of 1, 2 or 5 × 10^k) for a vertical axis `span` pixels
        tall, at least 1.8 lines of text apart, at most seven."""
        most = int(span / (self.line_height(self.tick) * 1.8)) + 1
        return nice_ticks(low, high, min(7, max(2, most)), integer, COUNTING_STEPS)

    def y_frame(
        self, room: QRectF, low: float, high: float, label: str, integer: bool = False
    ) -> tuple[QRectF, Scale, list[float]]:
        """The plot inside `room` left of a y axis from low to high (its ticks and
        label) and above one line of x labels; the y scale and its ticks."""
        top = room.top() + self.line_height(self.tick) / 2
        bottom = room.bottom() - self.x_label_height()
        ticks = self.y_ticks(low, high, bottom - top, integer)
        left = room.left() + self.y_tick_width(ticks)
        if label:
            left += self.line_height(self.label) + PAD
        plot = QRectF(left, top, room.right() - left, bottom - top)
        return plot, Scale(low, high, bottom, top), ticks

    def y_tick_width(self, ticks: list[float]) -> float:
        return max(self.width(self.tick, tick_text(t, ticks)) for t in ticks) + TICK + PAD

    def y_axis(self, plot: QRectF, scale: Scale, ticks: list[float], label: str = "") -> None:
        """Gridlines across the plot at each tick, the tick values left of it, and the
        axis label turned upright at the area's left edge."""
        grid = self.pen(self.style.grid, alpha=GRID_ALPHA)
        for value in ticks:
            y = round(scale(value)) + 0.5
            self.line([(plot.left(), y), (plot.right(), y)], grid)
            self.line([(plot.left() - TICK, y), (plot.left(), y)], self.pen(self.style.muted))
            self.put(
                self.tick,
                tick_text(value, ticks),
                plot.left() - TICK - PAD / 2,
                y,
                "right",
                "center",
            )
        self.line(
            [(plot.left(), plot.top()), (plot.left(), plot.bottom())], self.pen(self.style.grid)
        )
        if label:
            self.upright(
                self.label,
                label,
                self.area.left() + self.line_height(self.label),
                plot.center().y(),
            )

    def x_base(self, plot: QRectF) -> None:
        self.line(
            [(plot.left(), plot.bottom()), (plot.right(), plot.bottom())], self.pen(self.style.grid)
        )

    def x_labels(
        self, plot: QRectF, at: Sequence[tuple[float, str]], ticks: bool = True
    ) -> list[QRectF]:
        """Tick marks below the plot and their labels, each kept inside the area; where
        the labels went."""
        tick = self.pen(self.style.muted)
        rects = []
        for x, text in at:
            if ticks:
                self.line([(x, plot.bottom()), (x, plot.bottom() + TICK)], tick)
            rects.append(self.label_rect(plot, x, text))
            self.text(self.tick, text, rects[-1], h="center")
        return rects

    def label_rect(self, plot: QRectF, x: float, text: str) -> QRectF:
        """Where an x label centred on x goes: shifted right as far as it must to stay
        clear of the y axis's labels, left to stay in the area."""
        rect = self.text_rect(self.tick, text, x, plot.bottom() + TICK + 1, "center", "top")
        rect.translate(max(0.0, plot.left() - TICK - rect.left()), 0)
        return rect.translated(-max(0.0, rect.right() - self.area.right()), 0)

    def fits(self, plot: QRectF, at: Sequence[tuple[float, str]]) -> bool:
        """Whether these x labels stand apart (a space's width between neighbours)."""
        gap = self.width(self.tick, "  ")
        rects = [self.label_rect(plot, x, text) for x, text in at]
        return all(b.left() - a.right() >= gap for a, b in itertools.pairwise(rects))

    def x_label_height(self, lines: int = 1) -> float:
        return TICK + 1 + self.line_height(self.tick) * lines

    def date_axis(self, plot: QRectF, scale: Scale, first: date, last: date) -> list[QRectF]:
        """Month (or, on a short span, week) ticks below the plot, as dense as fits."""
        chosen: list[tuple[float, str]] = []
        for days in date_tick_choices(first, last):
            chosen = [(scale.day(day), month_label(day, i)) for i, day in enumerate(days)]
            if self.fits(plot, chosen):
                break
        self.x_base(plot)
        return self.x_labels(plot, chosen)

    def category_axis(
        self,
        plot: QRectF,
        centres: Sequence[float],
        texts: Sequence[str],
        every: int = 1,
        from_end: bool = True,
    ) -> list[QRectF]:
        """The x base line and every `every`-th label (see `thinned`); where they went."""
        self.x_base(plot)
        return self.x_labels(plot, self.thinned(plot, centres, texts, every, from_end)[1])

    def thinned(
        self,
        plot: QRectF,
        centres: Sequence[float],
        texts: Sequence[str],
        every: int = 1,
        from_end: bool = True,
    ) -> tuple[int, list[tuple[float, str]]]:
        """Every `every`-th label (counted back from the last unless not `from_end`),
        or every n-th for the least n > `every` that keeps them apart; n and them."""
        indices = list(range(len(centres)))[:: -1 if from_end else 1]
        chosen: list[tuple[float, str]] = []
        for step in range(max(1, every), len(centres) + 1):
            chosen = sorted((centres[i], texts[i]) for i in indices[::step])
            if self.fits(plot, chosen):
                return step, chosen
        return len(centres), chosen

    def x_title(self, plot: QRectF, text: str) -> None:
        """The x axis's label, centred under the plot, at the bottom of the area (a
        pixel above it: a box-drawing glyph such as '│' reaches below the line)."""
        rect = self.text_rect(
            self.label, text, plot.center().x(), self.area.bottom() - 1, "center", "bottom"
        )
        shift = max(0.0, self.area.left() - rect.left()) - max(
            0.0, rect.right() - self.area.right()
        )
        self.text(self.label, text, rect.translated(shift, 0), h="center")

    def row_labels(self, names: list[str], band: float, widest: float) -> tuple[QFont, list[str]]:
        """The font and lines of row labels `band` pixels apart: names wrapped to about
        18 characters, or one line each when wrapped ones would be taller than their row
        and one line fits in `widest`, or else wrapped to `widest`; in a smaller font
        while they don't fit; at worst one line each in the smallest."""
        font = self.tick
        for factor in (1.0, 0.94, 0.88, 0.82):
            font = scaled_font(self.tick, factor)
            wrapped = [self.wrap(font, n, self.line_height(font) * NAME_EMS) for n in names]
            if max(self.height(font, n) for n in wrapped) <= band - ROW_GAP:
                return font, wrapped
            if max(self.width(font, n) for n in names) <= widest:
                return font, names
            wrapped = [self.wrap(font, n, widest) for n in names]
            if max(self.height(font, n) for n in wrapped) <= band - ROW_GAP:
                return font, wrapped
        return font, names

    def y_categories(
        self, plot: QRectF, rows: Sequence[tuple[float, str]], font: QFont | None = None
    ) -> None:
        """Row labels right-aligned left of the plot, each centred on its row."""
        font = font or self.tick
        for y, text in rows:
            rect = self.text_rect(font, text, plot.left() - PAD, y, "right", "center")
            self.text(font, text, rect, h="right")
