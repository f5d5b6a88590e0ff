"""Read-only commands run while the window holds the folder; commands that write refuse."""

from __future__ import annotations

import json

import pytest

from prepdesk.store.database import Database
from prepdesk.store.instance_lock import InstanceLock
from prepdesk.store.models import Company
from tests.reliability.cli_driver import database_state, run

READERS = [
    ("export", "{t}/all.json"),
    ("export", "--format", "csv", "{t}/csv"),
    ("export", "--format", "markdown", "{t}/md"),
    ("export-problems", "{t}/problems.csv"),
    ("export-stories", "{t}/stories.md"),
    ("export-ics", "{t}/stages.ics"),
    ("brief", "--out", "{t}/brief.md"),
    ("check",),
]
WRITERS = [("import", "{t}/all.json"), ("demo",), ("import-problems", "{t}/problems.csv")]


@pytest.fixture
def window_open(capsys, paths):
    """The folder as the window leaves it: its lock held, its database open mid-write."""
    assert run(capsys, paths, "demo").code == 0
    lock = InstanceLock(paths.lock)
    assert lock.acquire()
    db = Database.open(paths)
    with db.transaction() as session:
        session.add(Company(name="Not yet committed"))
        session.flush()  # the window is writing right now
        yield paths
    db.close()
    lock.release()


def test_readers_succeed_and_see_one_committed_snapshot(capsys, window_open, tmp_path):
    for command in READERS:
        argv = [part.format(t=tmp_path) for part in command]
        outcome = run(capsys, window_open, *argv)
        assert outcome.code == 0, (argv, outcome.err)
        assert outcome.err == ""
    exported = json.loads((tmp_path / "all.json").read_text())
    assert "Not yet committed" not in {c["name"] for c in exported["company"]}
    assert (tmp_path / "brief.md").read_text().startswith("# ")


def test_writers_refuse_with_the_lock_message(capsys, window_open, tmp_path):
    assert run(capsys, window_open, "export", str(tmp_path / "all.json")).code == 0
    (tmp_path / "problems.csv").write_text("title,difficulty\nA,easy\n")
    for command in WRITERS:
        argv = [part.format(t=tmp_path) for part in command]
        line = run(capsys, window_open, *argv).assert_one_line_refusal()
        assert "is running on" in line and "close it first" in line


def test_readers_never_write(capsys, paths, tmp_path):
    assert run(capsys, paths, "demo").code == 0
    before = database_state(paths)
    for command in READERS:
        assert run(capsys, paths, *[p.format(t=tmp_path) for p in command]).code == 0
    assert database_state(paths) == before


def test_readers_on_a_folder_without_a_database_say_so(capsys, paths, tmp_path):
    for command in READERS[:-1]:
        argv = [part.format(t=tmp_path) for part in command]
        line = run(capsys, paths, *argv).assert_one_line_refusal()
        assert str(paths.root) in line
    assert not paths.database.exists()


def test_readers_on_a_database_that_is_a_folder_say_so(capsys, paths, tmp_path):
    paths.database.mkdir(parents=True)
    line = run(capsys, paths, "export", str(tmp_path / "x.json")).assert_one_line_refusal()
    assert "is a folder, not a database file" in line
