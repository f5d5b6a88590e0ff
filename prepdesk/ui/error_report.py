"""Unexpected errors reach the person: a dialog with the details, and a log file.

Installed as `sys.excepthook` (and `threading.excepthook`) by the application, so an
exception raised in any slot, timer or worker thread shows a dialog instead of only
printing to a terminal nobody reads. The details are appended to the data folder's
log file, and the dialog can copy them for a bug report.
"""

from __future__ import annotations

import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from prepdesk.store.paths import DataPaths

MAX_LOG_BYTES = 1_000_000  # the log is cut to its newer half past this


def log_exception(paths: DataPaths, exc: BaseException) -> Path | None:
    """Appends the exception with its traceback to the log; the log's path, or None."""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return append_to_log(paths.log_file, details)


def append_to_log(log: Path, details: str) -> Path | None:
    stamp = datetime.now().isoformat(timespec="seconds")
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        if log.exists() and log.stat().st_size > MAX_LOG_BYTES:
            kept = log.read_bytes()[-MAX_LOG_BYTES // 2 :]
            log.write_bytes(kept)
        with log.open("a", encoding="utf-8", errors="replace") as stream:
            stream.write(f"--- {stamp}\n{details}\n")
    except OSError:
        return None  # a full or read-only disk: the dialog still shows the details
    return log


class ErrorReporter(QObject):
    """Shows unexpected exceptions to the person; one dialog at a time."""

    def __init__(self, paths: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.dialog: QMessageBox | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def excepthook(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        from prepdesk.ui.operations import WriteFailed

        if isinstance(exc, WriteFailed):
            return  # the person was already told what was not saved, and why
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        print(details, file=sys.stderr, end="")
        log = append_to_log(self.paths.log_file, details)
        # From a worker thread the dialog must wait for the GUI thread.
        QTimer.singleShot(0, self, lambda: self.show(exc, details, log))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def show(self, exc: BaseException, details: str, log: Path | None) -> QMessageBox:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.setDetailedText(self.dialog.detailedText() + "\n" + details)
            return self.dialog
        where = f"The details were written to {log}." if log else "The log could not be written."
        box = QMessageBox(_active_window())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("prepdesk: unexpected error")
        box.setText(f"Something went wrong in prepdesk: {type(exc).__name__}: {exc}")
        box.setInformativeText(
            f"What you saved before is safe. {where} Please include them in a bug report."
        )
        box.setDetailedText(details)
        copy = box.addButton("Copy details and close", QMessageBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(box.detailedText()))
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = box
        box.open()
        return box


def _active_window() -> QWidget | None:
    return QApplication.activeWindow()
