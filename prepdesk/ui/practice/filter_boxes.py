"""The Practice page's filter combos: "Any" first, then the values the log holds now."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox

ANY = "Any"


def filter_box(name: str, choose: Callable[[str], None]) -> QComboBox:
    """A combo that calls `choose` with the stored value chosen ("" for Any)."""
    box = QComboBox()
    box.setAccessibleName(name)
    box.addItem(ANY)
    box.currentIndexChanged.connect(lambda i: choose("" if i <= 0 else _stored(box, i)))
    return box


def refill(box: QComboBox, values: list[str]) -> None:
    """New values; the chosen one stays chosen, or Any when it is gone (and filters again)."""
    current = box.currentText()
    box.blockSignals(True)
    box.clear()
    box.addItem(ANY)
    box.addItems(values)
    box.setCurrentIndex(max(box.findText(current), 0))
    box.blockSignals(False)
    if box.currentText() != current:  # the chosen value is gone: show everything
        box.currentIndexChanged.emit(box.currentIndex())


def _stored(box: QComboBox, index: int) -> str:
    """The stored value of a filter's item: its data when it shows words, else its text."""
    data = box.itemData(index)
    return str(data) if data is not None else box.itemText(index)
