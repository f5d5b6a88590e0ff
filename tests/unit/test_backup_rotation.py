"""Backup rotation rules and the automatic backup policy."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from prepdesk.core.backup_rotation import BackupStamp, backups_to_keep
from prepdesk.store.backup_policy import automatic_backup, backup_due, rotate_backups
from prepdesk.store.restore import list_backups

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def hourly(hours: int) -> list[BackupStamp]:
    return [BackupStamp(f"b{i:05d}", NOW - timedelta(hours=i)) for i in range(hours)]


def test_keeps_last_ten_daily_weekly_monthly():
    stamps = hourly(24 * 400)  # a backup every hour for more than a year
    keep = backups_to_keep(stamps, NOW, newest_good=None)
    by_name = {s.name: s.taken_at for s in stamps}
    kept = sorted((by_name[n] for n in keep), reverse=True)
    assert all(f"b{i:05d}" in keep for i in range(10))
    # One a day for the last week.
    days = {t.date() for t in kept if t >= NOW - timedelta(days=7)}
    assert len(days) >= 7
    # Weekly for 4 weeks and monthly for 12 months; nothing older than that.
    assert {(t.year, t.month) for t in kept} >= {(2025, m) for m in range(7, 13)}
    assert min(kept) >= NOW - timedelta(days=31 * 12)
    assert len(keep) < 10 + 8 + 5 + 13
    assert len(keep) >= 10 + 6 + 3 + 11


def test_never_drops_the_newest_good_backup():
    stamps = hourly(50)
    oldest = stamps[-1].name
    assert oldest in backups_to_keep(stamps, NOW, newest_good=oldest)
    assert "b00000" in backups_to_keep(stamps, NOW, newest_good=None)


def test_few_backups_are_all_kept():
    stamps = hourly(5)
    assert backups_to_keep(stamps, NOW, None) == {s.name for s in stamps}


def test_automatic_backup_rotates_on_disk(db, paths):
    for i in range(30):
        path = automatic_backup(paths, "test", NOW - timedelta(minutes=i))
        assert path is not None
        stamp = (NOW - timedelta(minutes=i)).timestamp()
        os.utime(path, (stamp, stamp))
    rotate_backups(paths, NOW)
    assert len(list_backups(paths)) == 10
    assert not backup_due(paths, NOW)
    assert backup_due(paths, NOW + timedelta(days=2))
