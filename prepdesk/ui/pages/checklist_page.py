"""The Checklist page: upcoming interview stages, each opening its checklist window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import weekday_datetime_text
from prepdesk.store.repositories.checklist import ChecklistRepository
from prepdesk.store.repositories.stages import StageRepository, StageRow
from prepdesk.ui.brief_export import ask_and_export_ics, ask_and_write_brief
from prepdesk.ui.checklist_window import RELEVANT, ChecklistWindow, open_checklist_window
from prepdesk.ui.clock import Clock, countdown_text, system_clock
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.icons import icon
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.pages.empty_state import EmptyState
from prepdesk.ui.pages.page import Page

STAGE_ID = Qt.ItemDataRole.UserRole


class ChecklistPage(Page):
    depends_on = RELEVANT

    def __init__(self, ops: Operations, clock: Clock = system_clock) -> None:
        super().__init__(ops)
        self.ops = ops
        self._clock = clock

        heading = QLabel("Upcoming interviews")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel("Open a stage's checklist to see what is done and what is left before it.")
        hint.setWordWrap(True)

        self.tree = QTreeWidget()
        show_full_text_on_hover(self.tree)
        self.tree.setAccessibleName("Upcoming stages")
        self.tree.setHeaderLabels(["When", "Company", "Stage", "Checklist", "Countdown"])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemActivated.connect(lambda *_: self.open_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.open_button = QPushButton("Open checklist")
        self.open_button.setAccessibleName("Open checklist")
        self.open_button.clicked.connect(self.open_current)
        self.brief_button = QPushButton("Write brief…")
        self.brief_button.setAccessibleName("Write the interview-day brief")
        self.brief_button.clicked.connect(self.write_brief)
        self.ics_button = QPushButton("Export calendar (.ics)…")
        self.ics_button.setAccessibleName("Export upcoming stages as iCalendar")
        self.ics_button.clicked.connect(
            lambda: ask_and_export_ics(self.ops, self, disable=[self.ics_button])
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.brief_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ics_button)

        listing = QWidget()
        inner = QVBoxLayout(listing)
        inner.addWidget(heading)
        inner.addWidget(hint)
        inner.addWidget(self.tree, 1)
        inner.addLayout(buttons)
        self.empty = EmptyState(
            "No upcoming interviews",
            "Each scheduled interview stage gets a pre-interview checklist here: research, "
            "stories, weak topics, logistics and rest. Add a company and a stage with a date "
            "on the Companies page.",
            icon("checklist"),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(listing)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.reload()

    def reload(self) -> None:
        now = self._clock()

        def load(session: Session) -> list[tuple[StageRow, tuple[int, int]]]:
            stages = StageRepository(session).upcoming(now)
            checklist = ChecklistRepository(session)
            return [(stage, checklist.progress(stage.id, now)) for stage in stages]

        rows = self.ops.read(load)
        current = self.current_stage_id()
        self.tree.clear()
        for stage, (done, total) in rows:
            start = stage.local_start()
            item = QTreeWidgetItem(
                [
                    f"{weekday_datetime_text(start, in_zone=True)} {stage.timezone}"
                    if start
                    else "",
                    stage.company,
                    stage.type_name,
                    f"{done} of {total} done" if total else "no items",
                    countdown_text(stage.scheduled_at, now),
                ]
            )
            item.setData(0, STAGE_ID, stage.id)
            self.tree.addTopLevelItem(item)
            if stage.id == current:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self.stack.setCurrentIndex(self.stack.indexOf(self.empty) if not rows else 0)
        self._update_buttons()

    def current_stage_id(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, STAGE_ID)) if item is not None else None

    def _update_buttons(self) -> None:
        has = self.current_stage_id() is not None
        self.open_button.setEnabled(has)
        self.brief_button.setEnabled(has)

    def open_current(self) -> ChecklistWindow | None:
        stage_id = self.current_stage_id()
        if stage_id is None:
            return None
        return open_checklist_window(self.ops, stage_id, self)

    def write_brief(self) -> None:
        stage_id = self.current_stage_id()
        if stage_id is not None:
            ask_and_write_brief(self.ops, stage_id, self, disable=[self.brief_button])

    def refresh(self, event: DataChanged) -> None:
        self.reload()
