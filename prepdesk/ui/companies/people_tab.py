"""A company's people: the recruiter and interviewers, with notes, edited in place."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import label_or_text
from prepdesk.store.repositories.companies import CompanyRepository, PersonRow
from prepdesk.ui.companies.fields import TextCombo
from prepdesk.ui.companies.overview_tab import text_box
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations

PERSON_ID = Qt.ItemDataRole.UserRole
# Suggestions for a free-text field: what is chosen or typed is stored as it reads.
ROLES = ("Recruiter", "Interviewer", "Hiring manager", "Referrer")


def save_person(session: Session, key: Hashable, values: dict[str, Any]) -> None:
    assert isinstance(key, int)
    CompanyRepository(session).update_person(key, **values)


class PeopleTab(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.company_id: int | None = None
        self.people: tuple[PersonRow, ...] = ()
        self.table = QTableWidget(0, 3)
        show_full_text_on_hover(self.table)
        self.table.setAccessibleName("People")
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Notes"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_: self._show_current())

        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText("Name of someone to add…")
        self.new_name.setAccessibleName("New person's name")
        self.new_name.returnPressed.connect(self.add)
        self.add_button = QPushButton("Add person")
        self.add_button.setAccessibleName("Add person")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove person")
        self.remove_button.clicked.connect(self.remove)

        self.name = QLineEdit()
        self.name.setAccessibleName("Person's name")
        self.role = TextCombo("Person's role", ROLES)
        self.notes = text_box("Notes on the person", 3)
        self.notes.setPlaceholderText("Background, what they care about")
        self.form = EditForm(ops, save_person, self, what=lambda _key: "the person's details")
        self.form.bind("name", self.name)
        self.form.bind("role", self.role)
        self.form.bind("notes", self.notes)
        self.save_status = SaveStatus(self.form)
        self.details = QGroupBox("Selected person")
        details = QFormLayout(self.details)
        details.addRow("Name", self.name)
        details.addRow("Role", self.role)
        details.addRow("Notes", self.notes)

        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        layout.addWidget(self.details)
        layout.addWidget(self.save_status)
        self._show_current()

    def show_people(self, company_id: int, people: tuple[PersonRow, ...]) -> None:
        keep = self.current_person_id() if company_id == self.company_id else None
        self.company_id, self.people = company_id, people
        ids = [self._row_id(row) for row in range(self.table.rowCount())]
        same = ids == [person.id for person in people]
        self.table.blockSignals(True)
        if not same:
            self.table.setRowCount(0)
            self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            role = label_or_text("person_role", person.role)
            for column, text in enumerate((person.name, role, person.notes)):
                cell = self.table.item(row, column)
                if cell is None:
                    cell = QTableWidgetItem()
                    cell.setData(PERSON_ID, person.id)
                    self.table.setItem(row, column, cell)
                cell.setText(text)
        if not same:
            rows = [p.id for p in people]
            self.table.setCurrentCell(rows.index(keep) if keep in rows else -1, 0)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self._show_current()

    def _row_id(self, row: int) -> int | None:
        cell = self.table.item(row, 0)
        return int(cell.data(PERSON_ID)) if cell is not None else None

    def current_person_id(self) -> int | None:
        row = self.table.currentRow()
        return self._row_id(row) if row >= 0 else None

    def select_person(self, person_id: int) -> None:
        ids = [p.id for p in self.people]
        self.table.setCurrentCell(ids.index(person_id), 0)

    def _show_current(self) -> None:
        person_id = self.current_person_id()
        person = next((p for p in self.people if p.id == person_id), None)
        self.remove_button.setEnabled(person is not None)
        self.details.setEnabled(person is not None)
        if person is None:
            self.form.load(None, {"name": "", "role": "", "notes": ""})
            return
        self.form.load(person.id, {"name": person.name, "role": person.role, "notes": person.notes})

    def add(self) -> None:
        name, company_id = self.new_name.text().strip(), self.company_id
        if not name or company_id is None:
            return
        person_id = self.ops.write(
            lambda s: CompanyRepository(s).add_person(company_id, name, "interviewer"),
            initiator=self,
            what=f"the person '{name}'",
        )
        self.new_name.clear()
        if person_id in [p.id for p in self.people]:
            self.select_person(person_id)
            self.name.setFocus()

    def remove(self) -> None:
        person_id = self.current_person_id()
        if person_id is None:
            return
        self.form.flush()  # what was typed about them comes back with an undo
        self.ops.delete(
            "person",
            person_id,
            lambda s: CompanyRepository(s).remove_person(person_id),
            initiator=self,
        )
        self.form.forget(person_id)
