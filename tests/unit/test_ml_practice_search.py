"""Search (Ctrl+K) finds ML design prompts, design sessions by their notes, and technical
questions, and opens each on the ML practice page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from prepdesk.store.models import DesignPrompt, TechQuestion
from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from tests.unit.test_search_opens_items import search_and_open


def test_search_opens_prompts_sessions_and_questions(qtbot, ops, main_window):
    with ops.db.transaction() as s:
        prompt_id = s.scalar(select(DesignPrompt.id).where(DesignPrompt.key == "payment-fraud"))
        question_id = s.scalar(
            select(TechQuestion.id).where(TechQuestion.text.contains("eigenvectors"))
        )
        repo = DesignPracticeRepository(s)
        session_id = repo.start_session(prompt_id, datetime.now(UTC) - timedelta(days=1), 45)
        repo.update_session(session_id, {"notes.data": "Quarantine the wombat merchants first"})

    search_and_open(qtbot, main_window, "chargeback")
    page = main_window.page("design")
    assert main_window.current_page_key() == "design"
    assert page.design_stack.currentWidget() is page.library
    assert page.library.prompt_id == prompt_id

    search_and_open(qtbot, main_window, "wombat merchants")
    assert page.design_stack.currentWidget() is page.scoring
    assert page.scoring.session_id == session_id

    search_and_open(qtbot, main_window, "eigenvectors")
    assert page.tabs.currentWidget() is page.questions
    assert page.questions.question_id == question_id
    assert "eigenvectors" in page.questions.text.toPlainText().lower()
