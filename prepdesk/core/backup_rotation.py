"""Which backups to keep: the last 10, one a day for 7 days, a week for 4 weeks, a month for 12.

Pure rules over timestamps, so they are easy to test; the store applies them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

KEEP_LAST = 10
DAILY_DAYS = 7
WEEKLY_WEEKS = 4
MONTHLY_MONTHS = 12


@dataclass(frozen=True)
class BackupStamp:
    name: str
    taken_at: datetime  # aware


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
    return keep
