"""Screenshots of the ML practice page's parts for `make screenshots` (ui/screenshots.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from prepdesk.store.repositories.reviews import DueCard, ReviewRepository
from prepdesk.store.repositories.tech_questions import TechQuestionRepository

SIZE = (1280, 820)
_SHOWN: list[QWidget] = []  # kept alive until the run ends: Qt still sends them events


class _StoppedClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now


def _page(window: QWidget, clock: _StoppedClock) -> QWidget:
    from prepdesk.ui.pages.design_page import DesignPage

    page = DesignPage(window.ops, clock)  # type: ignore[attr-defined]
    page.setWindowTitle("prepdesk: ML practice")
    page.resize(*SIZE)
    page.show()
    _SHOWN.append(page)
    return page


def session_in_progress(window: QWidget) -> QWidget:
    """The third phase of a timed session, a little over its budget."""
    clock = _StoppedClock()
    page = _page(window, clock)
    prompt_id = page.ops.read(  # type: ignore[attr-defined]
        lambda s: DesignPracticeRepository(s).prompt_id("home-feed-ranking")
    )
    page.library.select_prompt(prompt_id)  # type: ignore[attr-defined]
    page.start_session(prompt_id, 45)  # type: ignore[attr-defined]
    view = page.session_view  # type: ignore[attr-defined]
    notes = (
        "Goal: meaningful interactions per daily user; guardrails: hides, reports.\n"
        "~2,000 candidates a visit, 150 ms for ranking.",
        "Labels: like, comment, share, long dwell (> 10 s) within a day of the impression.\n"
        "Position bias: log the slot; train with position as a feature, set it to 0 online.",
        "Viewer: follow graph, past engagement by author and type, session context.\n"
        "Post: age, author quality, text and image embeddings, early engagement rate.",
    )
    for index, text in enumerate(notes):
        view.notes[view.timer.phase.key].setPlainText(text)
        clock.now += timedelta(minutes=(5, 7, 4)[index])
        if index < len(notes) - 1:
            view.next_phase()
    view.tick()
    view.form.flush()
    return page


def scoring(window: QWidget) -> QWidget:
    """A demo session's scores, covered items and the note on doing better."""
    page = _page(window, _StoppedClock())
    session_id = page.ops.read(  # type: ignore[attr-defined]
        lambda s: DesignPracticeRepository(s).latest_scored_session()
    )
    if session_id is not None:
        page.open_scoring(session_id)  # type: ignore[attr-defined]
    return page


def questions(window: QWidget) -> QWidget:
    """The question bank with an answer that has maths in it."""
    page = _page(window, _StoppedClock())
    page.tabs.setCurrentWidget(page.questions)  # type: ignore[attr-defined]
    question_id = page.ops.read(  # type: ignore[attr-defined]
        lambda s: TechQuestionRepository(s).first_with_maths()
    )
    if question_id is not None:
        page.questions.select_question(question_id)  # type: ignore[attr-defined]
    return page


def drill_card(window: QWidget) -> QWidget:
    """A technical question in the review session, its answer revealed."""
    from prepdesk.ui.topics.review_dialog import ReviewDialog

    dialog = ReviewDialog(window.ops, window)  # type: ignore[attr-defined]
    written = window.ops.read(_written_answer_card)  # type: ignore[attr-defined]
    questions = [card for card in dialog.cards if card.kind == "question"]
    if written is not None:  # a question with the sample answer first, due or not
        questions = [written, *(c for c in questions if c.owner_id != written.owner_id)]
    dialog.cards = questions or dialog.cards
    dialog._show_current()
    dialog.reveal()
    dialog.show()
    return dialog


def _written_answer_card(session: Session) -> DueCard | None:
    """The review card of a question with a written answer, its recall as of now."""
    answered = set(TechQuestionRepository(session).answered_ids())
    reviews = ReviewRepository(session)
    now = datetime.now(UTC)
    for card in reviews.due(now + timedelta(days=3650), kind="question"):
        if card.owner_id in answered:
            recall = reviews.recall_at("question", [card.owner_id], now)[card.owner_id]
            return replace(card, recall_now=recall)
    return None


DESIGN_SHOTS = [
    ("design-session", session_in_progress),
    ("design-scoring", scoring),
    ("design-questions", questions),
    ("drill", drill_card),
]
