"""Tree rows that wrap their text and grow to show all of it.

QTreeView measures a row once, without knowing the width of its columns, so a wrapped item
keeps the height of one line and loses its end. `wrap_rows(tree)` gives the tree a delegate
that measures each cell at its column's width, and lays the rows out again whenever a
column changes width. A cell still too small (a column narrowed by hand) shows its whole
text on hover, as FullTextTips does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

from prepdesk.ui.full_text_tips import FullTextTips


class WrappingDelegate(FullTextTips):
    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

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
        width = self._tree.columnWidth(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._tree.indentation() * (depth + int(self._tree.rootIsDecorated()))
        room = max(width - padding, metrics.averageCharWidth() * 4)
        flags = int(Qt.TextFlag.TextWordWrap)
        lines = metrics.boundingRect(QRect(0, 0, room, 1_000_000), flags, text).height()
        return QSize(hint.width(), max(hint.height(), lines + hint.height() - metrics.height()))

    def text_is_cut(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self.sizeHint(option, index).height() > option.rect.height() + 1


def wrap_rows(tree: QTreeView) -> WrappingDelegate:
    delegate = WrappingDelegate(tree)
    tree.setItemDelegate(delegate)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.header().sectionResized.connect(lambda *_: tree.scheduleDelayedItemsLayout())
    return delegate
