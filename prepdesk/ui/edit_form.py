"""One save model for every data page: fields save themselves, and a refresh never
overwrites what the person is typing.

A page binds its editable widgets to an `EditForm` and shows a record with
`form.load(key, values)`. From then on:

- an edit is saved within `AUTOSAVE_MS` of the first unsaved keystroke, when the field
  loses focus, when another record is loaded, and when `flush()` is called (the main
  window does so on a page switch and on close);
- `load` of the same record (a refresh) leaves every field that has unsaved edits or
  the keyboard focus as it is, so a write anywhere in the app never takes text away;
- a write that fails keeps the edits pending (and the text in its field), reports the
  failure, and retries until it is saved.

Pages and windows find their forms with `findChildren(EditForm)`: nothing registers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.ui.autosave import AUTOSAVE_MS, AutosaveBuffer
from prepdesk.ui.operations import Operations

RETRY_MS = 3000  # after a failed save: how long until the next try

SaveFunction = Callable[[Session, Hashable, dict[str, Any]], None]


@runtime_checkable
class EditableField(Protocol):
    """A widget of our own that can be bound: `value()`, `set_value()` and `edited`."""

    edited: SignalInstance

    def value(self) -> Any: ...

    def set_value(self, value: Any) -> None: ...


@dataclass
class _Binding:
    widget: QWidget
    get: Callable[[], Any]
    put: Callable[[Any], None]


class EditForm(QObject):
    """The editable fields of one record at a time, saved by themselves."""

    state_changed = Signal(str)  # "saving", "saved" or "failed"

    def __init__(
        self,
        ops: Operations,
        save: SaveFunction,
        parent: QObject,
        *,
        what: Callable[[Hashable], str] = lambda _key: "your change",
        delay_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self._save = save
        self._what = what
        self._bindings: dict[str, _Binding] = {}
        self._loading = False
        self.key: Hashable | None = None
        self.failure: str = ""
        self.buffer = AutosaveBuffer(self._save_batch, delay_ms=delay_ms, parent=self)
        self.buffer.pending_changed.connect(self._on_pending_changed)
        self.buffer.saved.connect(self._on_saved)
        self.buffer.failed.connect(self._on_failed)

    # binding ----------------------------------------------------------------

    def bind(self, name: str, widget: QWidget) -> None:
        """Saves `widget`'s edits as field `name` of the record shown."""
        get, put, signal = _adapter(widget)
        self._bindings[name] = _Binding(widget, get, put)
        signal.connect(lambda *_args, n=name: self._on_edited(n))
        widget.installEventFilter(self)
        for child in widget.findChildren(QLineEdit):  # spin boxes and date edits
            child.installEventFilter(self)

    def widget(self, name: str) -> QWidget:
        return self._bindings[name].widget

    # loading ----------------------------------------------------------------

    def load(self, key: Hashable | None, values: Mapping[str, Any]) -> None:
        """Shows record `key`.

        Another record: this one's edits are saved first, then every field is set.
        The same record (a refresh): fields with unsaved edits or the focus keep theirs.
        """
        switching = key != self.key
        if switching:
            self.flush()
        self._loading = True
        try:
            for name, binding in self._bindings.items():
                if name not in values:
                    continue
                if not switching and self.is_held(name):
                    continue
                if switching and key is not None and self.buffer.has_key((key, name)):
                    binding.put(self.buffer.pending_value((key, name)))  # not saved yet
                    continue
                binding.put(values[name])
        finally:
            self._loading = False
        self.key = key

    def is_held(self, name: str) -> bool:
        """True while field `name` has unsaved edits or the keyboard focus."""
        if self.buffer.has_key((self.key, name)):
            return True
        widget = self._bindings[name].widget
        focus = QApplication.focusWidget()
        return focus is not None and (focus is widget or widget.isAncestorOf(focus))

    def is_editing(self) -> bool:
        """True while any field of the form has unsaved edits."""
        return self.buffer.has_pending()

    def clear(self) -> None:
        """Shows no record (its edits are saved first)."""
        self.flush()
        self.key = None

    def forget(self, key: Hashable) -> None:
        """The record was deleted: its unsaved edits have nowhere to go."""
        self.buffer.discard(lambda pending: isinstance(pending, tuple) and pending[0] == key)
        if key == self.key:
            self.key = None

    # saving -----------------------------------------------------------------

    def flush(self) -> bool:
        """Saves every pending edit now; True when nothing is left unsaved."""
        return self.buffer.flush()

    def _on_edited(self, name: str) -> None:
        if self._loading or self.key is None:
            return
        self.buffer.mark((self.key, name), self._bindings[name].get())

    def _save_batch(self, batch: dict[Hashable, object]) -> None:
        records: dict[Hashable, dict[str, Any]] = {}
        for pending_key, value in batch.items():
            assert isinstance(pending_key, tuple)
            key, name = pending_key
            records.setdefault(key, {})[name] = value

        def save(session: Session) -> None:
            for key, values in records.items():
                self._save(session, key, values)

        what = ", ".join(self._what(key) for key in records)
        initiator = self.parent()
        self.ops.write(save, initiator=initiator, what=what)

    def _on_pending_changed(self, pending: bool) -> None:
        if pending and not self.failure:
            self.state_changed.emit("saving")

    def _on_saved(self) -> None:
        self.failure = ""
        if not self.buffer.has_pending():
            self.state_changed.emit("saved")

    def _on_failed(self, message: str) -> None:
        self.failure = message
        self.buffer.retry_in(RETRY_MS)
        self.state_changed.emit("failed")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self.buffer.has_pending():
            # After the focus change settles: the write may show a dialog.
            QTimer.singleShot(0, self, self._flush_quietly)
        return False

    def _flush_quietly(self) -> None:
        self.flush()


class SaveStatus(QLabel):
    """The quiet "Saving… / All changes saved" line for one or more forms."""

    def __init__(self, *forms: EditForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Save status")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._forms: list[EditForm] = []
        for form in forms:
            self.watch(form)
        self.setText("")

    def watch(self, form: EditForm) -> None:
        self._forms.append(form)
        form.state_changed.connect(self._update)

    def _update(self, _state: str = "") -> None:
        failures = [form.failure for form in self._forms if form.failure]
        if failures:
            self.setText(f"Not saved: {failures[0]} (your text is kept; retrying)")
            self.setProperty("state", "failed")
        elif any(form.is_editing() for form in self._forms):
            self.setText("Saving…")
            self.setProperty("state", "saving")
        else:
            self.setText("All changes saved")
            self.setProperty("state", "saved")
        self.style().unpolish(self)
        self.style().polish(self)


# widget adapters --------------------------------------------------------------


def _adapter(widget: QWidget) -> tuple[Callable[[], Any], Callable[[Any], None], Any]:
    """(get, put, edited signal) for the kinds of widget a form can bind."""
    if isinstance(widget, EditableField):
        return widget.value, widget.set_value, widget.edited
    if isinstance(widget, QLineEdit):
        return widget.text, lambda v: _set_text(widget, v or ""), widget.textEdited
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText, lambda v: _set_plain(widget, v or ""), widget.textChanged
    if isinstance(widget, QTextEdit):
        return widget.toPlainText, lambda v: widget.setPlainText(v or ""), widget.textChanged
    if isinstance(widget, QComboBox):
        # An editable combo box is also typed into: its text is the value.
        signal = widget.editTextChanged if widget.isEditable() else widget.currentIndexChanged
        return _combo_get(widget), _combo_put(widget), signal
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value, lambda v: widget.setValue(v or 0), widget.valueChanged
    if isinstance(widget, QDateTimeEdit):
        return _date_get(widget), _date_put(widget), widget.dateTimeChanged
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked, lambda v: widget.setChecked(bool(v)), widget.toggled
    if isinstance(widget, QAbstractSpinBox):
        raise TypeError(f"bind a QSpinBox, QDoubleSpinBox or QDateTimeEdit, not {widget!r}")
    raise TypeError(f"an EditForm cannot bind {type(widget).__name__}")


def _set_text(widget: QLineEdit, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)
        widget.setCursorPosition(0)


def _set_plain(widget: QPlainTextEdit, text: str) -> None:
    if widget.toPlainText() != text:
        widget.setPlainText(text)


def _combo_get(widget: QComboBox) -> Callable[[], Any]:
    def get() -> Any:
        if widget.isEditable():
            return widget.currentText()
        data = widget.currentData()
        return data if data is not None else widget.currentText()

    return get


def _combo_put(widget: QComboBox) -> Callable[[Any], None]:
    def put(value: Any) -> None:
        index = widget.findData(value)
        if index < 0:
            index = widget.findText("" if value is None else str(value))
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setEditText("" if value is None else str(value))

    return put


def _date_get(widget: QDateTimeEdit) -> Callable[[], Any]:
    def get() -> Any:
        if isinstance(widget, QDateEdit):
            return widget.date().toPython()
        return widget.dateTime().toPython()

    return get


def _date_put(widget: QDateTimeEdit) -> Callable[[Any], None]:
    def put(value: Any) -> None:
        if isinstance(value, dt.datetime):
            day = QDate(value.year, value.month, value.day)
            widget.setDateTime(QDateTime(day, QTime(value.hour, value.minute, value.second)))
        elif isinstance(value, dt.date):
            widget.setDate(QDate(value.year, value.month, value.day))

    return put
