"""A timed ML system design session driven like a person, with a driven clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from prepdesk.core.design_practice import PHASES
from prepdesk.io.design_markdown import session_markdown
from prepdesk.store.models import DesignPrompt
from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from prepdesk.store.repositories.reviews import ReviewRepository
from tests.unit.design_session_driver import FakeClock, open_page, select_prompt


def test_a_full_timed_session_scored_then_due_again_later(qtbot, ops, db, tmp_path):
    clock = FakeClock()
    page = open_page(qtbot, ops, clock)
    prompt_id = select_prompt(page, "Predict click-through for ads")
    assert "calibrat" in page.library.fields["covers"].toPlainText().lower()

    page.library.minutes.setValue(35)
    qtbot.mouseClick(page.library.start_button, Qt.MouseButton.LeftButton)
    view = page.session_view
    assert page.design_stack.currentWidget() is view
    view.tick()
    assert view.total_clock.text() == "Session: 35:00 left"
    assert view.phase_name.text() == "1. Requirements & success metrics"

    # Phase 1: type notes, let time pass, go on with the key shown on the button.
    assert "Ctrl" in view.next_button.text()
    qtbot.keyClicks(view.notes["requirements"], "Ask: auction use, QPS, label delay")
    clock.advance(5 * 60)
    view.tick()
    assert view.total_clock.text() == "Session: 30:00 left"
    qtbot.keyClick(
        view.notes["requirements"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert view.phase_name.text() == "2. Data & labels"
    assert view.notes_stack.currentWidget() is view.notes["data"]

    # Phase 2 runs over its budget: its clock goes negative.
    qtbot.keyClicks(view.notes["data"], "Impressions joined to clicks; negative downsampling")
    clock.advance(9 * 60)
    view.tick()
    assert view.phase_clock.text().startswith("-")
    for index in range(2, len(PHASES) + 1):  # the last press finishes the session
        clock.advance(3 * 60)
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert view.timer.index == index or (index == len(PHASES) and not view.running)
    assert not view.running
    assert page.design_stack.currentWidget() is page.scoring

    with db.transaction() as s:
        [stored] = DesignPracticeRepository(s).history(prompt_id)
    notes = {p.phase: p.notes for p in stored.phases}
    spent = {p.phase: p.spent_seconds for p in stored.phases}
    assert notes["requirements"] == "Ask: auction use, QPS, label delay"
    assert notes["data"].startswith("Impressions joined")
    assert spent["requirements"] == 300 and spent["data"] == 720 and spent["monitoring"] == 180
    assert stored.finished_at == clock.now and not stored.scored

    # Scoring: a score per phase, covered items ticked, a note, then Done.
    scoring = page.scoring
    for phase, score in zip(PHASES, (3, 2, 3, 3, 2, 4, 3), strict=True):
        qtbot.mouseClick(scoring.scores[phase.key].buttons[score], Qt.MouseButton.LeftButton)
    first = scoring.covers.items()[0]
    first.setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(scoring.improve, "Give numbers for QPS earlier.")
    qtbot.mouseClick(scoring.done_button, Qt.MouseButton.LeftButton)
    assert "graded 2" in scoring.message.text()
    assert not scoring.done_button.isEnabled()

    with db.transaction() as s:
        repo = DesignPracticeRepository(s)
        [stored] = repo.history(prompt_id)
        assert stored.scored and stored.improve == "Give numbers for QPS earlier."
        assert stored.covered_items == [first.text()]
        assert [p.score for p in stored.phases] == [3, 2, 3, 3, 2, 4, 3]
        assert repo.phase_averages()[0].key == "data"
        reviews = ReviewRepository(s)
        assert prompt_id not in [c.owner_id for c in reviews.due(clock.now, kind="design")]
        later = reviews.due(clock.now + timedelta(days=30), kind="design")
        assert prompt_id in [c.owner_id for c in later]

    # Back in the library: the history row and the weakest phase.
    qtbot.mouseClick(scoring.back_button, Qt.MouseButton.LeftButton)
    assert page.design_stack.currentWidget() is page.library
    assert page.library.history.topLevelItemCount() == 1
    assert page.library.history.topLevelItem(0).text(3) == "Data & labels"
    assert "Data & labels" in page.library.weakest.text()

    # The session as Markdown.
    path = tmp_path / "session.md"
    assert page.export_to(path, stored.id)
    text = path.read_text(encoding="utf-8")
    assert text == session_markdown(stored)
    assert "## Data & labels" in text and f"- [x] {first.text()}" in text


def test_prompts_are_added_edited_and_archived(qtbot, ops, db):
    clock = FakeClock()
    page = open_page(qtbot, ops, clock)
    page.new_item()
    library = page.library
    assert library.title.hasFocus()
    qtbot.keyClicks(library.title, "Rank answers in a Q&A forum")
    qtbot.keyClicks(library.fields["covers"], "Vote bias")
    qtbot.keyClick(library.fields["covers"], Qt.Key.Key_Return)
    qtbot.keyClicks(library.fields["covers"], "Freshness")
    assert library.form.flush()
    with db.transaction() as s:
        prompt = s.query(DesignPrompt).filter_by(title="Rank answers in a Q&A forum").one()
        assert prompt.covers == "Vote bias\nFreshness" and not prompt.builtin
        prompt_id = prompt.id
    qtbot.mouseClick(library.archive_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        assert s.get(DesignPrompt, prompt_id).archived
    titles = [
        library.tree.topLevelItem(g).child(i).toolTip(0)
        for g in range(library.tree.topLevelItemCount())
        for i in range(library.tree.topLevelItem(g).childCount())
    ]
    assert "Rank answers in a Q&A forum" not in titles


def test_a_due_prompt_appears_on_the_today_panel(qtbot, ops, db):
    from prepdesk.ui.today_panel import TodayPanel

    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(panel.is_current)
    assert not panel.design_label.isVisible()
    with db.transaction() as s:
        repo = DesignPracticeRepository(s)
        prompt = s.query(DesignPrompt).filter_by(key="eta-prediction").one()
        long_ago = datetime.now(UTC) - timedelta(days=90)
        session_id = repo.start_session(prompt.id, long_ago, 45)
        repo.update_session(session_id, {"score.model": 2})
    # Scoring through the app: the panel follows the change and the prompt is due by now.
    ops.write(
        lambda s: DesignPracticeRepository(s).complete_scoring(session_id, long_ago),
        initiator=None,
    )
    qtbot.waitUntil(panel.is_current)
    assert panel.design_label.isVisible()
    assert "Predict arrival times" in panel.design_label.text()
