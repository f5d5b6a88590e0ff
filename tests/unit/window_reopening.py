"""Closing the main window and opening a new one on the same data folder, as a person does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale, QThreadPool

from prepdesk.store.database import Database
from prepdesk.store.paths import DataPaths


@contextmanager
def reopened(qtbot, window, paths: DataPaths) -> Iterator:
    """Closes `window` (which saves what is typed) and yields a new one on `paths`."""
    from prepdesk.ui.main_window import MainWindow
    from prepdesk.ui.operations import Operations

    assert window.close()
    db = Database.open(paths)
    try:
        second = MainWindow(Operations(db))
        qtbot.addWidget(second)
        second.show()
        qtbot.waitExposed(second)
        yield second
        second.close()
    finally:
        QThreadPool.globalInstance().waitForDone(30_000)
        db.close()


@contextmanager
def locale(name: str) -> Iterator[QLocale]:
    """Widgets made inside read and show dates as in locale `name` (e.g. "en_US")."""
    before = QLocale()
    QLocale.setDefault(QLocale(name))
    try:
        yield QLocale()
    finally:
        QLocale.setDefault(before)
