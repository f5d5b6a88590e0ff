"""Tree and table rows that wrap their text and grow to show all of it.

A view measures a row once, not again when its columns change width, so a wrapped item
keeps the height it had and loses its end. `wrap_rows(tree)` gives the tree a delegate
that measures each cell at its column's width, and lays the rows out again whenever a
column changes width. A cell still too small (a column narrowed by hand) shows its whole
text on hover, as FullTextTips does.

A table measures only the rows in view (`RowsInView`): a person's whole history is
thousands of rows, and sizing each of them on every layout held the GUI thread for
seconds. Rows are measured as they come into view, and again when columns change width,
the rows are sorted or filtered, or their data changes.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView, QTreeView

from prepdesk.ui.full_text_tips import FullTextTips

ROUNDING = 2  # pixels: a text's advance is rounded, its wrapped layout is not


class WrappingDelegate(FullTextTips):
    def __init__(self, view: QTreeView | QTableView) -> None:
        super().__init__(view)
        self._view = view
        self.rows_in_view: RowsInView | None = None  # a table measures only these

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return hint
        text = str(text)
        metrics = option.fontMetrics
        padding = hint.width() - metrics.horizontalAdvance(text)  # margins, icon, check box
        view = self._view
        width = view.columnWidth(index.column())
        if isinstance(view, QTreeView) and index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= view.indentation() * (depth + int(view.rootIsDecorated()))
        room = max(width - padding, metrics.averageCharWidth() * 4)
        flags = int(Qt.TextFlag.TextWordWrap)
        lines = metrics.boundingRect(QRect(0, 0, room, 1_000_000), flags, text).height()
        return QSize(hint.width(), max(hint.height(), lines + hint.height() - metrics.height()))

    def one_line_size(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The cell's size with its text on one line (the style's own measure)."""
        return super().sizeHint(option, index)

    def text_is_cut(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self.sizeHint(option, index).height() > option.rect.height() + 1


class RowsInView(QObject):
    """Gives the rows of a table in view the height of their wrapped text, and no others."""

    def __init__(self, table: QTableView, delegate: WrappingDelegate) -> None:
        super().__init__(table)
        self._table = table
        self._delegate = delegate
        self._measured: set[int] = set()
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.measure)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().sectionResized.connect(self.remeasure)
        table.verticalScrollBar().valueChanged.connect(self._schedule)
        table.viewport().installEventFilter(self)
        self._model: object = None
        self._one_line = 0  # the height of a row of one line, the rows not measured
        self._default = 0  # the rows' default height, set from _one_line

    def _watch_model(self) -> None:
        """Follows the table's model (set after wrap_rows, or replaced)."""
        model = self._table.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ):
            signal.connect(self.remeasure)
        self.remeasure()

    def remeasure(self) -> None:
        """Rows in view are measured again, the others when they come into view."""
        self._measured.clear()
        self._pending.start()

    def _schedule(self) -> None:
        # Not valueChanged -> QTimer.start directly: the value would become the interval.
        self._pending.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._watch_model()
            self._pending.start()
        return False

    def measure(self) -> None:
        self._watch_model()
        table, model = self._table, self._table.model()
        if model is None or not table.isVisible():
            return
        rows, columns = table.verticalHeader(), table.horizontalHeader()
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        metrics = option.fontMetrics
        # A column's cells share their margins: measured once, then a text narrower than
        # its column is one line without asking the style (a table has no per-row icons).
        padding: dict[int, int] = {}
        shown = [c for c in range(model.columnCount()) if not columns.isSectionHidden(c)]
        grid = int(table.showGrid())
        bottom = table.viewport().height()
        row = max(rows.logicalIndexAt(0), 0)
        while row < model.rowCount() and rows.sectionViewportPosition(row) < bottom:
            if row not in self._measured and not rows.isSectionHidden(row):
                self._measured.add(row)
                height = 0
                for column in shown:
                    index = model.index(row, column)
                    text = str(index.data() or "")
                    if column not in padding:
                        one_line = self._delegate.one_line_size(option, index)
                        padding[column] = one_line.width() - metrics.horizontalAdvance(text)
                        self._one_line = self._one_line or one_line.height()
                    room = columns.sectionSize(column) - padding[column] - ROUNDING
                    if metrics.horizontalAdvance(text) <= room:
                        height = max(height, self._one_line)
                    else:
                        height = max(height, self._delegate.sizeHint(option, index).height())
                height += grid  # the grid line is drawn inside the row (Qt's sizeHintForRow)
                if self._default != self._one_line + grid:  # resizes every row: once
                    self._default = self._one_line + grid
                    rows.setMinimumSectionSize(min(rows.minimumSectionSize(), self._default))
                    rows.setDefaultSectionSize(self._default)
                if height and height != rows.sectionSize(row):
                    rows.resizeSection(row, height)
            row += 1

    def measured_rows(self) -> frozenset[int]:
        """The rows measured since the last change (for tests)."""
        return frozenset(self._measured)


def wrap_rows(view: QTreeView | QTableView) -> WrappingDelegate:
    delegate = WrappingDelegate(view)
    view.setItemDelegate(delegate)
    view.setWordWrap(True)
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(False)
        # The view's own slot: the connection ends with the view (a lambda outlived it).
        view.header().sectionResized.connect(view.scheduleDelayedItemsLayout)
    else:
        delegate.rows_in_view = RowsInView(view, delegate)
    return delegate
