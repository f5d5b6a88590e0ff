"""Start the GUI: one instance per data folder, open the data, show the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from prepdesk import __version__
from prepdesk.store.backup_policy import automatic_backup
from prepdesk.store.errors import StoreError
from prepdesk.store.folder_access import lock_refusal
from prepdesk.store.paths import DataPaths
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.background import finish_background_work
from prepdesk.ui.backup_scheduler import BackupScheduler
from prepdesk.ui.error_report import ErrorReporter
from prepdesk.ui.first_run.start import offer_first_run_if_due
from prepdesk.ui.icons import app_icon
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.operations import Operations
from prepdesk.ui.qt_platform import platform_problem
from prepdesk.ui.reminders import start_tray_reminders
from prepdesk.ui.single_instance import InstanceLock, RaiseServer, ask_running_instance_to_raise
from prepdesk.ui.startup import open_database_interactively
from prepdesk.ui.theme import theme_manager


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("prepdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("prepdesk")
    app.setDesktopFileName("prepdesk")
    app.setWindowIcon(app_icon())
    theme_manager()  # applies the remembered theme and starts following the system's
    return app


def run_gui(paths: DataPaths) -> int:
    # Before QApplication: Qt aborts on a missing library with a misleading message.
    problem = platform_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    app = make_application()
    lock = InstanceLock(paths.lock)
    if not lock.acquire():
        # Never open the database: the running instance (if any) owns it.
        if ask_running_instance_to_raise(paths.root):
            print(f"prepdesk is already running on {paths.root}; its window was brought forward.")
            return 0
        # Only a live process is "running"; a read-only folder or a full disk says so.
        QMessageBox.information(
            None, "prepdesk cannot open this data folder", lock_refusal(paths, lock.owner_pid())
        )
        return 1
    try:
        db = open_database_interactively(paths)
        if db is None:
            return 1
        ops = Operations(db)
        errors = ErrorReporter(paths, app)
        errors.install()  # an exception in any slot shows a dialog and is logged
        try:
            window = MainWindow(ops)
            server = RaiseServer(paths.root, window)
            server.raise_requested.connect(lambda: _bring_forward(window))
            backups = ops.read(lambda s: SettingsRepository(s).all())
            if backups["auto_backup_enabled"]:
                scheduler = BackupScheduler(
                    lambda: ops.db.paths,
                    window,
                    interval_ms=int(backups["auto_backup_interval_minutes"]) * 60_000,
                )
                scheduler.finished.connect(lambda _result: window.last_backup.refresh())
                scheduler.start()
            window.show()
            offer_first_run_if_due(ops, window)
            reminders = start_tray_reminders(window.ops, window)
            try:
                return app.exec()
            finally:
                if reminders is not None:
                    reminders.service.stop()
        finally:
            # Let a running backup or export finish before its database goes away.
            finish_background_work()
            # A restore may have swapped the database; close the one open now.
            ops.db.close()
            # Backed up only when quick_check passes: a damaged file never rotates out
            # the good backups.
            try:
                automatic_backup(paths, "quit")
            except StoreError as exc:
                print(f"prepdesk: the backup on quit failed: {exc}", file=sys.stderr)
    finally:
        lock.release()


def _bring_forward(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
