"""Files prepdesk must not touch are refused with a clear message and left byte-for-byte."""

from __future__ import annotations

import os
import sqlite3

import pytest

from prepdesk.store.database import Database
from prepdesk.store.errors import CorruptDatabase, NewerDatabase, NotAPrepdeskDatabase
from tests.helpers import run_cli, sha256


def make_real_database(paths) -> None:
    Database.open(paths).close()


def test_newer_version_is_refused_and_unchanged(paths):
    make_real_database(paths)
    conn = sqlite3.connect(paths.database)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.commit()
    conn.close()
    before = sha256(paths.database)
    with pytest.raises(NewerDatabase, match="newer version of prepdesk"):
        Database.open(paths)
    assert sha256(paths.database) == before
    result = run_cli("check", data_dir=paths.root)
    assert result.returncode == 1
    assert "newer version of prepdesk" in result.stderr
    assert sha256(paths.database) == before


def test_random_bytes_are_refused_and_unchanged(paths):
    paths.root.mkdir(parents=True)
    paths.database.write_bytes(os.urandom(50_000))
    before = sha256(paths.database)
    with pytest.raises(NotAPrepdeskDatabase, match="not an SQLite database"):
        Database.open(paths)
    assert sha256(paths.database) == before


def test_other_programs_database_is_refused(paths):
    paths.root.mkdir(parents=True)
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    before = sha256(paths.database)
    with pytest.raises(NotAPrepdeskDatabase, match="not made by prepdesk"):
        Database.open(paths)
    assert sha256(paths.database) == before


def test_truncated_database_is_refused_and_unchanged(paths):
    make_real_database(paths)
    db = Database.open(paths)
    db.checkpoint()
    db.close()
    data = paths.database.read_bytes()
    paths.database.write_bytes(data[: len(data) // 3])
    before = sha256(paths.database)
    with pytest.raises(CorruptDatabase):
        Database.open(paths)
    assert sha256(paths.database) == before
    result = run_cli("check", data_dir=paths.root)
    assert result.returncode == 1
    assert str(paths.database) in result.stderr
    assert sha256(paths.database) == before


def test_flipped_bytes_are_detected(paths):
    make_real_database(paths)
    data = bytearray(paths.database.read_bytes())
    page_size = 4096
    # Scribble over pages 2 and 3: b-tree pages of the schema's first tables.
    for offset in range(page_size, 3 * page_size):
        data[offset] ^= 0xFF
    paths.database.write_bytes(bytes(data))
    before = sha256(paths.database)
    with pytest.raises(CorruptDatabase):
        Database.open(paths)
    assert sha256(paths.database) == before
