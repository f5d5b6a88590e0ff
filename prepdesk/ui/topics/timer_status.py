"""The running study timer in the status bar, with a stop button, visible on every page."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from prepdesk.ui.operations import Operations
from prepdesk.ui.topics.session_dialog import SessionDialog, offer_to_log
from prepdesk.ui.topics.study_timer import study_timer_for


class TimerStatus(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.timer = study_timer_for(ops)
        self.log_dialog: SessionDialog | None = None
        self.label = QLabel()
        self.stop_button = QPushButton("Stop")
        self.stop_button.setAccessibleName("Stop the study timer")
        self.stop_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 0)  # apart from its neighbours
        layout.addWidget(self.label)
        layout.addWidget(self.stop_button)
        self.timer.tick.connect(self.refresh)
        self.timer.started.connect(self.refresh)
        self.timer.stopped.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.setVisible(self.timer.running)
        if self.timer.running:
            self.label.setText(f"Studying {self.timer.topic_name}: {self.timer.elapsed_text()}")

    def stop(self) -> None:
        record = self.timer.stop()
        if record is not None:
            self.log_dialog = offer_to_log(self._ops, record, self.window())
