"""Full JSON export and import: byte-identical round trip, merge, refusals with paths."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from prepdesk.io.json_export import export_json
from prepdesk.io.json_import import import_file
from prepdesk.io.json_validate import ImportRefused
from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.models import Story, StudySession
from prepdesk.store.paths import DataPaths
from prepdesk.store.repositories.search import SearchRepository


@pytest.fixture
def demo_db(db):
    with db.transaction() as session:
        fill_demo_data(session, date(2026, 3, 2))
    return db


def count(db, model):
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_export_import_export_is_byte_identical(demo_db, tmp_path):
    first = tmp_path / "first.json"
    with demo_db.transaction() as session:
        rows = export_json(session, first)
    assert rows > 500
    other = Database.open(DataPaths.resolve(tmp_path / "other"))
    try:
        with other.transaction() as session:
            import_file(session, first, merge=False)
        second = tmp_path / "second.json"
        with other.transaction() as session:
            export_json(session, second)
            # The search index follows an import (triggers).
            hits = SearchRepository(session).search(session.scalars(select(Story.title)).first())
        assert any(hit.kind == "story" for hit in hits)
    finally:
        other.close()
    assert first.read_bytes() == second.read_bytes()


def test_bad_value_names_the_path_and_writes_nothing(demo_db, tmp_path):
    source = tmp_path / "export.json"
    with demo_db.transaction() as session:
        export_json(session, source)
    document = json.loads(source.read_text())
    document["story"][3]["result"] = 42
    document["study_session"][5]["minutes"] = 5000
    source.write_text(json.dumps(document))
    target = Database.open(DataPaths.resolve(tmp_path / "target"))
    try:
        with pytest.raises(ImportRefused) as refused, target.transaction() as session:
            import_file(session, source, merge=False)
        assert count(target, Story) == 0
    finally:
        target.close()
    assert set(refused.value.problems) == {
        "study_session[5].minutes: 5000 is outside 1 to 1440",
        "story[3].result: expected text, got number",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=99), "version: the file is format 99"),
        (lambda d: d.update(format="other"), "format: expected 'prepdesk'"),
        (lambda d: d["story"][0].pop("title"), "story[0].title: missing"),
        (lambda d: d["story"][0].update(colour="red"), "story[0].colour: unknown field"),
        (lambda d: d["rating"][0].update(topic_id=999_999), "rating[0].topic_id: refers to topic"),
        (lambda d: d["rating"][0].update(rated_at="2026-01-01T10:00"), "without a time zone"),
        (lambda d: d["company"][0].update(status="hired"), "company[0].status: 'hired' is not"),
    ],
)
def test_refusals_say_what_and_where(demo_db, tmp_path, change, message):
    source = tmp_path / "export.json"
    with demo_db.transaction() as session:
        export_json(session, source)
    document = json.loads(source.read_text())
    change(document)
    source.write_text(json.dumps(document))
    target = Database.open(DataPaths.resolve(tmp_path / "target"))
    try:
        pattern = message.replace("[", r"\[").replace("(", r"\(")
        with pytest.raises(ImportRefused, match=pattern), target.transaction() as session:
            import_file(session, source, merge=False)
    finally:
        target.close()


def test_plain_import_refuses_a_database_with_data(demo_db, tmp_path):
    source = tmp_path / "export.json"
    with demo_db.transaction() as session:
        export_json(session, source)
    refusal = pytest.raises(ImportRefused, match="already holds your data")
    with refusal, demo_db.transaction() as session:
        import_file(session, source, merge=False)


def test_merge_updates_instead_of_duplicating(demo_db, tmp_path):
    source = tmp_path / "export.json"
    with demo_db.transaction() as session:
        export_json(session, source)
    stories, sessions = count(demo_db, Story), count(demo_db, StudySession)
    document = json.loads(source.read_text())
    document["story"][0]["result"] = "An updated result"
    document["story"].append({**document["story"][0], "id": 9999, "title": "A brand new story"})
    source.write_text(json.dumps(document))
    with demo_db.transaction() as session:
        summary = import_file(session, source, merge=True)
    assert summary.added == 1
    assert count(demo_db, Story) == stories + 1
    assert count(demo_db, StudySession) == sessions
    with demo_db.transaction() as session:
        title = document["story"][0]["title"]
        story = session.scalars(select(Story).where(Story.title == title)).one()
        assert story.result == "An updated result"
