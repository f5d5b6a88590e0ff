"""Which backups to keep: the last 10, one a day for 7 days, a week for 4 weeks, a month for 12.

Two more rules keep the person's data when the live database lost it (emptied, or
half of it deleted by mistake), so that a day of backups of the loss never rotates
out the last copies that hold it:
- the newest backup that holds any data, and the newest of those holding the most,
  are always kept (however many smaller or empty backups came after them);
- a safety backup (taken before an import, a schema upgrade, a restore or the demo)
  is kept for SAFETY_KEEP_DAYS days whatever the other rules say.

Pure rules over timestamps and row counts, so they are easy to test; the store applies them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

KEEP_LAST = 10
DAILY_DAYS = 7
WEEKLY_WEEKS = 4
MONTHLY_MONTHS = 12
SAFETY_KEEP_DAYS = 30
# The reasons in backup file names (prepdesk-<time>-<reason>.sqlite3): automatic ones,
# one asked for, and the safety backups taken before a risky change.
BACKUP_REASONS = (
    "startup",
    "periodic",
    "quit",
    "manual",
    "before-import",
    "pre-migration",
    "before-restore",
    "before-demo",
)
SAFETY_REASONS = frozenset({"before-import", "pre-migration", "before-restore", "before-demo"})


@dataclass(frozen=True)
class BackupStamp:
    name: str
    taken_at: datetime  # aware
    reason: str = ""
    rows: int | None = None  # rows of the person's own data; None when unknown or unreadable


def _newest_per(
    stamps: Sequence[BackupStamp], since: datetime, bucket: Callable[[datetime], Hashable]
) -> set[str]:
    kept: dict[Hashable, BackupStamp] = {}
    for stamp in stamps:
        if stamp.taken_at < since:
            continue
        key = bucket(stamp.taken_at)
        if key not in kept or stamp.taken_at > kept[key].taken_at:
            kept[key] = stamp
    return {s.name for s in kept.values()}


def backups_to_keep(
    stamps: Sequence[BackupStamp], now: datetime, newest_good: str | None
) -> set[str]:
    """Names of the backups the rotation keeps; every other one may be deleted."""
    newest_first = sorted(stamps, key=lambda s: (s.taken_at, s.name), reverse=True)
    keep = {s.name for s in newest_first[:KEEP_LAST]}
    local = [BackupStamp(s.name, s.taken_at.astimezone(now.tzinfo)) for s in newest_first]
    keep |= _newest_per(local, now - timedelta(days=DAILY_DAYS), lambda t: t.date())
    keep |= _newest_per(
        local, now - timedelta(weeks=WEEKLY_WEEKS), lambda t: tuple(t.isocalendar())[:2]
    )
    keep |= _newest_per(
        local, now - timedelta(days=31 * MONTHLY_MONTHS), lambda t: (t.year, t.month)
    )
    if newest_good is not None:
        keep.add(newest_good)  # never leave the user without a good copy
    keep |= _holding_data(newest_first)
    keep |= {
        s.name
        for s in newest_first
        if s.reason in SAFETY_REASONS and s.taken_at >= now - timedelta(days=SAFETY_KEEP_DAYS)
    }
    return keep


def _holding_data(newest_first: Sequence[BackupStamp]) -> set[str]:
    """The newest backup holding any data, and the newest of those holding the most."""
    holding = [s for s in newest_first if s.rows]
    if not holding:
        return set()
    most = max(s.rows or 0 for s in holding)
    return {holding[0].name, next(s.name for s in holding if s.rows == most)}
