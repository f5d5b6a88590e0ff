"""Item 3: every released schema revision upgrades to head with every row kept.

tests/fixtures/schema-<revision>.sqlite3 is the demo data written by that
revision's prepdesk; add one per released revision.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from prepdesk.store.database import Database
from prepdesk.store.migration import SchemaVersions
from prepdesk.store.repositories.search import SearchRepository

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("schema-*.sqlite3"))


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_there_is_a_fixture_for_the_first_release():
    assert [f.name for f in FIXTURES][:1] == ["schema-0001.sqlite3"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_upgrade_keeps_every_row(paths, fixture):
    paths.ensure()
    shutil.copy(fixture, paths.database)
    before = row_counts(paths.database)
    assert before["story"] > 0 and before["study_session"] > 0

    db = Database.open(paths)
    try:
        with db.transaction() as session:
            hits = SearchRepository(session).search("gradient")
    finally:
        db.close()

    after = row_counts(paths.database)
    # Every old row is kept; seeding adds the new built-in questions' review cards, and
    # revision 0004 gives design and onsite stages their design-practice checklist item.
    grown = ("review_card", "checklist_item")
    assert {t: after[t] for t in before if t not in grown} == {
        t: n for t, n in before.items() if t not in grown
    }
    assert after["review_card"] > before["review_card"]
    assert after["tech_question"] >= 200 and after["design_prompt"] >= 20
    conn = sqlite3.connect(paths.database)
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        design_items = conn.execute(
            "SELECT count(*) FROM checklist_item WHERE rule = 'design_session'"
        ).fetchone()[0]
        design_stages = conn.execute(
            "SELECT count(*) FROM interview_stage s JOIN stage_type t ON t.id = s.stage_type_id "
            "WHERE t.category IN ('system_design', 'onsite') "
            "AND EXISTS (SELECT 1 FROM checklist_item c WHERE c.stage_id = s.id)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert version == SchemaVersions().head
    assert design_items == design_stages == after["checklist_item"] - before["checklist_item"]
    # Rows written before the search index existed are found by it.
    assert any(hit.kind == "topic" for hit in hits)
    assert list(paths.backups.glob("*pre-migration*.sqlite3"))
