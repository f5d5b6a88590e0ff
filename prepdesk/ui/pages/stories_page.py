"""The Stories page: write projects and STAR stories, see coverage, browse questions, practise."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import suggested_file_name
from prepdesk.io.export_target import write_export
from prepdesk.io.stories_markdown import stories_markdown, story_markdown
from prepdesk.store.changes import Change
from prepdesk.store.errors import StoreError
from prepdesk.store.repositories.projects import ProjectRepository, ProjectView
from prepdesk.store.repositories.stories import StoryRepository, StorySummary
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.icons import icon
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.page_reads import PageReads
from prepdesk.ui.pages.empty_state import EmptyState
from prepdesk.ui.pages.page import Page
from prepdesk.ui.stories.coverage_view import CoverageView
from prepdesk.ui.stories.practice_panel import PracticePanel
from prepdesk.ui.stories.project_editor import ProjectEditor
from prepdesk.ui.stories.question_bank import QuestionBank
from prepdesk.ui.stories.story_editor import StoryEditor
from prepdesk.ui.stories.story_screen import StoryScreen
from prepdesk.ui.stories.story_tree import StoryTree


@dataclass(frozen=True)
class StoriesRead:
    """The tree's projects and stories, and the story shown (None: not read again)."""

    projects: list[ProjectView]
    stories: list[StorySummary]
    story_screen: StoryScreen | None


def read_page(
    session: Session, story_reader: Callable[[Session], StoryScreen] | None
) -> StoriesRead:
    screen = None
    if story_reader is not None:
        with contextlib.suppress(LookupError):  # deleted: the tree shows what is left
            screen = story_reader(session)
    projects = ProjectRepository(session).list_projects()
    return StoriesRead(projects, StoryRepository(session).list_stories(), screen)


def _reader(editor: StoryEditor, story_id: int | None) -> Callable[[Session], StoryScreen] | None:
    return editor.screen_reader(story_id) if story_id is not None else None


class StoriesPage(Page):
    depends_on = Change.STORIES | Change.PRACTICE | Change.REVIEWS | Change.STAGES | Change.SETTINGS
    can_create = True

    def __init__(self, ops: Operations, clock: Clock = system_clock) -> None:
        super().__init__(ops)
        self.ops = ops
        self._stale_tabs: set[QWidget] = set()
        self.reads = PageReads(
            ops, partial(read_page, story_reader=None), self._show_read, self._read_failed, self
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Stories sections")
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.tree = StoryTree()
        self.story_editor = StoryEditor(ops, clock)
        self.project_editor = ProjectEditor(ops)
        self.empty = EmptyState(
            "Your project stories",
            "Interviewers ask about your past projects and how you work with people. Write "
            "each answer here as a STAR story (Situation, Task, Action, Result): press "
            "New story to start, or New project to write up a project first. Everything "
            "saves as you type.",
            icon("stories"),
        )
        self.detail = QStackedWidget()
        for widget in (self.empty, self.story_editor, self.project_editor):
            self.detail.addWidget(widget)

        # Ctrl+N reaches new_story through new_item (the main window's Edit > New).
        self.new_story_action = self._action("New story", None, self.new_story)
        self.new_story_action.setToolTip("New story (Ctrl+N)")
        self.new_project_action = self._action("New project", "Ctrl+Shift+N", self.new_project)
        self.delete_action = self._action("Delete…", None, self.delete_selected)
        self.export_one_action = self._action("Export story…", None, self.export_story_dialog)
        self.export_all_action = self._action("Export all…", "Ctrl+Shift+E", self.export_all_dialog)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        buttons = QHBoxLayout()
        for action in (self.new_story_action, self.new_project_action):
            buttons.addWidget(self._button(action))
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree, 1)
        more = QHBoxLayout()
        for action in (self.export_one_action, self.export_all_action, self.delete_action):
            more.addWidget(self._button(action))
        more.addStretch(1)
        left_layout.addLayout(more)

        writer = QSplitter()
        writer.addWidget(left)
        writer.addWidget(self.detail)
        writer.setStretchFactor(0, 1)
        writer.setStretchFactor(1, 2)
        # Room for a story title of about sixty-five characters beside the editor.
        chars = self.fontMetrics().averageCharWidth()
        writer.setSizes([chars * 70, chars * 126])
        self.coverage = CoverageView(ops)
        self.questions = QuestionBank(ops)
        self.practice = PracticePanel(ops, clock)
        self.tabs.addTab(writer, "Write")
        self.tabs.addTab(self.coverage, "Coverage")
        self.tabs.addTab(self.questions, "Questions")
        self.tabs.addTab(self.practice, "Practice")
        # Each tab reads its data when first shown: building the page reads only the tree.
        self._stale_tabs.update({self.coverage, self.questions, self.practice})

        self.tree.selected.connect(self._show_item)
        self.story_editor.practise_requested.connect(self.practise_story)
        self.coverage.question_chosen.connect(self.practise_question)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._refresh_tree()
        first = self.tree.first_story()
        if first is not None:
            self.tree.select_entry(*first)
        self._update_actions()

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @staticmethod
    def _button(action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAccessibleName(action.text().rstrip("…"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # refreshing ----------------------------------------------------------------------

    def is_idle(self) -> bool:
        return self.reads.is_idle()

    def refresh(self, event: DataChanged) -> None:
        """Shows the data again; the editors keep every field the person is typing in.

        The tree and the story shown are read on a worker thread (`_show_read`)."""
        editor = self.story_editor
        shown = editor.story_id if self.detail.currentWidget() is editor else None
        # The editor's own writes leave nothing to show anew (autosave writes every second).
        story_id = shown if shown is not None and not event.by(editor) else None
        self.reads.start(partial(read_page, story_reader=_reader(editor, story_id)))
        if self.detail.currentWidget() is self.project_editor and not event.by(self.project_editor):
            with contextlib.suppress(LookupError):  # deleted: the tree shows what is left
                self._load_project(self.project_editor.project_id)
        # Tabs out of sight refresh when shown: autosave writes every second while
        # the user types, and the writing tab must stay quick.
        self._stale_tabs.update({self.coverage, self.questions, self.practice})
        self._refresh_visible_tab()
        self._update_actions()

    def _show_read(self, read: StoriesRead) -> None:
        self.tree.show_items(read.projects, read.stories)
        screen = read.story_screen
        if screen is not None and screen.story.id == self.story_editor.story_id:
            self.story_editor.show_screen(screen)  # fields being edited keep their text
        self._update_actions()

    def _read_failed(self, message: str) -> None:
        self.tree.setToolTip(f"Your stories could not be read again: {message}")

    def _refresh_visible_tab(self) -> None:
        current = self.tabs.currentWidget()
        if current in self._stale_tabs:
            self._stale_tabs.discard(current)
            current.refresh()  # type: ignore[attr-defined]

    def _refresh_tree(self) -> None:
        projects, stories = self.ops.read(
            lambda s: (ProjectRepository(s).list_projects(), StoryRepository(s).list_stories())
        )
        self.tree.show_items(projects, stories)

    def _show_item(self, kind: str, item_id: int | None) -> None:
        self.story_editor.save_now()
        self.project_editor.save_now()
        if item_id is None:
            return
        if kind == "story":
            self.story_editor.load(item_id)
            self.detail.setCurrentWidget(self.story_editor)
        else:
            self._load_project(item_id)
            self.detail.setCurrentWidget(self.project_editor)
        self._update_actions()

    def _load_project(self, project_id: int | None) -> None:
        if project_id is None:
            return
        stories = self.ops.read(lambda s: StoryRepository(s).list_stories())
        count = sum(1 for story in stories if story.project_id == project_id)
        self.project_editor.load(project_id, count)

    def _update_actions(self) -> None:
        current = self.tree.current()
        self.delete_action.setEnabled(current is not None)
        self.export_one_action.setEnabled(current is not None and current[0] == "story")
        has_stories = bool(self.tree.first_story())
        self.export_all_action.setEnabled(has_stories)

    def _tab_changed(self, _index: int) -> None:
        self.story_editor.save_now()
        self.project_editor.save_now()
        self._refresh_visible_tab()

    # creating and deleting -----------------------------------------------------------

    def new_item(self) -> None:
        self.new_story()

    def new_story(self) -> int:
        current = self.tree.current()
        project_id = None
        if current is not None and current[0] == "project":
            project_id = current[1]
        elif current is not None:
            project_id = self.ops.read(lambda s: StoryRepository(s).get(current[1]).project_id)
        self.story_editor.save_now()
        story_id = self.ops.write(
            lambda s: StoryRepository(s).create("", project_id), initiator=self
        )
        self.tabs.setCurrentIndex(0)
        self._refresh_tree()  # also when this page is shown outside the main window
        self.tree.select_entry("story", story_id)
        self.story_editor.title.setFocus()
        return story_id

    def new_project(self) -> int:
        self.project_editor.save_now()
        project_id = self.ops.write(lambda s: ProjectRepository(s).create(""), initiator=self)
        self.tabs.setCurrentIndex(0)
        self._refresh_tree()
        self.tree.select_entry("project", project_id)
        self.project_editor.name.setFocus()
        return project_id

    def delete_selected(self) -> None:
        current = self.tree.current()
        if current is None:
            return
        kind, item_id = current
        what = (
            "this story, its follow-ups and its practice links"
            if kind == "story"
            else "this project write-up (its stories stay, standing alone)"
        )
        answer = QMessageBox.question(self, "Delete", f"Delete {what}?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.story_editor.form.flush()  # what was typed comes back with an undo
        self.project_editor.form.flush()
        if kind == "story":
            self.ops.delete(
                "story", item_id, lambda s: StoryRepository(s).delete(item_id), initiator=self
            )
            self.story_editor.form.forget(item_id)
        else:
            self.ops.delete(
                "project", item_id, lambda s: ProjectRepository(s).delete(item_id), initiator=self
            )
            self.project_editor.form.forget(item_id)
        self.story_editor.story_id = None
        self.project_editor.project_id = None
        self.detail.setCurrentWidget(self.empty)
        self._refresh_tree()
        first = self.tree.first_story()
        if first is not None:
            self.tree.select_entry(*first)

    # practice ----------------------------------------------------------------------------

    def practise_story(self, story_id: int) -> None:
        self.story_editor.save_now()
        self._stale_tabs.discard(self.practice)
        self.practice.refresh()
        self.tabs.setCurrentWidget(self.practice)
        self.practice.choose_story(story_id)

    def select_item(self, kind: str, ref: object) -> None:
        """A story or project (from search), or the due rehearsals (from the dashboard)."""
        if kind == "rehearsals":
            self.show_practice()
        elif kind in ("story", "project") and isinstance(ref, int):
            self.tabs.setCurrentIndex(0)
            self.tree.select_entry(kind, ref)
        elif kind == "behavioral_question":
            self.tabs.setCurrentWidget(self.questions)

    def show_practice(self) -> None:
        """The Practice tab, its due rehearsals fresh (the dashboard's "Rehearse" button)."""
        self.story_editor.save_now()
        self._stale_tabs.discard(self.practice)
        self.practice.refresh()
        self.tabs.setCurrentWidget(self.practice)

    def practise_question(self, question_id: int) -> None:
        self._stale_tabs.discard(self.practice)
        self.practice.refresh()
        self.tabs.setCurrentWidget(self.practice)
        self.practice.choose_question(question_id)

    # export ------------------------------------------------------------------------------

    def export_story_dialog(self) -> None:
        current = self.tree.current()
        if current is None or current[0] != "story":
            return
        self.story_editor.save_now()
        story = self.ops.read(lambda s: StoryRepository(s).get(current[1]))
        path = self._ask_path(suggested_file_name(story.title, extension="md", fallback="story"))
        if path is not None:
            self.export_to(path, story_ids=[story.id])

    def export_all_dialog(self) -> None:
        self.story_editor.save_now()
        path = self._ask_path(suggested_file_name("stories", date.today(), extension="md"))
        if path is not None:
            self.export_to(path)

    def _ask_path(self, suggested: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export as Markdown", str(Path.home() / suggested), "Markdown (*.md)"
        )
        return Path(chosen) if chosen else None

    def export_to(self, path: Path, story_ids: list[int] | None = None) -> bool:
        """Writes the Markdown atomically: the old file stays whole until the new one is."""
        self.story_editor.save_now()
        if story_ids is not None and len(story_ids) == 1:
            story = self.ops.read(lambda s: StoryRepository(s).get(story_ids[0]))
            text = story_markdown(story)
        else:
            stories = self.ops.read(lambda s: StoryRepository(s).all_views())
            if story_ids is not None:
                stories = [s for s in stories if s.id in story_ids]
            text = stories_markdown(stories)
        try:
            write_export(path, text, self.ops.db.paths)
        except StoreError as exc:  # a refused target, a full disk, a read-only folder
            QMessageBox.warning(self, "Export failed", str(exc))
            return False
        return True
