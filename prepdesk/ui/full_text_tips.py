"""Cells too narrow for their text show all of it in a tooltip on hover.

`show_full_text_on_hover(view)` gives an item view a delegate that answers a tooltip request
on a cell whose text is cut (elided or wrapped out of sight) with the whole text, unless the
item already has a tooltip of its own. Views with delegates of their own keep them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)


class FullTextTips(QStyledItemDelegate):
    def text_is_cut(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self.sizeHint(option, index).width() > option.rect.width() + 1

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        own_tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if own_tip or text is None or not self.text_is_cut(option, index):
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), str(text), view)
        return True


def show_full_text_on_hover(view: QAbstractItemView) -> FullTextTips:
    delegate = FullTextTips(view)
    view.setItemDelegate(delegate)
    return delegate
