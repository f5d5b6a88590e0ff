"""Research notes in Markdown: typed on the left, shown rendered on the right, saved as typed."""

from __future__ import annotations

import markdown
from markdown.extensions.sane_lists import SaneListExtension
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from prepdesk.ui.companies.overview_tab import save_company
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.operations import Operations

EMPTY_NOTES = (
    "<p><i>No research notes yet. Write what you learn about the company on the left, in "
    "Markdown: why them, what to mention, what to ask. It shows here as you type.</i></p>"
)
PREVIEW_DELAY_MS = 250


class NotesTab(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Research notes (Markdown)")
        self.editor.setPlaceholderText("# Why them\n\n- …")
        self.view = QTextBrowser()
        self.view.setAccessibleName("Research notes")
        self.view.setOpenExternalLinks(True)
        self.form = EditForm(ops, save_company, self, what=lambda _key: "the research notes")
        self.form.bind("notes", self.editor)
        self.save_status = SaveStatus(self.form)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_preview)
        self.editor.textChanged.connect(self._preview_timer.start)

        splitter = QSplitter()
        splitter.addWidget(self.editor)
        splitter.addWidget(self.view)
        splitter.setSizes([500, 500])
        hint = QLabel("Markdown on the left; how it reads on the right.")
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.save_status)

    @property
    def company_id(self) -> int | None:
        key = self.form.key
        return key if isinstance(key, int) else None

    def show_notes(self, company_id: int, text: str) -> None:
        self.form.load(company_id, {"notes": text})
        self.render_preview()

    def render_preview(self) -> None:
        self._preview_timer.stop()
        text = self.editor.toPlainText()
        html = (
            markdown.markdown(text, extensions=[SaneListExtension()])
            if text.strip()
            else EMPTY_NOTES
        )
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.view.setHtml(html)
        bar.setValue(position)
