"""Consistent copies of the live database with SQLite's online backup API.

A plain file copy would miss commits still in the WAL; the backup API copies
the database as one consistent snapshot, WAL included.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from prepdesk.store.atomic_write import TEMP_SUFFIX, atomic_file
from prepdesk.store.engine import connect_read_only
from prepdesk.store.errors import StoreError


class BackupFailed(StoreError):
    pass


def backup_file_name(reason: str, when: datetime | None = None) -> str:
    when = when or datetime.now(UTC)
    return f"prepdesk-{when.strftime('%Y%m%d-%H%M%S-%f')}-{reason}.sqlite3"


def backup_reason(name: str) -> str:
    """The reason part of a backup's file name ('quit', 'before-import', …); '' if none."""
    parts = Path(name).stem.split("-", 4)  # prepdesk-YYYYmmdd-HHMMSS-ffffff-<reason>
    return parts[4] if len(parts) == 5 and parts[0] == "prepdesk" else ""


def write_backup(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` atomically and verify the copy.

    The copy is written beside the destination under a temporary name (the one
    atomic writer), checked with integrity_check, then renamed into place, so a crash
    or a failure never leaves a half-written file or a stray temporary one.
    """
    try:
        with atomic_file(destination) as temp:
            _copy_verified(source, temp, destination)
    finally:
        with contextlib.suppress(OSError):  # SQLite's journal of the temporary copy
            for leftover in destination.parent.glob(f".{destination.name}.*{TEMP_SUFFIX}-*"):
                leftover.unlink()
    return destination


def _copy_verified(source: Path, temp: Path, destination: Path) -> None:
    src = connect_read_only(source)
    try:
        dst = sqlite3.connect(temp)
        try:
            src.backup(dst)
            # A backup is a standalone file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupFailed(f"could not back up {source} to {destination}: {exc}") from exc
    finally:
        src.close()
    if result != "ok":
        raise BackupFailed(f"backup of {source} failed its integrity check: {result}")
