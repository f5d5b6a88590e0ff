"""The dashboard's numbers kept for the next start: valid only for the data they were read
from, on the day they were read; every way the data can change makes them miss."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from prepdesk.core.dashboard_numbers import numbers_from_json, numbers_to_json
from prepdesk.store import data_version
from prepdesk.store.database import Database
from prepdesk.store.numbers_snapshot import load_snapshot, save_snapshot, snapshot_path
from prepdesk.store.paths import DataPaths
from prepdesk.store.repositories.dashboard_numbers import read_dashboard_numbers
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.restore import restore_backup
from prepdesk.ui.today_panel import read_today
from tests.helpers import REPO, run_cli
from tests.unit.numbers_kept import keep_numbers_of

FIXTURES = Path(__file__).parent.parent / "fixtures"


def set_target(db: Database, days: int) -> None:
    target = (datetime.now().date() + timedelta(days=days)).isoformat()
    with db.transaction() as session:
        SettingsRepository(session).set("target_date", target)


def test_unchanged_data_gives_the_kept_numbers_back(db):
    set_target(db, 12)
    now = datetime.now(UTC)
    keep_numbers_of(db, now)
    kept = load_snapshot(db.paths, now + timedelta(seconds=5))
    assert kept is not None
    with db.transaction() as session:
        live = read_dashboard_numbers(session, now)
        today = read_today(session, now).numbers()
    assert kept == replace(live.numbers, today=today)
    assert kept.next is not None and kept.next.source == "target_date"
    assert kept.today is not None and kept.today.blocks  # a plan for today, with topics
    # JSON and back is the same value (times keep their zone).
    assert numbers_from_json(numbers_to_json(kept)) == kept


def test_a_write_makes_the_kept_numbers_miss(db):
    now = datetime.now(UTC)
    keep_numbers_of(db, now)
    set_target(db, 20)
    assert load_snapshot(db.paths, now) is None


def test_a_cli_import_makes_them_miss(db, paths):
    now = datetime.now(UTC)
    keep_numbers_of(db, now)
    db.close()  # the command line takes the folder's lock
    result = run_cli(
        "import-problems", str(REPO / "docs" / "sample-problems.csv"), data_dir=paths.root
    )
    assert result.returncode == 0, result.stderr
    assert load_snapshot(paths, now) is None


def test_restoring_a_backup_makes_them_miss(db, paths, tmp_path):
    backup = db.backup_to(tmp_path / "before.sqlite3")
    set_target(db, 9)
    now = datetime.now(UTC)
    keep_numbers_of(db, now)  # the numbers of the data after the edit
    db.close()
    restore_backup(paths, backup)
    assert load_snapshot(paths, now) is None


def test_a_migration_makes_them_miss(paths):
    # A database of the first release, whose header names the kept numbers' version.
    paths.ensure()
    shutil.copy(FIXTURES / "schema-0001.sqlite3", paths.database)
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 12345")
    conn.commit()
    conn.close()
    db = Database.open(paths)  # migrates to the head revision
    try:
        now = datetime.now(UTC)
        with db.transaction() as session:
            live = read_dashboard_numbers(session, now)
    finally:
        db.close()
    assert save_snapshot(paths, 12345, live.numbers)
    assert data_version.version_of(paths.database) not in (12345, data_version.UNKNOWN)
    assert load_snapshot(paths, now) is None


def test_another_day_makes_them_miss(db):
    now = datetime.now(UTC)
    keep_numbers_of(db, now)
    assert load_snapshot(db.paths, now) is not None
    assert load_snapshot(db.paths, now + timedelta(days=1)) is None
    assert load_snapshot(db.paths, now - timedelta(days=1)) is None


def test_they_miss_once_the_next_interview_has_begun(db):
    set_target(db, 1)  # tomorrow, 09:00 local time
    now = datetime.now(UTC)
    keep_numbers_of(db, now)
    kept = load_snapshot(db.paths, now)
    assert kept is not None and kept.next is not None
    # Moved to just after it began, on the same day.
    snapshot = snapshot_path(db.paths)
    text = snapshot.read_text(encoding="utf-8")
    at = kept.next.at
    shifted = text.replace(kept.computed_at.isoformat(), (at - timedelta(minutes=1)).isoformat())
    snapshot.write_text(shifted, encoding="utf-8")
    assert load_snapshot(db.paths, at - timedelta(seconds=30)) is not None
    assert load_snapshot(db.paths, at + timedelta(seconds=30)) is None


def test_a_different_database_copied_in_makes_them_miss(db, paths, tmp_path, new_database_template):
    now = datetime.now(UTC)
    keep_numbers_of(db, now)
    db.close()
    other = DataPaths.resolve(tmp_path / "other")
    other.ensure()
    shutil.copyfile(new_database_template, other.database)
    other_db = Database.open(other)
    set_target(other_db, 30)
    other_db.checkpoint()
    other_db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(other.database, paths.database)
    assert load_snapshot(paths, now) is None


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json",
        b"{}",
        b'{"format": 1, "prepdesk": "0.1.0", "data_version": 5, "numbers": {"next": 3}}',
        b"[1, 2, 3]",
        b'{"something": "else entirely"}',
    ],
    ids=["garbage", "empty", "broken numbers", "a list", "foreign"],
)
def test_a_corrupt_or_foreign_snapshot_is_no_snapshot(db, content):
    now = datetime.now(UTC)
    keep_numbers_of(db, now)
    snapshot_path(db.paths).write_bytes(content)
    assert load_snapshot(db.paths, now) is None


def test_an_unreadable_snapshot_is_no_snapshot(db):
    now = datetime.now(UTC)
    path = snapshot_path(db.paths)
    path.mkdir(parents=True)  # a folder where the file should be: it can't be read
    assert load_snapshot(db.paths, now) is None
    # ... nor written, which is no error either: it is only a cache.
    with db.transaction() as session:
        live = read_dashboard_numbers(session, now)
    assert save_snapshot(db.paths, live.version, live.numbers) is False


def test_without_a_database_there_is_no_snapshot(paths):
    assert data_version.version_of(paths.database) == data_version.UNKNOWN
    assert load_snapshot(paths, datetime.now(UTC)) is None
