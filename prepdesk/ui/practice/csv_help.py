"""What a problems CSV holds, in the app: the columns a spreadsheet needs and what they mean."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from prepdesk.io.problems_csv import COLUMN_HELP, COLUMNS

INTRO = (
    "One problem per row, optionally with one attempt; rows with the same platform and "
    "title add attempts to one problem. The first row names the columns, in any order "
    "and any case. Only title and difficulty are required. Nothing is imported if any "
    "row is wrong: the message names the row and the column."
)


def columns_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:2px 12px 2px 0'><b>{html.escape(name)}</b></td>"
        f"<td style='padding:2px 0'>{html.escape(meaning)}</td></tr>"
        for name, meaning in COLUMN_HELP
    )
    return f"<p style='margin-bottom:10px'>{html.escape(INTRO)}</p><table>{rows}</table>"


def columns_summary() -> str:
    """One line for a tooltip: the column names."""
    return "CSV columns: " + ", ".join(COLUMNS)


class CsvColumnsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Coding problems as CSV")
        self.text = QLabel(columns_html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
