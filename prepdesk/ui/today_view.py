"""What the Today panel looks like, filled from TodayNumbers: no data access of its own.

The Topics page and the dashboard use TodayPanel (today_panel.py), which reads the data
and drives the study timer; the start-up shell shows this view alone, from the numbers
kept from the last run, with its buttons disabled until the window arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from prepdesk.core.today_numbers import TodayNumbers


class TodayView(QGroupBox):
    start_requested = Signal(int, str)  # a topic id and its name: start the study timer

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        super().__init__("Today", parent)
        self.interactive = interactive  # False in the start-up shell: no data to act on yet
        self.due_count: int | None = None  # cards due for review today, once read
        self.start_buttons: dict[int, QPushButton] = {}

        self.progress = QLabel()
        self.progress.setObjectName("todayProgress")
        self.progress.setWordWrap(True)
        self.progress.setAccessibleName("Done today against planned")
        self.on_track = QLabel()
        self.on_track.setWordWrap(True)
        self.on_track.setObjectName("todayOnTrack")
        self.on_track.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.topics_grid = QGridLayout()
        self.topics_grid.setColumnStretch(0, 1)
        self.reviews_label = QLabel()
        self.reviews_label.setWordWrap(True)  # beside its button on a narrow dashboard
        self.review_button = QPushButton("Review now")
        self.review_button.setAccessibleName("Review due cards now")
        self.review_button.setEnabled(interactive)
        reviews_row = QHBoxLayout()
        reviews_row.addWidget(self.reviews_label, 1)
        reviews_row.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.on_track)
        layout.addWidget(self.progress)
        layout.addLayout(self.topics_grid)
        layout.addLayout(reviews_row)
        self.design_label = QLabel()  # ML design prompts due for re-practice
        self.design_label.setWordWrap(True)
        self.design_label.setAccessibleName("ML design prompts due")
        layout.addWidget(self.design_label)

    def show_today(self, numbers: TodayNumbers) -> None:
        self.due_count = numbers.due_count
        self.on_track.setText(numbers.on_track)
        self._fill_topics(numbers)
        self.progress.setText(numbers.progress)
        self.reviews_label.setText(numbers.reviews)
        self.review_button.setEnabled(self.interactive and numbers.due_count > 0)
        self.design_label.setVisible(numbers.design_count > 0)
        self.design_label.setText(numbers.design_text())

    def _fill_topics(self, numbers: TodayNumbers) -> None:
        while self.topics_grid.count():
            item = self.topics_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.start_buttons = {}
        if not numbers.blocks:
            self.topics_grid.addWidget(QLabel(numbers.nothing_planned), 0, 0)
            return
        for row, block in enumerate(numbers.blocks):
            name = QLabel(block.name)
            name.setWordWrap(True)  # a long topic name wraps; the Start buttons stay in view
            minutes = QLabel(f"{block.minutes} min")
            start = QPushButton("Start")
            start.setAccessibleName(f"Start the timer on {block.name}")
            start.setEnabled(self.interactive)
            start.clicked.connect(
                lambda _=False, b=block: self.start_requested.emit(b.topic_id, b.name)
            )
            self.topics_grid.addWidget(name, row, 0)
            self.topics_grid.addWidget(minutes, row, 1)
            self.topics_grid.addWidget(start, row, 2)
            self.start_buttons[block.topic_id] = start
