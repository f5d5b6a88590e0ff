"""Issue 12.3: empty or damaged is never fresh, and rotation never drops the data.

A zero-byte, cut-short or header-damaged database goes to the damaged flow (check
says damaged; the window offers the newest good backup and moving it aside, never
deleting it), and a day of automatic backups of an emptied database keeps the
backups that still hold the person's data, and the safety backups.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete

from prepdesk.cli import main
from prepdesk.core.backup_rotation import (
    SAFETY_KEEP_DAYS,
    SAFETY_REASONS,
    BackupStamp,
    backups_to_keep,
)
from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.backup_policy import automatic_backup, rotate_backups
from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.errors import CorruptDatabase
from prepdesk.store.restore import list_backups, restore_backup
from prepdesk.store.user_data import USER_DATA_TABLES, count_user_rows
from prepdesk.ui.startup import open_database_interactively
from tests.helpers import sha256
from tests.unit.test_startup_dialog import click_when_shown, make_damaged_database_with_backup

START = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)


def with_data_and_backup(paths) -> None:
    """One company in the database and in a backup (the start-up dialog tests' folder)."""
    make_damaged_database_with_backup(paths)
    restore_backup(paths, next(paths.backups.glob("*-test.sqlite3")))
    shutil.rmtree(paths.quarantine)


def damage(paths, how: str) -> None:
    data = paths.database.read_bytes()
    if how == "zero-byte":
        paths.database.write_bytes(b"")
    elif how == "cut-short":
        paths.database.write_bytes(data[:300])
    else:  # the first page overwritten
        paths.database.write_bytes(os.urandom(4096) + data[4096:])


@pytest.mark.parametrize("how", ["zero-byte", "cut-short", "header"])
def test_check_calls_an_empty_or_damaged_database_damaged(paths, how, capsys):
    with_data_and_backup(paths)
    damage(paths, how)
    before = sha256(paths.database)
    assert main(["--data-dir", str(paths.root), "check"]) == 1
    assert "damaged" in capsys.readouterr().err or how == "zero-byte"
    with pytest.raises(CorruptDatabase):
        Database.open(paths)
    assert sha256(paths.database) == before


def test_check_says_a_zero_byte_database_lost_its_data(paths, capsys):
    with_data_and_backup(paths)
    damage(paths, "zero-byte")
    assert main(["--data-dir", str(paths.root), "check"]) == 1
    assert "the database file is empty (0 bytes)" in capsys.readouterr().err


@pytest.mark.parametrize("how", ["zero-byte", "cut-short", "header"])
def test_startup_offers_the_newest_good_backup_and_keeps_the_damaged_file(qtbot, paths, how):
    with_data_and_backup(paths)
    damage(paths, how)
    damaged = sha256(paths.database)
    click_when_shown(qtbot, "Restore backup", [])
    db = open_database_interactively(paths)
    assert db is not None
    db.close()
    assert count_user_rows(paths.database) == 1
    assert [sha256(p) for p in paths.quarantine.glob("*.sqlite3")] == [damaged]


def test_a_zero_byte_database_without_backups_is_moved_aside_with_the_person_told(qtbot, paths):
    paths.root.mkdir(parents=True)
    paths.database.write_bytes(b"")
    seen: list[str] = []
    click_when_shown(qtbot, "start fresh", seen)
    db = open_database_interactively(paths)
    assert db is not None
    db.close()
    assert "the database file is empty (0 bytes)" in seen[0]
    assert [p.stat().st_size for p in paths.quarantine.glob("*.sqlite3")] == [0]


def back_up_at(paths, reason: str, when: datetime):
    written = automatic_backup(paths, reason, when)
    assert written is not None
    os.utime(written, (when.timestamp(), when.timestamp()))
    rotate_backups(paths, when)
    return written


def demo_backed_up_at_start(paths) -> int:
    """The demo's data in the folder and backed up at START; returns its rows."""
    db = Database.open(paths)
    with db.transaction() as session:
        fill_demo_data(session, date(2026, 6, 1))
    db.close()
    back_up_at(paths, "startup", START)
    return count_user_rows(paths.database) or 0


def delete_rows(paths, models) -> None:
    db = Database.open(paths)
    with db.transaction() as session:
        for model in models:
            session.execute(delete(model))
    db.close()


def test_a_day_of_automatic_backups_after_emptying_keeps_the_data(paths):
    rows = demo_backed_up_at_start(paths)
    when = START
    before_import = write_backup(
        paths.database, paths.backups / backup_file_name("before-import", when)
    )
    os.utime(before_import, (when.timestamp(), when.timestamp()))
    for _ in range(6):  # a morning of work, backed up every 30 minutes
        when += timedelta(minutes=30)
        back_up_at(paths, "periodic", when)
    delete_rows(paths, reversed(USER_DATA_TABLES))  # the data is emptied
    for _ in range(48):  # a day of automatic backups of the empty database
        when += timedelta(minutes=30)
        back_up_at(paths, "periodic", when)
    back_up_at(paths, "quit", when + timedelta(minutes=1))
    counts = [count_user_rows(b.path) for b in list_backups(paths)]
    assert rows in counts, "the newest backup holding the data was rotated out"
    assert before_import.exists(), "the safety backup was rotated out"


def test_a_smaller_database_never_pushes_out_the_fullest_backup(paths):
    full = demo_backed_up_at_start(paths)
    when = START
    delete_rows(paths, [USER_DATA_TABLES[1]])  # some of the data deleted by mistake
    for _ in range(20):  # more than the last ten, all on the same day
        when += timedelta(minutes=30)
        back_up_at(paths, "periodic", when)
    assert full in [count_user_rows(b.path) for b in list_backups(paths)]


@pytest.mark.parametrize("reason", sorted(SAFETY_REASONS))
def test_safety_backups_are_kept_for_the_stated_time_then_rotate(reason):
    safety = BackupStamp("safety", START, reason, rows=5)
    later = [
        BackupStamp(f"p{i:04d}", START + timedelta(hours=i + 1), "periodic", rows=9)
        for i in range(24 * 60)
    ]

    def kept_at(days: int) -> bool:
        now = START + timedelta(days=days)
        stamps = [safety, *(s for s in later if s.taken_at <= now)]
        return "safety" in backups_to_keep(stamps, now, newest_good=None)

    assert kept_at(1) and kept_at(SAFETY_KEEP_DAYS - 1)
    assert not kept_at(SAFETY_KEEP_DAYS + 1)


def test_demo_force_backs_up_what_it_replaces(paths, capsys):
    with_data_and_backup(paths)
    assert main(["--data-dir", str(paths.root), "demo", "--force"]) == 0
    (kept,) = paths.backups.glob("*before-demo*")
    assert count_user_rows(kept) == 1
    assert list(paths.replaced.glob("*.sqlite3"))
