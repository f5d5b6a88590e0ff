"""An unexpected exception in the GUI reaches the person: a dialog, and the log file."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from prepdesk.ui.error_report import ErrorReporter
from tests.helpers import limit_pages, unlimit_pages


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_is_logged(qtbot, main_window, paths):
    reporter = ErrorReporter(paths, main_window)
    reporter.install()
    try:
        button = QPushButton("Break", main_window)

        def broken() -> None:
            raise RuntimeError("the flux capacitor is empty")

        button.clicked.connect(broken)
        button.click()  # as a person clicks: the exception leaves a Qt slot
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    finally:
        reporter.uninstall()
    box = reporter.dialog
    assert "flux capacitor is empty" in box.text()
    assert str(paths.log_file) in box.informativeText()
    log = paths.log_file.read_text(encoding="utf-8")
    assert "RuntimeError: the flux capacitor is empty" in log and "Traceback" in log
    copy = next(b for b in box.buttons() if b.text() == "Copy details and close")
    copy.click()
    assert "flux capacitor" in QGuiApplication.clipboard().text()
    qtbot.waitUntil(lambda: reporter.dialog is None)


@pytest.mark.qt_no_exception_capture
def test_a_write_failure_is_not_reported_twice(qtbot, main_window, paths, ops):
    """WriteFailed leaving a slot was already shown as "Not saved": no bug dialog."""
    from prepdesk.store.models import Company

    reporter = ErrorReporter(paths, main_window)
    reporter.install()
    listener = limit_pages(ops.db, 2)  # the disk is full
    try:
        button = QPushButton("Save", main_window)
        big = "x" * 100_000
        button.clicked.connect(lambda: ops.write(lambda s: s.add(Company(name=big))))
        button.click()
        notice = main_window.failure_notice
        qtbot.waitUntil(lambda: notice.box is not None and notice.box.isVisible())
        assert "was not saved" in notice.box.text()
        QApplication.processEvents()
        assert reporter.dialog is None
        assert "was not saved" in main_window.statusBar().currentMessage()
    finally:
        reporter.uninstall()
        unlimit_pages(ops.db, listener)
    # Room again: the next write works, and the notice says so.
    ops.write(lambda s: s.add(Company(name="Acme")))
    assert "Saving works again" in main_window.statusBar().currentMessage()
    assert isinstance(notice.box, QMessageBox | None)
