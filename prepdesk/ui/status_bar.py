"""Status bar parts: the data folder's last backup and a progress indicator for long work.

Anyone running a long operation shows it with `MainWindow.progress("Exporting…")`
(a context manager) or with StatusProgress.start()/step()/finish() directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from prepdesk.core.presentation import datetime_text, time_text
from prepdesk.store.paths import DataPaths
from prepdesk.store.restore import list_backups


def describe_last_backup(paths: DataPaths, now: datetime | None = None) -> str:
    backups = list_backups(paths)
    if not backups:
        return "No backup yet"
    taken = backups[0].taken_at.astimezone()
    today = (now or datetime.now().astimezone()).date()
    if taken.date() == today:
        return f"Last backup today at {time_text(taken)}"
    return f"Last backup {datetime_text(taken)}"


class LastBackupLabel(QLabel):
    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self.setObjectName("lastBackup")
        self.setAccessibleName("Last backup")
        self.setToolTip(f"Backups are kept in {paths.backups}")
        self.setContentsMargins(12, 0, 4, 0)  # apart from the study timer beside it
        self.refresh()

    def refresh(self) -> None:
        # A directory listing of a few files: far below the 100 ms budget.
        self.setText(describe_last_backup(self._paths))


class StatusProgress(QWidget):
    """A label and a progress bar, hidden while nothing long is running."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusProgress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Progress")
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(self.fontMetrics().averageCharWidth() * 20)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._depth = 0
        self.hide()

    @property
    def running(self) -> bool:
        return self._depth > 0

    def start(self, label: str, maximum: int = 0) -> None:
        """maximum=0 shows a busy indicator for work of unknown length."""
        self._depth += 1
        self.label.setText(label)
        self.bar.setAccessibleDescription(label)
        self.bar.setRange(0, maximum)
        self.bar.setValue(0)
        self.show()

    def step(self, value: int) -> None:
        self.bar.setValue(value)

    def finish(self) -> None:
        self._depth = max(0, self._depth - 1)
        if self._depth == 0:
            self.hide()
            self.label.clear()

    @contextmanager
    def running_task(self, label: str, maximum: int = 0) -> Iterator[Callable[[int], None]]:
        self.start(label, maximum)
        try:
            yield self.step
        finally:
            self.finish()
