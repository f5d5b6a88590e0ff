"""A timed ML system design session: one phase at a time, a clock for the phase and one
for the whole, notes per phase that save themselves, the next phase on one key.

The clock is injected: the display timer only decides how often the clocks are redrawn,
never how much time has passed, so tests drive time without sleeping.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.design_practice import PHASES, SessionTimer, clock_text
from prepdesk.store.repositories.design_practice import DesignPracticeRepository, SessionView
from prepdesk.ui.clock import Clock
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import FIELD_STYLE, heading_font
from prepdesk.ui.theme import current_colours, error_text_style

NEXT_KEY = "Ctrl+Return"  # works while typing in the notes (Ctrl+Right moves by word there)


class DesignSessionView(QWidget):
    finished = Signal(int)  # the session id, once the last phase or "End now" closes it

    def __init__(self, ops: Operations, clock: Clock) -> None:
        super().__init__()
        self.ops = ops
        self._clock = clock
        self.session_id: int | None = None
        self.timer: SessionTimer | None = None
        self.setStyleSheet(FIELD_STYLE)
        self._redraw = QTimer(self)
        self._redraw.setInterval(250)
        self._redraw.timeout.connect(self.tick)

        self.title = QLabel()
        self.title.setFont(heading_font(self.font(), 1.4))
        self.title.setWordWrap(True)
        self.brief = QLabel()
        self.brief.setWordWrap(True)
        self.total_clock = QLabel()
        self.total_clock.setAccessibleName("Time left in the session")
        self.total_clock.setFont(heading_font(self.font(), 1.2))

        self.phase_list = QListWidget()
        show_full_text_on_hover(self.phase_list)
        self.phase_list.setAccessibleName("Phases")
        self.phase_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phase_list.setFixedWidth(self.fontMetrics().averageCharWidth() * 54)
        self.phase_name = QLabel()
        self.phase_name.setFont(heading_font(self.font(), 1.25))
        self.phase_hint = QLabel()
        self.phase_hint.setWordWrap(True)
        self.phase_hint.setProperty("role", "hint")
        self.phase_clock = QLabel()
        self.phase_clock.setAccessibleName("Time left in this phase")
        self.phase_clock.setFont(heading_font(self.font(), 2.4))

        self.form = EditForm(
            ops,
            lambda s, key, values: DesignPracticeRepository(s).update_session(
                cast(int, key), values
            ),
            self,
            what=lambda _key: "the session notes",
        )
        self.notes: dict[str, QPlainTextEdit] = {}
        self.notes_stack = QStackedWidget()
        for phase in PHASES:
            editor = QPlainTextEdit()
            editor.setAccessibleName(f"Notes: {phase.name}")
            editor.setPlaceholderText("What you would say in this part of the answer…")
            self.form.bind(f"notes.{phase.key}", editor)
            self.notes[phase.key] = editor
            self.notes_stack.addWidget(editor)
        self.status = SaveStatus(self.form)

        self.next_button = QPushButton()
        # A shortcut of the whole view (a button's own is reset by setText).
        self.next_shortcut = QShortcut(QKeySequence(NEXT_KEY), self)
        self.next_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_shortcut.activated.connect(self.next_phase)
        self.next_button.setAccessibleName("Go to the next phase")
        self.next_button.clicked.connect(self.next_phase)
        self.end_button = QPushButton("End now")
        self.end_button.setAccessibleName("End the session now and score it")
        self.end_button.clicked.connect(self.end_now)

        current = QVBoxLayout()
        header = QHBoxLayout()
        header.addWidget(self.phase_name, 1)
        header.addWidget(self.phase_clock)
        current.addLayout(header)
        current.addWidget(self.phase_hint)
        current.addWidget(self.notes_stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.next_button)
        current.addLayout(buttons)
        body = QHBoxLayout()
        side = QVBoxLayout()
        side.addWidget(self.total_clock)
        side.addWidget(self.phase_list, 1)
        body.addLayout(side)
        body.addLayout(current, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.brief)
        layout.addLayout(body, 1)

    # running ---------------------------------------------------------------------

    def start(self, view: SessionView, brief: str) -> None:
        """Shows session `view` (just created) and starts its clocks."""
        self.session_id = view.id
        budgets = {phase.phase: phase.budget_seconds for phase in view.phases}
        self.timer = SessionTimer(budgets, view.started_at)
        self.title.setText(view.prompt_title)
        self.brief.setText(brief)
        self.form.load(view.id, {f"notes.{p.phase}": p.notes for p in view.phases})
        self.phase_list.clear()
        for phase in PHASES:
            self.phase_list.addItem(f"{phase.name}  ·  {clock_text(budgets[phase.key])}")
        self._show_phase()
        self._redraw.start()

    @property
    def running(self) -> bool:
        return self.timer is not None and self.timer.finished_at is None

    def next_phase(self) -> None:
        if self.timer is None or not self.running:
            return
        more = self.timer.advance(self._clock())
        self._record_time()
        if more:
            self._show_phase()
        else:
            self._close()

    def end_now(self) -> None:
        if self.timer is None or not self.running:
            return
        self.timer.finish(self._clock())
        self._record_time()
        self._close()

    def tick(self) -> None:
        if self.timer is None:
            return
        now = self._clock()
        left = self.timer.phase_left(now)
        self.phase_clock.setText(clock_text(left))
        self.phase_clock.setProperty("over", left < 0)
        self.phase_clock.setStyleSheet(error_text_style(current_colours()) if left < 0 else "")
        total = self.timer.total_left(now)
        self.total_clock.setText(f"Session: {clock_text(total)} left")

    # parts -------------------------------------------------------------------------

    def _show_phase(self) -> None:
        assert self.timer is not None
        phase = self.timer.phase
        index = self.timer.index
        self.phase_name.setText(f"{index + 1}. {phase.name}")
        self.phase_hint.setText(phase.hint)
        self.notes_stack.setCurrentIndex(index)
        self.phase_list.setCurrentRow(index)
        for done in range(index):  # finished phases show the time they took
            key = PHASES[done].key
            spent, budget = self.timer.spent[key], self.timer.budgets[key]
            item = self.phase_list.item(done)
            item.setText(f"✓ {PHASES[done].name}  ·  {clock_text(spent)} of {clock_text(budget)}")
        shortcut = QKeySequence(NEXT_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        label = "Finish" if self.timer.is_last else "Next phase"
        self.next_button.setText(f"{label}  ({shortcut})")
        self.notes[phase.key].setFocus()
        self.tick()

    def _record_time(self) -> None:
        assert self.timer is not None and self.session_id is not None
        session_id, spent = self.session_id, dict(self.timer.spent)
        finished_at = self.timer.finished_at
        self.ops.write(
            lambda s: DesignPracticeRepository(s).record_time(session_id, spent, finished_at),
            initiator=self,
            what="the session's timing",
        )

    def _close(self) -> None:
        self._redraw.stop()
        self.form.flush()
        self.tick()
        assert self.session_id is not None
        self.finished.emit(self.session_id)


def save_session(session: Session, key: Hashable, values: dict[str, Any]) -> None:
    """EditForm's save for a design session's fields (notes, scores, covered, improve)."""
    DesignPracticeRepository(session).update_session(cast(int, key), values)
