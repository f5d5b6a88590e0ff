"""Screenshots of the first run and the dashboard right after it (ui/screenshots.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

# A person who knows the basics of most topics, a few better, a few not at all.
LEVEL_KEYS = (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4)


def capture_first_run(out_dir: Path, data_dir: Path, suffix: str) -> None:
    """On a new data folder: the first run's role step and self-assessment, then the
    dashboard it leaves behind."""
    from prepdesk.ui.screenshots import WINDOW_SIZE, open_window, save, settle

    app, db, window = open_window(data_dir, WINDOW_SIZE)
    settle(app, page=window.show_page("dashboard"))
    window.first_run_action.trigger()
    dialog = window.first_run_dialog
    settle(app)
    save(dialog, out_dir, f"first-run-role{suffix}")
    dialog.go(2)
    for index in range(len(dialog.assessment.levels) - 9):
        QTest.keyClick(dialog.assessment, LEVEL_KEYS[index % len(LEVEL_KEYS)])
    settle(app)
    save(dialog, out_dir, f"first-run-assessment{suffix}")
    dialog.assessment.set_all_unrated(2)
    dialog.next_button.click()
    settle(app, page=window.page("dashboard"))
    save(window, out_dir, f"dashboard-after-first-run{suffix}")
    window.close()
    db.close()
