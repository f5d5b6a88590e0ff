"""The list of projects and their stories (plus stories that stand alone)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from prepdesk.store.repositories.projects import ProjectView
from prepdesk.store.repositories.stories import StorySummary
from prepdesk.ui.primary_names import mark_primary
from prepdesk.ui.wrapping_rows import wrap_rows

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STANDALONE = "Stories on their own"


class StoryTree(QTreeWidget):
    selected = Signal(str, int)  # "project" or "story", id

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setAccessibleName("Projects and stories")
        self.setIndentation(14)
        mark_primary(self, (0,))
        wrap_rows(self)  # a long title takes two lines on a narrow window
        self.currentItemChanged.connect(self._on_current)

    def show_items(self, projects: list[ProjectView], stories: list[StorySummary]) -> None:
        """Rebuilds the tree and keeps the selection (without re-emitting it)."""
        current = self.current()
        self.blockSignals(True)
        self.clear()
        by_project: dict[int | None, list[StorySummary]] = {}
        for story in stories:
            by_project.setdefault(story.project_id, []).append(story)
        for project in projects:
            item = self._item(self, "project", project.id, project.name or "Untitled project")
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            for story in by_project.get(project.id, []):
                self._story_item(item, story)
        loose = by_project.get(None, [])
        if loose:
            group = QTreeWidgetItem(self, [STANDALONE])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for story in loose:
                self._story_item(group, story)
        self.expandAll()
        if current is not None:
            self.select_entry(*current, emit=False)
        self.blockSignals(False)

    def current(self) -> tuple[str, int] | None:
        item = self.currentItem()
        if item is None or item.data(0, KIND_ROLE) is None:
            return None
        return str(item.data(0, KIND_ROLE)), int(item.data(0, ID_ROLE))

    def select_entry(self, kind: str, item_id: int, emit: bool = True) -> bool:
        for item in self._all_items():
            if item.data(0, KIND_ROLE) == kind and item.data(0, ID_ROLE) == item_id:
                before = self.currentItem()
                self.setCurrentItem(item)  # emits, unless signals are blocked
                if emit and (before is item or self.signalsBlocked()):
                    self._on_current(item, None)  # once: loading a story reads it all
                return True
        return False

    def first_story(self) -> tuple[str, int] | None:
        return self.first_of("story")

    def first_of(self, kind: str) -> tuple[str, int] | None:
        for item in self._all_items():
            if item.data(0, KIND_ROLE) == kind:
                return kind, int(item.data(0, ID_ROLE))
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is None:
                continue
            items.append(top)
            items += [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
        return items

    def _story_item(self, parent: QTreeWidgetItem, story: StorySummary) -> None:
        item = self._item(parent, "story", story.id, story.title or "Untitled story")
        item.setToolTip(0, f"{item.text(0)} ({story.words} words)")

    @staticmethod
    def _item(
        parent: QTreeWidget | QTreeWidgetItem, kind: str, item_id: int, text: str
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, item_id)
        return item

    def _on_current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None and item.data(0, KIND_ROLE) is not None:
            self.selected.emit(str(item.data(0, KIND_ROLE)), int(item.data(0, ID_ROLE)))
