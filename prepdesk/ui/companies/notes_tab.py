"""Research notes in Markdown: read rendered, edit as text."""

from __future__ import annotations

import markdown
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from prepdesk.store.repositories.companies import CompanyRepository
from prepdesk.ui.operations import Operations

EMPTY_NOTES = (
    "<p><i>No research notes yet. Press <b>Edit</b> and write what you learn about the "
    "company in Markdown: why them, what to mention, what to ask.</i></p>"
)


class NotesTab(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.company_id: int | None = None
        self._text = ""
        self.view = QTextBrowser()
        self.view.setAccessibleName("Research notes")
        self.view.setOpenExternalLinks(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Research notes (Markdown)")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.editor)
        self.edit_button = QPushButton("Edit")
        self.edit_button.setAccessibleName("Edit research notes")
        self.edit_button.clicked.connect(self.toggle_edit)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel editing")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def editing(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def show_notes(self, company_id: int, text: str) -> None:
        if self.editing() and company_id == self.company_id:
            return  # keep what the user is typing
        self.company_id, self._text = company_id, text
        self.view.setHtml(
            markdown.markdown(text, extensions=["sane_lists"]) if text else EMPTY_NOTES
        )
        self._set_editing(False)

    def toggle_edit(self) -> None:
        if not self.editing():
            self.editor.setPlainText(self._text)
            self._set_editing(True)
            self.editor.setFocus()
            return
        company_id, text = self.company_id, self.editor.toPlainText()
        if company_id is None:
            return
        self._set_editing(False)
        self.ops.write(
            lambda s: CompanyRepository(s).update(company_id, notes=text), initiator=self
        )

    def cancel(self) -> None:
        self._set_editing(False)

    def _set_editing(self, editing: bool) -> None:
        self.stack.setCurrentWidget(self.editor if editing else self.view)
        self.edit_button.setText("Save" if editing else "Edit")
        self.cancel_button.setVisible(editing)
