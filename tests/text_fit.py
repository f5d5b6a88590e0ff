"""Finds text a person cannot read whole: labels, buttons, tabs, headers and item-view cells
whose text needs more room than the widget gives it (elided, clipped or cut by a parent).

`cut_texts(window)` walks every visible widget of a top-level window and returns one `Cut`
per piece of text that does not fit. Text whose tooltip carries all of it is forgiven,
except a primary name (a topic, problem, story, company or question, see
prepdesk/ui/primary_names.py) when `strict_primary` is set: those wrap or get the room.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionViewItem,
    QTabBar,
    QToolButton,
    QWidget,
)

from prepdesk.ui.full_text_tips import FullTextTips
from prepdesk.ui.primary_names import is_primary, primary_columns

SLACK = 1  # pixels of rounding forgiven


@dataclass(frozen=True)
class Cut:
    where: str  # the widget (class, accessible or object name, window title)
    text: str
    needed: int  # pixels the text needs
    room: int  # pixels it has
    primary: bool = False

    def __str__(self) -> str:
        kind = "primary name " if self.primary else ""
        return f"{self.where}: {kind}{self.text[:70]!r} needs {self.needed} px, has {self.room}"


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName()
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 3:
        label = parent.accessibleName() or parent.objectName()
        if label:
            chain.append(label)
        parent = parent.parentWidget()
    inside = f" in {' / '.join(chain)}" if chain else ""
    return f"{type(widget).__name__}({name}){inside}"


def _plain(text: str) -> str:
    if GuiQt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _forgiven(tooltip: str, text: str) -> bool:
    tip = " ".join(_plain(tooltip).split())
    return bool(tip) and " ".join(_plain(text).split()).rstrip("…") in tip


def _visible_width(widget: QWidget) -> int:
    """The widget's width left after its parents clip it (scroll-area viewports scroll, so
    they do not clip; the window does)."""
    rect = QRect(0, 0, widget.width(), widget.height())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and not isinstance(
            parent.parentWidget(), QAbstractItemView
        ):
            break  # a scroll area's viewport: the person can scroll to it
        rect.translate(child.pos())
        rect = rect.intersected(QRect(0, 0, parent.width(), parent.height()))
        rect.translate(-child.pos())
        if child.isWindow():
            break
        child, parent = parent, parent.parentWidget()
    return max(0, rect.width())


class _Walker:
    def __init__(self, strict_primary: bool) -> None:
        self.strict_primary = strict_primary
        self.cuts: list[Cut] = []

    def add(
        self,
        where: str,
        text: str,
        needed: int,
        room: int,
        tooltip: str,
        primary: bool = False,
    ) -> None:
        if needed <= room + SLACK:
            return
        if _forgiven(tooltip, text) and not (primary and self.strict_primary):
            return
        self.cuts.append(Cut(where, " ".join(text.split()), needed, room, primary))

    # widgets ------------------------------------------------------------------

    def label(self, label: QLabel) -> None:
        text = label.text()
        if label.buddy() is not None:
            text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
            return
        margins = label.contentsMargins()
        extra = 2 * label.margin() + max(label.indent(), 0)
        width = min(label.contentsRect().width(), _visible_width(label) - margins.left())
        width -= extra
        height = label.contentsRect().height() - 2 * label.margin()
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        )
        where = describe(label)
        primary = is_primary(label)
        if rich:
            doc = QTextDocument()
            doc.setDefaultFont(label.font())
            doc.setDocumentMargin(0)
            doc.setHtml(text)
            if label.wordWrap():
                doc.setTextWidth(max(width, 1))
                self._words(where, doc.toPlainText(), label, width, primary)
                self.add(
                    where,
                    doc.toPlainText(),
                    int(doc.size().height()),
                    height,
                    label.toolTip(),
                    primary,
                )
            else:
                self.add(
                    where, doc.toPlainText(), int(doc.idealWidth()), width, label.toolTip(), primary
                )
            return
        metrics = label.fontMetrics()
        if label.wordWrap():
            self._words(where, text, label, width, primary)
            flags = int(Qt.TextFlag.TextWordWrap) | int(label.alignment())
            needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), flags, text)
            self.add(where, text, needed.height(), height, label.toolTip(), primary)
            return
        lines = text.split("\n")
        needed_width = max(metrics.horizontalAdvance(line) for line in lines)
        self.add(where, text, needed_width, width, label.toolTip(), primary)
        self.add(
            where,
            text,
            metrics.height() * len(lines) - metrics.leading(),
            height,
            label.toolTip(),
            primary,
        )

    def _words(self, where: str, text: str, widget: QWidget, width: int, primary: bool) -> None:
        """A word longer than the line is cut even when the label wraps."""
        metrics = widget.fontMetrics()
        longest = max(text.split(), key=metrics.horizontalAdvance, default="")
        self.add(
            where, longest, metrics.horizontalAdvance(longest), width, widget.toolTip(), primary
        )

    def button(self, button: QAbstractButton) -> None:
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text.strip():
            return
        if isinstance(button, QToolButton) and (
            button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
            and not button.icon().isNull()
        ):
            return
        metrics = button.fontMetrics()
        advance = metrics.horizontalAdvance(text)
        icon = 0 if button.icon().isNull() else button.iconSize().width() + 4
        room = min(button.width(), _visible_width(button))
        if isinstance(button, QPushButton):
            needed = min(button.sizeHint().width(), advance + icon + 12)
        elif isinstance(button, QCheckBox | QRadioButton | QToolButton):
            needed = button.sizeHint().width()
        else:
            needed = advance + icon
        where = describe(button)
        self.add(where, text, needed, room, button.toolTip())
        self.add(where, text, metrics.height(), button.height(), button.toolTip())

    def combo(self, combo: QComboBox) -> None:
        text = combo.currentText()
        if not text or combo.isEditable():
            return
        arrow = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, combo)
        icon = 0 if combo.itemIcon(combo.currentIndex()).isNull() else combo.iconSize().width()
        needed = combo.fontMetrics().horizontalAdvance(text) + arrow + icon + 12
        room = min(combo.width(), _visible_width(combo))
        tip = combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        self.add(describe(combo), text, needed, room, str(tip or combo.toolTip()))

    def group(self, box: QGroupBox) -> None:
        title = box.title().replace("&", "")
        if not title:
            return
        needed = box.fontMetrics().horizontalAdvance(title) + 16
        self.add(describe(box), title, needed, _visible_width(box), box.toolTip())

    def tabs(self, bar: QTabBar) -> None:
        style = bar.style()
        space = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
        metrics = bar.fontMetrics()
        for index in range(bar.count()):
            if not bar.isTabVisible(index):
                continue
            text = bar.tabText(index).replace("&", "")
            rect = bar.tabRect(index)
            icon = 0 if bar.tabIcon(index).isNull() else bar.iconSize().width() + 4
            room = rect.intersected(QRect(0, 0, bar.width(), bar.height())).width()
            needed = metrics.horizontalAdvance(text) + icon + space
            self.add(describe(bar), text, needed, room, bar.tabToolTip(index))

    def header(self, header: QHeaderView) -> None:
        model = header.model()
        if model is None:
            return
        orientation = header.orientation()
        if orientation == Qt.Orientation.Vertical:
            return  # row numbers and labels: checked where used
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        sort = 0
        if header.isSortIndicatorShown():
            sort = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
        metrics = header.fontMetrics()
        viewport = header.viewport().width()
        view = header.parentWidget()
        scrolls = isinstance(view, QAbstractScrollArea) and view.horizontalScrollBar().isVisible()
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, orientation) or "")
            if not text:
                continue
            size = header.sectionSize(section)
            if not scrolls:
                start = header.sectionViewportPosition(section)
                size = max(0, min(start + size, viewport) - max(start, 0))
            lines = text.split("\n")
            needed = max(metrics.horizontalAdvance(line) for line in lines) + 2 * margin + sort
            tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            self.add(describe(header), text, needed, size, str(tip or ""))

    def items(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None or (
            isinstance(view, QListView) and (view.viewMode() == QListView.ViewMode.IconMode)
        ):
            return
        delegate_option = QStyleOptionViewItem()
        view.initViewItemOption(delegate_option)
        viewport = view.viewport().rect()
        scrolls = view.horizontalScrollBar().isVisible()
        primary = set(primary_columns(view))
        where = describe(view)
        # A table that measures its rows as they come into view (ui/wrapping_rows.py):
        # the rows below it are whole once scrolled to, and only then.
        in_view_only = getattr(view.itemDelegate(), "rows_in_view", None) is not None
        for index in _indexes(view, QModelIndex()):
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or not str(text).strip():
                continue
            text = str(text)
            rect = view.visualRect(index)
            if rect.isEmpty():
                continue
            below = rect.top() > viewport.height()
            if rect.bottom() < 0 or (below and (in_view_only or not view.isVisible())):
                continue
            room = (
                rect.width()
                if scrolls
                else rect.intersected(
                    QRect(rect.left(), rect.top(), viewport.width() - rect.left(), rect.height())
                ).width()
            )
            delegate = view.itemDelegateForIndex(index)
            option = QStyleOptionViewItem(delegate_option)
            option.rect = rect
            needed = delegate.sizeHint(option, index)
            tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            if not tip and isinstance(delegate, FullTextTips):
                tip = text  # hovering a cut cell shows all of it
            is_primary_cell = index.column() in primary
            wraps = bool(getattr(view, "wordWrap", lambda: False)())
            if wraps and room > 0:
                metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or view.font())
                flags = int(Qt.TextFlag.TextWordWrap)
                # The cell's own margins (and icon, check box): what the delegate adds to text.
                padding = max(needed.width() - metrics.horizontalAdvance(text), 0)
                box = metrics.boundingRect(
                    QRect(0, 0, max(room - padding, 1), 100_000), flags, text
                )
                self.add(where, text, box.height(), rect.height(), tip, is_primary_cell)
                longest = max(text.split(), key=metrics.horizontalAdvance, default="")
                self.add(
                    where,
                    longest,
                    metrics.horizontalAdvance(longest) + padding,
                    room,
                    tip,
                    is_primary_cell,
                )
                continue
            self.add(where, text, needed.width(), room, tip, is_primary_cell)


def _indexes(view: QAbstractItemView, parent: QModelIndex) -> Iterator[QModelIndex]:
    model = view.model()
    is_tree = hasattr(view, "isExpanded")
    hidden_column = getattr(view, "isColumnHidden", lambda _c: False)
    hidden_row = getattr(view, "isRowHidden", None)
    for row in range(model.rowCount(parent)):
        if hidden_row is not None:
            try:
                if (is_tree and hidden_row(row, parent)) or (not is_tree and hidden_row(row)):
                    continue
            except TypeError:
                pass
        column = 0
        while (index := model.index(row, column, parent)).isValid():
            if not hidden_column(column):
                yield index
            column += 1
        first = model.index(row, 0, parent)
        if is_tree and model.hasChildren(first) and view.isExpanded(first):  # type: ignore[attr-defined]
            yield from _indexes(view, first)


def cut_texts(window: QWidget, strict_primary: bool = False) -> list[Cut]:
    """Every piece of visible text in `window` that does not fit (see the module doc)."""
    walker = _Walker(strict_primary)
    checks = (
        (QLabel, walker.label),
        (QAbstractButton, walker.button),
        (QComboBox, walker.combo),
        (QTabBar, walker.tabs),
        (QHeaderView, walker.header),  # before QAbstractItemView: a header is one too
        (QAbstractItemView, walker.items),
        (QGroupBox, walker.group),
    )
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        for kind, check in checks:
            if isinstance(widget, kind):
                check(widget)  # type: ignore[operator]
                break
    return walker.cuts


def horizontal_scrolling(window: QWidget) -> list[str]:
    """Scroll areas (not item views) that scroll sideways: a page wider than its window."""
    found = []
    for area in window.findChildren(QAbstractScrollArea):
        if isinstance(area, QAbstractItemView) or not area.isVisible():
            continue
        if area.horizontalScrollBar().isVisible():
            found.append(describe(area))
    return found
