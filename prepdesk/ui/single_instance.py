"""One prepdesk per data folder: a QLockFile, plus a local socket to raise the running window."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE_MESSAGE = b"raise\n"
UNREADABLE_LOCK_GRACE_S = 5.0


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"prepdesk-{digest}"


class InstanceLock:
    """Holds the data folder's lock file. A lock left by a killed process is taken over."""

    def __init__(self, lock_path: Path) -> None:
        self._path = lock_path
        self._lock = QLockFile(str(lock_path))
        # 0: never time out a live owner; a lock whose process is gone is still stale.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """True when the lock is ours; False when it is held, or can't be made (say why
        with store/folder_access.lock_refusal: read-only folder, full disk, running)."""
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError and self._unreadable():
            # Qt can't tell whose an empty or garbled lock file is and never calls it
            # stale; QLockFile writes its owner at once, so after a grace time it is.
            self._lock.removeStaleLockFile()
            return self._lock.tryLock(0)
        return False

    def _unreadable(self) -> bool:
        try:
            age = time.time() - self._path.stat().st_mtime
        except OSError:
            return False
        return self.owner_pid() is None and age > UNREADABLE_LOCK_GRACE_S

    def owner_pid(self) -> int | None:
        # PySide returns (pid, hostname, appname); pid is 0 when the file can't be read.
        info = self._lock.getLockInfo()
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) or None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


class RaiseServer(QObject):
    """Listens for a second launch and asks the main window to come forward."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        name = server_name(data_dir)
        QLocalServer.removeServer(name)  # a crashed owner may have left the socket file
        self._server.listen(name)
        self._server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._on_ready_read)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        if bytes(socket.readAll().data()).startswith(RAISE_MESSAGE.strip()):
            self.raise_requested.emit()
        # The client disconnects by itself; the socket goes with the server.
        socket.readyRead.disconnect(self._on_ready_read)

    def close(self) -> None:
        self._server.close()


def ask_running_instance_to_raise(data_dir: Path, timeout_ms: int = 1000) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE_MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
