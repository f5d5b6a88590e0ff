"""Consistent copies of the live database with SQLite's online backup API.

A plain file copy would miss commits still in the WAL; the backup API copies
the database as one consistent snapshot, WAL included.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from prepdesk.store.engine import connect_read_only
from prepdesk.store.errors import StoreError


class BackupFailed(StoreError):
    pass


def backup_file_name(reason: str, when: datetime | None = None) -> str:
    when = when or datetime.now(UTC)
    return f"prepdesk-{when.strftime('%Y%m%d-%H%M%S-%f')}-{reason}.sqlite3"


def write_backup(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` atomically and verify the copy.

    The copy is written beside the destination under a temporary name, checked
    with integrity_check, then renamed into place, so a crash never leaves a
    half-written file under the final name.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    src = connect_read_only(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A backup is a standalone file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    except sqlite3.Error as exc:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise BackupFailed(f"could not back up {source} to {destination}: {exc}") from exc
    finally:
        src.close()
    if result != "ok":
        partial.unlink()
        raise BackupFailed(f"backup of {source} failed its integrity check: {result}")
    _fsync(partial)
    os.replace(partial, destination)
    _fsync_dir(destination.parent)
    return destination


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
