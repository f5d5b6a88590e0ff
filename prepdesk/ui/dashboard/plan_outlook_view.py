"""Under the readiness score: what the plan means for interview day, and what is dropped."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from prepdesk.core.plan_outlook import PlanOutlook


class PlanOutlookView(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planOutlook")
        self.setAccessibleName("What the plan means for interview day")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outlook: PlanOutlook | None = None
        self.hide()

    def show_outlook(self, outlook: PlanOutlook | None) -> None:
        self.outlook = outlook
        if outlook is None:
            self.clear()
            self.hide()
            return
        text = html.escape(outlook.sentence())
        lines = outlook.dropped_lines()
        if lines:
            items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            text += f"<br>Dropped or cut short, costliest first:<ul style='margin:0'>{items}</ul>"
        self.setText(text)
        self.show()
