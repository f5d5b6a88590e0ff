"""CSV and Markdown exports, and the export / import / check --repair commands."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from datetime import date

from sqlalchemy import select

from prepdesk.io.csv_export import export_csv_folder, neutralise
from prepdesk.io.markdown_export import export_markdown_folder
from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.models import Story, Topic
from tests.helpers import run_cli, sha256


def test_formula_cells_are_neutralised():
    assert [neutralise(v) for v in ("=1+1", "+4", "-2", "@SUM(A1)", "plain", 3, None, True)] == [
        "'=1+1",
        "'+4",
        "'-2",
        "'@SUM(A1)",
        "plain",
        "3",
        "",
        "true",
    ]


def test_csv_folder_has_one_file_per_table(db, tmp_path):
    with db.transaction() as session:
        session.add(Story(title='=HYPERLINK("http://evil")', result="line one\nline, two"))
    with db.transaction() as session:
        files = export_csv_folder(session, tmp_path / "csv")
    assert (tmp_path / "csv" / "story.csv") in files
    assert len(files) > 20
    with (tmp_path / "csv" / "story.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["result"] == "line one\nline, two"


def test_markdown_folder_has_notes_and_stories(db, tmp_path):
    with db.transaction() as session:
        fill_demo_data(session, date(2026, 3, 2))
        session.add(Story(title="Odd / name: *", situation="It was late.", result="Fixed."))
        session.scalars(select(Topic).where(Topic.key.is_not(None))).first().notes = "Eigen *"
    with db.transaction() as session:
        files = export_markdown_folder(session, tmp_path / "md")
    stories = sorted((tmp_path / "md" / "stories").glob("*.md"))
    names = [p.name for p in stories]
    assert "odd-name.md" in names  # the title in words, never the story's id
    assert not any(re.search(r"-\d+\.md$", name) for name in names), names
    odd = (tmp_path / "md" / "stories" / "odd-name.md").read_text()
    assert odd.startswith("# Odd / name: *\n") and "## Situation\n\nIt was late." in odd
    assert "## Task" not in odd  # empty parts are left out
    (note,) = (tmp_path / "md" / "topics").rglob("*.md")
    assert "## Notes\n\nEigen *\n" in note.read_text()
    assert len(files) == len(stories) + len(list((tmp_path / "md" / "topics").rglob("*.md")))


def test_cli_round_trip_and_refusals(paths, tmp_path):
    assert run_cli("demo", data_dir=paths.root).returncode == 0
    exported = tmp_path / "all.json"
    result = run_cli("export", str(exported), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    fresh = tmp_path / "fresh"
    result = run_cli("import", str(exported), data_dir=fresh)
    assert result.returncode == 0, result.stderr
    again = tmp_path / "again.json"
    assert run_cli("export", str(again), data_dir=fresh).returncode == 0
    assert sha256(exported) == sha256(again)

    # Without --merge a folder with data refuses; with it nothing is duplicated.
    result = run_cli("import", str(exported), data_dir=fresh)
    assert result.returncode == 1
    assert "already holds your data" in result.stderr
    assert run_cli("import", "--merge", str(exported), data_dir=fresh).returncode == 0
    assert run_cli("export", str(again), data_dir=fresh).returncode == 0
    assert sha256(exported) == sha256(again)

    document = json.loads(exported.read_text())
    document["story"][1]["result"] = 7
    exported.write_text(json.dumps(document))
    before = sha256(fresh / "prepdesk.sqlite3")
    result = run_cli("import", "--merge", str(exported), data_dir=fresh)
    assert result.returncode == 1
    assert "story[1].result: expected text, got number" in result.stderr
    assert sha256(fresh / "prepdesk.sqlite3") == before


def test_check_repair_rebuilds_the_search_index(paths):
    Database.open(paths).close()
    conn = sqlite3.connect(paths.database)
    conn.execute("DELETE FROM search_index")
    conn.commit()
    conn.close()
    result = run_cli("check", "--repair", data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert "Rebuilt the search index" in result.stdout
    conn = sqlite3.connect(paths.database)
    assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] > 50
    conn.close()
