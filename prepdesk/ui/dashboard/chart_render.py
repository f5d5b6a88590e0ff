"""Render a chart's Figure with Agg on a worker thread; the Qt canvas only shows the result.

Drawing a chart costs 100 ms or more, too long for the GUI thread during a refresh.
Each render builds a fresh Figure (never shared with another thread while it is being
drawn) and hands it, already rasterised, to the panel's FigureCanvasQTAgg, which
then only copies pixels on paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prepdesk.ui.dashboard.chart_style import ChartStyle

BASE_DPI = 100


@dataclass(frozen=True)
class RenderSize:
    width: int  # logical pixels
    height: int
    pixel_ratio: float


@dataclass(frozen=True)
class RenderedChart:
    figure: Any  # matplotlib Figure, rasterised unless `drew` is False
    renderer: Any  # its RendererAgg
    key: tuple[float, float, float] | None  # FigureCanvasAgg's renderer cache key
    drew: bool
    size: RenderSize


def render_chart(draw: Any, data: Any, style: ChartStyle, size: RenderSize) -> RenderedChart:
    """Build and rasterise one chart; safe off the GUI thread (no Qt objects touched)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(
        figsize=(max(size.width, 50) / BASE_DPI, max(size.height, 50) / BASE_DPI),
        dpi=BASE_DPI,
        layout="constrained",
    )
    if size.pixel_ratio != 1:
        figure._set_dpi(BASE_DPI * size.pixel_ratio, forward=False)
    canvas = FigureCanvasAgg(figure)
    with matplotlib.rc_context(style.rc()):
        figure.set_facecolor(style.background)
        drew = bool(draw(figure, data, style))
    if not drew:
        figure.clear()
        return RenderedChart(figure, None, None, False, size)
    canvas.draw()
    return RenderedChart(figure, canvas.renderer, canvas._lastKey, True, size)
