"""The command line: --version, check, backup and demo, as real child processes."""

from __future__ import annotations

import sqlite3

from prepdesk import __version__
from prepdesk.store.database import Database
from tests.helpers import run_cli, sha256


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"prepdesk {__version__}"


def test_check_on_a_healthy_database(paths):
    Database.open(paths).close()
    result = run_cli("check", data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_check_reports_broken_references(paths):
    Database.open(paths).close()
    conn = sqlite3.connect(paths.database)  # foreign keys off on a bare connection
    conn.execute(
        "INSERT INTO rating (topic_id, level, rated_at, note) VALUES (99999, 3, '2026-01-01', '')"
    )
    conn.commit()
    conn.close()
    result = run_cli("check", data_dir=paths.root)
    assert result.returncode == 1
    assert "rating" in result.stderr and "missing topic" in result.stderr


def test_backup_to_a_file(paths, tmp_path):
    Database.open(paths).close()
    target = tmp_path / "copy.sqlite3"
    result = run_cli("backup", "--to", str(target), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM topic").fetchone()[0] > 0
    conn.close()


def test_demo_fills_every_table_and_refuses_a_second_time(paths):
    result = run_cli("demo", data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(paths.database)
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    empty = [t for t in tables if conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 0]
    conn.close()
    assert empty == []

    before = sha256(paths.database)
    again = run_cli("demo", data_dir=paths.root)
    assert again.returncode == 1
    assert "already holds your data" in again.stderr
    assert sha256(paths.database) == before


def test_demo_force_keeps_the_old_data_aside(paths):
    assert run_cli("demo", data_dir=paths.root).returncode == 0
    result = run_cli("demo", "--force", data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert list((paths.root / "replaced-by-demo").glob("prepdesk-*.sqlite3"))
    assert list(paths.backups.glob("*before-demo*.sqlite3"))
