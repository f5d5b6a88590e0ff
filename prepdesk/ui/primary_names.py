"""Primary names (a topic, problem, story, company or question) are never cut on a normal
window: they wrap or get the room. Widgets showing one say so here, and the text-fit test
(tests/text_fit.py) holds them to it even when a tooltip repeats the name."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

_LABEL = "prepdeskPrimaryName"
_COLUMNS = "prepdeskPrimaryColumns"


def mark_primary(widget: QWidget, columns: tuple[int, ...] = ()) -> None:
    """Marks a label (no `columns`) or the item-view `columns` that show primary names."""
    if columns:
        widget.setProperty(_COLUMNS, list(columns))
    else:
        widget.setProperty(_LABEL, True)


def is_primary(widget: QWidget) -> bool:
    return bool(widget.property(_LABEL))


def primary_columns(widget: QWidget) -> tuple[int, ...]:
    columns = widget.property(_COLUMNS)
    return tuple(int(c) for c in columns) if columns else ()
