"""The rehearsals column of practice mode: what is due now, and when the rest comes due."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from prepdesk.core.presentation import weekday_date_text
from prepdesk.store.repositories.rehearsals import DueRehearsal, PlannedRehearsal
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.stories.text_fields import hint_label, section_label


class RehearsalList(QWidget):
    story_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(section_label("Rehearsals"))
        self.hint = hint_label()
        layout.addWidget(self.hint)
        self.list = QListWidget()
        show_full_text_on_hover(self.list)
        self.list.setAccessibleName("Due rehearsals")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)

    def show_plan(
        self,
        due: Sequence[DueRehearsal],
        plan: Sequence[PlannedRehearsal],
        *,
        has_stories: bool,
    ) -> None:
        """Due stories first (in bold), then each other story's next rehearsal."""
        self.list.clear()
        for rehearsal in due:
            if rehearsal.recall_now is None:
                when = "due now · never rehearsed"
            else:
                when = f"due now · recall today {rehearsal.recall_now:.0%}"
            item = self._add(rehearsal.title, when, rehearsal.story_id)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        for planned in plan:
            if planned.is_due:
                continue
            when = f"next {weekday_date_text(planned.due)}"
            if planned.recall_at_interview is not None:
                when += f" · {planned.recall_at_interview:.0%} at interview"
            self._add(planned.title, when, planned.story_id)
        self.list.setVisible(self.list.count() > 0)
        if due:
            self.hint.setText("Rehearse these so every story is fresh on interview day.")
        elif has_stories:
            self.hint.setText(
                "Nothing due: every story is fresh. Below, when each comes due next and "
                "how well you should recall it at your next interview."
            )
        else:
            self.hint.setText("Write a story first; its rehearsals will come due here.")

    def select_story(self, story_id: int | None) -> None:
        """Highlights the story being practised, or nothing: never another story."""
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == story_id:
                self.list.setCurrentItem(item)
                break
        self.list.blockSignals(False)

    def _add(self, title: str, when: str, story_id: int) -> QListWidgetItem:
        item = QListWidgetItem(f"{title or 'Untitled story'}\n{when}")
        item.setData(Qt.ItemDataRole.UserRole, story_id)
        self.list.addItem(item)
        return item

    def _chosen(self, item: QListWidgetItem) -> None:
        self.story_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
