"""A second launch on a data folder raises the running window (a local socket).

The folder's lock itself is prepdesk/store/instance_lock.py, shared with the command line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal

RAISE_MESSAGE = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"prepdesk-{digest}"


class RaiseServer(QObject):
    """Listens for a second launch and asks the main window to come forward."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer  # not before the window's first paint

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
        from PySide6.QtNetwork import QLocalSocket

        if not isinstance(socket, QLocalSocket):
            return
        if bytes(socket.readAll().data()).startswith(RAISE_MESSAGE.strip()):
            self.raise_requested.emit()
        # The client disconnects by itself; the socket goes with the server.
        socket.readyRead.disconnect(self._on_ready_read)

    def close(self) -> None:
        self._server.close()


def ask_running_instance_to_raise(data_dir: Path, timeout_ms: int = 1000) -> bool:
    from PySide6.QtNetwork import QLocalSocket  # only when a second launch asks

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE_MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
