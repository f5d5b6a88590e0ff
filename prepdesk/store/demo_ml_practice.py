"""Demo ML practice: a few scored design sessions and some drilled technical questions."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from prepdesk.core.design_practice import PHASE_KEYS, phase_budgets
from prepdesk.store.models import (
    DesignPrompt,
    ReviewCard,
    StudySession,
    TechQuestion,
)
from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from prepdesk.store.repositories.rating_history import latest_levels
from prepdesk.store.repositories.reviews import ReviewRepository

# (prompt key, days ago, phase scores in phase order, notes on the first phases, improve)
SESSIONS = (
    (
        "ads-ctr",
        12,
        (3, 2, 3, 2, 2, 2, 1),
        ("pCTR feeds bid x pCTR ranking; calibrated; ~200k QPS, 20 ms.", "Impressions + clicks"),
        "Say how negative downsampling is corrected before the model section.",
    ),
    (
        "ads-ctr",
        4,
        (3, 3, 3, 3, 2, 3, 2),
        ("Asked about auction, latency, conversions delay.", "Click within 30 min = label"),
        "Name drift monitors for calibration, not just AUC.",
    ),
    (
        "rag-support-assistant",
        7,
        (4, 3, 2, 3, 2, 3, 2),
        ("Goal: deflect 30% of tickets without lowering CSAT.", "Help articles + tickets"),
        "Build the eval set first; spend less time on the retriever.",
    ),
    (
        "payment-fraud",
        2,
        (3, 2, 3, 3, 3, 2, 2),
        ("FP costs a declined customer; FN a chargeback.", "Chargebacks arrive 30-90 days"),
        "Velocity features need their infra cost stated.",
    ),
)
# The sample person's written answers, for the built-in questions with these exact texts.
ANSWERS = {
    "Why is cross-entropy the natural loss for classification?": (
        "Cross-entropy $H(p, q) = -\\sum_x p(x) \\log q(x)$ is the negative log-likelihood "
        "of the labels under the model, so minimising it is maximum likelihood."
    ),
    "Explain the bias-variance trade-off.": (
        "Expected error splits into three parts:\n\n"
        "$$E[(y - \\hat{f}(x))^2] = \\mathrm{Bias}[\\hat{f}(x)]^2 + "
        "\\mathrm{Var}[\\hat{f}(x)] + \\sigma^2$$\n\n"
        "Simple models underfit (high bias); flexible ones overfit (high variance). "
        "Regularisation and more data move along the curve; $\\sigma^2$ is the noise no "
        "model removes."
    ),
}


def fill_ml_practice_demo(session: Session, today: date, seed: int = 11) -> None:
    rng = random.Random(seed)
    _add_design_sessions(session, today)
    _drill_questions(session, today, rng)


def _at(today: date, days_ago: int, hour: int) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(hour), UTC)


def _add_design_sessions(session: Session, today: date) -> None:
    repo = DesignPracticeRepository(session)
    prompts = {p.key: p.id for p in session.scalars(select(DesignPrompt)) if p.key}
    for key, days_ago, scores, notes, improve in SESSIONS:
        started = _at(today, days_ago, 19)
        session_id = repo.start_session(prompts[key], started, 45)
        budgets = phase_budgets(45)
        spent = {
            phase: budgets[phase] * (0.8 + 0.1 * score)
            for phase, score in zip(PHASE_KEYS, scores, strict=True)
        }
        values: dict[str, object] = {"improve": improve}
        for phase, score in zip(PHASE_KEYS, scores, strict=True):
            values[f"score.{phase}"] = score
        for phase, text in zip(PHASE_KEYS, notes, strict=False):
            values[f"notes.{phase}"] = text
        repo.update_session(session_id, values)
        repo.record_time(session_id, spent, started + timedelta(seconds=sum(spent.values())))
        view = repo.view(session_id)
        repo.update_session(session_id, {"covered": "\n".join(view.covers[: 2 + scores[0]])})
        repo.complete_scoring(session_id, started + timedelta(minutes=50))


def _drill_questions(session: Session, today: date, rng: random.Random) -> None:
    reviews = ReviewRepository(session)
    questions = session.scalars(
        select(TechQuestion)
        .where(TechQuestion.builtin.is_(True))
        .order_by(TechQuestion.id)
        .options(selectinload(TechQuestion.topics))
    ).all()
    # Only questions on topics the sample person has studied and rated 2 or more: a topic
    # at 0/5, never studied, with drilled questions (and so a recall) would contradict itself.
    studied = set(session.scalars(select(StudySession.topic_id).distinct()))
    latest = cast(list[tuple[int, int]], session.execute(latest_levels()).all())
    rated = {topic_id for topic_id, level in latest if level >= 2}
    known = [q for q in questions if q.topics and q.topics[0].id in studied & rated]
    answerable = [q for q in known if q.text in ANSWERS]  # the person wrote an answer
    others = [q for q in known if q not in answerable]
    chosen = answerable + rng.sample(others, min(30 - len(answerable), len(others)))
    for question in chosen:
        if question.text in ANSWERS and not question.answer:
            question.answer = ANSWERS[question.text]
        card = session.scalar(select(ReviewCard).where(ReviewCard.question_id == question.id))
        if card is None:
            continue
        days_ago = rng.randint(3, 20)
        for _ in range(rng.randint(1, 3)):
            when = _at(today, days_ago, rng.randint(7, 21))
            reviews.review(card.id, rng.choices((1, 2, 3, 4), (1, 2, 6, 2))[0], when, 40_000)
            days_ago = max(days_ago - rng.randint(2, 6), 0)
