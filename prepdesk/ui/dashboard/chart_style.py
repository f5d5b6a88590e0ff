"""Chart colours taken from the widget's QPalette, so light and dark themes both read well."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from prepdesk.ui.colours import LIGHT, theme_colours

if TYPE_CHECKING:  # Qt is imported when a style is taken from a palette
    from PySide6.QtGui import QColor, QPalette


def _hex(color: QColor) -> str:
    return color.name()  # #rrggbb


@dataclass(frozen=True)
class ChartStyle:
    text: str
    muted: str
    background: str
    grid: str
    faint: str  # between background and grid: empty cells
    accent: str
    dark: bool
    series: tuple[str, ...] = LIGHT.series  # one colour per area, in the areas' order
    difficulty: tuple[tuple[str, str], ...] = tuple(LIGHT.difficulty.items())
    alert: str = LIGHT.chart_alert  # text asking for attention

    @property
    def mark(self) -> str:
        """A filled cell or mark with no area of its own: >= 3:1 on the background and on
        `faint` (an empty cell) in both themes."""
        return self.series[0]

    def area_colour(self, index: int) -> str:
        return self.series[index % len(self.series)]

    def difficulty_colour(self, difficulty: str) -> str:
        return dict(self.difficulty)[difficulty]

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartStyle:
        from PySide6.QtGui import QColor, QPalette

        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        dark = window.lightness() < text.lightness()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        colours = theme_colours(dark)

        def blend(mix: float) -> QColor:
            return QColor.fromRgbF(
                window.redF() * (1 - mix) + text.redF() * mix,
                window.greenF() * (1 - mix) + text.greenF() * mix,
                window.blueF() * (1 - mix) + text.blueF() * mix,
            )

        return cls(
            text=_hex(text),
            muted=_hex(muted),
            background=_hex(window),
            grid=_hex(blend(0.18 if dark else 0.12)),
            faint=_hex(blend(0.1 if dark else 0.06)),
            accent=_hex(palette.color(QPalette.ColorRole.Highlight)),
            dark=dark,
            series=colours.series,
            difficulty=tuple(colours.difficulty.items()),
            alert=colours.chart_alert,
        )
