"""One dashboard chart: a title, then the chart or a helpful empty state.

A chart (native_chart.py) is painted by the view at its size whenever it paints: a
resize or a theme change just paints again, and its hit boxes and hover tips are those
of the last paint. A click on a clickable element (an area's bar) emits `picked`; the
mouse wheel is left to the page, which scrolls.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPicture,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedLayout,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from prepdesk.ui.dashboard.chart_style import ChartStyle

if TYPE_CHECKING:
    from prepdesk.ui.dashboard.native_chart import HitBox, NativeChart


class ChartView(QWidget):
    """Paints its chart at the widget's size, from the data it was last given."""

    clicked = Signal(str)  # the gid under a click

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.native: NativeChart | None = None
        self.data: Any = None
        self.hits: tuple[HitBox, ...] = ()
        self.tips: tuple[HitBox, ...] = ()
        self.laid_out = QSize()  # the size the hit boxes were laid out for (the last paint's)
        self.paint_count = 0
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def show_native(self, chart: NativeChart, data: Any) -> None:
        """Paint `chart` with `data` from now on (its marks are laid out when painted)."""
        self.native, self.data = chart, data
        self.hits, self.tips = (), ()
        self.laid_out = QSize()
        self.update()

    def chart_style(self) -> ChartStyle:
        return ChartStyle.from_palette(self.palette())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.native is None:
            return
        painter = QPainter(self)
        self._paint_native(painter)
        painter.end()
        self.paint_count += 1

    def _paint_native(self, painter: QPainter) -> None:
        assert self.native is not None
        area = QRectF(self.rect())
        marks = self.native.paint(painter, area, self.data, self.chart_style(), self.font())
        self.hits, self.tips = marks.hits, marks.tips
        self.laid_out = self.size()

    def _lay_out(self) -> None:
        """Lay the chart out at the current size if it has not painted at it yet (a click
        right after a resize): painted into a QPicture, not on screen."""
        if self.native is None or self.laid_out == self.size():
            return
        picture = QPicture()
        painter = QPainter(picture)
        self._paint_native(painter)
        painter.end()

    def _box_at(self, tips: bool, position: QPointF) -> str:
        self._lay_out()
        x, y = position.x(), position.y()
        for label, left, top, right, bottom in self.tips if tips else self.hits:
            if left <= x <= right and top <= y <= bottom:
                return label
        return ""

    def hit_at(self, position: QPointF) -> str:
        """The gid of the element under `position` (widget pixels), or ""."""
        return self._box_at(False, position)

    def tip_at(self, position: QPointF) -> str:
        """The hover text of the element under `position` (a calendar day), or ""."""
        return self._box_at(True, position)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        shape = Qt.CursorShape.PointingHandCursor if self.hit_at(event.position()) else None
        self.setCursor(shape or Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        gid = self.hit_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and gid:
            self.clicked.emit(gid)
            return
        super().mousePressEvent(event)


class ChartPanel(QFrame):
    picked = Signal(str)  # the gid of a clicked chart element (e.g. an area key)
    save_requested = Signal(str, str)  # path, format: the page writes it to the file
    saved = Signal(str)  # the path written

    def __init__(
        self,
        key: str,
        title: str,
        empty_message: str,
        parent: QWidget | None = None,
        height: int = 220,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.title = title
        self.empty_message = empty_message
        self.data_hash = ""  # of the data shown now
        self.is_empty = True
        self.draw_count = 0
        self.setObjectName(f"chart-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        heading = QLabel(title, self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        # The stack is in the panel's layout before any widget joins it, and every
        # widget has the panel as parent: none is ever shown as a window of its own.
        self._stack = QStackedLayout()
        layout.addLayout(self._stack)
        self.placeholder = QLabel("Loading chart…", self)
        self.placeholder.setObjectName("chartMessage")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setFixedHeight(height)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._stack.addWidget(self.placeholder)
        self.view = ChartView(height, self)
        self.view.setAccessibleName(f"{title} chart")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.clicked.connect(self.picked)
        self._stack.addWidget(self.view)
        self._stack.setCurrentWidget(self.placeholder)

    def chart_style(self) -> ChartStyle:
        return ChartStyle.from_palette(self.palette())

    def show_data(self, chart: NativeChart, data: Any, data_hash: str) -> None:
        """Paint `chart` with newly loaded `data` (nothing to do when its hash is known)."""
        if data_hash == self.data_hash:
            return
        self.draw_count += 1
        self.data_hash = data_hash
        self.is_empty = not chart.shows_anything(data)
        if self.is_empty:
            self._show_empty()
            return
        self.view.show_native(chart, data)
        self._stack.setCurrentWidget(self.view)

    def _show_empty(self) -> None:
        self.placeholder.setText(self.empty_message)
        self._stack.setCurrentWidget(self.placeholder)

    def show_error(self, message: str) -> None:
        self.is_empty = True
        self.data_hash = ""
        self.placeholder.setText(f"This chart could not be drawn: {message}")
        self._stack.setCurrentWidget(self.placeholder)

    # saving ------------------------------------------------------------------------------

    def _show_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for label, fmt in (("Save chart as PNG…", "png"), ("Save chart as SVG…", "svg")):
            action = QAction(label, menu)
            action.setEnabled(not self.is_empty)
            action.triggered.connect(lambda _=False, f=fmt: self.ask_and_save(f))
            menu.addAction(action)
        menu.popup(self.view.mapToGlobal(position))

    def ask_and_save(self, fmt: str) -> None:
        from prepdesk.core.presentation import suggested_file_name  # after the first paint

        suggested = suggested_file_name(self.title, date.today(), extension=fmt)
        path, _filter = QFileDialog.getSaveFileName(
            self, f"Save {self.title}", suggested, f"{fmt.upper()} image (*.{fmt})"
        )
        if path:
            self.save(path, fmt)  # a failure (a refused target, a full disk) is told there

    def save(self, path: str, fmt: str) -> None:
        """Ask the page to save this chart to the file; `saved` says when it is written."""
        self.save_requested.emit(path, fmt)

    def file_bytes(self, fmt: str) -> bytes | None:
        """The chart as it is shown, as PNG or SVG bytes (None: nothing is shown)."""
        view = self.view
        if view.native is None or self.is_empty:
            return None
        from prepdesk.ui.dashboard.native_export import chart_bytes

        dpi = (view.logicalDpiX(), view.logicalDpiY())
        style = view.chart_style()
        return chart_bytes(
            fmt, view.native, view.data, style, view.font(), view.size(), dpi, self.title
        )


def write_file(path: str, data: bytes) -> None:
    """Write `data` to `path` with the one atomic writer, after the target check."""
    # Imported here: the start-up shell shows chart panels before the store (SQLAlchemy,
    # which the target check uses) is imported, so that the window paints sooner.
    from prepdesk.io.export_target import write_export

    write_export(path, data, None)
