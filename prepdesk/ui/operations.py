"""Every write is an operation: one transaction, then one signal saying what changed.

Pages never commit by themselves; they call `Operations.write` with a function of
the session (which uses repositories) and the kinds of data it changes, and every
page that depends on those kinds refreshes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from prepdesk.store.changes import Change
from prepdesk.store.database import Database

T = TypeVar("T")


class Operations(QObject):
    changed = Signal(object)  # a Change flag

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db

    def read(self, fn: Callable[[Session], T]) -> T:
        with self.db.transaction() as session:
            return fn(session)

    def write(self, fn: Callable[[Session], T], changes: Change) -> T:
        with self.db.transaction() as session:
            result = fn(session)
        self.changed.emit(changes)
        return result

    def notify(self, changes: Change) -> None:
        """For writes done elsewhere (an import, a restore) that pages must see."""
        self.changed.emit(changes)
