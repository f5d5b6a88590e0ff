"""Tray reminders while the app runs: due reviews once a day, interviews 24 h and 2 h ahead.

Off when PREPDESK_REMINDERS=0 (the test suite and screenshots never show a tray icon)
or when the user turned them off in Preferences. Sent reminders are remembered per
machine so a restart does not repeat them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget
from sqlalchemy.orm import Session

from prepdesk.core.reminders import STAGE_LEADS, Reminder, UpcomingStage, due_reminders
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.upcoming_stages import upcoming_stages
from prepdesk.ui.clock import system_clock
from prepdesk.ui.icons import app_icon
from prepdesk.ui.operations import Operations
from prepdesk.ui.qt_settings import ui_settings

REMINDERS_ENV = "PREPDESK_REMINDERS"
SENT_KEY = "reminders/sent"
CHECK_INTERVAL_MS = 5 * 60 * 1000
Notifier = Callable[[Reminder], None]


def reminders_allowed_by_environment() -> bool:
    return os.environ.get(REMINDERS_ENV, "1").strip().lower() not in {"0", "off", "no", "false"}


class ReminderService(QObject):
    """Checks what is due on a timer and hands each new reminder to `notify`."""

    reminded = Signal(object)  # the Reminder just sent

    def __init__(
        self,
        ops: Operations,
        notify: Notifier,
        now: Callable[[], datetime] = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._notify = notify
        self._now = now
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()
        QTimer.singleShot(0, self.check)

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> list[Reminder]:
        now = self._now()

        def gather(session: Session) -> tuple[bool, int, list[UpcomingStage]]:
            if not SettingsRepository(session).get("reminders_enabled"):
                return False, 0, []
            due = len(ReviewRepository(session).due(now))
            return True, due, upcoming_stages(session, now, max(STAGE_LEADS))

        enabled, due, stages = self._ops.read(gather)
        if not enabled:
            return []
        settings = ui_settings()
        stored = settings.value(SENT_KEY, [])
        sent = {str(key) for key in stored} if isinstance(stored, list | tuple) else set()
        fresh = due_reminders(now, due, stages, sent)
        for reminder in fresh:
            self._notify(reminder)
            self.reminded.emit(reminder)
        if fresh:
            settings.setValue(SENT_KEY, _pruned(sent | {r.key for r in fresh}, now))
            settings.sync()
        return fresh


def _pruned(keys: set[str], now: datetime) -> list[str]:
    """Forget day keys older than a week; stage keys are few and stay."""
    oldest = (now.astimezone().date() - timedelta(days=7)).isoformat()
    return sorted(k for k in keys if not k.startswith("reviews:") or k[8:] >= oldest)


class TrayReminders(QObject):
    """The tray icon that shows reminders; clicking it brings the window forward."""

    def __init__(self, ops: Operations, window: QWidget) -> None:
        super().__init__(window)
        self.tray = QSystemTrayIcon(app_icon(), self)
        self.tray.setToolTip("prepdesk")
        self.tray.activated.connect(lambda _reason: _raise(window))
        self.service = ReminderService(ops, self._show, parent=self)

    def _show(self, reminder: Reminder) -> None:
        self.tray.showMessage(reminder.title, reminder.message, app_icon(), 10_000)

    def start(self) -> None:
        self.tray.show()
        self.service.start()


def _raise(window: QWidget) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def start_tray_reminders(ops: Operations, window: QWidget) -> TrayReminders | None:
    if not reminders_allowed_by_environment() or not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    reminders = TrayReminders(ops, window)
    reminders.start()
    return reminders
