"""Chart colours taken from the widget's QPalette, so light and dark themes both read well."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from prepdesk.ui.colours import LIGHT, theme_colours

if TYPE_CHECKING:  # the chart worker process uses ChartStyle without Qt
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

    def rc(self) -> dict[str, Any]:
        """matplotlib settings for artists created under `rc_context`."""
        return {
            "font.size": 8.5,
            "axes.titlesize": 9,
            "axes.labelsize": 8.5,
            "legend.fontsize": 7.5,
            "xtick.labelsize": 7.5,
            "ytick.labelsize": 7.5,
            "text.color": self.text,
            "axes.labelcolor": self.text,
            "axes.edgecolor": self.grid,
            "axes.facecolor": self.background,
            "figure.facecolor": self.background,
            "savefig.facecolor": self.background,
            "xtick.color": self.text,
            "ytick.color": self.text,
            "grid.color": self.grid,
            "legend.frameon": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }


def separate_cells(ax: Any, rows: int, columns: int, style: ChartStyle) -> None:
    """A grid of cells (a heat map) drawn as tiles: gaps of background between them, no
    ticks and no frame."""
    ax.set_xticks([column - 0.5 for column in range(columns + 1)], minor=True)
    ax.set_yticks([row - 0.5 for row in range(rows + 1)], minor=True)
    ax.grid(which="minor", color=style.background, linewidth=2)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
