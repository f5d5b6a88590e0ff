"""The review dialog, graded with keys: each card has an answer side, the end sums up the
session and says when the next card comes due (not "tomorrow" for one due in minutes)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from prepdesk.store.models import Problem, ReviewCard, Topic
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.topics.review_dialog import ReviewDialog, next_card_text
from tests.helpers import review_topics_long_ago

URL = "https://leetcode.com/problems/two-sum/"


def prepare(session) -> None:
    problem = Problem(
        title="Two Sum", platform="LeetCode", difficulty="easy", url=URL, patterns="hash map"
    )
    session.add(problem)
    session.flush()
    card = ReviewRepository(session).ensure_card("problem", problem.id)
    ReviewRepository(session).review(card.id, 3, datetime.now(UTC) - timedelta(days=60))
    (card_id,) = review_topics_long_ago(session, 1, days_ago=4)
    topic = session.get(Topic, session.get(ReviewCard, card_id).topic_id)
    topic.notes = "Bias is **underfitting**; variance is overfitting."
    SettingsRepository(session).set("daily_review_limit", 10)
    SettingsRepository(session).set("daily_new_questions", 0)  # only these two are due


def test_each_card_shows_its_answer_side_and_the_end_says_when_to_come_back(qtbot, ops):
    ops.write(prepare)
    dialog = ReviewDialog(ops, clock=lambda: datetime.now(UTC))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [card.kind for card in dialog.cards] == ["problem", "topic"]

    assert dialog.reveal_button.isVisible() and not dialog.answer.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)  # the problem's answer side
    assert dialog.answer.isVisible()
    assert "hash map" in dialog.answer.toPlainText()
    assert dialog.link.isVisible() and URL in dialog.link.text()
    qtbot.keyClick(dialog, Qt.Key.Key_1)  # Again: it comes back within minutes

    assert not dialog.answer.isVisible() and not dialog.link.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)  # the topic's notes
    assert "underfitting" in dialog.answer.toPlainText()
    assert "**" not in dialog.answer.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_3)

    assert dialog.title.text() == "2 cards reviewed"
    summary = dialog.prompt.text()
    assert "You graded 1 Again, 1 Good." in summary
    assert "tomorrow" not in summary.lower()
    assert "The next card is due in " in summary and "minute" in summary


def test_the_next_card_is_said_plainly():
    now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert next_card_text(now, now + timedelta(minutes=10)) == "The next card is due in 10 minutes."
    assert next_card_text(now, now + timedelta(seconds=20)) == "The next card is due in 1 minute."
    local = (now + timedelta(days=1, hours=2)).astimezone()
    assert next_card_text(now, now + timedelta(days=1, hours=2)).endswith(f"{local:%H:%M}.")
    assert "No card is scheduled" in next_card_text(now, None)


def test_past_the_daily_limit_the_end_says_why_cards_wait(qtbot, ops):
    ops.write(prepare)
    ops.write(lambda s: SettingsRepository(s).set("daily_review_limit", 1))
    dialog = ReviewDialog(ops, clock=lambda: datetime.now(UTC))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    assert dialog.title.text() == "1 card reviewed"
    assert "past today's review limit" in dialog.prompt.text()
