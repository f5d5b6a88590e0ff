"""Combo boxes over a stored vocabulary: the words on screen, the stored value as item data."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from prepdesk.core.presentation import choices


def add_choices(combo: QComboBox, vocabulary: str, values: tuple[str, ...] | None = None) -> None:
    """Adds each value of `vocabulary` (or `values`, in that order) as its words, with the
    stored value as the item's data (read it with currentData(); EditForm does)."""
    for value, words in choices(vocabulary, values):
        combo.addItem(words, value)


def select_value(combo: QComboBox, value: object) -> None:
    """Selects the item whose stored value is `value` (nothing changes when none is)."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
