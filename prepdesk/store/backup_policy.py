"""Automatic backups: when one is due, the quit-time health check, and rotation."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from prepdesk.core.backup_rotation import BackupStamp, backups_to_keep
from prepdesk.store.backup import backup_file_name, backup_reason, write_backup
from prepdesk.store.engine import connect_read_only
from prepdesk.store.paths import DataPaths
from prepdesk.store.restore import list_backups, newest_good_backup
from prepdesk.store.user_data import count_user_rows

STARTUP_MAX_AGE = timedelta(days=1)
PERIODIC_INTERVAL = timedelta(minutes=30)


def passes_quick_check(path: Path) -> bool:
    try:
        conn = connect_read_only(path)
        try:
            return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def backup_due(paths: DataPaths, now: datetime, max_age: timedelta = STARTUP_MAX_AGE) -> bool:
    backups = list_backups(paths)
    return not backups or now - backups[0].taken_at >= max_age


def rotate_backups(paths: DataPaths, now: datetime | None = None) -> list[Path]:
    """Delete the backups the rotation rules do not keep; returns what was deleted."""
    now = now or datetime.now(UTC)
    backups = list_backups(paths)
    good = newest_good_backup(paths)
    keep = backups_to_keep(
        [
            BackupStamp(
                b.path.name, b.taken_at, backup_reason(b.path.name), count_user_rows(b.path)
            )
            for b in backups
        ],
        now.astimezone(),
        good.path.name if good else None,
    )
    deleted = []
    for backup in backups:
        if backup.path.name not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def automatic_backup(paths: DataPaths, reason: str, now: datetime | None = None) -> Path | None:
    """Back up and rotate; None (and nothing touched) when the live database fails quick_check.

    A damaged database is never copied, so it can never push good backups out.
    """
    now = now or datetime.now(UTC)
    if not paths.database.exists() or not passes_quick_check(paths.database):
        return None
    written = write_backup(paths.database, paths.backups / backup_file_name(reason, now))
    rotate_backups(paths, now)
    return written
