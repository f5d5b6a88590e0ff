"""Command-line writes take the data folder's instance lock, exactly like the app does."""

from __future__ import annotations

import sys
from collections.abc import Callable

from prepdesk.store.paths import DataPaths


def run_locked(paths: DataPaths, work: Callable[[], int], hint: str = "") -> int:
    """Run `work` holding the folder's lock; refuse (exit code 1) while prepdesk runs there."""
    from prepdesk.store.folder_access import lock_refusal
    from prepdesk.store.instance_lock import InstanceLock

    lock = InstanceLock(paths.lock)
    if not lock.acquire():
        # Only a live process is "running"; a read-only folder or a full disk says so.
        print(f"prepdesk: {lock_refusal(paths, lock.owner_pid(), hint)}", file=sys.stderr)
        return 1
    try:
        return work()
    finally:
        lock.release()
