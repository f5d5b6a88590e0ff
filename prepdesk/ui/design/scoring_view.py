"""After a design session: a 1-4 self-score per phase against the rubric, the prompt's
"a strong answer covers" list ticked off, and a note on what to do better.

Every field saves itself; "Done" grades the prompt's review card from the phase scores.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.design_practice import PHASES, SCORES, clock_text
from prepdesk.core.presentation import datetime_text
from prepdesk.core.review import GRADES
from prepdesk.store.repositories.design_practice import DesignPracticeRepository, SessionView
from prepdesk.ui.clock import Clock
from prepdesk.ui.design.fields import ChecklistField, ScoreChoice
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import FIELD_STYLE, heading_font


class DesignScoringView(QWidget):
    closed = Signal()  # back to the prompt library
    export_requested = Signal(int)  # session id

    def __init__(self, ops: Operations, clock: Clock) -> None:
        super().__init__()
        self.ops = ops
        self._clock = clock
        self.session_id: int | None = None
        self.setStyleSheet(FIELD_STYLE)
        self.form = EditForm(
            ops,
            lambda s, key, values: DesignPracticeRepository(s).update_session(
                cast(int, key), values
            ),
            self,
            what=lambda _key: "the session's scores",
        )
        self.title = QLabel()
        self.title.setFont(heading_font(self.font(), 1.4))
        self.title.setWordWrap(True)
        rubric = QLabel(
            "Score each phase as an interviewer would: "
            + "  ".join(f"<b>{score}</b> {text}" for score, text in SCORES.items())
        )
        rubric.setWordWrap(True)
        rubric.setAccessibleName("Scoring rubric")

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(3, 1)
        self.scores: dict[str, ScoreChoice] = {}
        self.times: dict[str, QLabel] = {}
        for row, phase in enumerate(PHASES):
            name = QLabel(phase.name)
            time = QLabel()
            score = ScoreChoice(f"Score: {phase.name}")
            self.form.bind(f"score.{phase.key}", score)
            grid.addWidget(name, row, 0)
            grid.addWidget(time, row, 1)
            grid.addWidget(score, row, 2)
            self.scores[phase.key] = score
            self.times[phase.key] = time

        self.covers = ChecklistField("A strong answer covers")
        self.covers.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.form.bind("covered", self.covers)
        self.improve = QPlainTextEdit()
        self.improve.setAccessibleName("What to do better next time")
        self.improve.setPlaceholderText("What to do better next time…")
        self.improve.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.form.bind("improve", self.improve)
        self.status = SaveStatus(self.form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.done_button = QPushButton("Done: schedule the next practice")
        self.done_button.setAccessibleName("Finish scoring")
        self.done_button.clicked.connect(self.complete)
        self.export_button = QPushButton("Export as Markdown…")
        self.export_button.clicked.connect(self._export)
        self.back_button = QPushButton("Back to prompts")
        self.back_button.clicked.connect(self._back)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(rubric)
        layout.addLayout(grid)
        layout.addWidget(QLabel("A strong answer covers (tick what you covered):"))
        layout.addWidget(self.covers)
        layout.addWidget(self.improve)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_session(self, view: SessionView) -> None:
        self.session_id = view.id
        when = datetime_text(view.started_at)
        self.title.setText(f"Score your answer: {view.prompt_title} ({when})")
        self.covers.set_items(list(view.covers))
        values: dict[str, object] = {"covered": view.covered, "improve": view.improve}
        for phase in view.phases:
            values[f"score.{phase.phase}"] = phase.score
            spent, budget = clock_text(phase.spent_seconds), clock_text(phase.budget_seconds)
            self.times[phase.phase].setText(f"{spent} of {budget}")
            self.times[phase.phase].setToolTip(phase.notes or "No notes")
        self.form.load(view.id, values)
        self.message.setText(
            "Scored: this prompt is scheduled for re-practice." if view.scored else ""
        )
        self.done_button.setEnabled(not view.scored)

    def complete(self) -> None:
        if self.session_id is None or not self.form.flush():
            return
        session_id, when = self.session_id, self._clock()
        try:
            grade = self.ops.write(
                lambda s: DesignPracticeRepository(s).complete_scoring(session_id, when),
                initiator=self,
                what="the session's scoring",
            )
        except ValueError as exc:
            self.message.setText(str(exc).capitalize() + ".")
            return
        self.message.setText(
            f"Scored, graded {grade} {GRADES.get(grade or 0, '')}: the prompt comes back "
            "when it is due on the Today panel."
        )
        self.done_button.setEnabled(False)

    def _export(self) -> None:
        if self.session_id is not None:
            self.form.flush()
            self.export_requested.emit(self.session_id)

    def _back(self) -> None:
        self.form.flush()
        self.closed.emit()
