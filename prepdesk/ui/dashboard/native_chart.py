"""A dashboard chart drawn with QPainter, in the window, from its loaded data.

Drawing a chart natively takes milliseconds, so a chart is painted on the GUI thread
whenever its widget paints (any size, any theme, no image to scale or cache); only its
data is read on a worker thread (chart_jobs.load_charts). Each chart is a `NativeChart`:
it says whether its data has anything to show (else the panel shows its empty-state
sentence) and paints into a rectangle, returning where its clickable elements and its
hover texts are, in the rectangle's logical pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QPainter

    from prepdesk.ui.dashboard.chart_style import ChartStyle

# A clickable element: (gid, left, top, right, bottom) in logical pixels of the chart;
# a hover tip has its text in place of the gid.
HitBox = tuple[str, float, float, float, float]


@dataclass(frozen=True)
class ChartMarks:
    """Where a painted chart's interactive elements are (logical pixels, top-left origin)."""

    hits: tuple[HitBox, ...] = field(default_factory=tuple)  # (gid, l, t, r, b): clickable
    tips: tuple[HitBox, ...] = field(default_factory=tuple)  # (text, l, t, r, b): hover text


class NativeChart(Protocol):
    def shows_anything(self, data: Any) -> bool:
        """False when there is nothing to draw (the panel shows its empty-state sentence)."""
        ...

    def paint(
        self, painter: QPainter, area: QRectF, data: Any, style: ChartStyle, font: QFont
    ) -> ChartMarks:
        """Draw the chart inside `area` with `font` as the body text; never outside it."""
        ...
