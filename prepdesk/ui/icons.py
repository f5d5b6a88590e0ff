"""SVG icons from resources/icons, drawn in the palette's text colour.

The line icons are drawn with one grey stroke (LINE_COLOUR); on a dark palette that
colour is replaced at load time by the palette's text colour, so they stay legible,
and selected items get the highlighted-text colour.
Call `icon()` again after ThemeManager.theme_changed to get the recoloured icon.
Icons are rendered from the SVG when a widget asks for a size (and kept), so they stay
sharp at any scale factor and cost nothing before they are painted: a theme switch or
the start-up shell renders only the sizes on screen, not every size there could be.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from prepdesk.resources import resource_path
from prepdesk.ui.colours import ICON_STROKE

LINE_COLOUR = ICON_STROKE


@cache
def _svg_source(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def svg_text(name: str, colour: str | None = None) -> str:
    text = _svg_source(name)  # read once: each icon has three colourings
    return text.replace(LINE_COLOUR, colour) if colour else text


def render_svg(svg: str, width: int, height: int | None = None) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    height = width if height is None else height
    pixmap = QPixmap(max(width, 1), max(height, 1))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


class SvgIconEngine(QIconEngine):
    """Renders one SVG per icon mode at the size asked for, once per size."""

    def __init__(self, svgs: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self._svgs = svgs
        self._pixmaps: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode)
        if key not in self._pixmaps:
            svg = self._svgs.get(mode, self._svgs[QIcon.Mode.Normal])
            self._pixmaps[key] = render_svg(svg, size.width(), size.height())
        return QPixmap(self._pixmaps[key])

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svgs)


def _palette_colour(role: QPalette.ColorRole, group: QPalette.ColorGroup) -> str:
    return QGuiApplication.palette().color(group, role).name()


@cache
def _coloured_icon(name: str, normal: str, disabled: str, selected: str) -> QIcon:
    engine = SvgIconEngine(
        {
            QIcon.Mode.Normal: svg_text(name, normal),
            QIcon.Mode.Disabled: svg_text(name, disabled),
            QIcon.Mode.Selected: svg_text(name, selected),
        }
    )
    _ENGINES.append(engine)  # kept alive with the cached icon that paints through it
    return QIcon(engine)


_ENGINES: list[SvgIconEngine] = []


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
