"""Undoable deletes in the store: what a delete takes away comes back exactly, with its ids."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError

from prepdesk.io.json_export import encode_document, export_document
from prepdesk.store import models as m
from prepdesk.store.database import Database
from prepdesk.store.deletion import Deletion, RestoreRefused, delete_recorded, restore
from prepdesk.store.repositories.projects import ProjectRepository
from prepdesk.store.repositories.questions import QuestionRepository
from prepdesk.store.repositories.stories import StoryRepository
from tests.unit.demo_database import demo_db_fixture, demo_template_fixture  # noqa: F401

TABLES = sorted(m.Base.metadata.tables)


def everything(db: Database) -> tuple[bytes, list[tuple[object, ...]]]:
    """The full JSON export and the search index: what must be the same after an undo."""
    with db.transaction() as session:
        document = encode_document(export_document(session))
        index = session.execute(
            text("SELECT rowid, kind, ref_id, title, body FROM search_index ORDER BY rowid")
        ).all()
    return document, [tuple(row) for row in index]


def keys_of(db: Database, table_name: str) -> list[tuple[object, ...]]:
    table = m.Base.metadata.tables[table_name]
    with db.transaction() as session:
        return [tuple(r) for r in session.execute(select(*table.primary_key.columns)).all()]


def delete_row(table_name: str, key: tuple[object, ...]):
    table = m.Base.metadata.tables[table_name]
    columns = list(table.primary_key.columns)

    def run(session) -> None:
        condition = [c == v for c, v in zip(columns, key, strict=True)]
        session.execute(delete(table).where(*condition))

    return run


_BEFORE: dict[str, tuple[bytes, list[tuple[object, ...]]]] = {}  # per database, for speed


@pytest.mark.parametrize("table_name", TABLES)
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(pick=st.integers(min_value=0, max_value=10_000))
def test_any_row_deleted_then_restored_gives_an_identical_export(demo_db, table_name, pick):
    # Every example ends with the data as it was (or fails): one reading serves them all.
    before = _BEFORE.setdefault(str(demo_db.paths.database), everything(demo_db))
    keys = keys_of(demo_db, table_name)
    assume(keys)
    key = keys[pick % len(keys)]
    try:
        with demo_db.transaction() as session:
            deletion = delete_recorded(session, table_name, key, delete_row(table_name, key))
    except IntegrityError:
        assume(False)  # still referred to without ON DELETE (a stage type in use)
    assert deletion is not None
    assert key not in keys_of(demo_db, table_name)
    with demo_db.transaction() as session:
        restore(session, deletion)
    assert everything(demo_db) == before


def deleted(db: Database, table_name: str, row_id: int, fn) -> Deletion:
    with db.transaction() as session:
        deletion = delete_recorded(session, table_name, row_id, fn)
    assert deletion is not None
    return deletion


def restored(db: Database, deletion: Deletion) -> tuple[bytes, list[tuple[object, ...]]]:
    with db.transaction() as session:
        restore(session, deletion)
    return everything(db)


def test_a_project_comes_back_and_its_stories_are_linked_again_unchanged(demo_db):
    with demo_db.transaction() as session:
        project = session.scalars(select(m.Project).where(m.Project.stories.any())).first()
        project_id, story_ids = project.id, sorted(s.id for s in project.stories)
    before = everything(demo_db)
    deletion = deleted(
        demo_db, "project", project_id, lambda s: ProjectRepository(s).delete(project_id)
    )
    assert sorted(row.key[0] for row in deletion.unlinked) == story_ids
    with demo_db.transaction() as session:
        assert all(session.get(m.Story, story_id).project_id is None for story_id in story_ids)
    assert restored(demo_db, deletion) == before


def test_a_story_comes_back_with_everything_linked_to_it(demo_db):
    with demo_db.transaction() as session:
        story_id = session.scalar(
            select(m.Story.id).join(m.PracticeRun, m.PracticeRun.story_id == m.Story.id)
        )
    before = everything(demo_db)
    deletion = deleted(demo_db, "story", story_id, lambda s: StoryRepository(s).delete(story_id))
    assert {"follow_up", "review_card", "review_log"} <= set(deletion.counts())
    assert deletion.unlinked_counts()["practice_run"] > 0
    assert restored(demo_db, deletion) == before


def delete_a_follow_up(db: Database, last: bool) -> tuple[Deletion, int, int]:
    """Deletes the follow-up with the highest (or lowest) id: (deletion, its id, its story)."""
    order = m.FollowUp.id.desc() if last else m.FollowUp.id
    with db.transaction() as session:
        follow_up = session.scalars(select(m.FollowUp).order_by(order)).first()
        follow_up_id, story_id = follow_up.id, follow_up.story_id
    deletion = deleted(
        db,
        "follow_up",
        follow_up_id,
        lambda s: StoryRepository(s).delete_follow_up(follow_up_id),
    )
    return deletion, follow_up_id, story_id


def test_a_reused_id_is_refused_and_nothing_is_written(demo_db):
    deletion, follow_up_id, story_id = delete_a_follow_up(demo_db, last=True)
    with demo_db.transaction() as session:
        new_id = StoryRepository(session).add_follow_up(story_id, "Asked again")
    assert new_id == follow_up_id  # SQLite hands out the highest id again
    before = everything(demo_db)
    refused = pytest.raises(RestoreRefused, match=f"follow up {follow_up_id} was used again")
    with refused, demo_db.transaction() as session:
        restore(session, deletion)
    assert everything(demo_db) == before


def test_a_name_taken_since_is_refused(db):
    text = "Tell me about a model you retired."
    with db.transaction() as session:
        question_id = QuestionRepository(session).add_question(text, None)
        session.add(m.BehavioralQuestion(text="Another one of mine", source="user"))
    deletion = deleted(
        db,
        "behavioral_question",
        question_id,
        lambda s: QuestionRepository(s).delete_question(question_id),
    )
    with db.transaction() as session:
        assert QuestionRepository(session).add_question(text, None) != question_id
    refused = pytest.raises(
        RestoreRefused, match="a behavioral question added since has the same text"
    )
    with refused, db.transaction() as session:
        restore(session, deletion)


def test_a_row_whose_parent_is_gone_is_refused(demo_db):
    deletion, _follow_up_id, story_id = delete_a_follow_up(demo_db, last=False)
    with demo_db.transaction() as session:
        StoryRepository(session).delete(story_id)
    refused = pytest.raises(RestoreRefused, match=f"story {story_id} .* was deleted since")
    with refused, demo_db.transaction() as session:
        restore(session, deletion)


def test_a_missing_row_says_so_and_a_delete_that_did_nothing_records_nothing(db):
    missing = pytest.raises(LookupError, match="story 999 does not exist")
    with missing, db.transaction() as session:
        delete_recorded(session, "story", 999, lambda s: None)
    with db.transaction() as session:
        competency_id = session.scalar(select(m.Competency.id))
        assert delete_recorded(session, "competency", competency_id, lambda s: None) is None
