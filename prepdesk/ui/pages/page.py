"""What every main-window page is to the main window: one typed base, no probing.

A page says which kinds of data it shows (`depends_on`); the base subscribes it through
`ChangeSubscription`, the one place that decides whether to refresh now (the page is on
screen) or when it is next shown. Whatever refreshes, the `EditForm`s of the page keep
every field the person is editing (see ui/edit_form.py), so a page may always reload.

A page asks the main window to show something elsewhere by emitting `open_requested`
with a kind and a reference (see `OPEN_KINDS` in ui/navigation.py); the main window
shows that page and calls its `select_item`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QWidget

from prepdesk.store.changes import Change
from prepdesk.ui.change_subscription import ChangeSubscription
from prepdesk.ui.edit_form import EditForm
from prepdesk.ui.operations import DataChanged, Operations


class Page(QWidget):
    open_requested = Signal(str, object)  # (kind, reference): show it on its page

    depends_on: Change = Change.NONE  # the kinds of data shown; others never refresh it
    can_create: bool = False  # Edit > New (Ctrl+N) applies
    has_filter: bool = False  # Edit > Filter (Ctrl+F) applies

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.subscription = ChangeSubscription(ops, self, self.depends_on, self.refresh)

    # what the main window calls ------------------------------------------------

    def new_item(self) -> None:
        """Edit > New on this page (only called when `can_create`)."""

    def focus_filter(self) -> None:
        """Edit > Filter on this page (only called when `has_filter`)."""

    def select_item(self, kind: str, ref: object) -> None:
        """Shows the item `ref` of `kind` (from search, or another page's request)."""

    def flush_edits(self) -> bool:
        """Saves every pending edit on the page; False when something could not be saved."""
        return all([form.flush() for form in self.findChildren(EditForm)])

    def is_idle(self) -> bool:
        """False while background work for the page is still running."""
        return True

    # refreshing ------------------------------------------------------------------

    def refresh(self, event: DataChanged) -> None:
        """Shows the data again after `event` (only kinds in `depends_on` arrive)."""

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush_edits()  # leaving the page saves what was typed on it
        super().hideEvent(event)
