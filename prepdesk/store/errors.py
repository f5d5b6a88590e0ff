"""Refusals: a database prepdesk must not touch, with a message that says what and where."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every error the store reports to the user."""


class DatabaseRefused(StoreError):
    """The file was inspected and left exactly as it was."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class NotAPrepdeskDatabase(DatabaseRefused):
    pass


class NewerDatabase(DatabaseRefused):
    pass


class DatabaseIsReadOnly(DatabaseRefused):
    """A healthy database prepdesk can read but not write: the file or its folder is read-only."""


class CorruptDatabase(DatabaseRefused):
    """Failed quick_check or could not be read; offer restore or move aside."""


class MigrationFailed(StoreError):
    """An upgrade step raised; the transaction was rolled back, the old schema stands."""


class DiskFull(StoreError):
    """A write did not fit on the disk; its transaction was rolled back as a whole."""
