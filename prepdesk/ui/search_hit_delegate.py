"""Draws a search hit as two lines of rich text: the title, then the snippet, matches marked."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

HTML_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


def marked_html(text: str, spans: tuple[tuple[int, int], ...], mark: str) -> str:
    """`text` escaped, each span in bold on the mark colour."""
    out: list[str] = []
    at = 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(
            f"<span style='background-color:{mark}; font-weight:600'>"
            f"{html.escape(text[start:end])}</span>"
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def mark_colour(palette: QPalette) -> str:
    """The selection colour faded into the base: visible, with the text colour still readable."""
    base = palette.color(QPalette.ColorRole.Base)
    accent = palette.color(QPalette.ColorRole.Highlight)
    mix = 0.35
    blended = QColor(
        round(base.red() * (1 - mix) + accent.red() * mix),
        round(base.green() * (1 - mix) + accent.green() * mix),
        round(base.blue() * (1 - mix) + accent.blue() * mix),
    )
    return blended.name()


class HitDelegate(QStyledItemDelegate):
    """Items with HTML_ROLE data are drawn as rich text; group headings as usual."""

    def _document(self, option: QStyleOptionViewItem, index: ModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        colour = option.palette.color(
            QPalette.ColorRole.HighlightedText
            if option.state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        document.setDefaultStyleSheet(f"body {{ color: {colour.name()}; }}")
        document.setHtml(f"<body>{index.data(HTML_ROLE)}</body>")
        document.setTextWidth(max(self._width(option), 200))
        return document

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        """The row's width; while sizing, the view's own (the rect is not known yet)."""
        if option.rect.width() > 0:
            return option.rect.width()
        view = option.widget
        if isinstance(view, QTreeView):
            return view.viewport().width() - view.indentation()
        return 400

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        if not index.data(HTML_ROLE):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text_less = QStyleOptionViewItem(option)
        text_less.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_less, painter, widget)
        document = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        if not index.data(HTML_ROLE):
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)
