"""The dashboard's last numbers, kept with the version of the data they were read from.

The start-up shell shows them right after its first paint when the data has not
changed since (same data version, same local day, same prepdesk, the next interview
still ahead), long before the store is open; the live numbers replace them. Kept in
the data folder's cache as small JSON, written atomically. It is only a cache: a
missing, corrupt, foreign or stale file is no snapshot, never an error. Imports
neither SQLAlchemy nor Qt.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from prepdesk import __version__
from prepdesk.core.dashboard_numbers import DashboardNumbers, numbers_from_json, numbers_to_json
from prepdesk.store import data_version
from prepdesk.store.atomic_write import write_file
from prepdesk.store.errors import StoreError
from prepdesk.store.paths import DataPaths

FORMAT = 1
FILE_NAME = "dashboard-numbers.json"


def snapshot_path(paths: DataPaths) -> Path:
    return paths.cache / FILE_NAME


def save_snapshot(paths: DataPaths, version: int, numbers: DashboardNumbers) -> bool:
    """Keep `numbers`, read from the data at `version`; False when it could not be written
    (it only costs the next start its head start)."""
    if version == data_version.UNKNOWN:
        return False
    kept = {
        "format": FORMAT,
        "prepdesk": __version__,
        "data_version": version,
        "numbers": numbers_to_json(numbers),
    }
    try:
        write_file(snapshot_path(paths), json.dumps(kept, ensure_ascii=False))
    except (OSError, StoreError):
        return False
    return True


def load_snapshot(paths: DataPaths, now: datetime) -> DashboardNumbers | None:
    """The kept numbers if they are still those of the data as it is `now`, else None."""
    try:
        kept = json.loads(snapshot_path(paths).read_text(encoding="utf-8"))
        if kept["format"] != FORMAT or kept["prepdesk"] != __version__:
            return None
        numbers = numbers_from_json(kept["numbers"])
        version = kept["data_version"]
    except Exception:  # only a cache: whatever is wrong with it, there is no snapshot
        return None
    if not still_current(numbers, now):
        return None
    current = data_version.version_of(paths.database)
    if current == data_version.UNKNOWN or current != version:
        return None
    return numbers


def still_current(numbers: DashboardNumbers, now: datetime) -> bool:
    """Read the same local day, and the next interview has not begun since."""
    if numbers.computed_at.astimezone().date() != now.astimezone().date():
        return False
    return numbers.next is None or numbers.next.at > now
