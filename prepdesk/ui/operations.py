"""Every write is an operation: one transaction, then one signal saying what changed.

Pages never commit by themselves; they call `Operations.write` with a function of the
session (which uses repositories). What the write changed is read from the store (the
tables the transaction wrote), never named by the caller. The change is broadcast with
its initiator, the widget that asked for it, as Anki's operations carry theirs: the
page that wrote knows the values on screen are already its own.

A write that fails is rolled back, `write_failed` tells the person what was not saved
and why, and `WriteFailed` is raised to the caller, which keeps what the person typed.

Every delete is `Operations.delete`: it records what the delete took away, so that
Edit > Undo (prepdesk/ui/undo.py) can put it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from prepdesk.store.changes import Change
from prepdesk.store.database import Database
from prepdesk.store.deletion import Deletion, delete_recorded
from prepdesk.store.write_failure import explain_write_failure, is_expected_write_failure
from prepdesk.store.write_tracking import written_changes
from prepdesk.ui.deleted_items import noun
from prepdesk.ui.undo import DeletionHistory

T = TypeVar("T")


@dataclass(frozen=True)
class DataChanged:
    """What a finished write changed, and who asked for it (None: not a widget)."""

    changes: Change
    initiator: object | None = None

    def touches(self, kinds: Change) -> bool:
        return bool(self.changes & kinds)

    def by(self, widget: QObject) -> bool:
        """True when `widget` (or one of its children) started the write."""
        initiator = self.initiator
        while isinstance(initiator, QObject):
            if initiator is widget:
                return True
            initiator = initiator.parent()
        return False


@dataclass(frozen=True)
class WriteFailure:
    what: str  # what was not saved, e.g. "the story 'Feature store'"
    reason: str  # why, e.g. "the disk holding your data folder is full"
    unexpected: bool = False  # a bug in prepdesk rather than the disk or the file

    @property
    def message(self) -> str:
        return f"{self.what[:1].upper()}{self.what[1:]} was not saved: {self.reason}."


class WriteFailed(Exception):
    """Raised by `Operations.write` after the person was told; the caller keeps its edits."""

    def __init__(self, failure: WriteFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure


class Operations(QObject):
    changed = Signal(object)  # DataChanged
    write_failed = Signal(object)  # WriteFailure
    write_succeeded = Signal()  # after any successful write: a failure's cause is gone

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.deletions = DeletionHistory(self)

    def read(self, fn: Callable[[Session], T]) -> T:
        with self.db.transaction() as session:
            return fn(session)

    def write(
        self,
        fn: Callable[[Session], T],
        *,
        initiator: object | None = None,
        what: str = "your change",
    ) -> T:
        """Runs `fn` in one transaction; broadcasts what it changed.

        Raises WriteFailed (after emitting `write_failed`) when nothing could be saved.
        A ValueError is input the domain refused (a duplicate, an empty name): it is
        raised as it is, for the form that asked to show it beside the field.
        """
        try:
            with self.db.transaction() as session:
                result = fn(session)
        except ValueError:
            raise
        except Exception as exc:
            unexpected = not is_expected_write_failure(exc)
            failure = WriteFailure(what, explain_write_failure(exc), unexpected)
            if unexpected:
                from prepdesk.ui.error_report import log_exception

                log_exception(self.db.paths, exc)
            self.write_failed.emit(failure)
            raise WriteFailed(failure) from exc
        self.write_succeeded.emit()
        changes = written_changes(session)
        if changes:
            self.changed.emit(DataChanged(changes, initiator))
        return result

    def delete(
        self,
        table: str,
        row_id: object,
        fn: Callable[[Session], object],
        *,
        initiator: object | None = None,
        what: str | None = None,
    ) -> Deletion | None:
        """Runs `fn`, a repository's delete of row `row_id` of `table`, as an undoable write.

        What the delete takes away with the row (what cascades, what it unlinks) is
        recorded in `deletions` for Edit > Undo. Fails as `write` does.
        """
        deletion = self.write(
            lambda session: delete_recorded(session, table, row_id, fn),
            initiator=initiator,
            what=what or f"the delete of the {noun(table)}",
        )
        if deletion is not None:
            self.deletions.record(deletion)
        return deletion

    def notify(self, changes: Change, initiator: object | None = None) -> None:
        """For writes done elsewhere (an import on a worker, a restore) that pages must see."""
        self.changed.emit(DataChanged(changes, initiator))
