"""First run loads the built-in curriculum and banks from resources/, once."""

from __future__ import annotations

from sqlalchemy import func, select

from prepdesk.store.database import Database
from prepdesk.store.models import (
    Area,
    AskQuestion,
    BehavioralQuestion,
    Competency,
    ReviewCard,
    StageType,
    Topic,
)

AREA_KEYS = ["math", "programming", "algorithms", "ml", "system-design"]


def test_curriculum_has_the_five_areas_with_6_to_12_topics(db):
    with db.transaction() as session:
        areas = session.scalars(select(Area).order_by(Area.position)).all()
        assert [a.key for a in areas] == AREA_KEYS
        for area in areas:
            assert 6 <= len(area.topics) <= 12, area.key
        names = {t.name.lower() for t in session.scalars(select(Topic))}
    for expected in ("linear algebra", "calculus", "probability", "statistics", "pytorch"):
        assert any(expected in name for name in names), expected


def test_every_topic_is_a_review_card(db):
    with db.transaction() as session:
        topics = session.scalar(select(func.count()).select_from(Topic))
        cards = session.scalar(select(func.count()).where(ReviewCard.kind == "topic"))
    assert topics == cards > 0


def test_banks_are_seeded(db):
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Competency)) == 10
        assert session.scalar(select(func.count()).select_from(BehavioralQuestion)) >= 40
        assert session.scalar(select(func.count()).select_from(AskQuestion)) >= 30
        assert session.scalar(select(func.count()).select_from(StageType)) == 8


def test_seeding_happens_once(paths):
    db = Database.open(paths)
    with db.transaction() as session:
        topic = session.scalars(select(Topic)).first()
        session.delete(topic)
        before = session.scalar(select(func.count()).select_from(Topic))
    db.close()
    db = Database.open(paths)
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Topic)) == before
    db.close()
