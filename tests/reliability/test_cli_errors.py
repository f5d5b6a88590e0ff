"""The command line's one error path: one line on stderr, the right exit code, nothing lost."""

from __future__ import annotations

import errno
import json
import os

import pytest

from prepdesk.io import json_import
from prepdesk.io.cli_errors import EXIT_BUG, EXIT_INTERRUPTED, EXIT_USAGE, os_error_message
from prepdesk.store.database import Database
from prepdesk.store.instance_lock import InstanceLock
from tests.reliability.cli_driver import database_state, run


@pytest.fixture
def demo(capsys, paths):
    assert run(capsys, paths, "demo").code == 0
    return paths


@pytest.mark.parametrize(
    "command",
    [
        ("export",),
        ("export-stories",),
        ("export-problems",),
        ("export-ics",),
        ("brief", "--out"),
    ],
)
def test_a_folder_where_a_file_is_meant(capsys, demo, tmp_path, command):
    folder = tmp_path / "a folder.md"
    folder.mkdir()
    before = database_state(demo)
    line = run(capsys, demo, *command, str(folder)).assert_one_line_refusal()
    assert str(folder) in line and "folder" in line
    assert database_state(demo) == before
    assert list(folder.iterdir()) == []  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_export_below_a_file(capsys, demo, tmp_path, fmt):
    file = tmp_path / "plain.txt"
    file.write_text("mine")
    line = run(capsys, demo, "export", "--format", fmt, str(file / "x")).assert_one_line_refusal()
    assert str(file) in line
    assert file.read_text() == "mine"


def test_data_dir_pointing_at_a_file(capsys, paths, tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("mine")
    for command in (("check",), ("demo",), ("export", str(tmp_path / "x.json"))):
        outcome = run(capsys, type(paths).resolve(file), *command)
        assert "data folder" in outcome.assert_one_line_refusal()
    assert file.read_text() == "mine"


def test_data_dir_below_a_file(capsys, paths, tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("mine")
    line = run(capsys, type(paths).resolve(file / "data"), "demo").assert_one_line_refusal()
    assert "is a file, not a folder" in line


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_import_from_a_missing_file_or_a_folder(capsys, demo, tmp_path, what):
    source = tmp_path / "in.json"
    if what == "folder":
        source.mkdir()
    before = database_state(demo)
    for command in ("import", "import-problems"):
        line = run(capsys, demo, command, str(source)).assert_one_line_refusal()
        assert str(source) in line
    assert database_state(demo) == before


def test_a_usage_error_is_one_line(capsys, paths):
    outcome = run(capsys, paths, "export")
    assert outcome.code == EXIT_USAGE
    assert "FILE" in outcome.assert_one_line_refusal()


def test_a_bug_is_one_line_naming_the_log(capsys, demo, tmp_path, monkeypatch):
    def broken(*_args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("prepdesk.io.json_export.export_json", broken)
    outcome = run(capsys, demo, "export", str(tmp_path / "x.json"))
    assert outcome.code == EXIT_BUG
    line = outcome.assert_one_line_refusal()
    assert str(demo.log_file) in line and "ZeroDivisionError" in line
    assert "Traceback" in demo.log_file.read_text() and "a bug" in demo.log_file.read_text()


def test_ctrl_c_during_an_import_rolls_back_quietly(capsys, demo, tmp_path, monkeypatch):
    exported = tmp_path / "all.json"
    assert run(capsys, demo, "export", str(exported)).code == 0
    document = json.loads(exported.read_text())
    for story in document["story"]:
        story["title"] += " (changed)"
    exported.write_text(json.dumps(document))
    before = database_state(demo)
    real_insert, calls = json_import._insert, []

    def interrupted(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_insert(*args)

    monkeypatch.setattr(json_import, "_insert", interrupted)
    outcome = run(capsys, demo, "import", "--merge", str(exported))
    assert (outcome.code, outcome.err) == (EXIT_INTERRUPTED, "")
    assert database_state(demo) == before
    lock = InstanceLock(demo.lock)
    assert lock.acquire()  # the command let go of the folder
    lock.release()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOENT, "no such file"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "disk is full"),
        (errno.EISDIR, "is a folder"),
        (errno.ENOTDIR, "is a file, not a folder"),
        (errno.ELOOP, "symbolic links"),
    ],
)
def test_every_kind_of_os_failure_has_words(tmp_path, code, words):
    message = os_error_message(OSError(code, os.strerror(code), str(tmp_path / "f")))
    assert message == f"{tmp_path / 'f'}: {message.split(': ', 1)[1]}"
    assert words in message


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a command as nobody")
def test_unreadable_and_read_only_as_another_user(tmp_path):
    """A real EACCES: the command runs as `nobody` against files it may not read or write."""
    import subprocess
    import sys

    from tests.helpers import REPO

    try:
        subprocess.run([sys.executable, "-c", "pass"], user=65534, check=True, cwd="/")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("user nobody cannot run this Python")
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(shared, 0o755)  # nobody may look, not write
    data = shared / "data"
    Database.open(type_paths(data)).close()
    os.chmod(data, 0o777)
    secret = shared / "secret.json"
    secret.write_text("{}")
    os.chmod(secret, 0o600)
    for argv in (["import", str(secret)], ["export", str(shared / "out.json")]):
        result = subprocess.run(
            [sys.executable, "-m", "prepdesk", "--data-dir", str(data), *argv],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(data)},
            user=65534,
            timeout=120,
        )
        assert result.returncode == 1, result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "permission denied" in result.stderr


def type_paths(root):
    from prepdesk.store.paths import DataPaths

    return DataPaths.resolve(root)


def test_check_lists_every_problem_on_one_line(capsys, demo):
    import sqlite3

    conn = sqlite3.connect(demo.database)  # foreign keys off on a bare connection
    for topic in (99998, 99999):
        conn.execute(
            "INSERT INTO rating (topic_id, level, rated_at, note) VALUES (?, 3, '2026-01-01', '')",
            (topic,),
        )
    conn.commit()
    conn.close()
    line = run(capsys, demo, "check").assert_one_line_refusal()
    assert "2 problems found" in line and line.count("missing topic") == 2
