"""Archive / Restore for the record a form shows: archived items stay, but leave the
lists and the review queue until restored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy.orm import Session

from prepdesk.ui.edit_form import EditForm
from prepdesk.ui.operations import Operations

SetArchived = Callable[[Session, int, bool], None]


class ArchiveButton(QPushButton):
    def __init__(
        self,
        ops: Operations,
        form: EditForm,
        noun: str,
        set_archived: SetArchived,
        done: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Archive", parent)
        self._ops, self._form, self._noun = ops, form, noun
        self._set_archived, self._done = set_archived, done
        self.record_id: int | None = None
        self.archived = False
        self.clicked.connect(self.toggle)
        self.show_state(None, False)

    def show_state(self, record_id: int | None, archived: bool) -> None:
        self.record_id, self.archived = record_id, archived
        self.setText("Restore" if archived else "Archive")
        self.setAccessibleName(f"{'Restore' if archived else 'Archive'} this {self._noun}")

    def toggle(self) -> None:
        if self.record_id is None:
            return
        record_id, archive = self.record_id, not self.archived
        self._form.flush()
        self._ops.write(
            lambda s: self._set_archived(s, record_id, archive),
            initiator=self,
            what=f"the {self._noun}",
        )
        self._done()  # shows the lists again, and this button's new state
