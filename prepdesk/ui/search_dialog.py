"""Ctrl+K: one box searching everything, results grouped by kind, Enter opens the item."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import label_or_text
from prepdesk.store.repositories.search import SearchHit, SearchRepository
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.search_hit_delegate import HTML_ROLE, HitDelegate, mark_colour, marked_html

# kind -> (group heading, the page that shows it)
KINDS: dict[str, tuple[str, str]] = {
    "topic": ("Topics", "topics"),
    "problem": ("Coding problems", "practice"),
    "story": ("Stories", "stories"),
    "project": ("Projects", "stories"),
    "behavioral_question": ("Behavioral questions", "stories"),
    "company": ("Companies", "companies"),
    "company_question": ("Questions for companies", "companies"),
    "ask_question": ("Questions to ask", "companies"),
    "design_prompt": ("ML design prompts", "design"),
    "design_session": ("ML design sessions", "design"),
    "design_phase": ("ML design session notes", "design"),
    "tech_question": ("Technical questions", "design"),
}
HIT_ROLE = Qt.ItemDataRole.UserRole
RESULTS_SIZE = (640, 460)


class SearchDialog(QDialog):
    open_requested = Signal(str, int)  # kind, ref_id

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle("Search")
        layout = QVBoxLayout(self)
        self.box = QLineEdit()
        self.box.setPlaceholderText("Search topics, notes, stories, companies, questions, problems")
        self.box.setAccessibleName("Search everything")
        self.box.setClearButtonEnabled(True)
        self.results = QTreeWidget()
        show_full_text_on_hover(self.results)
        self.results.setAccessibleName("Search results")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setColumnCount(1)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformRowHeights(False)
        self.results.setWordWrap(True)
        self.hint = QLabel("Type a few letters: every word is matched as the start of a word.")
        self.hint.setWordWrap(True)
        self.hint.setObjectName("searchHint")
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        self.setTabOrder(self.box, self.results)
        self.box.textChanged.connect(self.run_search)
        self.box.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda _item, _col: self.open_current())
        self.results.setVisible(False)  # until there is something to show
        self.resize(RESULTS_SIZE[0], self.minimumSizeHint().height())

    def run_search(self, typed: str) -> None:
        hits = self.ops.read(lambda s: SearchRepository(s).search(typed)) if typed.strip() else []
        self.results.clear()
        first: QTreeWidgetItem | None = None
        groups: dict[str, QTreeWidgetItem] = {}
        order = list(KINDS)
        for hit in sorted(hits, key=lambda h: order.index(h.kind) if h.kind in KINDS else 99):
            heading = KINDS.get(hit.kind, (hit.kind, ""))[0]
            group = groups.get(hit.kind)
            if group is None:
                group = QTreeWidgetItem(self.results, [heading])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[hit.kind] = group
            item = QTreeWidgetItem(group, [hit.title])
            item.setData(0, HIT_ROLE, hit)
            item.setData(0, HTML_ROLE, self._hit_html(hit))
            words = _snippet_words(hit)
            if words and words != hit.title:
                item.setText(0, f"{hit.title}\n{words}")  # what a screen reader says
                item.setToolTip(0, words)
            first = first or item
        self.results.expandAll()
        if first is not None:
            self.results.setCurrentItem(first)
            self.results.scrollToTop()  # the first group's heading stays in view
        if not typed.strip():
            self.hint.setText("Type a few letters: every word is matched as the start of a word.")
        elif not hits:
            self.hint.setText(f"No matches for “{typed.strip()}”. Try fewer or shorter words.")
        else:
            found = "1 match" if len(hits) == 1 else f"{len(hits)} matches"
            self.hint.setText(f"{found}. ↑↓ to choose, Enter to open.")
        self._fit(bool(hits))

    def _fit(self, has_hits: bool) -> None:
        """Compact with nothing to show (no large empty box); full size with results."""
        if has_hits != self.results.isHidden():
            return  # already so: the person's own size stays
        self.results.setVisible(has_hits)
        if has_hits:
            self.resize(max(self.width(), RESULTS_SIZE[0]), max(self.height(), RESULTS_SIZE[1]))
        else:
            self.resize(max(self.width(), RESULTS_SIZE[0]), self.minimumSizeHint().height())

    def _hit_html(self, hit: SearchHit) -> str:
        mark = mark_colour(self.results.palette())
        title = marked_html(hit.title, hit.title_matches, mark)
        words = _snippet_words(hit)
        if not words or words == hit.title:
            return f"<b>{title}</b>"
        if words != hit.snippet:  # a stored category shown as words: nothing typed to mark
            return f"<b>{title}</b><br>{html.escape(words)}"
        snippet = marked_html(hit.snippet, hit.snippet_matches, mark)
        return f"<b>{title}</b><br>{snippet}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.results.doItemsLayout()  # rows wrap to the new width

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        hit = item.data(0, HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, SearchHit) else None

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is None:
            return
        self.open_requested.emit(hit.kind, hit.ref_id)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Up/Down in the box move through the results, so typing never stops.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.box.hasFocus():
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)

    def _step(self, delta: int) -> None:
        items: list[QTreeWidgetItem] = []
        for i in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(i)
            if group is not None:
                items += [c for j in range(group.childCount()) if (c := group.child(j))]
        if not items:
            return
        current = self.results.currentItem()
        index = items.index(current) if current in items else -1
        self.results.setCurrentItem(items[max(0, min(len(items) - 1, index + delta))])


# Hits whose matched text is a stored category: shown as its words ("ML practice").
_CATEGORY_SNIPPETS = {"ask_question": "ask_category", "company_question": "ask_category"}


def _snippet_words(hit: SearchHit) -> str:
    vocabulary = _CATEGORY_SNIPPETS.get(hit.kind)
    return label_or_text(vocabulary, hit.snippet) if vocabulary else hit.snippet
