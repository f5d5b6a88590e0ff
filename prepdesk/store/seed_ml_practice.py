"""Built-in ML practice content: design prompts and technical questions from resources/."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.resources import load_json_resource
from prepdesk.store.models import DesignPrompt, ReviewCard, TechQuestion, Topic


def seed_ml_practice(session: Session) -> None:
    """Adds the built-in prompts and questions not there yet (matched by key)."""
    _seed_design_prompts(session)
    _seed_technical_questions(session)


def _seed_design_prompts(session: Session) -> None:
    existing = set(session.scalars(select(DesignPrompt.key).where(DesignPrompt.key.is_not(None))))
    for item in load_json_resource("ml-design-prompts.json")["prompts"]:
        if item["key"] in existing:
            continue
        prompt = DesignPrompt(
            key=item["key"],
            title=item["title"],
            category=item["category"],
            brief=item["brief"],
            clarifying="\n".join(item["clarifying"]),
            tradeoffs="\n".join(item["tradeoffs"]),
            covers="\n".join(item["covers"]),
            builtin=True,
        )
        session.add(prompt)  # its review card comes with its first scored session


def _seed_technical_questions(session: Session) -> None:
    existing = set(session.scalars(select(TechQuestion.key).where(TechQuestion.key.is_not(None))))
    topics = {t.key: t for t in session.scalars(select(Topic).where(Topic.key.is_not(None)))}
    added = [
        TechQuestion(
            key=item["key"],
            text=item["text"],
            difficulty=item["difficulty"],
            builtin=True,
            topics=[topics[key] for key in item["topics"] if key in topics],
        )
        for item in load_json_resource("technical-questions.json")["questions"]
        if item["key"] not in existing
    ]
    if not added:
        return
    session.add_all(added)
    session.flush()  # one flush for them all: the ids for their cards
    # Each a new review card: drilled within the daily new limit.
    session.add_all(ReviewCard(kind="question", question_id=q.id) for q in added)
