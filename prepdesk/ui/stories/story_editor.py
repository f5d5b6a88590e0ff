"""The STAR story editor: writes like a document, counts as you type, saves by itself.

Every text field (title, the four parts, metrics, and each follow-up's question and
answer) is bound to one `EditForm`, keyed by the story: it saves within a second, on
focus-out and when another story is shown, and a refresh never replaces what is typed.
Links (project, competencies, questions) are written at once, as they are clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import count_noun, weekday_date_text, weekday_datetime_text
from prepdesk.core.star import PART_LABELS, PARTS, analyse
from prepdesk.store.repositories.rehearsals import RehearsalStatus
from prepdesk.store.repositories.stories import StoryRepository
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.story_links import (
    CompetencyChips,
    FollowUpList,
    LinkedQuestions,
    follow_up_field,
)
from prepdesk.ui.stories.story_screen import StoryScreen, read_story_screen
from prepdesk.ui.stories.text_fields import (
    FIELD_STYLE,
    GrowingTextEdit,
    LineField,
    heading_font,
    hint_label,
    section_label,
    show_as_warning,
)

PART_HINTS = {
    "situation": "Where and when: the context in two or three sentences.",
    "task": "What you had to achieve, and why it mattered.",
    "action": "What you did yourself: the steps, the choices and why (say “I”, not “we”).",
    "result": "What changed, with numbers: how much, how many, how fast.",
}
FOLLOW_UP_PREFIX = "follow_up:"


class StoryEditor(QScrollArea):
    practise_requested = Signal(int)  # story id

    def __init__(self, ops: Operations, clock: Clock = system_clock) -> None:
        super().__init__()
        self.ops = ops
        self._clock = clock
        self.story_id: int | None = None
        self._title = ""
        self._target_seconds = 120
        self.confirm_box: QMessageBox | None = None
        self.form = EditForm(ops, save_story_fields, self, what=self._what)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Story editor")

        page = QWidget()
        page.setStyleSheet(FIELD_STYLE)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 110)
        outer.addWidget(column, 8)
        outer.addStretch(1)
        self.setWidget(page)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        layout.setContentsMargins(12, 18, 12, 24)

        top = QHBoxLayout()
        self.project = QComboBox()
        self.project.setAccessibleName("Project of this story")
        self.save_state = SaveStatus(self.form)
        self.save_state.setProperty("role", "hint")
        top.addWidget(QLabel("Project:"))
        top.addWidget(self.project)
        top.addStretch(1)
        top.addWidget(self.save_state)
        layout.addLayout(top)

        self.title = LineField("Story title", "A short title you will recognise")
        self.title.setObjectName("titleField")
        self.title.setFont(heading_font(self.font(), 1.6))
        layout.addWidget(self.title)
        self.totals = QLabel()
        self.totals.setAccessibleName("Total words and spoken time")
        self.totals.setFont(heading_font(self.font(), 1.05, bold=False))
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.warnings = QLabel()
        show_as_warning(self.warnings)
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Writing hints")
        layout.addWidget(self.warnings)

        self.parts: dict[str, GrowingTextEdit] = {}
        self.part_counts: dict[str, QLabel] = {}
        for part in PARTS:
            header = QHBoxLayout()
            header.addWidget(section_label(PART_LABELS[part]))
            header.addStretch(1)
            count = hint_label("0 words")
            count.setWordWrap(False)
            header.addWidget(count)
            field = GrowingTextEdit(PART_LABELS[part], PART_HINTS[part], min_lines=3)
            layout.addSpacing(6)
            layout.addLayout(header)
            layout.addWidget(field)
            self.parts[part] = field
            self.part_counts[part] = count

        layout.addSpacing(6)
        layout.addWidget(section_label("Metrics"))
        self.metrics = LineField(
            "Metrics summary", "One line with the numbers, e.g. “p99 latency 480 → 95 ms”"
        )
        layout.addWidget(self.metrics)

        layout.addSpacing(6)
        layout.addWidget(section_label("Competencies it shows"))
        self.competencies = CompetencyChips()
        layout.addWidget(self.competencies)

        layout.addWidget(section_label("Questions it answers"))
        self.questions = LinkedQuestions()
        layout.addWidget(self.questions)

        layout.addSpacing(6)
        layout.addWidget(section_label("Likely follow-ups"))
        self.follow_ups = FollowUpList()
        layout.addWidget(self.follow_ups)

        layout.addSpacing(6)
        layout.addWidget(section_label("Rehearsal"))
        rehearsal_row = QHBoxLayout()
        self.rehearsal = hint_label("")
        self.rehearsal.setAccessibleName("Rehearsal schedule")
        self.practise_button = QPushButton("Practise this story")
        self.practise_button.setAccessibleName("Practise this story against the timer")
        rehearsal_row.addWidget(self.rehearsal, 1)
        rehearsal_row.addWidget(self.practise_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(rehearsal_row)
        layout.addStretch(1)

        self._connect()

    # loading -----------------------------------------------------------------

    def _connect(self) -> None:
        self.form.bind("title", self.title)
        self.form.bind("metrics", self.metrics)
        for part, field in self.parts.items():
            self.form.bind(part, field)
            field.textChanged.connect(self._update_counts)
        self.project.activated.connect(self._project_chosen)
        self.competencies.toggled.connect(self._competency_toggled)
        self.questions.link_requested.connect(
            lambda qid: self._write(lambda s: StoryRepository(s).link_question(self._id(), qid))
        )
        self.questions.unlink_requested.connect(
            lambda qid: self._write(lambda s: StoryRepository(s).unlink_question(self._id(), qid))
        )
        self.follow_ups.add_requested.connect(self._add_follow_up)
        self.follow_ups.remove_requested.connect(self._remove_follow_up)
        self.practise_button.clicked.connect(self._practise)

    def _practise(self) -> None:
        if self.story_id is not None:
            self.practise_requested.emit(self.story_id)

    def load(self, story_id: int) -> None:
        """Shows a story (the one shown before is saved first)."""
        self.form.flush()
        self.show_screen(self.ops.read(self.screen_reader(story_id)))

    def refresh(self) -> None:
        """After a change: lists and schedule again; text only where nobody is typing."""
        if self.story_id is None:
            return
        try:
            self.show_screen(self.ops.read(self.screen_reader(self.story_id)))
        except LookupError:
            return  # deleted; the page shows something else

    def screen_reader(self, story_id: int) -> Callable[[Session], StoryScreen]:
        """What reads the story's screen (on any thread: a page refreshes off the GUI)."""
        now = self._clock()
        return lambda session: read_story_screen(session, story_id, now)

    def show_screen(self, screen: StoryScreen) -> None:
        """Shows what was read; the fields with unsaved edits keep them (EditForm.load)."""
        self._target_seconds = screen.target_seconds
        self._show(screen)

    def _show(self, screen: StoryScreen) -> None:
        story = screen.story
        if story.id != self.story_id:
            self.follow_ups.show_follow_ups([])  # another story's rows go
        values: dict[str, Any] = {"title": story.title, "metrics": story.metrics}
        values.update({part: story.text(part) for part in PARTS})
        made, removed = self.follow_ups.show_follow_ups([f.id for f in story.follow_ups])
        for row in made:
            self.form.bind(follow_up_field(row.follow_up_id, "question"), row.question)
            self.form.bind(follow_up_field(row.follow_up_id, "answer_notes"), row.notes)
        for follow_up_id in removed:  # deleted elsewhere: its edits have nowhere to go
            prefix = follow_up_field(follow_up_id, "")
            self.form.buffer.discard(partial(_is_field_of, prefix))
        for follow_up in story.follow_ups:
            values[follow_up_field(follow_up.id, "question")] = follow_up.question
            values[follow_up_field(follow_up.id, "answer_notes")] = follow_up.answer_notes
        self.form.load(story.id, values)
        self.story_id = story.id
        self._title = story.title
        self.follow_ups.chain_focus(self.questions.unlink_button, self.practise_button)
        self._show_links(screen)
        self._update_counts()

    def _show_links(self, screen: StoryScreen) -> None:
        story = screen.story
        self.project.clear()
        self.project.addItem("Stands alone (no project)", None)
        for project in screen.projects:
            self.project.addItem(project.name or "Untitled project", project.id)
        self.project.setCurrentIndex(max(0, self.project.findData(story.project_id)))
        self.competencies.show_competencies(screen.competencies, story.competency_ids)
        self.questions.show_questions(story.questions, screen.bank)
        self.rehearsal.setText(rehearsal_text(screen.rehearsal, screen.now))

    # editing -------------------------------------------------------------------

    def _id(self) -> int:
        assert self.story_id is not None
        return self.story_id

    def _what(self, _key: Hashable) -> str:
        return f"the story '{self._title}'" if self._title else "the story"

    def _update_counts(self) -> None:
        parts = {p: f.toPlainText() for p, f in self.parts.items()}
        analysis = analyse(parts, self._target_seconds)
        for part, label in self.part_counts.items():
            words = analysis.words[part]
            label.setText(count_noun(words, "word"))
        self.totals.setText(
            f"{analysis.total_words} words · about {analysis.spoken} spoken at 140 words a minute"
        )
        self.warnings.setText("\n".join(analysis.warnings))
        self.warnings.setVisible(bool(analysis.warnings))

    def save_now(self) -> bool:
        """Saves what is typed now (before an export, a delete or a page change)."""
        return self.form.flush()

    def _write(self, fn: Callable[..., object], undoable: tuple[str, int] | None = None) -> None:
        if undoable is not None:  # a delete: (table, id)
            self.ops.delete(*undoable, fn, initiator=self)
        else:
            self.ops.write(fn, initiator=self)
        if self.story_id is not None:
            self.refresh()

    def _project_chosen(self, index: int) -> None:
        project_id = self.project.itemData(index)
        self._write(lambda s: StoryRepository(s).set_project(self._id(), project_id))

    def _competency_toggled(self, competency_id: int, tagged: bool) -> None:
        self._write(lambda s: StoryRepository(s).set_competency(self._id(), competency_id, tagged))

    def _add_follow_up(self) -> None:
        self._write(lambda s: StoryRepository(s).add_follow_up(self._id()))
        if self.follow_ups.rows:
            self.follow_ups.rows[-1].question.setFocus()

    def _remove_follow_up(self, follow_up_id: int) -> None:
        """Removes at once when empty; a follow-up with text asks first."""
        row = self.follow_ups.row(follow_up_id)
        if row is None:
            return
        if not row.has_text():
            self._delete_follow_up(follow_up_id)
            return
        question = row.question.text().strip() or "this follow-up"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Remove follow-up",
            f"Remove “{question}” and its answer notes?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._delete_follow_up(follow_up_id))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box
        box.open()

    def _delete_follow_up(self, follow_up_id: int) -> None:
        self.form.flush()  # what was typed is saved with it (an undo brings it back whole)
        self._write(
            lambda s: StoryRepository(s).delete_follow_up(follow_up_id),
            undoable=("follow_up", follow_up_id),
        )


def save_story_fields(session: Session, key: Hashable, values: dict[str, Any]) -> None:
    """The EditForm's save: a story's text fields and its follow-ups' question and answer."""
    repo = StoryRepository(session)
    story_fields: dict[str, str] = {}
    follow_ups: dict[int, dict[str, str]] = {}
    for name, value in values.items():
        if name.startswith(FOLLOW_UP_PREFIX):
            _prefix, follow_up_key, field = name.split(":")
            follow_ups.setdefault(int(follow_up_key), {})[field] = str(value)
        else:
            story_fields[name] = str(value)
    if story_fields:
        repo.update_text(int(key), story_fields)  # type: ignore[call-overload]
    for follow_up_id, fields in follow_ups.items():
        repo.update_follow_up(follow_up_id, fields)


def rehearsal_text(status: RehearsalStatus, now: datetime) -> str:
    lines = []
    if status.due is None:
        lines.append("Not scheduled yet: practise it once to start its rehearsal schedule.")
    elif status.due <= now:
        lines.append("Rehearsal due now.")
    else:
        local = status.due.astimezone()
        lines.append(f"Next rehearsal due {weekday_datetime_text(local)}.")
    if status.interview_at is not None:
        when = status.interview_at.astimezone()
        if status.recall_at_interview is None:
            lines.append(
                f"Next interview: {status.interview_label}, {weekday_date_text(when)}. "
                "Practise this story once to see how fresh it will be by then."
            )
        else:
            lines.append(
                f"Predicted recall at your next interview ({status.interview_label}, "
                f"{weekday_date_text(when)}): {status.recall_at_interview:.0%}."
            )
    else:
        lines.append("Add an interview date on the Companies page to see recall on the day.")
    runs = status.runs
    lines.append(f"Practised {count_noun(runs, 'time')}.")
    return " ".join(lines)


def _is_field_of(prefix: str, pending: Hashable) -> bool:
    """True for a pending edit (record key, field name) of a field starting with `prefix`."""
    return isinstance(pending, tuple) and str(pending[1]).startswith(prefix)
