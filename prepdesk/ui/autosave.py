"""Autosave without a Save button: edits are saved at most `delay_ms` after they happen.

The timer is not restarted by each keystroke (a debounce that restarts would never
fire while the user keeps typing); it starts at the first unsaved edit, so no edit
waits longer than `delay_ms` before it is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer, Signal

AUTOSAVE_MS = 1000  # well inside the promise of "at most two seconds lost"


class AutosaveBuffer(QObject):
    saved = Signal()
    failed = Signal(str)
    pending_changed = Signal(bool)  # True while edits wait to be saved

    def __init__(
        self,
        save: Callable[[dict[Hashable, object]], None],
        delay_ms: int = AUTOSAVE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._pending: dict[Hashable, object] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._delay_ms = delay_ms
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timeout)

    def mark(self, key: Hashable, value: object) -> None:
        was_empty = not self._pending
        self._pending[key] = value
        if not self._timer.isActive():
            self._timer.start(self._delay_ms)
        if was_empty:
            self.pending_changed.emit(True)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def has_key(self, key: Hashable) -> bool:
        return key in self._pending

    def pending_value(self, key: Hashable) -> object:
        return self._pending[key]

    def retry_in(self, delay_ms: int) -> None:
        """After a failure: try again in `delay_ms` (then at the usual pace)."""
        self._timer.start(delay_ms)

    def discard(self, predicate: Callable[[Hashable], bool]) -> None:
        """Forget pending edits of something that no longer exists."""
        for key in [k for k in self._pending if predicate(k)]:
            del self._pending[key]

    def _on_timeout(self) -> None:
        # Slots return None: PySide mishandles a bool returned to a signal connection.
        self.flush()

    def flush(self) -> bool:
        """Saves everything pending now; True when nothing is left unsaved."""
        self._timer.stop()
        if not self._pending:
            return True
        batch = dict(self._pending)
        try:
            self._save(batch)
        except Exception as exc:  # kept pending and retried; the user is told
            self._timer.start(self._delay_ms)
            self.failed.emit(str(exc))
            return False
        for key, value in batch.items():
            if self._pending.get(key) is value:
                del self._pending[key]
        self.pending_changed.emit(bool(self._pending))
        self.saved.emit()
        return not self._pending
