"""SVG icons from resources/icons, drawn in the palette's text colour.

The line icons are drawn with one grey stroke (LINE_COLOUR); on a dark palette that
colour is replaced at load time by the palette's text colour, so they stay legible,
and selected items get the highlighted-text colour.
Call `icon()` again after ThemeManager.theme_changed to get the recoloured icon.
Icons are rendered from the SVG at every size a widget may ask for, so they stay
sharp at any scale factor.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from prepdesk.resources import resource_path
from prepdesk.ui.colours import ICON_STROKE

LINE_COLOUR = ICON_STROKE
# Logical sizes (px) times the device pixel ratios we meet (1x, 1.25x, 1.5x, 2x).
_SIZES = (16, 20, 22, 24, 28, 32, 36, 44, 48, 64, 72, 96, 128, 192, 256)


def svg_text(name: str, colour: str | None = None) -> str:
    text = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    return text.replace(LINE_COLOUR, colour) if colour else text


def render_svg(svg: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def _palette_colour(role: QPalette.ColorRole, group: QPalette.ColorGroup) -> str:
    return QGuiApplication.palette().color(group, role).name()


@cache
def _coloured_icon(name: str, normal: str, disabled: str, selected: str) -> QIcon:
    result = QIcon()
    variants = (
        (QIcon.Mode.Normal, svg_text(name, normal)),
        (QIcon.Mode.Disabled, svg_text(name, disabled)),
        (QIcon.Mode.Selected, svg_text(name, selected)),
    )
    for size in _SIZES:
        for mode, svg in variants:
            result.addPixmap(render_svg(svg, size), mode)
    return result


def icon(name: str) -> QIcon:
    """The line icon `name`: its designed grey on light palettes, the text colour on dark."""
    palette = QGuiApplication.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    active, disabled = QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled
    normal = _palette_colour(QPalette.ColorRole.WindowText, active) if dark else LINE_COLOUR
    return _coloured_icon(
        name,
        normal,
        _palette_colour(QPalette.ColorRole.WindowText, disabled),
        _palette_colour(QPalette.ColorRole.HighlightedText, active),
    )


@cache
def app_icon() -> QIcon:
    # The application icon has its own colours; it is the same in both themes.
    return QIcon(str(resource_path("icons", "prepdesk.svg")))
