"""The Companies page: the list of companies, and one company's research and pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import label
from prepdesk.store.changes import Change
from prepdesk.store.repositories.companies import CompanyRepository, CompanySummary
from prepdesk.store.repositories.stages import StageRepository
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.companies.fields import ROW_ID, sync_list
from prepdesk.ui.companies.notes_tab import NotesTab
from prepdesk.ui.companies.overview_tab import OverviewTab
from prepdesk.ui.companies.people_tab import PeopleTab
from prepdesk.ui.companies.pipeline_tab import PipelineTab
from prepdesk.ui.companies.questions_tab import QuestionsTab
from prepdesk.ui.edit_form import EditForm
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.icons import icon
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.pages.empty_state import EmptyState
from prepdesk.ui.pages.page import Page
from prepdesk.ui.primary_names import mark_primary

RELEVANT = Change.COMPANIES | Change.STAGES | Change.CHECKLIST | Change.STORIES


class CompaniesPage(Page):
    depends_on = RELEVANT
    can_create = True

    def __init__(self, ops: Operations, clock: Clock = system_clock) -> None:
        super().__init__(ops)
        self.ops = ops
        self._clock = clock
        self.companies: list[CompanySummary] = []

        self.list = QListWidget()
        show_full_text_on_hover(self.list)
        mark_primary(self.list, (0,))
        self.list.setAccessibleName("Companies")
        self.list.currentRowChanged.connect(lambda _row: self._save_then(self.show_current))
        self.add_button = QPushButton("Add company…")
        self.add_button.setAccessibleName("Add company")
        self.add_button.setToolTip("Add a company (Ctrl+N)")
        self.add_button.clicked.connect(self.ask_new_company)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete company")
        self.delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)

        self.overview = OverviewTab(ops)
        self.notes = NotesTab(ops)
        self.people = PeopleTab(ops)
        self.questions = QuestionsTab(ops)
        self.pipeline = PipelineTab(ops, clock)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Company details")
        self.tabs.addTab(self.overview, "Overview")
        self.tabs.addTab(self.notes, "Research notes")
        self.tabs.addTab(self.people, "People")
        self.tabs.addTab(self.questions, "Questions to ask")
        self.tabs.addTab(self.pipeline, "Pipeline")
        self.tabs.currentChanged.connect(lambda _index: self._save_then(lambda: None))
        self._saving = False  # while edits are saved before a switch
        self._stale = False  # a write arrived meanwhile: reload once the switch is done

        self.empty = EmptyState(
            "No companies yet",
            "Add the companies you are talking to: the role, their products and how they use "
            "ML, research notes, people, questions to ask, and the interview stages with "
            "dates. Each stage gets a checklist and an interview-day brief.",
            icon("companies"),
        )
        self.right = QStackedWidget()
        self.right.addWidget(self.tabs)
        self.right.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        chars = self.fontMetrics().averageCharWidth()
        splitter.setSizes([chars * 30, chars * 150])  # names are short; the tabs get the room
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reload()

    def reload(self) -> None:
        keep = self.current_company_id()
        self.companies = self.ops.read(lambda s: CompanyRepository(s).list(self._clock()))
        sync_list(
            self.list,
            [
                (c.id, f"{c.name}\n    {label('company_status', c.status)}", c.role)
                for c in self.companies
            ],
        )
        ids = [c.id for c in self.companies]
        self.list.blockSignals(True)
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self.list.blockSignals(False)
        self.show_current()

    def _save_then(self, show: Callable[[], None]) -> None:
        """Switching company or tab: what was typed is saved first, then `show` runs.

        The writes of that saving reload the page once, after the switch, rather than
        in the middle of it.
        """
        self._saving = True
        try:
            self.flush_edits()
        finally:
            self._saving = False
        show()
        if self._stale:
            self._stale = False
            QTimer.singleShot(0, self, self.reload)

    def current_company_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ROW_ID)) if item is not None else None

    def select_company(self, company_id: int) -> None:
        ids = [c.id for c in self.companies]
        self.list.setCurrentRow(ids.index(company_id))

    def select_item(self, kind: str, ref: object) -> None:
        """Search opens a company, or the company a question to ask belongs to."""
        if not isinstance(ref, int):
            return
        ref_id = ref
        company_id: int | None = ref_id if kind == "company" else None
        if kind == "company_question":
            company_id = self.ops.read(lambda s: CompanyRepository(s).company_of_question(ref_id))
        if company_id is not None and company_id in [c.id for c in self.companies]:
            self.select_company(company_id)
            if kind == "company_question":
                self.tabs.setCurrentWidget(self.questions)

    def show_current(self) -> None:
        company_id = self.current_company_id()
        self.delete_button.setEnabled(company_id is not None)
        if company_id is None:
            self.right.setCurrentWidget(self.empty)
            return

        def load(session: Session) -> tuple[Any, ...]:
            companies = CompanyRepository(session)
            stages = StageRepository(session)
            return (
                companies.detail(company_id),
                companies.competencies(),
                companies.bank(),
                stages.for_company(company_id),
                stages.types(),
            )

        detail, competencies, bank, stages, types = self.ops.read(load)
        self.overview.show_company(detail, competencies)
        self.notes.show_notes(detail.id, detail.notes)
        self.people.show_people(detail.id, detail.people)
        self.questions.show_questions(detail.id, detail.questions, bank)
        self.pipeline.show_pipeline(detail.id, stages, types, detail.people)
        self.right.setCurrentWidget(self.tabs)

    def new_item(self) -> None:
        """Ctrl+N (the main window's Edit > New) on this page."""
        self.ask_new_company()

    def ask_new_company(self) -> None:
        name, ok = QInputDialog.getText(self, "Add company", "Company name:")
        if ok and name.strip():
            self.add_company(name.strip())

    def add_company(self, name: str, role: str = "") -> int:
        company_id = self.ops.write(
            lambda s: CompanyRepository(s).create(name, role), initiator=self
        )
        self.select_company(company_id)
        return company_id

    def delete_current(self) -> None:
        company_id = self.current_company_id()
        if company_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete company",
            "Delete this company with its people, questions, stages and checklists?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            forms = self.findChildren(EditForm)
            for form in forms:
                form.flush()  # what was typed comes back with an undo
            self.ops.delete(
                "company",
                company_id,
                lambda s: CompanyRepository(s).delete(company_id),
                initiator=self,
            )
            for form in forms:
                form.forget(company_id)

    def refresh(self, event: DataChanged) -> None:
        if self._saving:
            self._stale = True
            return
        self.reload()
