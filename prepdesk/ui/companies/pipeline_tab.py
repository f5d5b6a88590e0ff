"""A company's interview pipeline: ordered stages, one edited at a time, with its debrief."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimeZone
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import label, label_or_text, weekday_datetime_text
from prepdesk.store.repositories.companies import PersonRow
from prepdesk.store.repositories.stages import (
    StageInput,
    StageRepository,
    StageRow,
    StageTypeRow,
    known_zones,
)
from prepdesk.ui.brief_export import ask_and_export_ics, ask_and_write_brief
from prepdesk.ui.checklist_window import ChecklistWindow, open_checklist_window
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.companies.debrief_panel import DebriefPanel
from prepdesk.ui.companies.fields import ROW_ID, sync_list
from prepdesk.ui.companies.new_stage_dialog import ask_new_stage
from prepdesk.ui.companies.stage_form import StageForm
from prepdesk.ui.edit_form import SaveStatus
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.pages.empty_state import EmptyState


def local_zone_name() -> str:
    """The computer's IANA time zone, where a first stage most likely happens."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return name if name in known_zones() else "UTC"


def stage_label(index: int, stage: StageRow) -> str:
    start = stage.local_start()
    when = (
        f"{weekday_datetime_text(start, in_zone=True)} {stage.timezone}"
        if start
        else "Not scheduled"
    )
    outcome = f" · {label_or_text('stage_outcome', stage.outcome)}" if stage.outcome else ""
    stage_format = label("stage_format", stage.format)
    return f"{index + 1}. {stage.type_name}\n    {when} · {stage_format}{outcome}"


class PipelineTab(QWidget):
    def __init__(self, ops: Operations, clock: Clock = system_clock) -> None:
        super().__init__()
        self.ops = ops
        self._clock = clock
        self.company_id: int | None = None
        self.stages: list[StageRow] = []
        self._types: list[StageTypeRow] = []
        self._people: tuple[PersonRow, ...] = ()

        self.list = QListWidget()
        show_full_text_on_hover(self.list)
        self.list.setAccessibleName("Interview stages")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_current)
        self.add_button = self._button("Add stage", self.add_stage)
        self.delete_button = self._button("Delete", self.delete_stage)
        self.up_button = self._button("Up", lambda: self.move_stage(-1))
        self.down_button = self._button("Down", lambda: self.move_stage(1))
        self.checklist_button = self._button("Open checklist", self.open_checklist)
        self.brief_button = self._button("Write brief…", self.write_brief)
        self.ics_button = self._button("Export .ics…", self.export_ics)

        # The stages sit above the stage's form (not beside it): the page keeps two
        # columns, the list is as tall as its stages and the form gets the width.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        buttons = QGridLayout()  # two rows of four and three: they fit a narrow window
        for column, button in enumerate(
            (self.add_button, self.delete_button, self.up_button, self.down_button)
        ):
            buttons.addWidget(button, 0, column)
        for column, button in enumerate(
            (self.checklist_button, self.brief_button, self.ics_button)
        ):
            buttons.addWidget(button, 1, column)
        buttons.setColumnStretch(4, 1)
        left_layout.addLayout(buttons)

        self.form = StageForm(ops, clock)
        self.debrief = DebriefPanel(ops)
        self.save_status = SaveStatus(self.form.edit)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.form)
        editor_layout.addWidget(self.debrief, 1)
        editor_layout.addWidget(self.save_status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(editor)
        self.empty = EmptyState(
            "No stages yet",
            "Add the interview stages as you hear about them: the recruiter screen, coding, "
            "ML system design, behavioral, the onsite loop. Each gets a checklist and a brief.",
        )
        self.right = QStackedWidget()
        self.right.addWidget(scroll)
        self.right.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def show_pipeline(
        self,
        company_id: int,
        stages: list[StageRow],
        types: list[StageTypeRow],
        people: tuple[PersonRow, ...],
    ) -> None:
        same_company = company_id == self.company_id
        keep = self.current_stage_id() if same_company else None
        self.company_id, self.stages, self._types, self._people = company_id, stages, types, people
        sync_list(
            self.list,
            [(stage.id, stage_label(index, stage), "") for index, stage in enumerate(stages)],
        )
        self._fit_list()
        ids = [s.id for s in stages]
        if not same_company:
            keep = self._next_stage_id() or (ids[0] if ids else None)
        self.select_stage(keep if keep in ids else (ids[0] if ids else None))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_list()

    def _fit_list(self) -> None:
        """The stage list as tall as its stages (three to eight of them), the form below."""
        rows = max(self.list.count(), 1)
        row_height = max(self.list.sizeHintForRow(0), self.fontMetrics().height() * 2)
        shown = min(max(rows, 3), 8)
        list_height = row_height * shown + 2 * self.list.frameWidth() + 4
        buttons = (self.add_button.sizeHint().height() + 6) * 2
        total = sum(self.splitter.sizes()) or (list_height + buttons) * 3
        self.splitter.setSizes([list_height + buttons, max(total - list_height - buttons, 0)])

    def _next_stage_id(self) -> int | None:
        now = self._clock()
        upcoming = [
            (s.scheduled_at, s.id) for s in self.stages if s.scheduled_at and s.scheduled_at >= now
        ]
        return min(upcoming)[1] if upcoming else None

    def select_stage(self, stage_id: int | None) -> None:
        ids = [s.id for s in self.stages]
        row = ids.index(stage_id) if stage_id in ids else -1
        if self.list.currentRow() != row:
            self.list.setCurrentRow(row)  # shows it
        else:
            self._show_current(row)

    def current_stage_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ROW_ID)) if item is not None else None

    def _show_current(self, row: int) -> None:
        has = 0 <= row < len(self.stages)
        for button in (
            self.delete_button,
            self.up_button,
            self.down_button,
            self.checklist_button,
            self.brief_button,
        ):
            button.setEnabled(has)
        if not has:
            self.right.setCurrentWidget(self.empty)
            return
        if self.stages[row].id != self.form.stage_id:
            self.form.edit.flush()  # the stage left is saved first (and self.stages reloaded)
        stage = self.stages[row]
        self.form.show_stage(stage, self._types, self._people)
        self.debrief.show_asked(stage.id, stage.asked)
        self.right.setCurrentIndex(0)

    # actions ---------------------------------------------------------------------------

    def add_stage(self) -> None:
        company_id = self.company_id
        if company_id is None or not self._types:
            return
        chosen = ask_new_stage(self._types, self)
        if chosen is None:
            return
        type_id, stage_format = chosen
        zone = self.stages[-1].timezone if self.stages else local_zone_name()
        data = StageInput(
            stage_type_id=type_id, scheduled_at=None, timezone=zone, format=stage_format
        )
        now = self._clock()
        new_id = self.ops.write(
            lambda s: StageRepository(s).add_with_checklist(company_id, data, now),
            initiator=self,
            what="the new stage",
        )
        self.select_stage(new_id)
        self.form.when.setFocus()

    def delete_stage(self) -> None:
        stage_id = self.current_stage_id()
        if stage_id is None:
            return
        answer = QMessageBox.question(
            self, "Delete stage", "Delete this stage with its checklist and debrief?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.form.edit.flush()  # what was typed comes back with an undo
            self.ops.delete(
                "interview_stage",
                stage_id,
                lambda s: StageRepository(s).delete(stage_id),
                initiator=self,
            )
            self.form.edit.forget(stage_id)

    def move_stage(self, delta: int) -> None:
        stage_id = self.current_stage_id()
        if stage_id is not None:
            self.ops.write(lambda s: StageRepository(s).move(stage_id, delta), initiator=self)

    def open_checklist(self) -> ChecklistWindow | None:
        stage_id = self.current_stage_id()
        if stage_id is None:
            return None
        return open_checklist_window(self.ops, stage_id, self)

    def export_ics(self) -> None:
        ask_and_export_ics(self.ops, self, disable=[self.ics_button])

    def write_brief(self) -> None:
        stage_id = self.current_stage_id()
        if stage_id is not None:
            ask_and_write_brief(self.ops, stage_id, self, disable=[self.brief_button])
