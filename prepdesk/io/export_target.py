"""Every export goes through here: its target is checked, then written atomically.

The rule (never onto the person's data) is store/safe_target.py; the writing is
store/atomic_write.py. An export given a session protects that session's data folder.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from prepdesk.store.atomic_write import atomic_file, atomic_folder, write_file
from prepdesk.store.paths import DataPaths
from prepdesk.store.safe_target import check_file_target, check_folder_target

Target = str | os.PathLike[str]


def data_paths_of(session: Session) -> DataPaths | None:
    """The data folder whose database `session` reads."""
    database = session.get_bind().engine.url.database
    return DataPaths(Path(database).absolute().parent) if database else None


def write_export(target: Target, data: bytes | str, protect: DataPaths | None) -> Path:
    """Write one export file; RefusedTarget (nothing written) for a target that is ours."""
    return write_file(check_file_target(target, protect), data)


@contextlib.contextmanager
def export_file(target: Target, protect: DataPaths | None) -> Iterator[Path]:
    """A temporary path to fill (by a writer that wants a file name, like QPdfWriter)."""
    with atomic_file(check_file_target(target, protect)) as temp:
        yield temp


@contextlib.contextmanager
def export_folder(target: Target, protect: DataPaths | None) -> Iterator[Path]:
    """A temporary folder to fill; its files appear in `target` only when all are written."""
    with atomic_folder(check_folder_target(target, protect)) as stage:
        yield stage
