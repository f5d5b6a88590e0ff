"""One dashboard chart: a title, then either a matplotlib canvas or a helpful empty state.

matplotlib is imported only when the first chart is drawn (after the window's first
paint); until then the panel is a light placeholder of the same size.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from prepdesk.io.export_target import write_export
from prepdesk.store.errors import StoreError
from prepdesk.ui.dashboard.chart_render import RenderedChart, RenderSize
from prepdesk.ui.dashboard.chart_style import ChartStyle

# draw(figure, data, style) -> True if it drew something, False for "nothing to show".
DrawFunction = Callable[[Any, Any, ChartStyle], bool]


@cache
def _canvas_class() -> type:
    """FigureCanvasQTAgg that redraws on the GUI thread only when its size changed."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class PrerenderedCanvas(FigureCanvasQTAgg):
        def draw_idle(self) -> None:
            width, height = self.figure.bbox.size
            if self._lastKey == (width, height, self.figure.dpi):
                return  # the pixels from the worker's render are current
            super().draw_idle()

    return PrerenderedCanvas


CHART_HEIGHT = 250


class ChartPanel(QFrame):
    picked = Signal(str)  # the gid of a clicked chart element (e.g. an area key)

    def __init__(
        self,
        key: str,
        title: str,
        empty_message: str,
        parent: QWidget | None = None,
        height: int = CHART_HEIGHT,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.title = title
        self.empty_message = empty_message
        self._height = height
        self.figure: Any = None
        self.canvas: Any = None
        self.is_empty = True
        self.draw_count = 0
        self.setObjectName(f"chart-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self._stack = QStackedLayout()
        self.placeholder = QLabel("Loading chart…")
        self.placeholder.setObjectName("chartMessage")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(height)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._stack.addWidget(self.placeholder)
        layout.addLayout(self._stack)

    def render_size(self) -> RenderSize:
        """The size the next render should have: the panel's chart area right now."""
        area = self.canvas if self.canvas is not None else self.placeholder
        return RenderSize(area.width(), self._height, self.devicePixelRatioF())

    def style(self) -> ChartStyle:
        return ChartStyle.from_palette(self.palette())

    def adopt(self, rendered: RenderedChart) -> bool:
        """Show a chart rasterised on a worker thread; cheap enough for the GUI thread.

        False when the panel changed size since the render started (the layout was
        still settling): the caller renders again rather than redraw here.
        """
        if rendered.drew and rendered.size != self.render_size():
            return False
        self.draw_count += 1
        self.is_empty = not rendered.drew
        if not rendered.drew:
            self.placeholder.setText(self.empty_message)
            self._stack.setCurrentWidget(self.placeholder)
            if self.figure is not None:
                self.figure.clear()
            return True
        figure = rendered.figure
        if self.canvas is None:
            self.canvas = _canvas_class()(figure)
            self.canvas.setParent(self)
            self.canvas.setFixedHeight(self._height)
            self.canvas.setAccessibleName(f"{self.title} chart")
            self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.canvas.customContextMenuRequested.connect(self._show_menu)
            self.canvas.mpl_connect("pick_event", self._on_pick)
            self._stack.addWidget(self.canvas)
        else:
            figure.set_canvas(self.canvas)
            self.canvas.figure = figure
        # The worker's renderer already holds this figure's pixels at this size.
        self.canvas.renderer = rendered.renderer
        self.canvas._lastKey = rendered.key
        self.figure = figure
        self._stack.setCurrentWidget(self.canvas)
        self.canvas.update()
        return True

    def show_error(self, message: str) -> None:
        self.is_empty = True
        self.placeholder.setText(f"This chart could not be drawn: {message}")
        self._stack.setCurrentWidget(self.placeholder)

    def _on_pick(self, event: Any) -> None:
        gid = event.artist.get_gid()
        if gid:
            self.picked.emit(str(gid))

    # saving ------------------------------------------------------------------------------

    def _show_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for label, fmt in (("Save chart as PNG…", "png"), ("Save chart as SVG…", "svg")):
            action = QAction(label, menu)
            action.setEnabled(not self.is_empty)
            action.triggered.connect(lambda _=False, f=fmt: self.ask_and_save(f))
            menu.addAction(action)
        menu.popup(self.canvas.mapToGlobal(position))

    def ask_and_save(self, fmt: str) -> None:
        suggested = f"{self.key}.{fmt}"
        path, _filter = QFileDialog.getSaveFileName(
            self, f"Save {self.title}", suggested, f"{fmt.upper()} image (*.{fmt})"
        )
        if path:
            try:
                self.save(path, fmt)
            except StoreError as exc:  # a refused target, a full disk, a read-only folder
                QMessageBox.warning(self, f"{self.title} not saved", str(exc))

    def save(self, path: str, fmt: str) -> None:
        """Write the chart to `path` atomically (the old file stays until the new is whole)."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format=fmt, dpi=150 if fmt == "png" else None)
        write_export(path, buffer.getvalue(), None)
