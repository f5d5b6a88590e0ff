"""Field widgets of the Companies page an EditForm can bind (value, set_value, edited),
and list helpers that refresh what is shown without disturbing what is selected."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from prepdesk.core.dates import parse_date_time
from prepdesk.core.presentation import datetime_text
from prepdesk.ui.date_field import qdate, short_format

ROW_ID = Qt.ItemDataRole.UserRole
DEFAULT_START = time(10, 0)  # what a newly scheduled stage starts at


class ChoiceList(QListWidget):
    """Ticked choices out of a list (company values, a stage's interviewers): ids."""

    edited = Signal()

    def __init__(self, name: str, lines: int = 2) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 16)
        self.itemChanged.connect(lambda _item: self.edited.emit())

    def set_choices(self, choices: Sequence[tuple[int, str]]) -> None:
        """The choices offered; ticks of choices still offered stay."""
        ticked = set(self.value())
        self.blockSignals(True)
        self.clear()
        for choice_id, name in choices:
            item = QListWidgetItem(name)
            item.setData(ROW_ID, choice_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if choice_id in ticked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.addItem(item)
        self.blockSignals(False)

    def value(self) -> list[int]:
        return [
            int(self.item(i).data(ROW_ID))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, ids: Sequence[int] | None) -> None:
        chosen = set(ids or ())
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            ticked = int(item.data(ROW_ID)) in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def item_named(self, name: str) -> QListWidgetItem:
        found = self.findItems(name, Qt.MatchFlag.MatchExactly)
        if not found:
            raise LookupError(name)
        return found[0]


class TextCombo(QComboBox):
    """An editable combo box: suggestions, or whatever the person types."""

    edited = Signal()

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        super().__init__()
        self.setEditable(True)
        self.setAccessibleName(name)
        self.addItems(list(suggestions))
        self.setMinimumContentsLength(10)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.editTextChanged.connect(lambda _text: self.edited.emit())

    def value(self) -> str:
        return self.currentText().strip()

    def set_value(self, text: str | None) -> None:
        if self.currentText() != (text or ""):
            self.setCurrentText(text or "")


class StageTimeField(QWidget):
    """When a stage starts, as the wall time of its time zone, typed or picked; empty: not
    scheduled. Typed as ISO (2027-02-16 14:30) or in the locale's short format; what cannot
    be read is kept as text, so saving says what is wrong instead of dropping it."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.text = QLineEdit()
        self.text.setAccessibleName("Date and time (in the stage's time zone)")
        self.text.setPlaceholderText("Not scheduled: type e.g. 2027-02-16 14:30")
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Pick the date")
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        menu.aboutToShow.connect(self._open_calendar)
        self.pick_button = QToolButton()
        self.pick_button.setArrowType(Qt.ArrowType.DownArrow)
        self.pick_button.setAccessibleName("Open the calendar")
        self.pick_button.setToolTip("Pick the date on a calendar")
        self.pick_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick_button.setMenu(menu)
        self.weekday = QLabel()
        self.weekday.setMinimumWidth(self.fontMetrics().horizontalAdvance("Wed") + 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.weekday)
        layout.addWidget(self.pick_button)
        self.setFocusProxy(self.text)
        self.text.textEdited.connect(self._on_edited)

    def value(self) -> datetime | str | None:
        """The wall time; None when empty; the text itself when it is not a date and time."""
        text = self.text.text().strip()
        if not text:
            return None
        moment = parse_wall_time(text)
        return moment if moment is not None else text

    def set_value(self, moment: datetime | str | None) -> None:
        shown = datetime_text(moment) if isinstance(moment, datetime) else moment or ""
        if self.text.text() != shown:
            self.text.setText(shown)
        self._show_weekday()

    def _on_edited(self) -> None:
        self._show_weekday()
        self.edited.emit()

    def _open_calendar(self) -> None:
        moment = self.value()
        day = qdate(moment.date()) if isinstance(moment, datetime) else QDate.currentDate()
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())

    def _picked(self, day: QDate) -> None:
        moment = self.value()
        start = moment.time() if isinstance(moment, datetime) else DEFAULT_START
        picked: date = day.toPython()  # type: ignore[assignment]
        self.text.setText(datetime_text(datetime.combine(picked, start)))
        self.pick_button.menu().close()
        self._on_edited()

    def _show_weekday(self) -> None:
        moment = self.value()
        self.weekday.setText(f"{moment:%a}" if isinstance(moment, datetime) else "")


def parse_wall_time(text: str) -> datetime | None:
    """A date and time typed as ISO, as dates are shown ("5 Dec 2026, 14:00") or in the
    locale's short format; None if none of these."""
    try:
        moment = datetime.fromisoformat(text.replace("  ", " "))
    except ValueError:
        shown = parse_date_time(text, short_format(), date.today())
        if shown is not None:
            return shown
        locale = QLocale()
        for fmt in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
            parsed = locale.toDateTime(text, fmt)
            if parsed.isValid():
                local = parsed.toPython()
                if isinstance(local, datetime):
                    return local.replace(second=0, microsecond=0)
        return None
    if moment.tzinfo is not None:
        return None
    return moment.replace(second=0, microsecond=0)


def fill_combo(combo: QComboBox, entries: Sequence[tuple[object, str]]) -> None:
    """Sets a combo's entries (data, text), keeping the current one, without an edit signal."""
    current = combo.currentData()
    if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == list(entries):
        return
    combo.blockSignals(True)
    combo.clear()
    for data, text in entries:
        combo.addItem(text, data)
        combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0 if entries else -1)
    combo.blockSignals(False)
    _tell_whole_entry(combo)


def _tell_whole_entry(combo: QComboBox) -> None:
    """A long entry is cut to the box's width: the box's tooltip always says all of it."""
    combo.setToolTip(combo.currentText())
    if not combo.property("tellsWholeEntry"):
        combo.setProperty("tellsWholeEntry", True)
        combo.currentTextChanged.connect(combo.setToolTip)


def sync_list(widget: QListWidget, rows: Sequence[tuple[int, str, str]]) -> None:
    """Shows rows (id, text, tooltip); the same ids in the same order are updated in place,
    so the selection (and whoever is reacting to it) is left alone."""
    ids = [widget.item(i).data(ROW_ID) for i in range(widget.count())]
    if ids == [row_id for row_id, _text, _tip in rows]:
        for i, (_row_id, text, tip) in enumerate(rows):
            widget.item(i).setText(text)
            widget.item(i).setToolTip(tip)
        return
    widget.blockSignals(True)
    widget.clear()
    for row_id, text, tip in rows:
        item = QListWidgetItem(text)
        item.setData(ROW_ID, row_id)
        item.setToolTip(tip)
        widget.addItem(item)
    widget.blockSignals(False)
