"""Issue 12.1: a data folder whose path means something in a URI works like any other.

'#', '?', '%', '&' and '=' once cut the SQLite URI short, so `check` read another
file, backups copied an empty database and `demo` wrote somewhere else.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from prepdesk.cli import main
from prepdesk.store.database import Database
from prepdesk.store.models import Company
from prepdesk.store.paths import DataPaths

HOSTILE_NAME = "a #b?c%d&e=f ü"


@pytest.fixture
def hostile(tmp_path: Path) -> DataPaths:
    return DataPaths.resolve(tmp_path / HOSTILE_NAME / "data")


def company_names(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM company ORDER BY name")]
    finally:
        conn.close()


def with_company(paths: DataPaths, name: str) -> None:
    db = Database.open(paths)
    with db.transaction() as session:
        session.add(Company(name=name))
    db.checkpoint()
    db.close()


def test_check_reads_the_damaged_file_in_a_uri_character_folder(hostile, capsys):
    with_company(hostile, "Acme")
    data = bytearray(hostile.database.read_bytes())
    for offset in range(4096, 3 * 4096):
        data[offset] ^= 0xFF
    hostile.database.write_bytes(bytes(data))
    assert main(["--data-dir", str(hostile.root), "check"]) == 1
    assert "problem" in capsys.readouterr().err


def test_backup_in_a_uri_character_folder_holds_the_data(hostile, tmp_path, capsys):
    with_company(hostile, "Kept")
    target = tmp_path / HOSTILE_NAME / "copy #1?.sqlite3"
    assert main(["--data-dir", str(hostile.root), "backup", "--to", str(target)]) == 0
    assert company_names(target) == ["Kept"]
    assert main(["--data-dir", str(hostile.root), "backup"]) == 0
    (automatic,) = hostile.backups.glob("prepdesk-*.sqlite3")
    assert company_names(automatic) == ["Kept"]


def test_demo_writes_where_it_says(hostile, tmp_path, capsys):
    assert main(["--data-dir", str(hostile.root), "demo"]) == 0
    assert str(hostile.database) in capsys.readouterr().out
    assert len(company_names(hostile.database)) > 0
    # Nothing landed beside the folder under a name cut at a URI character.
    assert sorted(p.name for p in (tmp_path / HOSTILE_NAME).iterdir()) == ["data"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == [HOSTILE_NAME]
