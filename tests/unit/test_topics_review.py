"""Review due: topics and problems graded with keys 1-4, within the daily limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from prepdesk.store.models import Problem, ReviewCard, ReviewLog
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.topics.review_dialog import ReviewDialog
from tests.helpers import review_topics_long_ago


def make_dialog(qtbot, ops) -> ReviewDialog:
    if not ops.read(lambda s: ReviewRepository(s).due(datetime.now(UTC), kind="topic")):
        ops.write(lambda s: review_topics_long_ago(s, 8, days_ago=4))
    dialog = ReviewDialog(ops, clock=lambda: datetime.now(UTC))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_keys_one_to_four_grade_the_cards_in_order(qtbot, ops, db):
    ops.write(lambda s: SettingsRepository(s).set("daily_review_limit", 4))
    dialog = make_dialog(qtbot, ops)
    assert len(dialog.cards) == 4
    shown = [card.card_id for card in dialog.cards]
    assert dialog.progress.text() == "Card 1 of 4"
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(dialog, key)
    with db.transaction() as s:
        logs = s.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()[-4:]
        assert [(log.card_id, log.rating) for log in logs] == list(
            zip(shown, [1, 2, 3, 4], strict=True)
        )
        cards = {c.id: c for c in s.scalars(select(ReviewCard).where(ReviewCard.id.in_(shown)))}
        assert all(cards[i].last_review is not None for i in shown)
        assert cards[shown[3]].due > cards[shown[0]].due  # Easy comes back later than Again
    assert dialog.title.text() == "4 cards reviewed"
    assert not dialog.grade_buttons[0].isEnabled()


def test_the_daily_limit_counts_reviews_already_done_today(qtbot, ops):
    ops.write(lambda s: SettingsRepository(s).set("daily_review_limit", 3))
    first = make_dialog(qtbot, ops)
    qtbot.keyClick(first, Qt.Key.Key_3)
    second = make_dialog(qtbot, ops)
    assert len(second.cards) == 2


def test_problems_are_reviewed_too_and_most_forgotten_come_first(qtbot, ops):
    def add_problem(session) -> None:
        problem = Problem(title="Two Sum", platform="LeetCode", difficulty="easy")
        session.add(problem)
        session.flush()
        card = ReviewRepository(session).ensure_card("problem", problem.id)
        ReviewRepository(session).review(card.id, 3, datetime.now(UTC) - timedelta(days=60))

    ops.write(add_problem)
    dialog = make_dialog(qtbot, ops)
    assert dialog.current.kind == "problem"  # reviewed long ago: least likely recalled
    assert dialog.title.text() == "Two Sum"
    assert dialog.kind.text() == "Coding problem"
    assert "Predicted recall right now" in dialog.recall.text()
    qtbot.mouseClick(dialog.grade_buttons[2], Qt.MouseButton.LeftButton)
    assert dialog.current.kind == "topic"


def test_never_reviewed_topics_are_new_not_due(qtbot, ops):
    now = datetime.now(UTC)
    assert ops.read(lambda s: ReviewRepository(s).due(now, kind="topic")) == []
    ops.write(lambda s: review_topics_long_ago(s, 2, days_ago=4))
    assert len(ops.read(lambda s: ReviewRepository(s).due(now, kind="topic"))) == 2
