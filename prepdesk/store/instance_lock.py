"""One prepdesk per data folder: the folder's lock file, taken by the window and the CLI alike.

The file is created exclusively and names its owner ("pid\\nprepdesk\\nhost\\n", the layout
Qt's QLockFile writes, so a lock left by an older prepdesk is read the same way). While it
is held, the owner also keeps an advisory OS lock on it (flock, where the system has one):
a lock file nobody holds that way was left by a process that is gone, even when its pid
has been given to another program since, and is taken over. Plain Python, no Qt, so the
store and the command line use the very same lock as the window.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

try:  # POSIX; elsewhere the owner's pid alone decides
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from prepdesk.store.folder_access import process_is_alive

# An empty or garbled lock file may be one being written this instant; after this long it
# can only be the remains of a crash.
UNREADABLE_LOCK_GRACE_S = 5.0
APP_NAME = "prepdesk"


def this_host() -> str:
    """This computer's name, as socket.gethostname() gives it (uname's node name where
    there is one: the socket module is not needed before the window paints)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


class InstanceLock:
    """Holds the data folder's lock file. A lock left by a killed process is taken over."""

    def __init__(self, lock_path: Path) -> None:
        self._path = lock_path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when the lock is ours; False when it is held, or can't be made (say why
        with store/folder_access.lock_refusal: read-only folder, full disk, running)."""
        if self._fd is not None:
            return True
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        if self._create():
            return True
        if self._left_behind():
            with contextlib.suppress(OSError):
                self._path.unlink()
            return self._create()
        return False

    def owner_pid(self) -> int | None:
        """The pid the lock file names; None when there is none or it can't be read."""
        owner = self._read_owner()
        return owner[0] if owner else None

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self._path.unlink()
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None

    def _create(self) -> bool:
        try:
            fd = os.open(self._path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except OSError:
            return False
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, f"{os.getpid()}\n{APP_NAME}\n{this_host()}\n".encode())
            os.fsync(fd)
        except OSError:
            # A full disk, or someone else's lock raced in: leave no half-written file.
            os.close(fd)
            with contextlib.suppress(OSError):
                self._path.unlink()
            return False
        self._fd = fd
        return True

    def _read_owner(self) -> tuple[int, str] | None:
        try:
            lines = self._path.read_bytes().decode("utf-8").splitlines()
            pid = int(lines[0])
        except (OSError, UnicodeDecodeError, ValueError, IndexError):
            return None
        host = lines[2] if len(lines) > 2 else ""
        return (pid, host) if pid > 0 else None

    def _left_behind(self) -> bool:
        """True when the existing lock file belongs to no live prepdesk on this computer."""
        owner = self._read_owner()
        if owner is None:
            try:
                age = time.time() - self._path.stat().st_mtime
            except OSError:
                return False
            return age > UNREADABLE_LOCK_GRACE_S
        pid, host = owner
        if host and host != this_host():
            return False  # another computer sharing the folder: never take it over
        if fcntl is not None and not self._os_lock_held():
            return True
        return not process_is_alive(pid)

    def _os_lock_held(self) -> bool:
        """Whether some process holds the file's advisory lock (a live owner does)."""
        assert fcntl is not None
        try:
            fd = os.open(self._path, os.O_RDONLY)
        except OSError:
            return True  # can't tell: never take over
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)
