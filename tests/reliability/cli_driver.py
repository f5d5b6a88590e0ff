"""Drive `prepdesk.cli.main(argv)` in this process and look at what it leaves behind."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from prepdesk.cli import main
from prepdesk.store.paths import DataPaths


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    def assert_one_line_refusal(self) -> str:
        """A non-zero exit with exactly one line on stderr, which is not a traceback."""
        assert self.code != 0, self.out
        assert "Traceback" not in self.err, self.err
        lines = self.err.splitlines()
        assert len(lines) == 1 and self.err.endswith("\n"), self.err
        assert lines[0].startswith("prepdesk"), self.err
        return lines[0]


def run(capsys: pytest.CaptureFixture[str], paths: DataPaths, *argv: str) -> Outcome:
    capsys.readouterr()  # what came before is not this command's
    code = main(["--data-dir", str(paths.root), *argv])
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def database_state(paths: DataPaths) -> str:
    """A digest of the database file and its WAL, after folding the WAL into the file."""
    if not paths.database.exists():
        return "(none)"
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    digest = hashlib.sha256(paths.database.read_bytes())
    wal = Path(f"{paths.database}-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def row_count(paths: DataPaths, table: str) -> int:
    conn = sqlite3.connect(paths.database)
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()


def integrity(paths: DataPaths) -> str:
    conn = sqlite3.connect(paths.database)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def demo_with_export(
    capsys: pytest.CaptureFixture[str], paths: DataPaths, folder: Path
) -> tuple[DataPaths, dict[str, Any]]:
    """A data folder filled by `prepdesk demo`, and its JSON export as a document."""
    assert run(capsys, paths, "demo").code == 0
    exported = folder / "demo-export.json"
    assert run(capsys, paths, "export", str(exported)).code == 0
    return paths, json.loads(exported.read_text())
