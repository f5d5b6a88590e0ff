"""matplotlib figures in the application's colours, restyled live when the theme changes.

Chart canvases either subclass ThemedCanvas (restyled and redrawn for them), or connect
`theme_manager().theme_changed` themselves and call `style_figure(figure, colours)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QWidget

from prepdesk.ui.theme import ChartColors, theme_manager

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def style_figure(figure: Figure, colours: ChartColors) -> None:
    """Backgrounds, text, ticks, spines and grid of every axes in `figure`."""
    figure.set_facecolor(colours.background)
    for axes in figure.get_axes():
        axes.set_facecolor(colours.background)
        axes.tick_params(colors=colours.foreground, which="both")
        axes.xaxis.label.set_color(colours.foreground)
        axes.yaxis.label.set_color(colours.foreground)
        axes.title.set_color(colours.foreground)
        for spine in axes.spines.values():
            spine.set_color(colours.grid)
        for line in axes.get_xgridlines() + axes.get_ygridlines():
            line.set_color(colours.grid)
        legend = axes.get_legend()
        if legend is not None:
            legend.get_frame().set_facecolor(colours.background)
            legend.get_frame().set_edgecolor(colours.grid)
            for text in legend.get_texts():
                text.set_color(colours.foreground)


def themed_canvas(parent: QWidget | None = None) -> QWidget:
    """A FigureCanvasQTAgg that restyles and redraws itself on every theme change.

    Subclass-free use: draw on `canvas.figure`, then call `canvas.restyle()`; override
    nothing. matplotlib is imported here, lazily, so start-up does not pay for it.
    """
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    class ThemedCanvas(FigureCanvasQTAgg):
        def __init__(self) -> None:
            super().__init__(Figure(layout="constrained"))
            self.setParent(parent)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            theme_manager().theme_changed.connect(self._on_theme_changed)

        def colours(self) -> ChartColors:
            return theme_manager().chart_colors()

        def restyle(self) -> None:
            style_figure(self.figure, self.colours())
            self.draw_idle()

        def _on_theme_changed(self, _dark: bool) -> None:
            self.restyle()

    return ThemedCanvas()
