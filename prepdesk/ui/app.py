"""Start the GUI: one instance per data folder, open the data, show the window.

Start-up order: the QApplication and the start-up shell (navigation and the dashboard's
frame) come first and are painted before the store, the ORM and the pages are imported;
right after that paint the shell shows the dashboard's numbers kept from the last run
when the data has not changed since (store/numbers_snapshot.py); then the data is opened
and the main window, showing those same numbers until the live ones arrive, replaces the
shell. The dashboard's charts are painted in the window from data read on worker threads.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from prepdesk import __version__
from prepdesk.store.folder_access import lock_refusal
from prepdesk.store.instance_lock import InstanceLock
from prepdesk.store.paths import DataPaths
from prepdesk.ui.background import finish_background_work
from prepdesk.ui.gui_thread_gc import collect_on_gui_thread, freeze_long_lived
from prepdesk.ui.icons import app_icon
from prepdesk.ui.start_shell import FirstPaint, StartShell
from prepdesk.ui.theme import theme_manager

if TYPE_CHECKING:
    from prepdesk.core.dashboard_numbers import DashboardNumbers
    from prepdesk.ui.main_window import MainWindow
    from prepdesk.ui.operations import Operations


# Reads run on worker threads of this process and hold the GIL while in Python; the GUI
# thread, which re-enters Python for every slot and event filter, gets it back within a
# millisecond instead of Python's default five (many such waits make a visible freeze).
GIL_SWITCH_INTERVAL_S = 0.001
OPEN_AT_THE_LATEST_MS = 300


def make_application(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("prepdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("prepdesk")
    app.setDesktopFileName("prepdesk")
    app.setWindowIcon(app_icon())
    collect_on_gui_thread()  # worker threads read data: they must never free Qt objects
    theme_manager()  # applies the remembered theme and starts following the system's
    return app


def run_gui(paths: DataPaths) -> int:
    # Before QApplication: Qt aborts on a missing library with a misleading message.
    from prepdesk.ui.qt_platform import platform_problem

    problem = platform_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    app = make_application()
    started = start_gui(paths)
    if isinstance(started, int):
        return started
    # Once the window is up, what lives then stays out of full collections (a process of
    # its own: tests start windows in theirs and keep collecting everything).
    started.window_ready.connect(lambda _window: freeze_long_lived())
    try:
        return app.exec()
    finally:
        started.shut_down()


def start_gui(paths: DataPaths) -> GuiSession | int:
    """Take the data folder's lock and start opening it; an exit code when that is refused.

    The window comes in the event loop (`GuiSession.window_ready`); run `app.exec()`.
    """
    lock = InstanceLock(paths.lock)
    if not lock.acquire():
        # Never open the database: the running instance (if any) owns it.
        # Only a second launch asks (hashing and Qt's network module are not needed before).
        from prepdesk.ui.single_instance import ask_running_instance_to_raise

        if ask_running_instance_to_raise(paths.root):
            print(f"prepdesk is already running on {paths.root}; its window was brought forward.")
            return 0
        # Only a live process is "running"; a read-only folder or a full disk says so.
        QMessageBox.information(
            None, "prepdesk cannot open this data folder", lock_refusal(paths, lock.owner_pid())
        )
        return 1
    shell = StartShell()
    session = GuiSession(paths, lock, shell)
    shell.first_paint.painted.connect(session.show_last_numbers)
    shell.show()
    return session


class GuiSession(QObject):
    """One run of the window on one data folder: open, show, and shut down in order."""

    window_ready = Signal(object)  # the MainWindow, shown

    def __init__(self, paths: DataPaths, lock: InstanceLock, shell: StartShell) -> None:
        super().__init__()
        self.paths = paths
        self.lock = lock
        self.shell = shell
        self.window: MainWindow | None = None
        self.ops: Operations | None = None
        self._reminders: object = None
        self.last_numbers: DashboardNumbers | None = None  # shown by the shell
        self._opening = False

    def show_last_numbers(self) -> None:
        """The numbers kept from the last run, in the shell, if the data hasn't changed
        since (read without SQLAlchemy); then open the data once they are painted."""
        from prepdesk.store.numbers_snapshot import load_snapshot

        self.last_numbers = load_snapshot(self.paths, datetime.now(UTC))
        if self.last_numbers is None:
            self.open()
            return
        self.shell.numbers_shown.connect(self.open)
        # Opening waits for their paint, but never for long (a window not on screen).
        QTimer.singleShot(OPEN_AT_THE_LATEST_MS, self, self.open)
        self.shell.show_numbers(self.last_numbers)

    def open(self) -> None:
        if self._opening:
            return
        self._opening = True
        from prepdesk.store.repositories.settings import SettingsRepository
        from prepdesk.ui.backup_scheduler import BackupScheduler
        from prepdesk.ui.error_report import ErrorReporter
        from prepdesk.ui.first_run.start import offer_first_run_if_due
        from prepdesk.ui.locale_dates import use_locale_dates
        from prepdesk.ui.main_window import MainWindow
        from prepdesk.ui.operations import Operations
        from prepdesk.ui.pages.dashboard_page import DashboardPage
        from prepdesk.ui.reminders import start_tray_reminders
        from prepdesk.ui.single_instance import RaiseServer
        from prepdesk.ui.startup import open_database_interactively

        use_locale_dates()  # before any date is shown
        db = open_database_interactively(self.paths, self.shell)
        if db is None:
            self.shell.close()
            QApplication.exit(1)
            return
        ops = self.ops = Operations(db)
        errors = ErrorReporter(self.paths, QApplication.instance())
        errors.install()  # an exception in any slot shows a dialog and is logged
        window = self.window = MainWindow(ops)
        dashboard = window.page("dashboard")
        if self.last_numbers is not None and isinstance(dashboard, DashboardPage):
            dashboard.show_last_numbers(self.last_numbers)  # the shell's, as they are
        server = RaiseServer(self.paths.root, window)
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
        # Word-wrapped labels settle their layout in a second pass: done before the first
        # paint, so the window takes over from the shell without a jump.
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        offer_first_run_if_due(ops, window)
        FirstPaint(window).painted.connect(self._close_shell)
        self._reminders = start_tray_reminders(window.ops, window)
        self.window_ready.emit(window)

    def _close_shell(self) -> None:
        self.shell.close()
        self.shell.deleteLater()

    def shut_down(self) -> None:
        try:
            if self.ops is None:
                return
            reminders = self._reminders
            if reminders is not None:
                reminders.service.stop()  # type: ignore[attr-defined]
            # Let a running backup or export finish before its database goes away.
            finish_background_work()
            # A restore may have swapped the database; close the one open now.
            self.ops.db.close()
            from prepdesk.store.backup_policy import automatic_backup
            from prepdesk.store.errors import StoreError

            # Backed up only when quick_check passes: a damaged file never rotates out
            # the good backups.
            try:
                automatic_backup(self.paths, "quit")
            except StoreError as exc:
                print(f"prepdesk: the backup on quit failed: {exc}", file=sys.stderr)
        finally:
            self.lock.release()


def _bring_forward(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
