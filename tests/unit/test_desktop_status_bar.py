"""Status bar: last backup time from the backups folder; progress for long operations."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

from prepdesk.store.backup import write_backup
from prepdesk.ui.status_bar import describe_last_backup


def test_last_backup_is_read_from_the_backups_folder(qtbot, main_window, paths):
    assert main_window.last_backup.text() == "No backup yet"
    assert main_window.last_backup.isVisible()
    with qtbot.waitSignal(main_window.backup_finished, timeout=10_000):
        main_window.backup_action.trigger()
    assert main_window.last_backup.text().startswith("Last backup today at ")
    assert not main_window.status_progress.isVisible()


def test_older_backups_show_their_date(paths, db):
    old = paths.backups / "prepdesk-20240102-030405-manual.sqlite3"
    write_backup(paths.database, old)
    stamp = datetime(2024, 1, 2, 3, 4).timestamp()
    os.utime(old, (stamp, stamp))
    assert describe_last_backup(paths) == "Last backup 2 Jan 2024, 03:04"


def test_progress_shows_while_work_runs_and_hides_after_even_on_error(qtbot, main_window):
    progress = main_window.status_progress
    assert not progress.isVisible()
    with main_window.progress("Exporting…", maximum=10) as step:
        assert progress.isVisible()
        assert progress.label.text() == "Exporting…"
        step(4)
        assert progress.bar.value() == 4
    assert not progress.isVisible()
    with pytest.raises(RuntimeError), main_window.progress("Importing…"):
        assert progress.bar.maximum() == 0  # busy indicator
        raise RuntimeError("boom")
    assert not progress.isVisible()


def test_the_data_folder_stays_in_the_status_bar_after_a_menu_and_a_message(qtbot, main_window):
    from PySide6.QtWidgets import QLabel

    label = main_window.statusBar().findChild(QLabel, "dataFolder")
    assert label is not None and label.text().startswith("Data folder: ")
    main_window.backup_action.hover()  # pointing at a menu command shows its status tip
    main_window.back_up_now()
    qtbot.waitUntil(lambda: main_window.backup_action.isEnabled(), timeout=10_000)
    main_window.statusBar().clearMessage()
    assert label.isVisible() and label.text().startswith("Data folder: ")
