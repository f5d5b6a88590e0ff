"""Ctrl+K search, File > Restore from backup…, import and export from the window."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.changes import Change
from prepdesk.store.models import Company, Story
from prepdesk.ui.backup_scheduler import BackupScheduler
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.pages.page import Page
from prepdesk.ui.pages.registry import PAGES, PageSpec
from prepdesk.ui.restore_dialog import RestoreDialog


class SelectingPage(Page):
    def __init__(self, ops) -> None:
        super().__init__(ops)
        self.selected: list[tuple[str, object]] = []

    def select_item(self, kind: str, ref: object) -> None:
        self.selected.append((kind, ref))


def test_ctrl_k_finds_as_you_type_and_enter_opens_the_item(qtbot, ops):
    with ops.db.transaction() as session:
        story = Story(title="Quantised the zorblax model", result="p99 latency halved")
        session.add(story)
    page = SelectingPage(ops)
    pages = [
        spec
        if spec.key != "stories"
        else PageSpec("stories", "Stories", "stories", lambda _o: page)
        for spec in PAGES
    ]
    window = MainWindow(ops, pages)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.navigation, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.data.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.box, "zorbl lat")
    hit = dialog.current_hit()
    assert hit is not None and (hit.kind, hit.ref_id) == ("story", story.id)
    assert dialog.results.topLevelItem(0).text(0) == "Stories"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.current_page_key() == "stories"
    assert page.selected == [("story", story.id)]
    assert not dialog.isVisible()


def test_search_says_when_nothing_matches(qtbot, main_window):
    dialog = main_window.data.open_search()
    qtbot.keyClicks(dialog.box, "zzqqxx")
    assert dialog.results.topLevelItemCount() == 0
    assert "No matches for “zzqqxx”" in dialog.hint.text()


def test_restore_dialog_lists_backups_with_counts(qtbot, db, paths):
    with db.transaction() as session:
        session.add(Company(name="Acme"))
    write_backup(paths.database, paths.backups / backup_file_name("manual"))
    dialog = RestoreDialog(paths)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[1] == "Backed up by you" and cells[6] == "1"
    assert int(cells[3]) > 10  # built-in topics
    assert dialog.chosen() is not None and dialog.restore_button.isEnabled()


def test_restore_dialog_without_backups_explains(qtbot, paths, db):
    dialog = RestoreDialog(paths)
    qtbot.addWidget(dialog)
    assert dialog.table.isHidden() and not dialog.empty.isHidden()
    assert "no backups yet" in dialog.empty.text()
    assert not dialog.restore_button.isEnabled()


def test_restore_from_the_menu_swaps_the_database_and_can_be_undone(qtbot, main_window, paths):
    ops = main_window.ops
    with ops.db.transaction() as session:
        session.add(Company(name="Before"))
    write_backup(paths.database, paths.backups / backup_file_name("manual"))
    with ops.db.transaction() as session:
        session.add(Company(name="After"))
    seen = []
    ops.changed.connect(seen.append)

    def choose_oldest_and_restore():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, choose_oldest_and_restore)
            return
        dialog.table.selectRow(dialog.table.rowCount() - 1)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_oldest_and_restore)
    main_window.restore_action.trigger()
    names = ops.read(lambda s: sorted(c.name for c in s.query(Company)))
    assert names == ["Before"]
    assert seen and seen[-1].changes == Change.ALL
    # The data replaced by the restore was backed up first: the restore can be undone.
    undo = sorted(paths.backups.glob("*before-restore*"))
    assert len(undo) == 1
    main_window.data.restore(undo[0])
    assert ops.read(lambda s: sorted(c.name for c in s.query(Company))) == ["After", "Before"]


def test_export_then_bad_import_from_the_window(qtbot, main_window, tmp_path):
    target = tmp_path / "out.json"
    with qtbot.waitSignal(main_window.data_task_finished, timeout=20_000) as blocker:
        main_window.data.export_to("json", target)
    assert "Exported" in blocker.args[0]
    document = json.loads(target.read_text())
    document["topic"][2]["target_level"] = 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    with qtbot.waitSignal(main_window.data_task_finished, timeout=20_000) as blocker:
        main_window.data.import_from(bad, merge=True)
    assert isinstance(blocker.args[0], Exception)
    assert "topic[2].target_level: 9 is outside 0 to 5" in str(blocker.args[0])
    assert "Nothing was changed" in main_window.statusBar().currentMessage()
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QWidget) and box.windowTitle() == "prepdesk" and box.isVisible():
            box.close()


def test_scheduler_backs_up_at_start_only_when_the_last_is_old(qtbot, db, paths):
    clock = [datetime.now(UTC)]
    scheduler = BackupScheduler(lambda: paths, now=lambda: clock[0])
    with qtbot.waitSignal(scheduler.finished, timeout=20_000) as blocker:
        scheduler.start()
    assert blocker.args[0] is not None and blocker.args[0].exists()
    scheduler.timer.stop()
    with qtbot.assertNotEmitted(scheduler.finished, wait=100):
        scheduler.start()  # the newest is minutes old: nothing to do at start-up
    scheduler.timer.stop()
    clock[0] += timedelta(days=2)
    with qtbot.waitSignal(scheduler.finished, timeout=20_000):
        scheduler.timer.timeout.emit()
