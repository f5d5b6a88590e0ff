"""Where prepdesk may write an export, brief, calendar, chart or backup: never onto your data.

The one rule, checked before anything is written:
- never the live database, its -wal, -shm or journal, or the lock file of any data folder
  (the one in use, and any folder the target sits in that holds a prepdesk database);
- never a file inside a folder prepdesk keeps (backups, damaged and replaced copies);
- never the data folder itself as an export folder;
- an export never replaces an SQLite database (only `backup --to` may refresh a copy);
- never a folder where a file is meant, nor a file where a folder is meant.
"""

from __future__ import annotations

import os
from pathlib import Path

from prepdesk.store.errors import StoreError
from prepdesk.store.inspection import SQLITE_HEADER
from prepdesk.store.paths import DataPaths


class RefusedTarget(StoreError):
    """A target prepdesk will not write to; nothing was written."""

    def __init__(self, target: Path, reason: str) -> None:
        self.target = target
        self.reason = reason
        super().__init__(f"will not write {target}: {reason}; nothing was written")


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _data_folders(target: Path, given: DataPaths | None) -> list[DataPaths]:
    """The folder in use, and every folder around the target that holds prepdesk data."""
    found = [given] if given is not None else []
    for folder in (target.parent, target.parent.parent, target):
        candidate = DataPaths(_real(folder))
        if candidate.looks_like_data_folder():
            found.append(candidate)
    return found


def _managed(target: Path, data: DataPaths) -> str | None:
    """What `target` is to prepdesk in `data`, or None when it is not prepdesk's."""
    real = _real(target)
    for path, what in data.managed_files().items():
        if real == _real(path):
            return what
    for folder, what in data.managed_folders().items():
        folder = _real(folder)
        if real == folder:
            return f"prepdesk's {folder.name} folder"
        if folder in real.parents:
            return what
    if target.exists() and data.database.exists() and os.path.samefile(target, data.database):
        return "the live database (under another name)"
    return None


def _refuse_misplaced_parent(target: Path) -> None:
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise RefusedTarget(target, f"{parent} is a file, not a folder")
            return


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_file_target(
    target: str | os.PathLike[str], data: DataPaths | None = None, *, database_copy: bool = False
) -> Path:
    """The absolute target when a file may be written there; else RefusedTarget.

    `database_copy` is for `backup --to`: it may replace an older copy of a database
    that no data folder uses, which an export never may.
    """
    path = Path(target).expanduser().absolute()
    if path.is_dir():
        raise RefusedTarget(path, "it is a folder; give the name of a file to write")
    _refuse_misplaced_parent(path)
    for folder in _data_folders(path, data):
        what = _managed(path, folder)
        if what is not None:
            raise RefusedTarget(path, f"it is {what}, which prepdesk keeps in {folder.root}")
    if path.is_file() and _is_sqlite(path) and not database_copy:
        raise RefusedTarget(
            path, "it is an SQLite database (prepdesk data or a copy); an export never replaces one"
        )
    return path


def check_folder_target(target: str | os.PathLike[str], data: DataPaths | None = None) -> Path:
    """The absolute folder when an export may write its files there; else RefusedTarget."""
    path = Path(target).expanduser().absolute()
    if path.exists() and not path.is_dir():
        raise RefusedTarget(path, "it is a file; give a folder to write into")
    _refuse_misplaced_parent(path)
    for folder in _data_folders(path, data):
        if _real(path) == _real(folder.root):
            raise RefusedTarget(path, "it is prepdesk's data folder; export somewhere else")
        what = _managed(path, folder)
        if what is not None:
            raise RefusedTarget(path, f"it holds {what}, which prepdesk keeps in {folder.root}")
    return path
