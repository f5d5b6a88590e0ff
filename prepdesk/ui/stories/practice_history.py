"""The practice history: the runs saved, all of them unless the person narrows the list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import datetime_text
from prepdesk.core.star import format_duration
from prepdesk.store.repositories.rehearsals import RehearsalRepository
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import section_label

# The history lists every run unless the person narrows it: never filtered silently.
HISTORY_SCOPES = (
    ("All runs", "all"),
    ("Runs of this story", "story"),
    ("Runs of this question", "question"),
)
SHOWN_RUNS = 30


class PracticeHistory(QWidget):
    """A heading with the choice of runs to list, and the runs (newest first)."""

    scope_changed = Signal()

    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self._ops = ops
        heading = QHBoxLayout()
        heading.addWidget(section_label("Practice history"))
        heading.addStretch(1)
        self.scope = QComboBox()
        self.scope.setAccessibleName("Which practice runs to list")
        for label, scope in HISTORY_SCOPES:
            self.scope.addItem(label, scope)
        heading.addWidget(self.scope)
        self.tree = QTreeWidget()
        show_full_text_on_hover(self.tree)
        self.tree.setAccessibleName("Practice history")
        self.tree.setHeaderLabels(["When", "Question", "Story", "Time", "Score", "Note"])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 120)
        self.tree.setColumnWidth(1, 260)
        self.tree.setColumnWidth(2, 170)
        for short in (3, 4):  # time and score: as wide as their header or values need
            self.tree.header().setSectionResizeMode(short, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.tree, 1)
        self.scope.currentIndexChanged.connect(lambda _i: self.scope_changed.emit())

    def show_runs(self, story_id: int | None, question_id: int | None) -> None:
        """The runs in the chosen scope, for the story and question being practised."""
        scope = self.scope.currentData()
        story = story_id if scope == "story" else None
        question = question_id if scope == "question" else None
        runs, any_runs = self._ops.read(
            lambda s: (
                RehearsalRepository(s).history(
                    story_id=story, question_id=question, limit=SHOWN_RUNS
                ),
                bool(RehearsalRepository(s).history(limit=1)),
            )
        )
        if (scope == "story" and story is None) or (scope == "question" and question is None):
            runs = []  # nothing chosen: nothing is "this story" or "this question"
        self.tree.clear()
        for run in runs:
            took = format_duration(run.duration_seconds)
            QTreeWidgetItem(
                self.tree,
                [
                    datetime_text(run.practised_at),
                    run.question_text or "(no question)",
                    run.story_title or "(no story)",
                    f"{took} / {format_duration(run.target_seconds)}",
                    str(run.score) if run.score else "",
                    run.note,
                ],
            )
        if not runs:
            if not any_runs:
                text = "No practice runs yet: each run you save is listed here."
            elif scope == "story":
                text = "No runs of this story yet. Choose All runs to see the others."
            else:
                text = "No runs of this question yet. Choose All runs to see the others."
            item = QTreeWidgetItem(self.tree, [text])
            item.setFirstColumnSpanned(True)
