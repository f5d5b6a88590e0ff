"""Today on the dashboard: the Topics page's TodayPanel plus the due story rehearsals.

The TodayPanel (today's planned topics with Start buttons, due reviews, on-track sentence)
refreshes itself; the rehearsal count arrives with the dashboard's other numbers. The
start-up shell shows the same card around a bare TodayView.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from prepdesk.core.presentation import count_noun
from prepdesk.store.changes import Change
from prepdesk.ui.today_view import TodayView

REHEARSALS_DEPEND_ON = Change.STORIES | Change.PRACTICE | Change.REVIEWS | Change.SETTINGS


class TodayCard(QFrame):
    rehearsals_requested = Signal()  # open the Stories page's Practice tab

    def __init__(self, panel: TodayView, parent: QWidget | None = None) -> None:
        """`panel` is the dashboard's TodayPanel, or the start-up shell's bare view."""
        super().__init__(parent)
        self.setObjectName("today")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.rehearsal_count: int | None = None  # None until the numbers have loaded
        caption = QLabel("Today")
        caption.setObjectName("cardCaption")
        self.panel = panel
        self.panel.setTitle("")  # the card's caption says "Today"
        self.rehearsals = QLabel("…")
        self.rehearsals.setObjectName("todayRehearsals")
        self.rehearsals.setWordWrap(True)
        self.rehearse_button = QPushButton("Rehearse")
        self.rehearse_button.setAccessibleName("Rehearse due stories on the Stories page")
        self.rehearse_button.clicked.connect(self.rehearsals_requested)
        self.rehearse_button.setEnabled(panel.interactive)
        rehearsals_row = QHBoxLayout()
        rehearsals_row.addWidget(self.rehearsals, 1)
        rehearsals_row.addWidget(self.rehearse_button)
        # Inside the panel's box, under its reviews row: all of today's work in one place.
        panel_layout = self.panel.layout()
        assert isinstance(panel_layout, QVBoxLayout)
        panel_layout.addLayout(rehearsals_row)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        self.setTabOrder(self.panel, self.rehearse_button)

    def show_rehearsals(self, count: int) -> None:
        self.rehearsal_count = count
        if count:
            self.rehearsals.setText(f"{count_noun(count, 'story rehearsal')} due today")
        else:
            self.rehearsals.setText("No story rehearsals due.")
        self.rehearse_button.setEnabled(self.panel.interactive and count > 0)
