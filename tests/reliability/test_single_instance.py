"""One prepdesk per data folder; a lock left by a killed process is recovered."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

import pytest

from prepdesk.store.database import Database
from prepdesk.store.instance_lock import InstanceLock
from prepdesk.ui.single_instance import RaiseServer
from tests.helpers import REPO, run_cli, sha256

HOLD_LOCK = """
import sys, time
from prepdesk.store.instance_lock import InstanceLock
from prepdesk.store.paths import DataPaths
lock = InstanceLock(DataPaths.resolve(sys.argv[1]).lock)
assert lock.acquire()
print("locked", flush=True)
time.sleep(600)
"""


def test_second_lock_on_the_same_folder_fails(paths):
    first = InstanceLock(paths.lock)
    assert first.acquire()
    second = InstanceLock(paths.lock)
    assert not second.acquire()
    assert second.owner_pid() == os.getpid()
    first.release()
    assert second.acquire()
    second.release()


@pytest.mark.slow
def test_stale_lock_of_a_killed_process_is_recovered(paths):
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(paths.root)], stdout=subprocess.PIPE, cwd=REPO
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"locked"
        lock = InstanceLock(paths.lock)
        assert not lock.acquire()
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert paths.lock.exists()  # left behind by the killed process
    assert lock.acquire()
    lock.release()


@pytest.mark.slow
def test_second_instance_raises_the_first_and_never_writes(qtbot, paths):
    Database.open(paths).close()
    before = sha256(paths.database)
    lock = InstanceLock(paths.lock)
    assert lock.acquire()
    server = RaiseServer(paths.root)
    try:
        with qtbot.waitSignal(server.raise_requested, timeout=20_000):
            child = subprocess.Popen(
                [sys.executable, "-m", "prepdesk", "--data-dir", str(paths.root)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=REPO,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
        with child:
            out, _err = child.communicate(timeout=30)
    finally:
        server.close()
        lock.release()
    assert child.returncode == 0
    assert b"already running" in out
    assert sha256(paths.database) == before


def test_demo_refuses_while_the_app_runs(paths):
    lock = InstanceLock(paths.lock)
    assert lock.acquire()
    try:
        result = run_cli("demo", data_dir=paths.root)
    finally:
        lock.release()
    assert result.returncode == 1
    assert "running" in result.stderr
    assert not paths.database.exists()


def test_a_left_lock_whose_pid_now_belongs_to_another_program_is_taken_over(paths):
    # The pid is alive (this test's own parent), but nobody holds the file's OS lock:
    # the prepdesk that wrote it is gone, so the lock is recovered, never "running".
    paths.ensure()
    paths.lock.write_text(f"{os.getppid()}\nprepdesk\n{socket.gethostname()}\n")
    lock = InstanceLock(paths.lock)
    assert lock.acquire()
    assert lock.owner_pid() == os.getpid()
    lock.release()
    assert not paths.lock.exists()


def test_a_lock_from_another_computer_is_never_taken_over(paths):
    paths.ensure()
    paths.lock.write_text("4242\nprepdesk\nsome-other-laptop\n")
    lock = InstanceLock(paths.lock)
    assert not lock.acquire()
    assert paths.lock.read_text().startswith("4242\n")


def test_the_lock_module_needs_no_qt():
    code = (
        "import sys; import prepdesk.store.instance_lock, prepdesk.io.cli_lock; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0
