"""First-run content: the built-in curriculum, competencies and question banks.

The content lives in resources/*.json, not in code, so it can be read and
improved without touching Python.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from prepdesk.resources import load_json_resource
from prepdesk.store.models import (
    Area,
    AskQuestion,
    BehavioralQuestion,
    Competency,
    ReviewCard,
    StageType,
    Topic,
)
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.seed_ml_practice import seed_ml_practice

SEEDED_KEY = "seeded_version"
SEED_VERSION = 2  # 2: ML design prompts and technical questions


def seeded_now(connection: Connection) -> bool:
    """The built-in content of this version is in: one plain query, no ORM (at every start)."""
    value = connection.exec_driver_sql(
        "SELECT value FROM setting WHERE key = ?", (SEEDED_KEY,)
    ).scalar()
    try:
        return value is not None and int(json.loads(value)) >= SEED_VERSION
    except (ValueError, TypeError):
        return False


def seed_builtin_content(session: Session) -> bool:
    """Add the built-in content once per database; True when it was added now."""
    settings = SettingsRepository(session)
    seeded = settings.get(SEEDED_KEY)
    if seeded is not None and seeded >= SEED_VERSION:
        return False
    if seeded is None:
        _seed_curriculum(session)
        competencies = _seed_competencies(session)
        _seed_behavioral_questions(session, competencies)
        _seed_ask_questions(session)
        _seed_stage_types(session)
    seed_ml_practice(session)  # version 2, also for databases seeded by version 1
    settings.set(SEEDED_KEY, SEED_VERSION)
    return True


def _seed_curriculum(session: Session) -> None:
    data = load_json_resource("curriculum.json")
    existing = set(session.scalars(select(Area.key)))
    for area_pos, area_data in enumerate(data["areas"]):
        if area_data["key"] in existing:
            continue
        area = Area(
            key=area_data["key"],
            name=area_data["name"],
            description=area_data.get("description", ""),
            position=area_pos,
        )
        session.add(area)
        for topic_pos, topic_data in enumerate(area_data["topics"]):
            topic = Topic(
                key=topic_data["key"],
                name=topic_data["name"],
                description=topic_data.get("description", ""),
                resources=topic_data.get("resources", ""),
                weight=float(topic_data.get("weight", 1.0)),
                hours_per_level=float(topic_data.get("hours_per_level", 3.0)),
                position=topic_pos,
            )
            area.topics.append(topic)
    session.flush()
    # Every topic is a review card from the start (due now: first review sets the pace).
    topics_without_card = session.scalars(
        select(Topic).where(
            ~Topic.id.in_(select(ReviewCard.topic_id).where(ReviewCard.topic_id.is_not(None)))
        )
    )
    for topic in topics_without_card:
        session.add(ReviewCard(kind="topic", topic_id=topic.id))


def _seed_competencies(session: Session) -> dict[str, Competency]:
    by_name = {c.name: c for c in session.scalars(select(Competency))}
    for position, item in enumerate(load_json_resource("competencies.json")["competencies"]):
        if item["name"] not in by_name:
            competency = Competency(
                name=item["name"],
                description=item.get("description", ""),
                builtin=True,
                position=position,
            )
            session.add(competency)
            by_name[item["name"]] = competency
    session.flush()
    return by_name


def _seed_behavioral_questions(session: Session, competencies: dict[str, Competency]) -> None:
    existing = set(session.scalars(select(BehavioralQuestion.text)))
    for item in load_json_resource("behavioral_questions.json")["questions"]:
        if item["text"] in existing:
            continue
        session.add(
            BehavioralQuestion(
                text=item["text"],
                competency=competencies.get(item["competency"]),
                source="builtin",
            )
        )


def _seed_ask_questions(session: Session) -> None:
    existing = set(session.scalars(select(AskQuestion.text)))
    for item in load_json_resource("ask_questions.json")["questions"]:
        if item["text"] not in existing:
            session.add(AskQuestion(text=item["text"], category=item["category"], builtin=True))


def _seed_stage_types(session: Session) -> None:
    existing = set(session.scalars(select(StageType.name)))
    for position, item in enumerate(load_json_resource("stage_types.json")["stage_types"]):
        if item["name"] not in existing:
            session.add(
                StageType(
                    name=item["name"], category=item["category"], builtin=True, position=position
                )
            )
