"""Markdown text shown rendered, written in place; an EditForm saves what is typed."""

from __future__ import annotations

import markdown
from markdown.extensions.sane_lists import SaneListExtension
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from prepdesk.ui.theme import muted_html


def render_markdown(text: str) -> str:
    # Escape raw HTML: notes are the user's text, not markup for the app. The extension is
    # given as an object: named, Markdown looks it up among every installed package's entry
    # points (30 ms on the GUI thread at the first note shown).
    return markdown.markdown(text.replace("<", "&lt;"), extensions=[SaneListExtension()])


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
    """A Markdown text an `EditForm` binds: `value()`, `set_value()` and `edited`.

    It reads rendered; Write opens the editor in place, Preview shows the rendering
    again. Nothing here saves: the form saves what is typed, and neither button ever
    drops text.
    """

    edited = Signal()

    def __init__(
        self,
        name: str,
        empty_text: str,
        as_list: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self._as_list = as_list
        self.viewer = QTextBrowser()
        self.viewer.setOpenExternalLinks(True)
        self.viewer.setAccessibleName(name)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(f"Edit {name.lower()}")
        self.editor.setPlaceholderText("Markdown: **bold**, - lists, [links](https://…)")
        self.editor.setTabChangesFocus(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.viewer)
        self.stack.addWidget(self.editor)
        self.edit_button = QPushButton("Write")
        self.edit_button.setAccessibleName(f"Write {name.lower()}")
        self.preview_button = QPushButton("Preview")
        self.preview_button.setAccessibleName(f"Preview {name.lower()}")
        self.edit_button.clicked.connect(self.start_editing)
        self.preview_button.clicked.connect(self.show_rendered)
        self.editor.textChanged.connect(self.edited)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.edit_button, self.preview_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.show_rendered()

    # the EditForm protocol -------------------------------------------------------

    def value(self) -> str:
        return self.editor.toPlainText()

    def set_value(self, text: str | None) -> None:
        text = text or ""
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)
        if not self.is_editing():
            self._render()

    # modes -----------------------------------------------------------------------

    def is_editing(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def start_editing(self) -> None:
        self._set_editing(True)
        self.editor.setFocus()

    def show_rendered(self) -> None:
        self._render()
        self._set_editing(False)

    def _render(self) -> None:
        text = self.editor.toPlainText()
        if not text.strip():
            self.viewer.setHtml(muted_html(self._empty_text))
        else:
            source = linkify_lines(text) if self._as_list else text
            self.viewer.setHtml(render_markdown(source))

    def _set_editing(self, editing: bool) -> None:
        self.stack.setCurrentIndex(1 if editing else 0)
        self.edit_button.setVisible(not editing)
        self.preview_button.setVisible(editing)
