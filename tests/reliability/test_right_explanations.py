"""Issue 12.4: right explanations. A read-only folder or a full disk is named as such,
only a live process is "running" (never "process None"), and a healthy read-only
database is "read-only", not "damaged".
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from prepdesk.cli import main
from prepdesk.store.database import Database
from prepdesk.store.errors import DatabaseIsReadOnly
from prepdesk.store.instance_lock import UNREADABLE_LOCK_GRACE_S, InstanceLock
from prepdesk.store.paths import DataPaths
from tests.helpers import sha256
from tests.reliability.filesystems import fill, read_only, tiny_disk


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "process None" not in err and "Traceback" not in err
    return err


@pytest.mark.parametrize("command", [["demo"], ["check", "--repair"]])
def test_a_read_only_data_folder_is_called_read_only(paths, tmp_path, command, capsys):
    Database.open(paths).close()
    with read_only(paths.root):
        assert main(["--data-dir", str(paths.root), *command]) == 1
    err = one_line_error(capsys)
    assert f"the data folder {paths.root} is read-only" in err
    assert "running" not in err


def test_a_full_disk_is_called_full_not_running(tmp_path, capsys):
    with tiny_disk(tmp_path / "disk", size_kb=2048) as disk:
        paths = DataPaths.resolve(disk / "data")
        Database.open(paths).close()
        before = sha256(paths.database)
        fill(disk)
        assert main(["--data-dir", str(paths.root), "demo"]) == 1
        err = one_line_error(capsys)
        assert "is full" in err and "running" not in err
        assert sha256(paths.database) == before


def test_only_a_live_process_is_running(paths, capsys):
    Database.open(paths).close()
    held = InstanceLock(paths.lock)
    assert held.acquire()
    try:
        assert main(["--data-dir", str(paths.root), "demo"]) == 1
    finally:
        held.release()
    assert f"prepdesk is running on {paths.root} (process {os.getpid()})" in one_line_error(capsys)


def test_a_fresh_unreadable_lock_is_not_called_running(paths, capsys):
    Database.open(paths).close()
    paths.lock.write_bytes(b"")
    assert main(["--data-dir", str(paths.root), "demo"]) == 1
    err = one_line_error(capsys)
    assert "by no prepdesk running on this computer" in err


def test_an_old_unreadable_lock_is_taken_over(paths, capsys):
    Database.open(paths).close()
    paths.lock.write_bytes(b"\0garbage")
    old = time.time() - UNREADABLE_LOCK_GRACE_S - 60
    os.utime(paths.lock, (old, old))
    assert main(["--data-dir", str(paths.root), "demo"]) == 0
    assert not paths.lock.exists()


def test_a_healthy_read_only_database_is_read_only_not_damaged(paths, capsys):
    Database.open(paths).close()
    before = sha256(paths.database)
    with read_only(paths.root):
        assert main(["--data-dir", str(paths.root), "check"]) == 0
        assert "ok (read-only" in capsys.readouterr().out
        with pytest.raises(DatabaseIsReadOnly, match="healthy but read-only"):
            Database.open(paths)
        assert main(["--data-dir", str(paths.root), "export-ics", "/dev/null/x.ics"]) == 1
        err = capsys.readouterr().err
        assert "damaged" not in err
    assert sha256(paths.database) == before


def test_a_read_only_database_can_still_be_backed_up_and_exported(paths, tmp_path, capsys):
    Database.open(paths).close()
    copy = tmp_path / "copy.sqlite3"
    with read_only(paths.root):
        assert main(["--data-dir", str(paths.root), "backup", "--to", str(copy)]) == 0
        assert main(["--data-dir", str(paths.root), "export", str(tmp_path / "out.json")]) == 0
    assert Path(copy).stat().st_size > 0
    assert (tmp_path / "out.json").stat().st_size > 0


def test_a_data_folder_that_cant_be_created_says_read_only(tmp_path, capsys):
    parent = tmp_path / "shelf"
    parent.mkdir()
    with read_only(parent):
        assert main(["--data-dir", str(parent / "data"), "demo"]) == 1
    err = one_line_error(capsys)
    assert "read-only" in err and "running" not in err
    assert list(parent.iterdir()) == []
