"""Find good backups and put one back in place of the live database."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.database import move_aside
from prepdesk.store.engine import connect_read_only
from prepdesk.store.paths import BACKUP_PATTERN, DataPaths


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Backups in the data folder, newest first."""
    if not paths.backups.is_dir():
        return []
    found = []
    for path in paths.backups.glob(BACKUP_PATTERN):
        stat = path.stat()
        found.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime, UTC), stat.st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def is_good_backup(path: Path) -> bool:
    try:
        conn = connect_read_only(path)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def newest_good_backup(paths: DataPaths) -> BackupInfo | None:
    return next((b for b in list_backups(paths) if is_good_backup(b.path)), None)


def restore_backup(paths: DataPaths, backup: Path) -> Path | None:
    """Replace the live database with `backup`; returns where the old one went.

    The current database is first copied into backups/ when it can still be read
    (so a restore can be undone) and in any case moved aside, never deleted.
    """
    moved = None
    if paths.database.exists():
        if paths.database.stat().st_size > 0 and is_good_backup(paths.database):
            write_backup(paths.database, paths.backups / backup_file_name("before-restore"))
        moved = move_aside(paths)
    write_backup(backup, paths.database)
    return moved


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, for choosing one: counts of the main kinds of data."""

    info: BackupInfo
    counts: dict[str, int]  # topics, sessions, stories, companies; empty when unreadable
    good: bool


SUMMARY_TABLES = {
    "topics": "topic",
    "sessions": "study_session",
    "stories": "story",
    "companies": "company",
}


def summarise_backup(info: BackupInfo) -> BackupSummary:
    try:
        conn = connect_read_only(info.path)
        try:
            counts = {
                label: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for label, table in SUMMARY_TABLES.items()
            }
        finally:
            conn.close()
    except sqlite3.Error:
        return BackupSummary(info, {}, good=False)
    return BackupSummary(info, counts, good=True)
