"""The one way prepdesk writes a file or a folder: the whole new one, or the old one untouched.

A file is written under a temporary name in its own folder, fsynced, renamed over the
target with os.replace, and the folder is fsynced so the rename survives a power cut.
A folder is written into a temporary sibling and renamed into place at the end; into a
folder that already exists, the finished files are moved in one rename each. Any
failure (a full disk, a read-only folder, a crash in the middle) removes the temporary
file or folder: never a half-written file, never a stray temporary one.

Every export, brief, calendar, chart and backup goes through here; the refusal of a
target prepdesk must not write onto lives in safe_target.py.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from prepdesk.store.errors import StoreError

TEMP_SUFFIX = ".partial"
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


class WriteFailed(StoreError, OSError):
    """A file could not be written; whatever was at the target before is unchanged."""


def explain_write_error(exc: OSError, target: Path, where: Path | None = None) -> WriteFailed:
    """One line that says what went wrong where, from the errno rather than the wording."""
    where = where or (Path(exc.filename).parent if exc.filename else target.parent)
    if exc.errno in _FULL:
        why = f"the disk holding {where} is full"
    elif exc.errno in _READ_ONLY:
        why = f"the folder {where} is read-only (or not yours to write to)"
    elif exc.errno == errno.EISDIR:
        why = f"{exc.filename or target} is a folder, where a file was meant"
    elif exc.errno == errno.ENOTDIR:
        why = f"part of {target} is a file, where a folder was meant"
    else:
        why = exc.strerror or str(exc)
    return WriteFailed(f"cannot write {target}: {why}; nothing was changed there")


@contextlib.contextmanager
def _explained(target: Path, where: Path | None = None) -> Iterator[None]:
    """Turn an OSError into WriteFailed, which says in one line what and where."""
    try:
        yield
    except WriteFailed:
        raise
    except OSError as exc:
        raise explain_write_error(exc, target, where) from exc


def _new_file_mode(existing: Path) -> int:
    """The mode a plain open() would give: the old file's, else 0o666 less the umask."""
    with contextlib.suppress(OSError):
        return existing.stat().st_mode & 0o7777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries (POSIX only), to the disk."""
    if path.is_dir() and os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `target`; fill it in the block, and it becomes `target`."""
    target = Path(target).absolute()
    with _explained(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
        os.close(fd)
    temp = Path(name)
    try:
        with _explained(target):
            os.chmod(temp, _new_file_mode(target))
            yield temp
            fsync_path(temp)
            os.replace(temp, target)
            fsync_path(target.parent)
    finally:
        temp.unlink(missing_ok=True)


def write_file(target: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write `data` (text as UTF-8) to `target` atomically; returns the absolute target."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_file(target) as temp, open(temp, "wb") as out:
        out.write(payload)
    return Path(target).absolute()


@contextlib.contextmanager
def atomic_folder(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary folder; write the files into it, and they appear in `target` at the end.

    A new `target` is the temporary sibling renamed. An existing folder keeps its other
    files: each finished file is moved in by rename, replacing one of the same name.
    """
    target = Path(target).absolute()
    existing = target.is_dir()
    home = target if existing else target.parent
    with _explained(target, home):
        home.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=home))
    try:
        with _explained(target, home):
            yield stage
            files = sorted(p for p in stage.rglob("*") if p.is_file())
            for path in files:
                fsync_path(path)
            if existing:
                _move_into(stage, files, target)
            else:
                for folder in sorted({p.parent for p in files}, reverse=True):
                    fsync_path(folder)
                os.rename(stage, target)
                fsync_path(target.parent)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _move_into(stage: Path, files: list[Path], target: Path) -> None:
    moves = [(path, target / path.relative_to(stage)) for path in files]
    for _path, destination in moves:  # every clash refused before the first move
        for part in (destination, *destination.parents):
            if part == target:
                break
            if (part == destination and part.is_dir()) or (part != destination and part.is_file()):
                raise WriteFailed(
                    f"cannot write {destination}: {part} is in the way (a "
                    f"{'folder' if part.is_dir() else 'file'}); nothing was changed there"
                )
    for path, destination in moves:
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, destination)
    for folder in {destination.parent for _path, destination in moves}:
        fsync_path(folder)
