"""Markdown text shown rendered, with an Edit mode; saving hands the text to a callback."""

from __future__ import annotations

from collections.abc import Callable

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


def render_markdown(text: str) -> str:
    # Escape raw HTML: notes are the user's text, not markup for the app.
    return markdown.markdown(text.replace("<", "&lt;"), extensions=["sane_lists"])


def linkify_lines(text: str) -> str:
    """Resources are often bare URLs, one a line: make each a Markdown list item with links."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    items = []
    for line in lines:
        if line.startswith(("http://", "https://")) and " " not in line:
            line = f"[{line}]({line})"
        items.append(line if line.startswith(("- ", "* ")) else f"- {line}")
    return "\n".join(items)


class MarkdownField(QWidget):
    def __init__(
        self,
        name: str,
        empty_text: str,
        on_save: Callable[[str], None],
        as_list: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_save = on_save
        self._empty_text = empty_text
        self._as_list = as_list
        self._text = ""
        self.viewer = QTextBrowser()
        self.viewer.setOpenExternalLinks(True)
        self.viewer.setAccessibleName(name)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(f"Edit {name.lower()}")
        self.editor.setPlaceholderText("Markdown: **bold**, - lists, [links](https://…)")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.viewer)
        self.stack.addWidget(self.editor)
        self.edit_button = QPushButton("Edit")
        self.edit_button.setAccessibleName(f"Edit {name.lower()}")
        self.save_button = QPushButton("Save")
        self.save_button.setAccessibleName(f"Save {name.lower()}")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName(f"Cancel editing {name.lower()}")
        self.edit_button.clicked.connect(self.start_editing)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.edit_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._set_editing(False)

    def set_text(self, text: str) -> None:
        self._text = text
        if not text.strip():
            self.viewer.setHtml(f"<p style='color: gray'>{self._empty_text}</p>")
        else:
            source = linkify_lines(text) if self._as_list else text
            self.viewer.setHtml(render_markdown(source))
        self._set_editing(False)

    def start_editing(self) -> None:
        self.editor.setPlainText(self._text)
        self._set_editing(True)
        self.editor.setFocus()

    def save(self) -> None:
        self._on_save(self.editor.toPlainText())

    def cancel(self) -> None:
        self._set_editing(False)

    def _set_editing(self, editing: bool) -> None:
        self.stack.setCurrentIndex(1 if editing else 0)
        self.edit_button.setVisible(not editing)
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
