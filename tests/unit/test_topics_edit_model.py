"""Topics, typed like a person: nothing typed is lost to a refresh, and all of it is stored.

Every editable field of the detail pane is typed into; then the page writes (a study
session logged), someone else writes the same topic, and an app-wide setting changes.
Every typed text is still in its field; after closing and reopening the window on the
same data folder it is stored.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from sqlalchemy import select

from prepdesk.store.models import Rating, StudySession, Topic
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.pages.topics_page import TopicsPage
from tests.unit.window_reopening import locale, reopened


def topics_page(main_window) -> TopicsPage:
    page = main_window.show_page("topics")
    assert isinstance(page, TopicsPage)
    return page


def two_topics(db) -> tuple[int, int]:
    with db.transaction() as s:
        first, second = s.scalars(select(Topic.id).order_by(Topic.area_id, Topic.position)).all()[
            :2
        ]
        return first, second


def show_tab(qtbot, page: TopicsPage, title: str) -> None:
    bar = page.detail.tabs.findChild(QTabBar)
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.detail.tabs.currentIndex() == index


def replace_text(qtbot, editor, text: str) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)


def type_everything(qtbot, page: TopicsPage) -> None:
    detail = page.detail
    show_tab(qtbot, page, "Notes")
    qtbot.mouseClick(detail.notes.edit_button, Qt.MouseButton.LeftButton)
    replace_text(qtbot, detail.notes.editor, "SVD: U S V^T")
    show_tab(qtbot, page, "Resources")
    qtbot.mouseClick(detail.resources.edit_button, Qt.MouseButton.LeftButton)
    replace_text(qtbot, detail.resources.editor, "https://example.org/svd")
    detail.level.setFocus()
    qtbot.keyClick(detail.level, Qt.Key.Key_Down)
    qtbot.keyClicks(detail.rating_note, "after a mock")
    detail.target.setFocus()
    qtbot.keyClick(detail.target, Qt.Key.Key_Up)


def assert_still_typed(page: TopicsPage, level: int, target: int) -> None:
    detail = page.detail
    assert detail.notes.editor.toPlainText() == "SVD: U S V^T"
    assert detail.notes.is_editing()  # nothing closed the editor
    assert detail.resources.editor.toPlainText() == "https://example.org/svd"
    assert detail.resources.is_editing()
    assert detail.rating_note.text() == "after a mock"
    assert detail.level.currentData() == level
    assert detail.target.currentData() == target


def test_typed_text_survives_every_write_and_is_stored(qtbot, main_window, db, paths):
    topic_id, other_id = two_topics(db)
    page = topics_page(main_window)
    page.tree.select_topic(topic_id)
    level = page.detail.level.currentData() + 1
    target = page.detail.target.currentData() - 1
    type_everything(qtbot, page)
    assert page.detail.save_status.text() == "Saving…"

    # A write on the page: a study session logged through its dialog.
    show_tab(qtbot, page, "Sessions")
    qtbot.mouseClick(page.detail.sessions.add_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.sessions.dialog
    dialog.started.line.clear()
    qtbot.keyClicks(dialog.started.line, "2026-03-02")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Someone else writes this very topic, and another; then an app-wide setting changes.
    ops = main_window.ops
    ops.write(lambda s: TopicRepository(s).rename(topic_id, "Linear algebra, renamed"))
    ops.write(lambda s: TopicRepository(s).set_notes(other_id, "elsewhere"))
    ops.write(lambda s: SettingsRepository(s).set("daily_review_limit", 12))
    assert page.detail.name.text() == "Linear algebra, renamed"  # the page did refresh
    assert_still_typed(page, level, target)

    qtbot.mouseClick(page.detail.rate_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        session = s.scalars(select(StudySession)).one()
        assert session.started_at.astimezone().date() == date(2026, 3, 2)
        rating = s.scalars(select(Rating).where(Rating.topic_id == topic_id)).one()
        assert (rating.level, rating.note) == (level, "after a mock")
    assert page.detail.rating_note.text() == ""  # rated: the draft is done

    with reopened(qtbot, main_window, paths) as second:
        with db.transaction() as s:
            topic = s.get(Topic, topic_id)
            assert (topic.notes, topic.resources) == ("SVD: U S V^T", "https://example.org/svd")
            assert topic.target_level == target
        again = topics_page(second)
        again.tree.select_topic(topic_id)
        assert again.detail.notes.value() == "SVD: U S V^T"
        assert again.detail.target.currentData() == target
        assert "SVD" in again.detail.notes.viewer.toPlainText()


def test_saving_notes_never_closes_the_resources_editor(qtbot, main_window, db):
    topic_id, _other = two_topics(db)
    page = topics_page(main_window)
    page.tree.select_topic(topic_id)
    detail = page.detail
    show_tab(qtbot, page, "Resources")
    qtbot.mouseClick(detail.resources.edit_button, Qt.MouseButton.LeftButton)
    replace_text(qtbot, detail.resources.editor, "A book")
    show_tab(qtbot, page, "Notes")
    qtbot.mouseClick(detail.notes.edit_button, Qt.MouseButton.LeftButton)
    replace_text(qtbot, detail.notes.editor, "Short notes")
    qtbot.mouseClick(detail.notes.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not detail.form.is_editing(), timeout=3000)
    assert detail.resources.is_editing()
    assert detail.resources.editor.toPlainText() == "A book"
    with db.transaction() as s:
        assert s.get(Topic, topic_id).resources == "A book"


def test_each_topic_keeps_its_unrated_note(qtbot, main_window, db):
    first, second = two_topics(db)
    page = topics_page(main_window)
    page.tree.select_topic(first)
    qtbot.keyClicks(page.detail.rating_note, "shaky on proofs")
    page.tree.select_topic(second)
    assert page.detail.rating_note.text() == ""
    page.tree.select_topic(first)
    assert page.detail.rating_note.text() == "shaky on proofs"


def test_a_session_date_typed_in_the_locale_format_is_stored(qtbot, main_window, db):
    topic_id, _other = two_topics(db)
    page = topics_page(main_window)
    page.tree.select_topic(topic_id)
    show_tab(qtbot, page, "Sessions")
    with locale("en_GB"):
        qtbot.mouseClick(page.detail.sessions.add_button, Qt.MouseButton.LeftButton)
        dialog = page.detail.sessions.dialog
        dialog.started.line.clear()
        qtbot.keyClicks(dialog.started.line, "14/03/2026")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        started = s.scalars(select(StudySession.started_at)).one()
    assert started.astimezone().date() == date(2026, 3, 14)
