"""Edit > Undo after every kind of delete, clicked like a person on the demo data.

Each delete is done with its button or action (confirmations answered), then undone
with Edit > Undo or Ctrl+Z outside a text field; the JSON export afterwards is the
same, byte for byte, as before the delete.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from sqlalchemy import func, select

from prepdesk.io.json_export import export_json
from prepdesk.store import models as m
from prepdesk.store.database import Database
from prepdesk.ui.checklist_window import ChecklistWindow
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.operations import Operations
from tests.unit.demo_database import demo_db_fixture, demo_template_fixture  # noqa: F401

Yes = QMessageBox.StandardButton.Yes


@pytest.fixture
def window(qtbot, qapp, demo_db: Database) -> Iterator[MainWindow]:
    main = MainWindow(Operations(demo_db))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    QThreadPool.globalInstance().waitForDone(30_000)


def exported(db: Database, path: Path) -> bytes:
    with db.transaction() as session:
        export_json(session, path)
    return path.read_bytes()


def first(db: Database, statement) -> object:
    with db.transaction() as session:
        return session.scalars(statement).first()


def count(db: Database, model: type[m.Base]) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


def press_ctrl_z(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


# --- one delete of each kind, as a person does it -----------------------------------


def delete_company(window: MainWindow, qtbot, monkeypatch) -> str:
    company = first(window.ops.db, select(m.Company).where(m.Company.stages.any()))
    window.open_item("company", company.id)
    page = window.current_page()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    return f"company '{company.name}'"


def _company_tab(window: MainWindow, company_id: int, tab: str) -> QWidget:
    window.open_item("company", company_id)
    page = window.current_page()
    page.tabs.setCurrentWidget(getattr(page, tab))
    return getattr(page, tab)


def delete_person(window: MainWindow, qtbot, monkeypatch) -> str:
    person = first(window.ops.db, select(m.Person).order_by(m.Person.id))
    people = _company_tab(window, person.company_id, "people")
    people.table.setCurrentCell(0, 0)
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    return "person '"


def delete_company_question(window: MainWindow, qtbot, monkeypatch) -> str:
    question = first(window.ops.db, select(m.CompanyQuestion))
    tab = _company_tab(window, question.company_id, "questions")
    tab.tree.setCurrentItem(tab.question_item(question.text))
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    return "question to ask '"


def delete_stage(window: MainWindow, qtbot, monkeypatch) -> str:
    stage = first(window.ops.db, select(m.InterviewStage).where(m.InterviewStage.checklist.any()))
    pipeline = _company_tab(window, stage.company_id, "pipeline")
    pipeline.select_stage(stage.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: Yes)
    qtbot.mouseClick(pipeline.delete_button, Qt.MouseButton.LeftButton)
    return "stage"


def delete_asked_question(window: MainWindow, qtbot, monkeypatch) -> str:
    asked = first(window.ops.db, select(m.DebriefQuestion))
    stage = first(
        window.ops.db, select(m.InterviewStage).where(m.InterviewStage.id == asked.stage_id)
    )
    pipeline = _company_tab(window, stage.company_id, "pipeline")
    pipeline.select_stage(stage.id)
    pipeline.debrief.list.setCurrentRow(0)
    qtbot.mouseClick(pipeline.debrief.remove_button, Qt.MouseButton.LeftButton)
    return "asked question '"


def delete_checklist_item(window: MainWindow, qtbot, monkeypatch) -> str:
    item = first(window.ops.db, select(m.ChecklistItem).order_by(m.ChecklistItem.id))
    checklist = window.open_checklist(item.stage_id)
    checklist.tree.setCurrentItem(checklist.tree_item(item.text))
    qtbot.mouseClick(checklist.remove_button, Qt.MouseButton.LeftButton)
    return f"checklist item '{item.text}'"


def _stories_page_with(window: MainWindow, kind: str, item_id: int) -> QWidget:
    window.open_item(kind, item_id)
    return window.current_page()


def _delete_from_stories_page(window: MainWindow, monkeypatch, kind: str, item_id: int) -> None:
    page = _stories_page_with(window, kind, item_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: Yes)
    page.delete_action.trigger()


def delete_story(window: MainWindow, qtbot, monkeypatch) -> str:
    story = first(window.ops.db, select(m.Story).where(m.Story.follow_ups.any()))
    _delete_from_stories_page(window, monkeypatch, "story", story.id)
    return f"story '{story.title}'"


def delete_project(window: MainWindow, qtbot, monkeypatch) -> str:
    project = first(window.ops.db, select(m.Project).where(m.Project.stories.any()))
    _delete_from_stories_page(window, monkeypatch, "project", project.id)
    return f"project '{project.name}'"


def delete_follow_up(window: MainWindow, qtbot, monkeypatch) -> str:
    follow_up = first(window.ops.db, select(m.FollowUp).order_by(m.FollowUp.id))
    page = _stories_page_with(window, "story", follow_up.story_id)
    row = page.story_editor.follow_ups.rows[0]
    click_remove(page.story_editor, row, qtbot)
    return "follow-up '"


def delete_study_session(window: MainWindow, qtbot, monkeypatch) -> str:
    session = first(window.ops.db, select(m.StudySession))
    window.open_item("topic", session.topic_id)
    table = window.current_page().detail.sessions
    table.table.selectRow(0)
    qtbot.mouseClick(table.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(table.confirm_box.button(Yes), Qt.MouseButton.LeftButton)
    return "study session of "


def delete_problem(window: MainWindow, qtbot, monkeypatch) -> str:
    problem = first(window.ops.db, select(m.Problem).where(m.Problem.attempts.any()))
    window.open_item("problem", problem.id)
    page = window.current_page()
    qtbot.waitUntil(page.is_idle)  # the list is read on a worker thread, then selected
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.dialog.button(Yes), Qt.MouseButton.LeftButton)
    return f"problem '{problem.title}'"


def delete_attempt(window: MainWindow, qtbot, monkeypatch) -> str:
    problem = first(window.ops.db, select(m.Problem).where(m.Problem.attempts.any()))
    window.open_item("problem", problem.id)
    page = window.current_page()
    qtbot.waitUntil(page.is_idle)  # the list is read on a worker thread, then selected
    page.detail.attempt_list.setCurrentRow(0)
    qtbot.mouseClick(page.detail.delete_attempt_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.dialog.button(Yes), Qt.MouseButton.LeftButton)
    return "attempt of "


# What each delete removes one row of.
DELETED = {
    delete_company: m.Company,
    delete_person: m.Person,
    delete_company_question: m.CompanyQuestion,
    delete_stage: m.InterviewStage,
    delete_asked_question: m.DebriefQuestion,
    delete_checklist_item: m.ChecklistItem,
    delete_story: m.Story,
    delete_project: m.Project,
    delete_follow_up: m.FollowUp,
    delete_study_session: m.StudySession,
    delete_problem: m.Problem,
    delete_attempt: m.Attempt,
}


# Half are undone from the menu, half with Ctrl+Z (the focus on the page list).
CASES = [(delete, "menu" if n % 2 else "ctrl+z") for n, delete in enumerate(DELETED)]


@pytest.mark.parametrize(("delete", "how"), CASES, ids=lambda v: getattr(v, "__name__", v))
def test_undo_brings_back_exactly_what_was_deleted(
    window, qtbot, monkeypatch, tmp_path, delete, how
):
    model = DELETED[delete]
    undo = window.undo_action
    assert not undo.isEnabled()
    before = exported(window.ops.db, tmp_path / "before.json")
    rows = count(window.ops.db, model)

    label = delete(window, qtbot, monkeypatch)

    assert count(window.ops.db, model) == rows - 1
    assert undo.isEnabled()
    assert undo.text().startswith(f"&Undo delete {label}".replace("&&", "&"))
    if how == "menu":
        undo.trigger()
    else:
        press_ctrl_z(qtbot, window.navigation)  # the focus is not in a text field
    assert exported(window.ops.db, tmp_path / "after.json") == before
    assert window.statusBar().currentMessage().startswith(f"Restored {label}")
    assert not undo.isEnabled() and undo.text() == "&Undo"


def test_undo_takes_back_deletes_last_first(window, qtbot, monkeypatch, tmp_path):
    before = exported(window.ops.db, tmp_path / "before.json")
    delete_follow_up(window, qtbot, monkeypatch)
    delete_story(window, qtbot, monkeypatch)
    assert window.undo_action.text().startswith("&Undo delete story")
    window.undo_action.trigger()
    assert window.undo_action.text().startswith("&Undo delete follow-up")
    window.undo_action.trigger()
    assert exported(window.ops.db, tmp_path / "after.json") == before


def test_ctrl_z_in_a_text_field_undoes_typing_not_a_delete(window, qtbot, monkeypatch):
    delete_follow_up(window, qtbot, monkeypatch)
    follow_ups = count(window.ops.db, m.FollowUp)
    page = window.current_page()
    title = page.story_editor.title
    typed_over = title.text()
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (draft)")
    assert title.text() == typed_over + " (draft)"

    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert title.text() == typed_over  # the field's own undo
    assert count(window.ops.db, m.FollowUp) == follow_ups  # the delete stays
    assert window.undo_action.isEnabled()
    press_ctrl_z(qtbot, page.tree)  # outside the text fields: the delete is undone
    assert count(window.ops.db, m.FollowUp) == follow_ups + 1


def test_ctrl_z_in_the_checklist_window_undoes_its_delete(window, qtbot, monkeypatch, tmp_path):
    before = exported(window.ops.db, tmp_path / "before.json")
    delete_checklist_item(window, qtbot, monkeypatch)
    (checklist,) = window.findChildren(ChecklistWindow)
    press_ctrl_z(qtbot, checklist.tree)
    assert exported(window.ops.db, tmp_path / "after.json") == before


def test_an_own_bank_question_deleted_comes_back(window, qtbot, tmp_path):
    window.open_item("behavioral_question", first(window.ops.db, select(m.BehavioralQuestion.id)))
    bank = window.current_page().questions
    qtbot.keyClicks(bank.new_question, "Tell me about a model you retired.")
    qtbot.mouseClick(bank.add_question_button, Qt.MouseButton.LeftButton)
    before = exported(window.ops.db, tmp_path / "before.json")
    own = next(
        i for i in bank.question_items() if i.text(0) == "Tell me about a model you retired."
    )
    bank.tree.setCurrentItem(own)
    qtbot.mouseClick(bank.delete_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == "&Undo delete question 'Tell me about a model you retired.'"
    window.undo_action.trigger()
    assert exported(window.ops.db, tmp_path / "after.json") == before


def click_remove(editor, row, qtbot) -> None:
    """Remove a follow-up; one with text asks first, and the person says yes."""
    remove = next(b for b in row.findChildren(QPushButton) if b.text() == "Remove")
    had_text = row.has_text()
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    if had_text:
        qtbot.mouseClick(editor.confirm_box.button(Yes), Qt.MouseButton.LeftButton)


def test_an_undo_that_cannot_be_done_says_why_and_changes_nothing(window, qtbot, tmp_path):
    follow_up = first(window.ops.db, select(m.FollowUp).order_by(m.FollowUp.id.desc()))
    page = _stories_page_with(window, "story", follow_up.story_id)
    editor = page.story_editor
    row = next(r for r in editor.follow_ups.rows if r.follow_up_id == follow_up.id)
    click_remove(editor, row, qtbot)
    qtbot.mouseClick(editor.follow_ups.add_button, Qt.MouseButton.LeftButton)  # takes its id
    before = exported(window.ops.db, tmp_path / "before.json")

    window.undo_action.trigger()

    box = window.undo_action.message_box
    assert box is not None and box.isVisible()
    assert f"follow up {follow_up.id} was used again" in box.text()
    assert exported(window.ops.db, tmp_path / "after.json") == before
    assert not window.undo_action.isEnabled()
    box.accept()


def test_what_was_just_typed_into_a_deleted_follow_up_comes_back(window, qtbot):
    follow_up = first(window.ops.db, select(m.FollowUp).order_by(m.FollowUp.id))
    page = _stories_page_with(window, "story", follow_up.story_id)
    row = page.story_editor.follow_ups.rows[0]
    row.question.setFocus()
    row.question.end(False)
    qtbot.keyClicks(row.question, " and why?")  # removed before it autosaves
    click_remove(page.story_editor, row, qtbot)
    window.undo_action.trigger()
    back = first(window.ops.db, select(m.FollowUp).where(m.FollowUp.id == follow_up.id))
    assert back.question == follow_up.question + " and why?"
