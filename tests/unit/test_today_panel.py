"""The Today panel: today's planned topics with Start buttons, due reviews, on-track."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import event, select

from prepdesk.store.models import Topic
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.study_sessions import StudySessionRepository
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.today_panel import TodayPanel
from prepdesk.ui.topics.study_timer import study_timer_for


def test_without_an_interview_it_says_how_to_get_a_plan(qtbot, ops):
    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()  # it follows the data while on screen
    qtbot.waitUntil(panel.is_current)
    assert panel.on_track.text().startswith("No interview date yet")
    assert panel.start_buttons == {}
    # Never-studied topics are new, not due reviews; the built-in questions are new too,
    # offered within the daily limit of new questions.
    assert panel.reviews_label.text() == "10 new questions to drill"
    assert panel.review_button.isEnabled()


def test_shows_todays_plan_and_starts_the_shared_timer(qtbot, ops, db):
    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()  # it follows the data while on screen
    qtbot.waitUntil(panel.is_current)
    now = datetime.now(UTC)
    target = (now.astimezone().date() + timedelta(days=10)).isoformat()
    ops.write(lambda s: SettingsRepository(s).set("target_date", target))
    qtbot.waitUntil(panel.is_current)

    plan = panel.plan
    assert plan is not None
    today = plan.day(now.astimezone().date())
    assert today is not None and today.blocks
    assert list(panel.start_buttons) == [block.topic_id for block in today.blocks]
    assert "short" in panel.on_track.text() or "On track" in panel.on_track.text()
    assert panel.progress.text().startswith(f"Done today: 0 of {today.planned_minutes} min")

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
    qtbot.waitUntil(panel.is_current)
    needed = panel.plan.needed_minutes
    now = datetime.now(UTC)
    ops.write(lambda s: TopicRepository(s).rate(topic_ids[0], 4, now))
    qtbot.waitUntil(panel.is_current)
    assert panel.plan.needed_minutes < needed


def test_done_today_counts_sessions_against_the_plan(qtbot, ops, db):
    target = (datetime.now().date() + timedelta(days=10)).isoformat()
    with db.transaction() as s:
        SettingsRepository(s).set("target_date", target)
        topic_id = s.scalars(select(Topic.id)).first()
    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(panel.is_current)
    now = datetime.now(UTC)
    ops.write(lambda s: StudySessionRepository(s).add_session(topic_id, now, 45))
    qtbot.waitUntil(panel.is_current)
    planned = panel.plan.day(now.astimezone().date()).planned_minutes
    assert panel.progress.text().startswith(f"Done today: 45 of {planned} min planned")


def test_after_an_edit_the_panel_reads_off_the_gui_thread(qtbot, ops, db):
    panel = TodayPanel(ops)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(panel.is_current)
    target = (datetime.now().date() + timedelta(days=10)).isoformat()
    writing = False
    gui_reads: list[str] = []
    worker_reads: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        if threading.current_thread() is not threading.main_thread():
            worker_reads.append(statement)
        elif not writing:
            gui_reads.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        writing = True
        ops.write(lambda s: SettingsRepository(s).set("target_date", target))
        writing = False
        qtbot.waitUntil(panel.is_current)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert panel.plan is not None  # the new plan arrived...
    assert worker_reads and not gui_reads  # ...read on a worker thread, none on the GUI's
