"""A damaged database at start-up: the user chooses restore or a fresh start; nothing is deleted."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.database import Database
from prepdesk.store.models import Company
from prepdesk.ui.startup import open_database_interactively
from tests.helpers import sha256


def damage(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096, 3 * 4096):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def click_when_shown(qtbot, button_text_part: str, seen: list[str]):
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button_text_part in button.text():
                button.click()
                return
        raise AssertionError(
            f"no button with {button_text_part!r}: {[b.text() for b in box.buttons()]}"
        )

    QTimer.singleShot(0, click)


def make_damaged_database_with_backup(paths):
    db = Database.open(paths)
    with db.transaction() as session:
        session.add(Company(name="Kept in the backup"))
    db.checkpoint()
    db.close()
    write_backup(paths.database, paths.backups / backup_file_name("test"))
    damage(paths.database)


def open_answering(qtbot, paths, button_text_part: str) -> tuple[list[str], list[str]]:
    """Open the folder, answer the question with `button_text_part`: (company names, texts seen)."""
    seen: list[str] = []
    click_when_shown(qtbot, button_text_part, seen)
    db = open_database_interactively(paths)
    assert db is not None
    try:
        with db.transaction() as session:
            names = [c.name for c in session.query(Company)]
    finally:
        db.close()
    return names, seen


def test_restore_newest_good_backup(qtbot, paths):
    make_damaged_database_with_backup(paths)
    damaged_digest = sha256(paths.database)
    names, seen = open_answering(qtbot, paths, "Restore backup")
    assert names == ["Kept in the backup"]
    assert str(paths.database) in seen[0]
    moved = list(paths.quarantine.glob("*.sqlite3"))
    assert [sha256(m) for m in moved] == [damaged_digest]


def test_move_aside_and_start_fresh(qtbot, paths):
    make_damaged_database_with_backup(paths)
    seen: list[str] = []
    click_when_shown(qtbot, "start fresh", seen)
    db = open_database_interactively(paths)
    assert db is not None
    with db.transaction() as session:
        assert session.query(Company).count() == 0
    db.close()
    assert len(list(paths.quarantine.glob("*.sqlite3"))) == 1


def test_quit_leaves_the_file_untouched(qtbot, paths):
    make_damaged_database_with_backup(paths)
    before = sha256(paths.database)
    click_when_shown(qtbot, "Quit", [])
    assert open_database_interactively(paths) is None
    assert sha256(paths.database) == before


def make_missing_database_with_backup(paths):
    make_damaged_database_with_backup(paths)
    for suffix in ("", "-wal", "-shm"):
        (paths.root / (paths.database.name + suffix)).unlink(missing_ok=True)


def test_a_missing_database_beside_backups_offers_the_backup(qtbot, paths):
    """A deleted database file never turns into a silent fresh start."""
    make_missing_database_with_backup(paths)
    names, seen = open_answering(qtbot, paths, "Restore backup")
    assert names == ["Kept in the backup"]
    assert "no database" in seen[0] and str(paths.backups) in seen[0]


def test_a_missing_database_can_start_empty_and_keeps_the_backups(qtbot, paths):
    make_missing_database_with_backup(paths)
    backups = sorted(p.name for p in paths.backups.iterdir())
    names, _seen = open_answering(qtbot, paths, "Start empty")
    assert names == []
    assert set(backups) <= {p.name for p in paths.backups.iterdir()}


def test_a_new_folder_asks_nothing(qtbot, paths):
    db = open_database_interactively(paths)  # no backups: a first start, no question
    assert db is not None
    db.close()


def test_check_says_the_database_is_missing_beside_backups(paths, capsys):
    from prepdesk.cli import main

    make_missing_database_with_backup(paths)
    assert main(["--data-dir", str(paths.root), "check"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing" in err[0] and "backups" in err[0]
