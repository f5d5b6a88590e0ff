"""Command-line writes take the data folder's instance lock, exactly like the app does."""

from __future__ import annotations

import sys
from collections.abc import Callable

from prepdesk.store.paths import DataPaths


def run_locked(paths: DataPaths, work: Callable[[], int], hint: str = "") -> int:
    """Run `work` holding the folder's lock; refuse (exit code 1) while prepdesk runs there."""
    from prepdesk.ui.single_instance import InstanceLock

    paths.root.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(paths.lock)
    if not lock.acquire():
        print(
            f"prepdesk: prepdesk is running on {paths.root} (process {lock.owner_pid()}); "
            f"close it first{hint}",
            file=sys.stderr,
        )
        return 1
    try:
        return work()
    finally:
        lock.release()
