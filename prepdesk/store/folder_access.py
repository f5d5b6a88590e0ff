"""Why the data folder's lock can't be taken, in words: only a live process is 'running'.

A lock that cannot be created is usually not another prepdesk at all: the folder is
read-only, the disk is full, or the path is a file. The folder is probed by writing
(and removing) a small file, so the answer comes from the system, not a guess.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from prepdesk.store.paths import DataPaths

_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
PROBE_BYTES = b"prepdesk checks it can write here\n" * 4  # about a lock file's size


def why_folder_unwritable(folder: Path) -> str | None:
    """What stops prepdesk writing in `folder`, as a sentence; None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".prepdesk-probe-", dir=folder)
        try:
            os.write(fd, PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError as exc:
        if exc.errno in _FULL:
            return f"the disk holding the data folder {folder} is full"
        if exc.errno in _READ_ONLY:
            return f"the data folder {folder} is read-only"
        if exc.errno in (errno.ENOTDIR, errno.EEXIST):
            return f"{folder} is a file, not a folder"
        return f"the data folder {folder} can't be written ({exc.strerror or exc})"
    return None


def process_is_alive(pid: int | None) -> bool:
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by someone else
    except OSError:
        return False
    return True


def lock_refusal(paths: DataPaths, owner_pid: int | None, hint: str = "") -> str:
    """Why the lock of `paths` could not be taken, in one line (`hint` after 'close it first')."""
    unwritable = why_folder_unwritable(paths.root)
    if unwritable is not None:
        return f"{unwritable}: prepdesk can't take its lock there, so nothing was changed"
    if process_is_alive(owner_pid):
        return f"prepdesk is running on {paths.root} (process {owner_pid}); close it first{hint}"
    return (
        f"the lock file {paths.lock} is held, but by no prepdesk running on this computer "
        "(another computer sharing the folder, or a lock file that can't be read)"
    )
