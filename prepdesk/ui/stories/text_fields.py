"""Writing fields that grow with their text, for a page that reads like a document."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from prepdesk.ui.colours import ThemeColours
from prepdesk.ui.theme import follow_theme

# Soft borders that show only where the user can type; the page stays calm.
FIELD_STYLE = """
QPlainTextEdit, QLineEdit {
    border: 1px solid palette(midlight);
    border-radius: 6px;
    padding: 6px 8px;
    background: palette(base);
}
QPlainTextEdit:focus, QLineEdit:focus { border: 1px solid palette(highlight); }
QLineEdit#titleField { border: 1px solid transparent; padding: 4px 2px; background: transparent; }
QLineEdit#titleField:hover { border: 1px solid palette(midlight); }
QLineEdit#titleField:focus { border: 1px solid palette(highlight); background: palette(base); }
QLabel[role="partLabel"] { font-weight: 600; }
QLabel[role="hint"] { color: palette(placeholder-text); }
"""


class GrowingTextEdit(QPlainTextEdit):
    """Plain text that grows to fit what is written (from `min_lines`), never scrolls inside.

    Each field keeps its own undo stack: the editor never replaces its text while it is
    being edited, so Ctrl+Z undoes this field's typing only.
    """

    focus_lost = Signal()

    def __init__(self, accessible_name: str, placeholder: str, min_lines: int = 3) -> None:
        super().__init__()
        self._min_lines = min_lines
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def set_text_quietly(self, text: str) -> None:
        """Loads text as the field's starting point: no undo history, no change signal."""
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self.document().clearUndoRedoStacks()
        self._fit()

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(self._min_lines, int(self.document().size().height()) + 1)
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        self.setFixedHeight(lines * line + frame + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class LineField(QLineEdit):
    """A one-line field that says when it loses focus (the editor saves then)."""

    focus_lost = Signal()

    def __init__(self, accessible_name: str, placeholder: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(placeholder)

    def set_text_quietly(self, text: str) -> None:
        self.blockSignals(True)
        self.setText(text)
        self.blockSignals(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


def heading_font(base: QFont, scale: float, bold: bool = True) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(bold)
    return font


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def section_label(text: str, parent: QObject | None = None) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "partLabel")
    if isinstance(parent, QWidget):
        label.setParent(parent)
    return label


def show_as_warning(label: QLabel) -> None:
    """A gentle warning box in the theme's warning colours."""

    def apply(colours: ThemeColours) -> None:
        warning = colours.warning
        label.setStyleSheet(
            f"QLabel {{ background: {warning.background}; color: {warning.text}; "
            "border-radius: 6px; padding: 6px 10px; }"
        )

    follow_theme(label, apply)
