"""What changed comes from the store: the tables a transaction wrote, never the caller."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from prepdesk.store.changes import TABLE_CHANGES, Change, changes_for_tables
from prepdesk.store.models import Base, Company, ReviewCard, StudySession, Topic
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.search_schema import INDEX_TABLE
from prepdesk.store.write_tracking import written_changes


def test_every_table_of_the_schema_has_a_kind():
    assert set(Base.metadata.tables) == set(TABLE_CHANGES)


def test_an_unknown_table_refreshes_everything_and_the_search_index_nothing():
    assert changes_for_tables(["a_table_added_later"]) == Change.ALL
    assert changes_for_tables([INDEX_TABLE, f"{INDEX_TABLE}_data"]) == Change.NONE


def test_orm_core_and_repository_writes_are_all_seen(db):
    with db.transaction() as session:
        session.add(Company(name="Acme"))
    assert written_changes(session) == Change.COMPANIES

    with db.transaction() as session:
        topic_id = session.scalar(select(Topic.id))
        session.execute(
            insert(StudySession),
            [{"topic_id": topic_id, "started_at": _now(), "minutes": 5, "note": ""}],
        )
    assert written_changes(session) == Change.SESSIONS

    with db.transaction() as session:
        session.execute(update(ReviewCard).values(stability=ReviewCard.stability))
    assert written_changes(session) == Change.REVIEWS


def test_a_read_changes_nothing(db):
    with db.transaction() as session:
        session.scalars(select(Topic)).all()
    assert written_changes(session) == Change.NONE


def test_a_delete_counts_what_sqlite_cascades(db):
    with db.transaction() as session:
        topic = session.scalars(select(Topic)).first()
        ReviewRepository(session).ensure_card("topic", topic.id)
    with db.transaction() as session:
        session.delete(session.get(Topic, topic.id))
    changes = written_changes(session)
    # The topic's ratings, sessions and review card go with it: those pages refresh too.
    assert changes & Change.TOPICS
    assert changes & Change.RATINGS and changes & Change.SESSIONS and changes & Change.REVIEWS


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)
