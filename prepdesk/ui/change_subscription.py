"""The one way a widget follows changes to the data: refresh now, or when next shown.

Every page (through ui/pages/page.py) and every window or panel that shows data
subscribes with a `ChangeSubscription`. It passes on only the kinds of data the widget
depends on; while the widget is out of sight it only remembers them, and refreshes once
when the widget is shown again. It lives as a child of the widget, so it goes away with
it and never calls into a deleted widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from prepdesk.store.changes import Change
from prepdesk.ui.operations import DataChanged, Operations


class ChangeSubscription(QObject):
    def __init__(
        self,
        ops: Operations,
        widget: QWidget,
        depends_on: Change,
        refresh: Callable[[DataChanged], None],
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self.depends_on = depends_on
        self._refresh = refresh
        self._stale = Change.NONE
        self._stale_initiator: object | None = None
        ops.changed.connect(self._on_changed)
        widget.installEventFilter(self)

    def _on_changed(self, event: DataChanged) -> None:
        if not event.touches(self.depends_on):
            return
        if self._widget.isVisible():
            self._refresh(DataChanged(event.changes & self.depends_on, event.initiator))
            return
        self._stale_initiator = event.initiator if not self._stale else None
        self._stale |= event.changes & self.depends_on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: during teardown the wrapper may already have lost its attributes.
        stale = getattr(self, "_stale", Change.NONE)
        if event.type() == QEvent.Type.Show and stale and watched is self._widget:
            stale = DataChanged(self._stale, self._stale_initiator)
            self._stale = Change.NONE
            self._stale_initiator = None
            self._refresh(stale)
        return False
