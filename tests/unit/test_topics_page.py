"""The Topics page, clicked: rating, the study timer, sessions edited and deleted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from prepdesk.store.models import Rating, StudySession, Topic
from prepdesk.store.repositories.study_sessions import StudySessionRepository
from prepdesk.ui.pages.topics_page import TopicsPage
from prepdesk.ui.topics.study_timer import study_timer_for

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_page(main_window) -> TopicsPage:
    """The real page in the real window, which forwards data changes to it."""
    page = main_window.show_page("topics")
    assert isinstance(page, TopicsPage)
    return page


def first_topic(db) -> tuple[int, str]:
    with db.transaction() as s:
        topic = s.scalars(select(Topic).order_by(Topic.area_id, Topic.position)).first()
        return topic.id, topic.name


def test_rating_a_topic_appends_to_its_history(qtbot, main_window, db):
    page = make_page(main_window)
    topic_id, name = first_topic(db)
    page.tree.select_topic(topic_id)
    assert page.detail.name.text() == name

    page.detail.level.setCurrentIndex(2)
    qtbot.mouseClick(page.detail.rate_button, Qt.MouseButton.LeftButton)
    page.detail.level.setCurrentIndex(3)
    qtbot.keyClicks(page.detail.rating_note, "after a mock")
    qtbot.mouseClick(page.detail.rate_button, Qt.MouseButton.LeftButton)

    with db.transaction() as s:
        rows = s.scalars(select(Rating).where(Rating.topic_id == topic_id).order_by(Rating.id))
        history = [(r.level, r.note) for r in rows]
    assert history == [(2, ""), (3, "after a mock")]
    assert page.detail.history.count() == 2
    assert page.detail.history.item(0).text().endswith("3 / 5 — after a mock")
    item = page.tree.currentItem()
    assert item.text(2) == "3 / 5"


def test_the_timer_keeps_running_on_other_pages_and_offers_to_log(qtbot, main_window, db):
    clock = FakeClock(START)
    timer = study_timer_for(main_window.ops)
    timer.clock = clock
    page = main_window.show_page("topics")
    topic_id, name = first_topic(db)
    page.tree.select_topic(topic_id)
    qtbot.mouseClick(page.detail.timer_button, Qt.MouseButton.LeftButton)
    assert timer.running and timer.topic_id == topic_id
    assert page.detail.timer_button.text() == "Stop and log…"

    main_window.show_page("dashboard")
    clock.now = START + timedelta(minutes=25, seconds=10)
    main_window.timer_status.refresh()
    assert main_window.timer_status.isVisible()
    assert main_window.timer_status.label.text() == f"Studying {name}: 25:10"

    qtbot.mouseClick(main_window.timer_status.stop_button, Qt.MouseButton.LeftButton)
    assert not timer.running
    dialog = main_window.timer_status.log_dialog
    assert dialog is not None and dialog.minutes.value() == 25
    qtbot.keyClicks(dialog.note, "worked examples")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with db.transaction() as s:
        sessions = s.scalars(select(StudySession)).all()
        assert [(x.topic_id, x.minutes, x.note) for x in sessions] == [
            (topic_id, 25, "worked examples")
        ]
        assert sessions[0].started_at == START
    assert not main_window.timer_status.isVisible()
    main_window.show_page("topics")  # a page out of sight refreshes when shown
    assert page.detail.sessions.table.model().rowCount() == 1


def test_cancelling_the_log_offer_writes_nothing(qtbot, main_window, db):
    clock = FakeClock(START)
    study_timer_for(main_window.ops).clock = clock
    page = make_page(main_window)
    qtbot.mouseClick(page.detail.timer_button, Qt.MouseButton.LeftButton)
    clock.now = START + timedelta(minutes=40)
    qtbot.mouseClick(page.detail.timer_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.log_dialog
    assert dialog is not None and dialog.minutes.value() == 40
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    with db.transaction() as s:
        assert s.scalars(select(StudySession)).all() == []


def test_editing_and_deleting_a_session(qtbot, main_window, db):
    topic_id, _name = first_topic(db)
    main_window.ops.write(
        lambda s: StudySessionRepository(s).add_session(topic_id, START, 30, "first")
    )
    main_window.ops.write(
        lambda s: StudySessionRepository(s).add_session(topic_id, START + timedelta(days=1), 45, "")
    )
    page = make_page(main_window)
    page.tree.select_topic(topic_id)
    table = page.detail.sessions
    assert table.table.model().rowCount() == 2
    table.table.selectRow(1)  # newest first: row 1 is the 30-minute session
    qtbot.mouseClick(table.edit_button, Qt.MouseButton.LeftButton)
    dialog = table.dialog
    assert dialog is not None and dialog.minutes.value() == 30
    dialog.minutes.setValue(50)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        assert sorted(x.minutes for x in s.scalars(select(StudySession))) == [45, 50]

    page.tree.select_topic(topic_id)
    table.table.selectRow(0)
    qtbot.mouseClick(table.delete_button, Qt.MouseButton.LeftButton)
    box = table.confirm_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        assert [x.minutes for x in s.scalars(select(StudySession))] == [50]
    assert table.table.model().rowCount() == 1
    shown = table.table.model().index(0, 1).data()
    assert shown == "50"  # the edited session, as the table shows it


def stored_notes(db, topic_id: int) -> str:
    with db.transaction() as s:
        return s.get(Topic, topic_id).notes


def test_notes_save_themselves_and_show_rendered(qtbot, main_window, db):
    topic_id, _name = first_topic(db)
    page = make_page(main_window)
    page.tree.select_topic(topic_id)
    notes = page.detail.notes
    qtbot.mouseClick(notes.edit_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notes.editor, "**SVD** is <key>")
    assert page.detail.save_status.text() == "Saving…"
    qtbot.waitUntil(lambda: stored_notes(db, topic_id) == "**SVD** is <key>", timeout=3000)
    assert page.detail.save_status.text() == "All changes saved"
    qtbot.mouseClick(notes.preview_button, Qt.MouseButton.LeftButton)
    assert "<b>SVD</b>" in notes.viewer.toHtml() or "font-weight" in notes.viewer.toHtml()
    assert notes.viewer.toPlainText() == "SVD is <key>"


def test_review_and_plan_preferences_open_the_one_preferences_dialog(qtbot, main_window, ops):
    from prepdesk.store.repositories.settings import SettingsRepository
    from prepdesk.ui.preferences_dialog import PreferencesDialog

    page = main_window.show_page("topics")
    page.settings_action.trigger()
    dialog = page.preferences_dialog
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    dialog.review_limit.setValue(17)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert ops.read(lambda s: SettingsRepository(s).get("daily_review_limit")) == 17
