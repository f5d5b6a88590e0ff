"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import partial

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from prepdesk.core.presentation import time_text
from prepdesk.store.backup import backup_file_name
from prepdesk.store.changes import Change
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.about_dialog import AboutDialog
from prepdesk.ui.background import run_in_background
from prepdesk.ui.edit_form import EditForm
from prepdesk.ui.icons import app_icon, icon
from prepdesk.ui.main_window_data import MainWindowData
from prepdesk.ui.navigation import OPEN_KINDS, WINDOW_KINDS
from prepdesk.ui.operations import Operations
from prepdesk.ui.pages.page import Page
from prepdesk.ui.pages.registry import PAGES, PageSpec
from prepdesk.ui.preferences_dialog import PreferencesDialog
from prepdesk.ui.qt_settings import ui_settings
from prepdesk.ui.shortcuts_dialog import ShortcutsDialog, in_review_rows, shortcut_rows
from prepdesk.ui.status_bar import LastBackupLabel, StatusProgress
from prepdesk.ui.theme import theme_manager
from prepdesk.ui.topics.timer_status import TimerStatus
from prepdesk.ui.undo import UndoDeleteAction
from prepdesk.ui.write_failure_notice import WriteFailureNotice


class MainWindow(QMainWindow):
    page_changed = Signal(str)
    backup_finished = Signal(object)  # Path of the new backup, or an error message (str)
    data_task_finished = Signal(object)  # what an import/export did (str), or an Exception

    def __init__(self, ops: Operations, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.ops = ops
        self._specs = pages if pages is not None else PAGES
        self._pages: dict[str, Page] = {}
        self.theme = theme_manager()  # loads the remembered theme before icons are drawn
        self.setWindowTitle("prepdesk")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(720, 520))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Pages")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setSpacing(2)
        self.navigation.setFixedWidth(self.fontMetrics().averageCharWidth() * 22)
        self.stack = QStackedWidget()
        for index, spec in enumerate(self._specs):
            item = QListWidgetItem(icon(spec.icon_name), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"{spec.title} (Ctrl+{index + 1})")
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the real page on first visit

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.data = MainWindowData(
            ops, self, busy_actions=[self.import_action, *self.export_actions()]
        )
        self.data.open_requested.connect(self.open_item)
        self.data.task_finished.connect(self.data_task_finished)
        self.failure_notice = WriteFailureNotice(ops, self)
        self.status_progress = StatusProgress()
        self.last_backup = LastBackupLabel(ops.db.paths)
        self.timer_status = TimerStatus(ops)  # the study timer, visible on every page
        self.statusBar().addPermanentWidget(self.status_progress)
        self.statusBar().addPermanentWidget(self.timer_status)
        self.statusBar().addPermanentWidget(self.last_backup)
        # A widget, not a message: menus and passing messages cover it for a moment only.
        self.data_folder = QLabel(f"Data folder: {ops.db.paths.root}")
        self.data_folder.setObjectName("dataFolder")
        self.data_folder.setAccessibleName("Data folder")
        self.data_folder.setToolTip(self.data_folder.text())
        self.statusBar().addWidget(self.data_folder, 1)
        bad = ops.read(lambda s: SettingsRepository(s).problems())  # shown, never a crash
        if bad:
            self.statusBar().showMessage(
                f"Invalid settings reset to their defaults: {', '.join(bad)}"
            )
        self.navigation.currentRowChanged.connect(self._show_row)
        self.theme.theme_changed.connect(self._on_theme_changed)
        self._restore_state()

    # navigation -------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def current_page_key(self) -> str:
        return self._specs[self.stack.currentIndex()].key

    def show_page(self, key: str) -> Page:
        row = self.page_keys().index(key)
        self.navigation.setCurrentRow(row)
        return self.page(key)

    def page(self, key: str) -> Page:
        """The page widget for `key`, built on first use."""
        if key not in self._pages:
            row = self.page_keys().index(key)
            widget = self._specs[row].factory(self.ops)
            widget.setObjectName(f"page-{key}")
            placeholder = self.stack.widget(row)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.stack.insertWidget(row, widget)
            self._pages[key] = widget
            widget.open_requested.connect(self.open_item)
        return self._pages[key]

    def open_item(self, kind: str, ref: object) -> None:
        """Shows item `ref` of `kind` where it lives (a search hit, a page's link)."""
        if kind in WINDOW_KINDS:
            if isinstance(ref, int):
                self.open_checklist(ref)
            return
        page_key = OPEN_KINDS.get(kind)
        if page_key is None or page_key not in self.page_keys():
            return
        self.show_page(page_key).select_item(kind, ref)

    def open_checklist(self, stage_id: int) -> QWidget:
        from prepdesk.ui.checklist_window import open_checklist_window

        return open_checklist_window(self.ops, stage_id, self)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self._specs[row].key
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.new_action.setEnabled(page.can_create)
        self.filter_action.setEnabled(page.has_filter)
        self.page_changed.emit(key)

    # menus ------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.backup_action = self._action("&Back up now", "Ctrl+Shift+B", self.back_up_now)
        self.restore_action = self._action(
            "&Restore from backup…", "Ctrl+Shift+R", self.restore_from_backup
        )
        self.import_action = self._action("&Import…", "Ctrl+I", self.import_data)
        # A lambda: triggered(checked) would pass False as the kind.
        self.export_action = self._action(
            "&Export everything (JSON)…", "Ctrl+E", lambda: self.export_data("json")
        )
        self.export_csv_action = self._action(
            "Export tables as &CSV…", "Ctrl+Shift+C", lambda: self.export_data("csv")
        )
        self.export_markdown_action = self._action(
            "Export notes and stories as &Markdown…",
            "Ctrl+Shift+M",
            lambda: self.export_data("markdown"),
        )
        quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (self.backup_action, self.restore_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        export_menu = file_menu.addMenu("E&xport")
        for action in (self.export_action, self.export_csv_action, self.export_markdown_action):
            export_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = UndoDeleteAction(self.ops, self)
        self.addAction(self.undo_action)
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        self.new_action = self._action("&New", "Ctrl+N", self.new_item)
        self.filter_action = self._action("&Filter", "Ctrl+F", self.focus_filter)
        self.preferences_action = self._action("&Preferences…", "Ctrl+,", self.show_preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.filter_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        view_menu = self.menuBar().addMenu("&View")
        self.refresh_action = self._action("&Refresh", "F5", self.refresh)
        view_menu.addAction(self.refresh_action)

        go_menu = self.menuBar().addMenu("&Go")
        self.search_action = self._action("&Search everything…", "Ctrl+K", self.open_search)
        go_menu.addAction(self.search_action)
        go_menu.addSeparator()
        for index, spec in enumerate(self._specs):
            action = self._action(
                spec.title, f"Ctrl+{index + 1}", partial(self.show_page, spec.key)
            )
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        self.first_run_action = self._action("&Plan my preparation…", None, self.plan_preparation)
        help_menu.addAction(self.first_run_action)
        self.shortcuts_action = self._action("&Keyboard shortcuts", "F1", self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        about = self._action("&About prepdesk", None, self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        # Plain "Ctrl+…" strings: Qt maps Ctrl to Cmd on macOS, and unlike StandardKey
        # they are the same on every desktop (some platform themes define none).
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def current_page(self) -> Page:
        return self.page(self.current_page_key())

    def new_item(self) -> None:
        page = self.current_page()
        if page.can_create:
            page.new_item()
        else:
            self.statusBar().showMessage("Nothing to create on this page", 3000)

    def focus_filter(self) -> None:
        page = self.current_page()
        if page.has_filter:
            page.focus_filter()
        else:
            self.statusBar().showMessage("This page has no filter", 3000)

    def export_actions(self) -> list[QAction]:
        return [self.export_action, self.export_csv_action, self.export_markdown_action]

    def refresh(self) -> None:
        self.ops.notify(Change.ALL)
        self.last_backup.refresh()

    def show_preferences(self) -> None:
        PreferencesDialog(self.ops, self).exec()

    def plan_preparation(self) -> None:
        from prepdesk.ui.first_run.start import open_first_run

        self.first_run_dialog = open_first_run(self.ops, self)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.menu_actions(), self, self.page_shortcut_rows()).exec()

    def page_shortcut_rows(self) -> list[tuple[str, str]]:
        """The keys each page adds (Topics: Review due, Ctrl+R), then the review's keys."""
        rows = []
        for spec in self._specs:
            for what, keys in shortcut_rows(self.page(spec.key).actions(), only_with_keys=True):
                rows.append((f"{spec.title}: {what}", keys))
        return rows + in_review_rows()

    def menu_actions(self) -> list[QAction]:
        """Every command of the menu bar, in menu order (what Help > Keyboard shortcuts lists)."""

        def walk(actions: list[QAction]) -> list[QAction]:
            found: list[QAction] = []
            for action in actions:
                submenu = action.menu()
                if isinstance(submenu, QMenu):  # menus and submenus (File > Export)
                    found += walk(submenu.actions())
                elif not action.isSeparator():
                    found.append(action)
            return found

        return walk(self.menuBar().actions())

    @contextmanager
    def progress(self, label: str, maximum: int = 0) -> Iterator[Callable[[int], None]]:
        """Shows `label` and a progress bar in the status bar while the block runs.

        Yields a function to report progress (0..maximum); maximum=0 means "busy".
        """
        with self.status_progress.running_task(label, maximum) as step:
            yield step

    def _on_theme_changed(self, _dark: bool) -> None:
        # Line icons are recoloured from the palette; fetch them again.
        for row, spec in enumerate(self._specs):
            self.navigation.item(row).setIcon(icon(spec.icon_name))

    def show_about(self) -> None:
        AboutDialog(self.ops.db.paths.root, self).exec()

    def back_up_now(self) -> None:
        """Writes a verified backup on a worker thread; the window stays responsive."""
        db = self.ops.db
        destination = db.paths.backups / backup_file_name("manual")
        self.backup_action.setEnabled(False)
        self.statusBar().showMessage("Backing up…")
        self.status_progress.start("Backing up…")

        def done(result: object) -> None:
            self.backup_action.setEnabled(True)
            self.status_progress.finish()
            self.last_backup.refresh()
            if isinstance(result, str):
                self.statusBar().showMessage("Backup failed")
                QMessageBox.warning(self, "Backup failed", result)
            else:
                stamp = time_text(datetime.now())
                self.statusBar().showMessage(f"Backed up at {stamp}")
            self.backup_finished.emit(result)

        run_in_background(lambda: db.backup_to(destination), done, done, owner=self)

    # search, restore, import and export (MainWindowData holds the work) ------------

    def open_search(self) -> None:
        self.data.open_search()

    def restore_from_backup(self) -> None:
        self.data.restore_from_backup()

    def import_data(self) -> None:
        self.data.choose_import()

    def export_data(self, kind: str = "json") -> None:
        self.data.choose_export(kind)

    # window state -------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = ui_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        last = settings.value("main_window/page", "dashboard")
        keys = self.page_keys()
        self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        settings = ui_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/page", self.current_page_key())
        settings.sync()

    def flush_edits(self) -> bool:
        """Saves what was typed in every page and window; False if something was not saved."""
        forms = self.findChildren(EditForm)
        return all([form.flush() for form in forms])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush_edits() and not self.failure_notice.confirm_quit():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)
