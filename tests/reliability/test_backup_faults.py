"""Items 5, 6 and 7: backups hold WAL commits; damage never pushes good backups out;
a damaged file is moved aside and a backup restores it."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.backup_policy import automatic_backup
from prepdesk.store.database import Database, move_aside
from prepdesk.store.errors import CorruptDatabase
from prepdesk.store.models import Company
from prepdesk.store.restore import list_backups, newest_good_backup, restore_backup
from tests.helpers import sha256


def wal_frames(paths) -> int:
    wal = paths.database.with_name(paths.database.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_backup_contains_commits_still_in_the_wal(db, paths):
    # Keep the WAL from being checkpointed into the main file.
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    with db.transaction() as session:
        session.add(Company(name="Only in the WAL"))
    assert wal_frames(paths) > 0
    target = write_backup(paths.database, paths.backups / backup_file_name("test"))
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM company").fetchall() == [("Only in the WAL",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def damage(path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, 3 * 4096):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_database_never_rotates_out_the_last_good_backup(paths):
    db = Database.open(paths)
    with db.transaction() as session:
        session.add(Company(name="Good"))
    db.checkpoint()
    db.close()
    now = datetime.now(UTC)
    good = automatic_backup(paths, "startup", now - timedelta(days=400))
    assert good is not None
    old = (now - timedelta(days=400)).timestamp()
    os.utime(good, (old, old))  # so old that rotation alone would drop it
    damage(paths.database)
    for i in range(15):  # many quits and half-hours with the damaged file
        assert automatic_backup(paths, "quit", now + timedelta(minutes=i)) is None
    assert [b.path for b in list_backups(paths)] == [good]
    # Even when other backups push it past every rotation rule, the newest good one stays.
    for i in range(12):
        other = write_backup(good, paths.backups / backup_file_name(f"copy{i}"))
        stamp = (now - timedelta(days=500 + i)).timestamp()
        os.utime(other, (stamp, stamp))
    (paths.backups / backup_file_name("junk")).write_bytes(b"not a database")
    from prepdesk.store.backup_policy import rotate_backups

    rotate_backups(paths, now)
    assert good.exists()


@pytest.mark.parametrize("how", ["flipped", "truncated"])
def test_damage_is_detected_moved_aside_and_restored(paths, how):
    db = Database.open(paths)
    with db.transaction() as session:
        session.add(Company(name="In the backup"))
    db.checkpoint()
    db.close()
    write_backup(paths.database, paths.backups / backup_file_name("manual"))
    if how == "flipped":
        damage(paths.database)
    else:
        data = paths.database.read_bytes()
        paths.database.write_bytes(data[: len(data) // 3])
    damaged = sha256(paths.database)
    with pytest.raises(CorruptDatabase):
        Database.open(paths)
    offered = newest_good_backup(paths)
    assert offered is not None  # what start-up offers (test_startup_dialog clicks it)
    moved = restore_backup(paths, offered.path)
    assert moved is not None and moved.parent == paths.quarantine
    assert sha256(moved) == damaged  # kept, byte for byte, never deleted
    db = Database.open(paths)
    try:
        with db.transaction() as session:
            assert [c.name for c in session.query(Company)] == ["In the backup"]
    finally:
        db.close()


def test_move_aside_keeps_wal_and_shm(db, paths):
    with db.transaction() as session:
        session.add(Company(name="x"))
    db.close()
    target = move_aside(paths)
    assert target.exists() and not paths.database.exists()
