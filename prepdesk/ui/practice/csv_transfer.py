"""Import… and Export… of the practice log as CSV, run off the GUI thread.

The window stays usable meanwhile; work still running after PROGRESS_AFTER_MS shows
its label and a busy bar in the main window's status bar until it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from prepdesk.core.presentation import count_noun, suggested_file_name
from prepdesk.io.problems_csv import ImportReport, export_problems_csv, import_problems_csv
from prepdesk.store.changes import Change
from prepdesk.store.safe_target import check_file_target
from prepdesk.ui.background import run_in_background
from prepdesk.ui.operations import Operations

CSV_FILTER = "CSV files (*.csv);;All files (*)"
PROGRESS_AFTER_MS = 500


class ProblemCsvTransfer(QObject):
    finished = Signal(bool, str)  # succeeded, the message shown to the user
    busy_changed = Signal(bool)

    def __init__(self, ops: Operations, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._ops = ops
        self._parent = parent_widget
        self.file_dialog: QFileDialog | None = None  # the open chooser, for tests
        self.message_box: QMessageBox | None = None  # the last result shown
        self._label = ""
        self._progress_shown = False
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_AFTER_MS)
        self._progress_timer.timeout.connect(self._show_progress)

    # choosing files -------------------------------------------------------------------

    def choose_import_file(self) -> None:
        dialog = self._file_dialog("Import coding problems", QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.import_file(Path(name)))
        dialog.open()

    def choose_export_file(self) -> None:
        dialog = self._file_dialog("Export coding problems", QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(suggested_file_name("coding problems", date.today(), extension="csv"))
        dialog.fileSelected.connect(lambda name: self.export_file(Path(name)))
        dialog.open()

    def _file_dialog(self, title: str, mode: QFileDialog.AcceptMode) -> QFileDialog:
        dialog = QFileDialog(self._parent, title, str(Path.home()), CSV_FILTER)
        dialog.setAcceptMode(mode)
        # Qt's own dialog: the same on every desktop, and scriptable in tests.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.file_dialog = dialog
        return dialog

    # doing the work -------------------------------------------------------------------

    def import_file(self, path: Path) -> None:
        db = self._ops.db

        def done(report: ImportReport) -> None:
            self._ops.notify(Change.PROBLEMS | Change.REVIEWS)
            self._report(True, "Import finished", report.message())

        self._start(
            f"Importing {path.name}…",
            lambda: import_problems_csv(db, path),
            done,
            lambda error: self._report(False, "Nothing imported", f"{path.name}: {error}"),
        )

    def export_file(self, path: Path) -> None:
        db = self._ops.db
        self._start(
            f"Exporting to {path.name}…",
            # Never onto the live database, a backup or another file prepdesk keeps.
            lambda: export_problems_csv(db, check_file_target(path, db.paths)),
            lambda rows: self._report(
                True, "Export finished", f"Exported {count_noun(rows, 'row')} to {path}"
            ),
            lambda error: self._report(False, "Export failed", f"{path}: {error}"),
        )

    def _start(
        self,
        label: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
    ) -> None:
        self.busy_changed.emit(True)
        self._label = label
        self._progress_timer.start()
        run_in_background(work, on_done, on_failed, owner=self)

    def _status_progress(self) -> Any:
        """The main window's status-bar progress (None on a page shown on its own)."""
        return getattr(self._parent.window(), "status_progress", None)

    def _show_progress(self) -> None:
        progress = self._status_progress()
        if progress is not None:
            progress.start(self._label)
            self._progress_shown = True

    def _end_progress(self) -> None:
        self._progress_timer.stop()
        progress = self._status_progress()
        if self._progress_shown and progress is not None:
            progress.finish()
        self._progress_shown = False

    def _report(self, ok: bool, title: str, message: str) -> None:
        self._end_progress()
        self.busy_changed.emit(False)
        icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self._parent)
        box.open()
        self.message_box = box
        self.finished.emit(ok, message)
