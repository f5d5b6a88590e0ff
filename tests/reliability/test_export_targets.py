"""Issue 12.2: nothing writes onto the person's data.

Every export, brief, calendar and backup aimed at a file prepdesk manages (the live
database, its -wal and -shm, a backup, the lock file), at a folder where a file is
meant or the reverse, is refused with one line and writes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from prepdesk.cli import main
from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.paths import DataPaths
from tests.helpers import sha256

COMMANDS = {
    "export": ["export"],
    "export-csv": ["export", "--format", "csv"],
    "export-markdown": ["export", "--format", "markdown"],
    "export-stories": ["export-stories"],
    "export-ics": ["export-ics"],
    "export-problems": ["export-problems"],
    "backup": ["backup", "--to"],
}


@pytest.fixture
def live(paths: DataPaths):
    """A data folder with the demo's data, one backup, and the database held open."""
    db = Database.open(paths)
    with db.transaction() as session:
        fill_demo_data(session, date.today() - timedelta(days=3))
    write_backup(paths.database, paths.backups / backup_file_name("test"))
    with db.transaction() as session:  # leaves the -wal and -shm in place
        session.execute(__import__("sqlalchemy").text("SELECT 1"))
    yield paths
    db.close()


def managed_target(paths: DataPaths, which: str) -> Path:
    if which == "backup":
        return next(paths.backups.glob("prepdesk-*.sqlite3"))
    if which == "lock":
        return paths.lock
    return Path(str(paths.database) + {"db": "", "wal": "-wal", "shm": "-shm"}[which])


def snapshot(paths: DataPaths) -> dict[str, str]:
    return {
        str(p.relative_to(paths.root)): sha256(p)
        for p in sorted(paths.root.rglob("*"))
        if p.is_file() and p.name not in ("prepdesk.sqlite3-shm", "prepdesk.lock")
    }


@pytest.mark.parametrize("which", ["db", "wal", "shm", "backup", "lock"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_writes_onto_a_file_prepdesk_manages(live, which, command, capsys):
    target = managed_target(live, which)
    if which != "lock":  # the lock file exists while a command or the window holds it
        target.touch()
    before = snapshot(live)
    code = main(["--data-dir", str(live.root), *COMMANDS[command], str(target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "will not write" in err and "nothing was written" in err
    assert len(err.strip().splitlines()) == 1
    assert snapshot(live) == before
    if target.name != "prepdesk.lock":
        assert not list(target.parent.glob(f".{target.name}.*"))


@pytest.mark.parametrize("suffix", [".md", ".pdf"])
def test_the_brief_is_never_written_into_backups_or_over_the_database(
    live, tmp_path, suffix, capsys
):
    link = tmp_path / f"brief{suffix}"
    link.symlink_to(live.database)
    before = snapshot(live)
    for target in (live.backups / f"brief{suffix}", link):
        assert main(["--data-dir", str(live.root), "brief", "--out", str(target)]) == 1
    assert capsys.readouterr().err.count("will not write") == 2
    assert snapshot(live) == before


def test_the_live_database_under_a_link_is_still_refused(live, tmp_path, capsys):
    link = tmp_path / "looks-harmless.json"
    link.symlink_to(live.database)
    hard = tmp_path / "hard.json"
    hard.hardlink_to(live.database)
    before = sha256(live.database)
    for target in (link, hard):
        assert main(["--data-dir", str(live.root), "export", str(target)]) == 1
    assert "will not write" in capsys.readouterr().err
    assert sha256(live.database) == before


def test_an_export_never_replaces_another_data_folders_database(live, tmp_path, capsys):
    other = DataPaths.resolve(tmp_path / "other")
    Database.open(other).close()
    before = sha256(other.database)
    assert main(["--data-dir", str(live.root), "export", str(other.database)]) == 1
    assert "the live database" in capsys.readouterr().err
    assert sha256(other.database) == before


@pytest.mark.parametrize("command", ["export", "export-stories", "export-ics", "backup"])
def test_a_folder_where_a_file_is_meant_is_refused(live, tmp_path, command, capsys):
    folder = tmp_path / "a folder"
    folder.mkdir()
    (folder / "mine.txt").write_text("the person's file")
    code = main(["--data-dir", str(live.root), *COMMANDS[command], str(folder)])
    err = capsys.readouterr().err
    assert code == 1 and "it is a folder" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["a folder"]
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]


@pytest.mark.parametrize("kind", ["csv", "markdown"])
def test_a_file_where_a_folder_is_meant_is_refused(live, tmp_path, kind, capsys):
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    assert main(["--data-dir", str(live.root), "export", "--format", kind, str(target)]) == 1
    assert "it is a file" in capsys.readouterr().err
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "notes.txt"]


def test_a_file_in_the_middle_of_the_path_is_refused(live, tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("keep me")
    assert main(["--data-dir", str(live.root), "export", str(blocker / "out.json")]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert blocker.read_text() == "keep me"


@pytest.mark.parametrize("kind", ["csv", "markdown"])
def test_a_folder_export_into_the_data_folder_or_backups_is_refused(live, kind, capsys):
    before = snapshot(live)
    for target in (live.root, live.backups):
        assert main(["--data-dir", str(live.root), "export", "--format", kind, str(target)]) == 1
    assert capsys.readouterr().err.count("will not write") == 2
    assert snapshot(live) == before


def test_an_export_still_replaces_its_own_earlier_file(live, tmp_path, capsys):
    target = tmp_path / "export.json"
    target.write_text("an older export")
    assert main(["--data-dir", str(live.root), "export", str(target)]) == 0
    assert target.read_text().startswith("{")
    copy = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(live.root), "backup", "--to", str(copy)]) == 0
    assert main(["--data-dir", str(live.root), "backup", "--to", str(copy)]) == 0


def test_the_window_refuses_to_export_onto_its_own_database(qtbot, main_window, monkeypatch):
    paths = main_window.ops.db.paths
    before = sha256(paths.database)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(paths.database), ""))
    with qtbot.waitSignal(main_window.data_task_finished, timeout=20_000) as blocker:
        main_window.export_action.trigger()
    assert isinstance(blocker.args[0], Exception)
    assert "will not write" in str(blocker.args[0])
    assert "Nothing was changed" in main_window.statusBar().currentMessage()
    assert sha256(paths.database) == before
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.close()
