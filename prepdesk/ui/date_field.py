"""A date the person can type (their locale's format or ISO), pick from a calendar, or clear.

`DateField` holds an optional date: `value()` is a `date` or None, `set_value()` shows
one, and `edited` is emitted when the person changes it, so an `EditForm` binds it like
any field. Text it cannot read is shown in an error state with a message saying how to
type a date, and is never passed on: the last readable value stays the field's value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.dates import ISO_FORMAT, example, parse_date
from prepdesk.core.presentation import date_text
from prepdesk.ui.colours import ThemeColours
from prepdesk.ui.theme import follow_theme, show_as_error


def invalid_style(colours: ThemeColours) -> str:
    field = colours.invalid_field
    return (
        f'QLineEdit[invalid="true"] {{ border: 1px solid {field.text}; '
        f"background: {field.background}; color: {colours.palette['Text']}; }}"
    )


def short_format(locale: QLocale | None = None) -> str:
    """The locale's short date pattern; ISO where the locale has none of its own (C)."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return ISO_FORMAT
    return locale.dateFormat(QLocale.FormatType.ShortFormat)


class DateField(QWidget):
    edited = Signal()

    def __init__(
        self,
        accessible_name: str,
        placeholder: str = "",
        *,
        today: Callable[[], date] = date.today,
        latest: Callable[[], date] | None = None,
        clearable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._latest = latest
        self._value: date | None = None
        self._format = short_format()
        self.line = QLineEdit()
        self.line.setAccessibleName(accessible_name)
        self.line.setPlaceholderText(placeholder or example(self._format))
        self.line.setClearButtonEnabled(clearable)
        self.line.setToolTip(
            f"Type a date as {example(self._format)} or as year-month-day (2026-03-14)"
        )
        follow_theme(self.line, lambda colours: self.line.setStyleSheet(invalid_style(colours)))
        widest = self.line.fontMetrics().horizontalAdvance(self._show(date(2026, 12, 28)) + "MM")
        self.line.setMinimumWidth(widest + 40)  # the date, the clear button and the padding
        self.setFocusProxy(self.line)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setAccessibleName(f"Pick {accessible_name.lower()} on a calendar")
        self.calendar_button.setToolTip("Pick a date on a calendar")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.error = QLabel()
        self.error.setAccessibleName(f"{accessible_name}: problem")
        self.error.setWordWrap(True)
        show_as_error(self.error)
        self.error.setVisible(False)
        self.calendar = QCalendarWidget(self)  # a child: the field keeps its edits held
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(f"Calendar for {accessible_name.lower()}")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)

        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._tidy)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)

    # the EditForm protocol -------------------------------------------------------

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        self._value = value
        self._set_text(self._show(value))
        self._set_error("")

    # reading what is typed ----------------------------------------------------------

    def is_valid(self) -> bool:
        return not self.error.text()

    def _typed(self, text: str) -> None:
        try:
            value = parse_date(text, self._format, self._today())
            if value is not None and self._latest is not None and value > self._latest():
                raise ValueError(f"{self._show(value)} is in the future")
        except ValueError as exc:
            self._set_error(f"{exc}. Not saved until it reads as a date.")
            return
        self._set_error("")
        if value != self._value:
            self._value = value
            self.edited.emit()

    def _tidy(self) -> None:
        """Once typing is done, readable text is shown the way the field writes dates."""
        if not self.error.text() and self.line.text() != self._show(self._value):
            self._set_text(self._show(self._value))

    def _set_text(self, text: str) -> None:
        self.line.setText(text)
        self.line.setCursorPosition(0)  # the start of the date in sight, however narrow

    def _set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.line.setProperty("invalid", bool(message))
        self.line.style().unpolish(self.line)
        self.line.style().polish(self.line)

    def _show(self, value: date | None) -> str:
        if value is None:
            return ""
        return date_text(value)  # the one date format on screen; it reads back as typed

    # the calendar ----------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Opens on the field's date, or on today when it has none."""
        shown = self._value or self._today()
        if self._latest is not None:
            self.calendar.setMaximumDate(qdate(self._latest()))
        self.calendar.setSelectedDate(qdate(shown))
        self.calendar.setCurrentPage(shown.year, shown.month)
        below = self.line.mapToGlobal(self.line.rect().bottomLeft())
        self.calendar.move(below)
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, qdate: QDate) -> None:
        self.calendar.hide()
        value: date = qdate.toPython()  # type: ignore[assignment]
        self._set_error("")
        self._set_text(self._show(value))
        self.line.setFocus()
        if value != self._value:
            self._value = value
            self.edited.emit()


def qdate(day: date) -> QDate:
    """A Python date as a QDate (the bindings' stubs know no QDate(date))."""
    return QDate(day.year, day.month, day.day)
