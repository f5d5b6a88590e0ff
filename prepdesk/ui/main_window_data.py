"""The main window's data actions: search, restore, import and export.

Kept apart from main_window.py so that file stays about navigation and menus. It knows
the window only as a QMainWindow (for dialogs and the status bar); what it asks of the
main window goes out as signals, so the two never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from prepdesk.core.presentation import backup_text, suggested_file_name
from prepdesk.store.backup import backup_file_name
from prepdesk.store.changes import Change
from prepdesk.store.database import Database
from prepdesk.store.restore import restore_backup
from prepdesk.ui.operations import Operations
from prepdesk.ui.restore_dialog import RestoreDialog
from prepdesk.ui.search_dialog import SearchDialog
from prepdesk.ui.status_task import StatusTask

EXPORT_LABELS = {
    "json": "everything (JSON)",
    "csv": "tables as CSV",
    "markdown": "notes and stories as Markdown",
}


def _export(db: Database, kind: str, target: Path) -> str:
    from prepdesk.io.csv_export import export_csv_folder
    from prepdesk.io.json_export import export_json
    from prepdesk.io.markdown_export import export_markdown_folder

    with db.transaction() as session:
        if kind == "csv":
            return f"Wrote {len(export_csv_folder(session, target))} CSV files to {target}"
        if kind == "markdown":
            return (
                f"Wrote {len(export_markdown_folder(session, target))} Markdown files to {target}"
            )
        return f"Exported {export_json(session, target)} rows to {target}"


def _import(db: Database, source: Path, merge: bool) -> str:
    from prepdesk.io.json_import import import_export, read_export

    data = read_export(source)  # validated before anything is touched
    db.backup_to(db.paths.backups / backup_file_name("before-import"))
    with db.transaction() as session:
        summary = import_export(session, data, merge=merge)
    return f"Imported {source.name}: {summary.describe()}"


class MainWindowData(QObject):
    open_requested = Signal(str, object)  # a search hit: (kind, id)
    task_finished = Signal(object)  # what an import/export did (str), or an Exception

    def __init__(self, ops: Operations, window: QMainWindow, busy_actions: list[QAction]) -> None:
        super().__init__(window)
        self.ops = ops
        self.window = window
        self._busy_actions = busy_actions  # disabled while an import or export runs
        self.search_dialog: SearchDialog | None = None

    # search -------------------------------------------------------------------

    def open_search(self) -> SearchDialog:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.ops, self.window)
            self.search_dialog.open_requested.connect(self.open_requested.emit)
        dialog = self.search_dialog
        dialog.run_search(dialog.box.text())  # what was found last time may have changed
        dialog.box.selectAll()
        dialog.show()
        dialog.activateWindow()
        dialog.box.setFocus()
        return dialog

    # restore ------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        dialog = RestoreDialog(self.ops.db.paths, self.window)
        if dialog.exec() and (chosen := dialog.chosen()) is not None:
            self.restore(chosen)

    def restore(self, backup: Path) -> None:
        """Swap the open database for `backup`. The current one is backed up and kept.

        Done on the GUI thread on purpose: no page may read while the files change
        under it, and a restore is one file copy.
        """
        paths = self.ops.db.paths
        try:
            taken = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
            restored = backup_text(taken, in_sentence=True)
        except OSError:
            restored = "backup"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ops.db.close()
            try:
                restore_backup(paths, backup)
            finally:
                # Reopen whatever is in place now: the restored copy, or the old file.
                self.ops.db = Database.open(paths)
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self.window, "Restore failed", str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.ops.notify(Change.ALL)
        self.window.statusBar().showMessage(
            f"Restored the {restored}; your previous data was backed up first"
        )

    # import and export -----------------------------------------------------------

    def choose_import(self) -> None:
        from prepdesk.io.json_import import holds_user_data

        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import a prepdesk export", "", "prepdesk export (*.json)"
        )
        if not name:
            return
        merge = False
        if self.ops.read(holds_user_data):
            answer = QMessageBox.question(
                self.window,
                "Merge into your data?",
                "Your data folder already holds data. Merge the file into it? Items that are "
                "already here are updated, new ones added; nothing is deleted, and a backup "
                "is taken first.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            merge = True
        self.import_from(Path(name), merge=merge)

    def choose_export(self, kind: str) -> None:
        title = f"Export {EXPORT_LABELS[kind]}"
        if kind == "json":
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                title,
                suggested_file_name("prepdesk export", date.today(), extension="json"),
                "prepdesk export (*.json)",
            )
        else:
            name = QFileDialog.getExistingDirectory(self.window, f"{title}: choose a folder")
        if name:
            self.export_to(kind, Path(name))

    def import_from(self, source: Path, *, merge: bool) -> None:
        db = self.ops.db
        self._run(f"Importing {source.name}…", lambda: _import(db, source, merge), Change.ALL)

    def export_to(self, kind: str, target: Path) -> None:
        db = self.ops.db
        self._run(f"Exporting {EXPORT_LABELS[kind]}…", lambda: _export(db, kind, target), None)

    def _run(self, busy: str, work: Callable[[], str], changes: Change | None) -> None:
        """On a worker thread, with the status bar's progress and the actions disabled."""
        status = self.window.statusBar()
        status.showMessage(busy)

        def finished(message: object) -> str:
            status.showMessage(str(message))
            if changes is not None:
                self.ops.notify(changes)
            return str(message)

        def ended(ok: bool, told: str) -> None:
            if not ok:
                status.showMessage("Nothing was changed: " + told.splitlines()[0])
            self.task_finished.emit(told if ok else RuntimeError(told))

        task = StatusTask(self.window, busy, disable=self._busy_actions)
        task.finished.connect(ended)
        task.start(work, finished, "prepdesk")
