"""A natively painted chart as a file's bytes: a PNG at twice the size, or an SVG.

Painted on the GUI thread (a few milliseconds) with the layout the window shows; the
caller writes the bytes off the GUI thread through the one atomic writer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QImage, QPaintDevice, QPainter

from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.native_chart import NativeChart

PNG_SCALE = 2  # a saved PNG has twice the window's logical pixels
INCH_PER_METRE = 39.37


def _paint(
    device: QPaintDevice, chart: NativeChart, data: Any, style: ChartStyle, font: QFont, size: QSize
) -> None:
    painter = QPainter(device)
    try:
        area = QRectF(0, 0, size.width(), size.height())
        painter.fillRect(area, QColor(style.background))
        chart.paint(painter, area, data, style, font)
    finally:
        painter.end()


def chart_bytes(
    fmt: str,
    chart: NativeChart,
    data: Any,
    style: ChartStyle,
    font: QFont,
    size: QSize,
    dpi: tuple[int, int],
    title: str = "",
) -> bytes:
    """The chart painted at `size` (logical pixels) as PNG or SVG bytes. `dpi` is the
    window's logical DPI, so text takes the room it takes on screen."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if fmt == "svg":
        from PySide6.QtSvg import QSvgGenerator  # only when saving an SVG

        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setResolution(dpi[1])
        generator.setTitle(title)
        _paint(generator, chart, data, style, font, size)
    else:
        image = QImage(size * PNG_SCALE, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(PNG_SCALE)
        # Logical dots: the device pixel ratio doubles them (text as large as on screen).
        image.setDotsPerMeterX(round(dpi[0] * INCH_PER_METRE))
        image.setDotsPerMeterY(round(dpi[1] * INCH_PER_METRE))
        _paint(image, chart, data, style, font, size)
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs want bytes
            raise OSError("the image could not be encoded as PNG")
    return bytes(QByteArray(buffer.data()).data())
