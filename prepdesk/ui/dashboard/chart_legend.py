"""A chart's legend: a swatch and a name per series, right of the plot or above it.

Names wrap between words and are never cut. The legend goes right of the plot (names
wrapped) when that fits and leaves the plot about as much room as above it, in rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from prepdesk.ui.dashboard.chart_axes import DASHED, DOTTED, PAD, Ink

RIGHT_SHARE = 0.4  # the most of the width a legend right of the plot may take
ABOVE_BIAS = 0.8  # right of the plot unless above leaves the plot a quarter more room
WRAP_EMS = 8.5  # names right of the plot wrap at about this many line heights


@dataclass(frozen=True)
class LegendEntry:
    name: str
    colour: str
    mark: str = "box"  # box, line, thick (line), dashed, dotted, dashed-box


@dataclass(frozen=True)
class Legend:
    side: str  # "right", "above" or "" (no legend)
    rect: QRectF  # the space it takes, inside the area
    items: tuple[tuple[LegendEntry, QRectF, str], ...]  # entry, where, its (wrapped) name


def _swatch_size(ink: Ink) -> tuple[float, float]:
    height = ink.line_height(ink.tick)
    return height * 1.4, height * 0.6


def place_legend(
    ink: Ink,
    entries: list[LegendEntry],
    area: QRectF,
    right: bool = True,
    align: str = "right",
) -> Legend:
    """Lay the entries out right of the plot (when `right` allows and they fit) or above."""
    if not entries:
        return Legend("", QRectF(area.topLeft(), area.topLeft()), ())
    above = _above(ink, entries, area, align)
    if right:
        beside = _right(ink, entries, area)
        if beside is not None and (area.width() - beside.rect.width()) * area.height() >= (
            area.width() * (area.height() - above.rect.height()) * ABOVE_BIAS
        ):
            return beside
    return above


def _right(ink: Ink, entries: list[LegendEntry], area: QRectF) -> Legend | None:
    """A column right of the plot, names wrapped; None when it would not fit."""
    font = ink.tick
    swatch_w, _h = _swatch_size(ink)
    widest_word = max(ink.width(font, word) for e in entries for word in e.name.split())
    room = area.width() * RIGHT_SHARE - swatch_w - 3 * PAD
    wrap = max(widest_word, min(ink.line_height(font) * WRAP_EMS, room))
    names = [ink.wrap(font, e.name, wrap) for e in entries]
    width = swatch_w + PAD + max(ink.width(font, n) for n in names)
    height = sum(ink.height(font, n) for n in names) + PAD * (len(names) - 1)
    if width + 2 * PAD > area.width() * RIGHT_SHARE or height > area.height():
        return None
    left, top = area.right() - width, area.top()
    items = []
    for entry, name in zip(entries, names, strict=True):
        rect = QRectF(left, top, width, ink.height(font, name))
        items.append((entry, rect, name))
        top += rect.height() + PAD
    return Legend(
        "right", QRectF(left - 2 * PAD, area.top(), width + 2 * PAD, height), tuple(items)
    )


def _above(ink: Ink, entries: list[LegendEntry], area: QRectF, align: str) -> Legend:
    font = ink.tick
    swatch_w, _h = _swatch_size(ink)
    gap = ink.line_height(font)
    rows: list[list[tuple[LegendEntry, str, float]]] = [[]]
    used = 0.0
    for entry in entries:
        name = entry.name
        width = swatch_w + PAD + ink.width(font, name)
        if width > area.width():
            name = ink.wrap(font, name, area.width() - swatch_w - PAD)
            width = swatch_w + PAD + ink.width(font, name)
        if rows[-1] and used + gap + width > area.width():
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + width
        rows[-1].append((entry, name, width))
    items = []
    top = area.top()
    for row in rows:
        total = sum(w for _e, _n, w in row) + gap * (len(row) - 1)
        left = area.right() - total if align == "right" else area.left()
        height = max(ink.height(font, n) for _e, n, _w in row)
        for entry, name, width in row:
            items.append((entry, QRectF(left, top, width, ink.height(font, name)), name))
            left += width + gap
        top += height
    return Legend(
        "above", QRectF(area.left(), area.top(), area.width(), top - area.top() + PAD), tuple(items)
    )


def paint_legend(ink: Ink, legend: Legend) -> None:
    font = ink.tick
    swatch_w, swatch_h = _swatch_size(ink)
    line = ink.line_height(font)
    for entry, rect, name in legend.items:
        middle = rect.top() + line / 2
        swatch = QRectF(rect.left(), middle - swatch_h / 2, swatch_w, swatch_h)
        _swatch(ink, entry, swatch)
        text = QRectF(
            rect.left() + swatch_w + PAD, rect.top(), rect.width() - swatch_w - PAD, rect.height()
        )
        ink.text(font, name, text)


def _swatch(ink: Ink, entry: LegendEntry, rect: QRectF) -> None:
    mark = entry.mark
    if mark == "box":
        ink.fill(rect, entry.colour)
        return
    if mark == "dashed-box":
        ink.box(rect.adjusted(0.5, 0.5, -0.5, -0.5), ink.pen(entry.colour, 1.0, DASHED))
        return
    width = {"thick": 2.0, "line": 1.8}.get(mark, 1.2)
    dashes = {"dashed": DASHED, "dotted": DOTTED}.get(mark, ())
    path = QPainterPath()
    y = rect.center().y()
    path.moveTo(rect.left(), y)
    path.lineTo(rect.right(), y)
    ink.painter.strokePath(path, ink.pen(entry.colour, width, dashes))


def room_beside(legend: Legend, area: QRectF) -> QRectF:
    """What of `area` the legend leaves for the plot."""
    if legend.side == "right":
        return QRectF(area.left(), area.top(), legend.rect.left() - area.left(), area.height())
    if legend.side == "above":
        return QRectF(
            area.left(), legend.rect.bottom(), area.width(), area.bottom() - legend.rect.bottom()
        )
    return QRectF(area)
