"""A company's people: the recruiter and interviewers, with notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.store.repositories.companies import CompanyRepository, PersonRow
from prepdesk.ui.operations import Operations

PERSON_ID = Qt.ItemDataRole.UserRole
ROLES = ("recruiter", "interviewer", "hiring manager", "referrer")


class PeopleTab(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.company_id: int | None = None
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("People")
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Notes"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name")
        self.name.setAccessibleName("Person's name")
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.addItems(list(ROLES))
        self.role.setCurrentText("interviewer")
        self.role.setAccessibleName("Person's role")
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("Notes: background, what they care about")
        self.notes.setAccessibleName("Notes on the person")
        self.add_button = QPushButton("Add person")
        self.add_button.setAccessibleName("Add person")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove person")
        self.remove_button.clicked.connect(self.remove)
        adding = QHBoxLayout()
        adding.addWidget(self.name, 2)
        adding.addWidget(self.role, 1)
        adding.addWidget(self.notes, 3)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)

    def show_people(self, company_id: int, people: tuple[PersonRow, ...]) -> None:
        self.company_id = company_id
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            for column, text in enumerate((person.name, person.role, person.notes)):
                cell = QTableWidgetItem(text)
                cell.setData(PERSON_ID, person.id)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

    def add(self) -> None:
        name = self.name.text().strip()
        company_id = self.company_id
        if not name or company_id is None:
            return
        role, notes = self.role.currentText().strip() or "interviewer", self.notes.text().strip()
        self.ops.write(
            lambda s: CompanyRepository(s).add_person(company_id, name, role, notes), initiator=self
        )
        self.name.clear()
        self.notes.clear()

    def remove(self) -> None:
        cell = self.table.currentItem()
        if cell is None:
            return
        person_id = int(cell.data(PERSON_ID))
        self.ops.delete(
            "person",
            person_id,
            lambda s: CompanyRepository(s).remove_person(person_id),
            initiator=self,
        )
