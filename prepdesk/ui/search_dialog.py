"""Ctrl+K: one box searching everything, results grouped by kind, Enter opens the item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
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
from prepdesk.ui.operations import Operations

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
        self.results.setAccessibleName("Search results")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setColumnCount(1)
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
        self.resize(640, 460)

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
            snippet = _snippet_words(hit)
            item.setToolTip(0, snippet)
            if snippet and snippet != hit.title:
                item.setText(0, f"{hit.title}  —  {snippet}")
            first = first or item
        self.results.expandAll()
        if first is not None:
            self.results.setCurrentItem(first)
        if not typed.strip():
            self.hint.setText("Type a few letters: every word is matched as the start of a word.")
        elif not hits:
            self.hint.setText(f"Nothing matches “{typed.strip()}”. Try fewer or shorter words.")
        else:
            self.hint.setText(f"{len(hits)} found. ↑↓ to choose, Enter to open.")

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
