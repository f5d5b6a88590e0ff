"""Technical question drills in the review session: hidden answers, grades, the daily
limit for new questions, and a topic's recall following its questions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from prepdesk.core.question_drills import topic_recall
from prepdesk.store.models import ReviewCard, TechQuestion
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.topics.review_dialog import ReviewDialog


def only_questions_due(db) -> datetime:
    """Topics reviewed elsewhere: their cards are not due, so the session is questions.

    Returns the time to review at: just after the seeded question cards fell due.
    """
    now = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)
    with db.transaction() as s:
        s.execute(
            update(ReviewCard)
            .where(ReviewCard.kind != "question")
            .values(due=now + timedelta(days=400))
        )
    return now


def open_dialog(qtbot, ops, when: datetime) -> ReviewDialog:
    dialog = ReviewDialog(ops, clock=lambda: when)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_answer_hidden_until_revealed_then_graded_and_due_again_later(qtbot, ops, db):
    NOW = only_questions_due(db)
    with db.transaction() as s:
        SettingsRepository(s).set("daily_new_questions", 3)
        first = s.scalars(select(TechQuestion).order_by(TechQuestion.id)).first()
        first.answer = "Cross-entropy is $-\\sum_x p(x) \\log q(x)$, the **NLL** of the labels."
    dialog = open_dialog(qtbot, ops, NOW)
    assert len(dialog.cards) == 3  # the daily limit for new questions
    card = dialog.current
    assert card.kind == "question" and dialog.kind.text() == "Technical question"
    assert not dialog.answer.isVisible()
    assert not any(b.isEnabled() for b in dialog.grade_buttons)
    qtbot.keyClick(dialog, Qt.Key.Key_3)  # grading before the reveal does nothing
    assert dialog.current is card and dialog.done_count == 0

    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.answer.isVisible()
    if card.owner_id == first.id:
        assert dialog.answer.formulas == [("-\\sum_x p(x) \\log q(x)", False)]
        assert "NLL" in dialog.answer.toPlainText()
    assert all(b.isEnabled() for b in dialog.grade_buttons)
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    assert dialog.done_count == 1 and dialog.current is not card
    assert not dialog.answer.isVisible()  # the next card's answer is hidden again

    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.grade_buttons[0], Qt.MouseButton.LeftButton)  # 1 Again
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_4)
    assert dialog.current is None and dialog.done_count == 3

    # The same day: the new-question limit is used up, nothing new comes.
    later_today = open_dialog(qtbot, ops, NOW + timedelta(minutes=1))
    assert all(c.recall_now is not None for c in later_today.cards)
    with db.transaction() as s:
        graded = s.scalar(select(ReviewCard).where(ReviewCard.question_id == card.owner_id))
        assert graded.due > NOW and graded.last_review == NOW
        due_later = ReviewRepository(s).due(NOW + timedelta(days=30), kind="question")
        assert card.owner_id in [c.owner_id for c in due_later]


def test_a_topics_recall_follows_its_drilled_questions(qtbot, ops, db):
    NOW = only_questions_due(db)
    with db.transaction() as s:
        question = s.scalars(select(TechQuestion).where(TechQuestion.topics.any())).first()
        topic_id = question.topics[0].id
        card_id = s.scalar(select(ReviewCard.id).where(ReviewCard.question_id == question.id))
        interview = NOW + timedelta(days=10)
        before = ReviewRepository(s).recall_at("topic", [topic_id], interview)[topic_id]
    assert before is None  # neither the topic nor its questions reviewed yet
    with db.transaction() as s:
        ReviewRepository(s).review(card_id, 4, NOW)
    with db.transaction() as s:
        reviews = ReviewRepository(s)
        question_recall = reviews.recall_at("question", [question.id], interview)[question.id]
        assert question_recall is not None
        assert reviews.recall_at("topic", [topic_id], interview)[topic_id] == question_recall


def test_topic_recall_rule():
    assert topic_recall(0.4, []) == 0.4
    assert topic_recall(0.4, [None, None]) == 0.4
    assert topic_recall(None, [0.9, 0.7, None]) == 0.8


def test_write_an_answer_with_maths_and_add_your_own_question(qtbot, ops, db):
    from prepdesk.store.models import Topic
    from prepdesk.ui.pages.design_page import DesignPage

    page = DesignPage(ops)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.questions)
    bank = page.questions
    assert bank.tree.topLevelItemCount() >= 200
    bank.difficulty_filter.setCurrentIndex(bank.difficulty_filter.findData("hard"))
    qtbot.keyClicks(bank.filter, "attention")
    shown = [bank.tree.topLevelItem(i) for i in range(bank.tree.topLevelItemCount())]
    assert shown and all(item.text(1) == "Hard" for item in shown)
    bank.tree.setCurrentItem(shown[0])
    question_id = shown[0].data(0, Qt.ItemDataRole.UserRole)

    qtbot.keyClicks(bank.answer, "Cost $O(n^2 d)$ in sequence length")
    qtbot.waitUntil(lambda: bank.preview.formulas == [("O(n^2 d)", False)])
    assert bank.form.flush()
    with db.transaction() as s:
        assert s.get(TechQuestion, question_id).answer == "Cost $O(n^2 d)$ in sequence length"
    assert shown[0].text(3) == "written"

    page.new_item()  # Edit > New on the Questions tab adds a question
    qtbot.keyClicks(bank.text, "Why does label smoothing help calibration?")
    bank.difficulty.setCurrentIndex(bank.difficulty.findData("hard"))
    with db.transaction() as s:
        topic_id = s.scalar(select(Topic.id).where(Topic.key == "ml.model-evaluation"))
    topic_index = bank.topic.findData(topic_id)
    assert topic_index > 0
    bank.topic.setCurrentIndex(topic_index)
    assert bank.form.flush()
    with db.transaction() as s:
        mine = s.scalars(select(TechQuestion).where(TechQuestion.builtin.is_(False))).one()
        assert mine.text == "Why does label smoothing help calibration?"
        assert mine.difficulty == "hard"
        assert [t.id for t in mine.topics] == [topic_id]
        assert s.scalar(select(ReviewCard).where(ReviewCard.question_id == mine.id))
    qtbot.mouseClick(bank.archive_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        assert s.get(TechQuestion, mine.id).archived


def test_the_answer_shows_at_once_and_its_maths_is_drawn_off_the_gui_thread(qtbot, ops, db):
    NOW = only_questions_due(db)
    answer = "Softmax: $\\frac{e^{z_i}}{\\sum_j e^{z_j}}$, then the **log** of it."
    with db.transaction() as s:
        question = s.scalars(select(TechQuestion).order_by(TechQuestion.id)).first()
        question.answer = answer
        s.execute(
            update(ReviewCard)
            .where(ReviewCard.kind == "question", ReviewCard.question_id != question.id)
            .values(due=NOW + timedelta(days=400), last_review=NOW - timedelta(days=1))
        )
    dialog = open_dialog(qtbot, ops, NOW)
    assert dialog.current.owner_id == question.id
    view = dialog.answer
    with qtbot.waitSignal(view.formulas_drawn, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Space)
        # At once: the words, and the formula as its source until its image arrives.
        assert "then the log of it" in view.toPlainText()
        assert "\\frac{e^{z_i}}" in view.toPlainText()
        assert not view.is_idle()
    assert view.is_idle() and "<img" in view.toHtml()
    assert "\\frac" not in view.toPlainText()  # the image took the source's place


def test_a_drill_of_due_and_new_questions_each_graded(qtbot, ops, db):
    NOW = only_questions_due(db)
    with db.transaction() as s:
        SettingsRepository(s).set("daily_new_questions", 2)
        ids = s.scalars(select(TechQuestion.id).order_by(TechQuestion.id).limit(2)).all()
        reviews = ReviewRepository(s)
        for question_id in ids:  # drilled three weeks ago: due again by now
            card = s.scalar(select(ReviewCard).where(ReviewCard.question_id == question_id))
            reviews.review(card.id, 3, NOW - timedelta(days=21))
    dialog = open_dialog(qtbot, ops, NOW)
    due = [c for c in dialog.cards if c.recall_now is not None]
    new = [c for c in dialog.cards if c.recall_now is None]
    assert sorted(c.owner_id for c in due) == sorted(ids) and len(new) == 2
    assert dialog.cards[:2] == due  # the most forgotten come first, then the new ones
    graded = {}
    for key, grade in ((Qt.Key.Key_4, 4), (Qt.Key.Key_2, 2), (Qt.Key.Key_3, 3), (Qt.Key.Key_1, 1)):
        card = dialog.current
        assert not dialog.answer.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Space)
        qtbot.keyClick(dialog, key)
        graded[card.owner_id] = grade
    assert dialog.current is None and dialog.done_count == 4
    with db.transaction() as s:
        for question_id, grade in graded.items():
            card = s.scalar(select(ReviewCard).where(ReviewCard.question_id == question_id))
            logs = sorted(card.logs, key=lambda log: log.reviewed_at)
            assert logs[-1].rating == grade and logs[-1].reviewed_at == NOW
            assert len(logs) == (2 if question_id in ids else 1)
            assert card.due > NOW


def test_a_formula_is_drawn_in_the_text_colour_on_a_transparent_ground(qapp):
    from PySide6.QtGui import QImage

    from prepdesk.ui.design.formula_images import formula_pngs

    drawn, unreadable = formula_pngs(("x^2 + y^2", "\\frac{"), "#ffffff")
    assert unreadable is None  # shown as its source, never as an error
    image = QImage.fromData(drawn)
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0
    inked = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert inked and all(c.lightness() > 200 for c in inked)  # white ink, for a dark theme


def test_the_topics_page_shows_a_recall_once_a_question_on_the_topic_is_drilled(
    qtbot, ops, db, main_window
):
    from prepdesk.ui.topics.topic_tree import RECALL_COLUMN
    from tests.unit.companies_data import make_company, make_stage

    NOW = only_questions_due(db)
    make_stage(db, make_company(db), "ML concepts", at=NOW + timedelta(days=10))  # recall then
    with db.transaction() as s:
        SettingsRepository(s).set("daily_new_questions", 1)
        question = s.scalars(
            select(TechQuestion).where(TechQuestion.topics.any()).order_by(TechQuestion.id)
        ).first()
        topic_id = question.topics[0].id
    topics = main_window.show_page("topics")
    topics.tree.select_topic(topic_id)
    item = topics.tree.currentItem()
    assert item.text(RECALL_COLUMN) == "—" and topics.recalls[topic_id] is None

    dialog = open_dialog(qtbot, ops, NOW)
    assert [c.owner_id for c in dialog.cards] == [question.id]
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_4)

    qtbot.waitUntil(lambda: topics.recalls[topic_id] is not None)
    topics.tree.select_topic(topic_id)
    assert topics.tree.currentItem().text(RECALL_COLUMN).endswith("%")
