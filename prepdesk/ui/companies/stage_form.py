"""The fields of one interview stage, each saved as it is edited: type, time and zone,
format, place, people, notes, outcome and debrief."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.interview_pipeline import STAGE_FORMATS
from prepdesk.store.repositories.companies import PersonRow
from prepdesk.store.repositories.stages import (
    StageRepository,
    StageRow,
    StageTypeRow,
    known_zones,
)
from prepdesk.ui.choice_combo import add_choices
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.companies.fields import ChoiceList, StageTimeField, TextCombo, fill_combo
from prepdesk.ui.companies.overview_tab import text_box
from prepdesk.ui.edit_form import EditForm
from prepdesk.ui.operations import Operations

# Suggestions for a free-text field: what is chosen or typed is stored as it reads.
OUTCOMES = ("", "Pending", "Passed", "Rejected", "Withdrew", "Offer")


def _combo(name: str, items: tuple[str, ...], contents: int, vocabulary: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    if vocabulary:
        add_choices(combo, vocabulary, items)
    else:
        combo.addItems(list(items))
    combo.setMinimumContentsLength(contents)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class StageForm(QWidget):
    def __init__(self, ops: Operations, clock: Clock = system_clock) -> None:
        super().__init__()
        self._clock = clock
        self.stage_type = _combo("Stage type", (), 8)
        self.when = StageTimeField()
        self.zone = _combo("Time zone", known_zones(), 8)
        self.zone.setToolTip("The time zone the interview happens in: type to find one")
        self.duration = QSpinBox()
        self.duration.setAccessibleName("Duration in minutes")
        self.duration.setRange(5, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        self.format = _combo("Format", STAGE_FORMATS, 8, "stage_format")
        self.location = QLineEdit()
        self.location.setAccessibleName("Link or place")
        self.location.setPlaceholderText("Video link, phone number or address")
        self.interviewers = ChoiceList("Interviewers")
        self.prep_notes = text_box("Prep notes")
        self.outcome = TextCombo("Outcome", OUTCOMES)
        self.debrief = text_box("Debrief")
        self.debrief.setPlaceholderText("How it went, what to do differently")
        self.edit = EditForm(ops, self._save, self, what=lambda _key: "the interview stage")
        for name, widget in (
            ("stage_type_id", self.stage_type),
            ("when", self.when),
            ("timezone", self.zone),
            ("duration_minutes", self.duration),
            ("format", self.format),
            ("location", self.location),
            ("interviewer_ids", self.interviewers),
            ("prep_notes", self.prep_notes),
            ("outcome", self.outcome),
            ("debrief", self.debrief),
        ):
            self.edit.bind(name, widget)

        form = QFormLayout(self)
        form.addRow("Type", self.stage_type)
        form.addRow("When", self.when)
        form.addRow("Time zone", self.zone)
        form.addRow("Duration", self.duration)
        form.addRow("Format", self.format)
        form.addRow("Link or place", self.location)
        form.addRow("Interviewers", self.interviewers)
        form.addRow("Prep notes", self.prep_notes)
        form.addRow("Outcome", self.outcome)
        form.addRow("Debrief", self.debrief)

    def _save(self, session: Session, key: Hashable, values: dict[str, Any]) -> None:
        assert isinstance(key, int)
        when = values.get("when")
        if isinstance(when, str):
            raise ValueError(f"'{when}' is not a date and time: type it as 2027-02-16 14:30")
        StageRepository(session).update_fields(key, values, self._clock())

    @property
    def stage_id(self) -> int | None:
        key = self.edit.key
        return key if isinstance(key, int) else None

    def show_stage(
        self, stage: StageRow, types: list[StageTypeRow], people: tuple[PersonRow, ...]
    ) -> None:
        if stage.id != self.edit.key:
            self.edit.flush()  # before the choices change under the old stage's edits
        fill_combo(self.stage_type, [(row.id, row.name) for row in types])
        self.interviewers.set_choices([(person.id, person.name) for person in people])
        start = stage.local_start()
        self.edit.load(
            stage.id,
            {
                "stage_type_id": stage.type_id,
                "when": start.replace(tzinfo=None) if start is not None else None,
                "timezone": stage.timezone,
                "duration_minutes": stage.duration_minutes,
                "format": stage.format,
                "location": stage.location,
                "interviewer_ids": list(stage.interviewer_ids),
                "prep_notes": stage.prep_notes,
                "outcome": stage.outcome,
                "debrief": stage.debrief,
            },
        )
