"""The ML practice page: timed ML system design sessions on a library of prompts, then
self-scoring; technical question drills live on their own tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import suggested_file_name
from prepdesk.io.design_markdown import session_markdown
from prepdesk.io.export_target import write_export
from prepdesk.store.changes import Change
from prepdesk.store.errors import StoreError
from prepdesk.store.models import DesignPhase
from prepdesk.store.repositories.design_practice import DesignPracticeRepository, SessionView
from prepdesk.store.repositories.lookup import require
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.design.prompt_library import PromptLibrary
from prepdesk.ui.design.question_bank import QuestionBank
from prepdesk.ui.design.scoring_view import DesignScoringView
from prepdesk.ui.design.session_view import DesignSessionView
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.pages.page import Page


class DesignPage(Page):
    depends_on = Change.DESIGN | Change.REVIEWS
    can_create = True

    def __init__(self, ops: Operations, clock: Clock = system_clock) -> None:
        super().__init__(ops)
        self._clock = clock
        self.library = PromptLibrary(ops, clock)
        self.session_view = DesignSessionView(ops, clock)
        self.scoring = DesignScoringView(ops, clock)
        self.design_stack = QStackedWidget()
        for widget in (self.library, self.session_view, self.scoring):
            self.design_stack.addWidget(widget)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("ML practice sections")
        self.tabs.addTab(self.design_stack, "System design")
        self.questions = QuestionBank(ops, clock)
        self.tabs.addTab(self.questions, "Questions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.library.start_requested.connect(self.start_session)
        self.library.session_opened.connect(self.open_scoring)
        self.session_view.finished.connect(self.open_scoring)
        self.scoring.closed.connect(self.show_library)
        self.scoring.export_requested.connect(self.export_dialog)

    # the main window's calls ---------------------------------------------------------

    def new_item(self) -> None:
        if self.tabs.currentWidget() is self.questions:
            self.questions.new_question()
            return
        prompt_id = self.ops.write(
            lambda s: DesignPracticeRepository(s).create_prompt("New design prompt"),
            initiator=self,
            what="the new design prompt",
        )
        self.show_library()
        self.library.refresh()
        self.library.select_prompt(prompt_id)
        self.library.title.setFocus()
        self.library.title.selectAll()

    def select_item(self, kind: str, ref: object) -> None:
        if kind == "tech_question" and isinstance(ref, int):
            self.tabs.setCurrentWidget(self.questions)
            self.questions.select_question(ref)
            return
        self.tabs.setCurrentWidget(self.design_stack)
        if kind == "design_prompt" and isinstance(ref, int):
            self.show_library()
            self.library.select_prompt(ref)
        elif kind in ("design_session", "design_phase") and isinstance(ref, int):
            session_id = ref
            if kind == "design_phase":
                session_id = self.ops.read(lambda s: require(s, DesignPhase, ref).session_id)
            self.open_scoring(session_id)

    def refresh(self, event: DataChanged) -> None:
        if self.design_stack.currentWidget() is self.library:
            self.library.refresh()
        self.questions.refresh()

    def is_idle(self) -> bool:
        """True when the answer preview's maths has been drawn (screenshots wait for it)."""
        return self.questions.preview.is_idle()

    # moving between the parts ---------------------------------------------------------

    def show_library(self) -> None:
        self.design_stack.setCurrentWidget(self.library)
        self.library.refresh()

    def start_session(self, prompt_id: int, minutes: int) -> None:
        started = self._clock()

        def create(s: Session) -> tuple[SessionView, str]:
            repo = DesignPracticeRepository(s)
            session_id = repo.start_session(prompt_id, started, minutes)
            return repo.view(session_id), str(repo.prompt_values(prompt_id)["brief"])

        view, brief = self.ops.write(create, initiator=self, what="the new design session")
        self.design_stack.setCurrentWidget(self.session_view)
        self.session_view.start(view, brief)

    def open_scoring(self, session_id: int) -> None:
        view = self.ops.read(lambda s: DesignPracticeRepository(s).view(session_id))
        self.scoring.show_session(view)
        self.design_stack.setCurrentWidget(self.scoring)

    # export ---------------------------------------------------------------------------

    def export_dialog(self, session_id: int) -> None:
        view = self.ops.read(lambda s: DesignPracticeRepository(s).view(session_id))
        name = suggested_file_name(view.prompt_title, view.started_at, extension="md")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export session as Markdown", str(Path.home() / name), "Markdown (*.md)"
        )
        if chosen:
            self.export_to(Path(chosen), session_id)

    def export_to(self, path: Path, session_id: int) -> bool:
        view = self.ops.read(lambda s: DesignPracticeRepository(s).view(session_id))
        try:
            write_export(path, session_markdown(view), self.ops.db.paths)
        except (OSError, StoreError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(self, "Export failed", f"Cannot write {path}: {reason}")
            return False
        return True
