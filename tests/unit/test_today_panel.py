"""The Today panel: today's planned topics with Start buttons, due reviews, on-track."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from prepdesk.store.models import Topic
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.today_panel import TodayPanel
from prepdesk.ui.topics.study_timer import study_timer_for


def test_without_an_interview_it_says_how_to_get_a_plan(qtbot, ops):
    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()  # it follows the data while on screen
    assert panel.on_track.text().startswith("No interview date yet")
    assert panel.start_buttons == {}
    assert panel.reviews_label.text().endswith("reviews due today")


def test_shows_todays_plan_and_starts_the_shared_timer(qtbot, ops, db):
    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()  # it follows the data while on screen
    now = datetime.now(UTC)
    target = (now.astimezone().date() + timedelta(days=10)).isoformat()
    ops.write(lambda s: SettingsRepository(s).set("target_date", target))

    plan = panel.plan
    assert plan is not None
    today = plan.day(now.astimezone().date())
    assert today is not None and today.blocks
    assert list(panel.start_buttons) == [block.topic_id for block in today.blocks]
    assert "short" in panel.on_track.text() or "On track" in panel.on_track.text()

    block = today.blocks[0]
    qtbot.mouseClick(panel.start_buttons[block.topic_id], Qt.MouseButton.LeftButton)
    timer = study_timer_for(ops)
    assert timer.running and timer.topic_id == block.topic_id
    assert panel.start_buttons[block.topic_id].text() == "Running…"
    timer.stop()


def test_replans_when_a_rating_changes(qtbot, ops, db):
    target = (datetime.now().date() + timedelta(days=5)).isoformat()
    with db.transaction() as s:
        SettingsRepository(s).set("target_date", target)
        topic_ids = list(s.scalars(select(Topic.id)))
    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()  # it follows the data while on screen
    needed = panel.plan.needed_minutes
    now = datetime.now(UTC)
    ops.write(lambda s: TopicRepository(s).rate(topic_ids[0], 4, now))
    assert panel.plan.needed_minutes < needed
