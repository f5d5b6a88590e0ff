"""Tree and table rows that wrap their text and grow to show all of it.

A view measures a row once, not again when its columns change width, so a wrapped item
keeps the height it had and loses its end. `wrap_rows(tree)` gives the tree a delegate
that measures each cell at its column's width, and lays the rows out again whenever a
column changes width. A cell still too small (a column narrowed by hand) shows its whole
text on hover, as FullTextTips does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView, QTreeView

from prepdesk.ui.full_text_tips import FullTextTips


class WrappingDelegate(FullTextTips):
    def __init__(self, view: QTreeView | QTableView) -> None:
        super().__init__(view)
        self._view = view

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

    def text_is_cut(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self.sizeHint(option, index).height() > option.rect.height() + 1


def wrap_rows(view: QTreeView | QTableView) -> WrappingDelegate:
    delegate = WrappingDelegate(view)
    view.setItemDelegate(delegate)
    view.setWordWrap(True)
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(False)
        columns = view.header()
    else:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns = view.horizontalHeader()
    # The view's own slot: the connection ends with the view (a lambda outlived it).
    columns.sectionResized.connect(view.scheduleDelayedItemsLayout)
    return delegate
