"""Open the first run from the Help menu, or on start when it is due."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from prepdesk.store.first_run import first_run_due
from prepdesk.ui.first_run.dialog import FirstRunDialog
from prepdesk.ui.operations import Operations


def open_first_run(ops: Operations, window: QMainWindow) -> FirstRunDialog:
    """The first run as a window-modal dialog; on Finish the dashboard shows the plan."""
    dialog = FirstRunDialog(ops, window)
    show_page = getattr(window, "show_page", None)
    if show_page is not None:
        dialog.accepted.connect(lambda: show_page("dashboard"))
    dialog.open()
    return dialog


def offer_first_run_if_due(ops: Operations, window: QMainWindow) -> None:
    """On start (app.py only, never in tests or screenshots unless asked): a new data
    folder, or one whose first run was never finished or skipped, gets the first run."""
    if ops.read(first_run_due):
        action = getattr(window, "first_run_action", None)
        if action is not None:
            QTimer.singleShot(0, window, action.trigger)
