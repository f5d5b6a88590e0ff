"""The Stories page: write a project and a STAR story by typing into the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from prepdesk.store.repositories.projects import ProjectRepository
from prepdesk.store.repositories.stories import StoryRepository
from prepdesk.ui.pages.stories_page import StoriesPage


def open_page(main_window) -> StoriesPage:
    page = main_window.show_page("stories")
    assert isinstance(page, StoriesPage)
    return page


def show_tab(qtbot, page: StoriesPage, title: str) -> None:
    bar = page.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def stored_story(ops, story_id: int):
    return ops.read(lambda s: StoryRepository(s).get(story_id))


def test_empty_page_says_what_to_do(main_window):
    page = open_page(main_window)
    assert page.detail.currentWidget() is page.empty
    assert (
        "New story"
        in page.empty.findChild(type(page.story_editor.totals), "emptyStateMessage").text()
    )
    assert not page.export_all_action.isEnabled()


def test_write_a_project_and_a_story(qtbot, main_window, ops):
    page = open_page(main_window)
    new_project = next(
        b
        for b in page.findChildren(type(page._button(page.new_project_action)))
        if b.defaultAction() is page.new_project_action
    )
    qtbot.mouseClick(new_project, Qt.MouseButton.LeftButton)
    assert page.detail.currentWidget() is page.project_editor
    qtbot.keyClicks(page.project_editor.name, "Fraud model")
    qtbot.keyClicks(page.project_editor.fields["problem"], "Scoring took 480 ms at p99.")
    project_id = page.project_editor.project_id
    qtbot.waitUntil(
        lambda: (
            ops.read(lambda s: ProjectRepository(s).get(project_id)).problem
            == "Scoring took 480 ms at p99."
        )
    )
    qtbot.waitUntil(page.is_idle)  # the tree is read again on a worker thread
    assert page.tree.currentItem().text(0) == "Fraud model"

    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.story_editor
    assert page.detail.currentWidget() is editor
    story_id = editor.story_id
    assert stored_story(ops, story_id).project_name == "Fraud model"
    assert editor.warnings.text() == "Still to write: Situation, Task, Action, Result."

    qtbot.keyClicks(editor.title, "Cutting fraud latency")
    qtbot.keyClicks(editor.parts["situation"], "Card payments waited on a slow model.")
    assert editor.part_counts["situation"].text() == "7 words"
    assert editor.totals.text().startswith("7 words · about 0:03 spoken")
    qtbot.keyClicks(editor.parts["task"], "Make it fast.")
    qtbot.keyClicks(editor.parts["action"], "I profiled it and cached features.")
    qtbot.keyClicks(editor.parts["result"], "Everyone was happy.")
    assert editor.part_counts["result"].text() == "3 words"
    assert "The Result has no number" in editor.warnings.text()
    qtbot.keyClicks(editor.parts["result"], " p99 fell to 95 ms.")
    assert editor.warnings.isHidden()
    assert editor.totals.text().startswith("24 words · about 0:10 spoken")
    qtbot.keyClicks(editor.metrics, "480 to 95 ms")

    # No Save button: it reaches the database by itself within about a second.
    qtbot.waitUntil(lambda: stored_story(ops, story_id).metrics == "480 to 95 ms", timeout=3000)
    story = stored_story(ops, story_id)
    assert story.title == "Cutting fraud latency"
    assert story.result == "Everyone was happy. p99 fell to 95 ms."
    qtbot.waitUntil(page.is_idle)
    assert page.tree.currentItem().text(0) == "Cutting fraud latency"
    assert editor.save_state.text() == "All changes saved"


def test_undo_works_per_field_across_autosaves(qtbot, main_window, ops):
    page = open_page(main_window)
    story_id = page.new_story()
    editor = page.story_editor
    qtbot.keyClicks(editor.parts["situation"], "First part")
    qtbot.keyClicks(editor.parts["task"], "Second part")
    editor.save_now()  # an autosave in between must not cost the undo history
    editor.parts["situation"].setFocus()
    qtbot.keyClick(editor.parts["situation"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.parts["situation"].toPlainText() == ""
    assert editor.parts["task"].toPlainText() == "Second part"
    qtbot.keyClick(
        editor.parts["situation"],
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.parts["situation"].toPlainText() == "First part"
    editor.save_now()
    assert stored_story(ops, story_id).situation == "First part"


def test_leaving_the_page_saves_at_once(qtbot, main_window, ops):
    page = open_page(main_window)
    story_id = page.new_story()
    qtbot.keyClicks(page.story_editor.parts["action"], "I wrote the runbook.")
    assert page.story_editor.form.is_editing()
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert stored_story(ops, story_id).action == "I wrote the runbook."


def test_follow_ups_are_added_and_saved(qtbot, main_window, ops):
    page = open_page(main_window)
    story_id = page.new_story()
    follow_ups = page.story_editor.follow_ups
    qtbot.mouseClick(follow_ups.add_button, Qt.MouseButton.LeftButton)
    assert len(follow_ups.rows) == 1
    qtbot.keyClicks(follow_ups.rows[0].question, "Why not a bigger model?")
    qtbot.keyClicks(follow_ups.rows[0].notes, "Latency budget.")
    page.story_editor.save_now()
    story = stored_story(ops, story_id)
    assert [(f.question, f.answer_notes) for f in story.follow_ups] == [
        ("Why not a bigger model?", "Latency budget.")
    ]


def test_linking_a_story_changes_the_coverage_matrix(qtbot, main_window, ops):
    page = open_page(main_window)
    story_id = page.new_story()
    editor = page.story_editor
    qtbot.keyClicks(editor.title, "Onboarding an analyst")
    matrix = page.coverage.model
    show_tab(qtbot, page, "Coverage")
    uncovered_before = page.coverage.uncovered.count()
    leadership_row = next(
        i for i, c in enumerate(matrix.matrix.competencies) if c.name == "Leadership"
    )
    assert matrix.index(leadership_row, 0).data() == "none"
    show_tab(qtbot, page, "Write")

    # Tag Leadership with the keyboard on its chip.
    chips = editor.competencies
    chips.setFocus()
    chips.setCurrentItem(chips.item_for("Leadership"))
    qtbot.keyClick(chips, Qt.Key.Key_Space)
    # Link a Teamwork question: the story now answers it, so it leaves the uncovered list.
    picker = editor.questions.picker
    index = next(i for i in range(picker.count()) if picker.itemText(i).startswith("Teamwork:"))
    picker.setCurrentIndex(index)
    question_id = picker.currentData()
    qtbot.mouseClick(editor.questions.link_button, Qt.MouseButton.LeftButton)
    assert [q.id for q in stored_story(ops, story_id).questions] == [question_id]
    assert editor.questions.linked.count() == 1

    show_tab(qtbot, page, "Coverage")
    assert matrix.index(leadership_row, 0).data() == "1"
    column = 1 + [sid for sid, _ in matrix.matrix.stories].index(story_id)
    assert matrix.index(leadership_row, column).data() == "●"
    assert page.coverage.uncovered.count() == uncovered_before - 1
    teamwork_row = next(i for i, c in enumerate(matrix.matrix.competencies) if c.name == "Teamwork")
    assert matrix.index(teamwork_row, column).data() == "○"
    assert "Leadership" not in page.coverage.summary.text()

    show_tab(qtbot, page, "Write")
    editor.questions.linked.setCurrentRow(0)
    qtbot.mouseClick(editor.questions.unlink_button, Qt.MouseButton.LeftButton)
    show_tab(qtbot, page, "Coverage")
    assert page.coverage.uncovered.count() == uncovered_before
    assert matrix.index(teamwork_row, column).data() == ""


def test_deleting_a_story_asks_first(qtbot, main_window, ops, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page = open_page(main_window)
    story_id = page.new_story()
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: next(answers))
    page.delete_action.trigger()
    assert stored_story(ops, story_id).id == story_id
    page.delete_action.trigger()
    assert ops.read(lambda s: StoryRepository(s).count()) == 0
    assert page.detail.currentWidget() is page.empty
    assert page.tree.first_story() is None


def test_user_adds_a_competency_and_a_question(qtbot, main_window, ops):
    page = open_page(main_window)
    bank = page.questions
    qtbot.keyClicks(bank.new_competency, "Customer focus")
    qtbot.mouseClick(bank.add_competency_button, Qt.MouseButton.LeftButton)
    bank.new_competency_choice.setCurrentIndex(
        bank.new_competency_choice.findText("Customer focus")
    )
    qtbot.keyClicks(bank.new_question, "Tell me about a customer you surprised.")
    qtbot.keyClick(bank.new_question, Qt.Key.Key_Return)
    show_tab(qtbot, page, "Questions")
    texts = {item.text(0): item.text(1) for item in bank.question_items()}
    assert texts["Tell me about a customer you surprised."] == "yours"
    show_tab(qtbot, page, "Coverage")
    assert "Customer focus" in [c.name for c in page.coverage.model.matrix.competencies]
    story_id = page.new_story()
    assert "Customer focus" in [
        page.story_editor.competencies.item(i).text()
        for i in range(page.story_editor.competencies.count())
    ]
    assert story_id


def test_closing_the_window_saves_at_once(qtbot, main_window, ops):
    page = open_page(main_window)
    story_id = page.new_story()
    qtbot.keyClicks(page.story_editor.parts["result"], "Saved 3 hours a week.")
    main_window.close()
    assert stored_story(ops, story_id).result == "Saved 3 hours a week."
