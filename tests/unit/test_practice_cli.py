"""`prepdesk import-problems` / `export-problems` as real child processes."""

from __future__ import annotations

import csv

from sqlalchemy import func, select

from prepdesk.store.database import Database
from prepdesk.store.instance_lock import InstanceLock
from prepdesk.store.models import Attempt, Problem
from tests.helpers import REPO, run_cli

SAMPLE = REPO / "docs" / "sample-problems.csv"


def counts(paths) -> tuple[int, int]:
    db = Database.open(paths)
    try:
        with db.transaction() as s:
            return (
                s.scalar(select(func.count()).select_from(Problem)),
                s.scalar(select(func.count()).select_from(Attempt)),
            )
    finally:
        db.close()


def test_import_then_export_from_the_command_line(paths, tmp_path):
    result = run_cli("import-problems", str(SAMPLE), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert "5 new problems, 5 new attempts" in result.stdout
    assert counts(paths) == (5, 5)

    out = tmp_path / "out.csv"
    result = run_cli("export-problems", str(out), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert "Exported 6 rows" in result.stdout
    with out.open(newline="", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 6


def test_a_bad_file_is_refused_with_row_and_column_and_nothing_written(paths, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Title,Difficulty\nGood one,easy\nBad one,extreme\n", encoding="utf-8")
    result = run_cli("import-problems", str(bad), data_dir=paths.root)
    assert result.returncode == 1
    assert "row 3, column 'difficulty': expected easy, medium or hard, got 'extreme'" in (
        result.stderr
    )
    assert "nothing imported" in result.stderr
    assert counts(paths) == (0, 0)


def test_import_refuses_while_the_app_holds_the_folder(paths):
    paths.root.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(paths.lock)
    assert lock.acquire()
    try:
        result = run_cli("import-problems", str(SAMPLE), data_dir=paths.root)
    finally:
        lock.release()
    assert result.returncode == 1
    assert "close it first" in result.stderr
    assert counts(paths) == (0, 0)
