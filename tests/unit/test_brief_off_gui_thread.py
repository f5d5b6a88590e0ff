"""Writing the interview-day brief never holds the window: the data is read and the file
laid out and written on a worker thread, the window takes input meanwhile, the button
waits for the file, and a failure still reaches the person."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from prepdesk.io import brief_pdf
from prepdesk.ui import brief_export
from prepdesk.ui.checklist_window import ChecklistWindow
from tests.unit.companies_data import NOW, make_company, make_stage


@pytest.fixture
def save_to(monkeypatch):
    """The save dialog answers with the path the test sets; openUrl records what opened."""
    chosen: dict[str, Path] = {}
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen["path"]), "PDF (*.pdf)")
    )
    opened: list[object] = []
    monkeypatch.setattr(brief_export.QDesktopServices, "openUrl", opened.append)
    return chosen, opened


@pytest.fixture
def held_writer(monkeypatch):
    """The real PDF writer, run where the app runs it, held until the test lets it go."""
    release = threading.Event()
    threads: list[threading.Thread] = []
    real = brief_pdf.write_pdf

    def write_pdf(*args, **kwargs):
        threads.append(threading.current_thread())
        assert release.wait(30), "the test never let the writer go"
        return real(*args, **kwargs)

    monkeypatch.setattr(brief_export, "write_pdf", write_pdf)
    yield release, threads
    release.set()
    QThreadPool.globalInstance().waitForDone(30_000)


def checklist_window(qtbot, ops, db) -> ChecklistWindow:
    stage = make_stage(db, make_company(db, "Northwind Robotics"), "Coding challenge")
    window = ChecklistWindow(ops, stage, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_brief_is_written_on_a_worker_while_the_window_takes_input(
    qtbot, ops, db, tmp_path, save_to, held_writer
):
    chosen, opened = save_to
    release, threads = held_writer
    window = checklist_window(qtbot, ops, db)
    chosen["path"] = tmp_path / "brief.pdf"

    qtbot.mouseClick(window.brief_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(threads), timeout=30_000)
    # The writer is busy: the window still takes typing, and asks no second brief.
    assert not window.brief_button.isEnabled()
    window.new_text.setFocus()
    qtbot.keyClicks(window.new_text, "Print the slides")
    assert window.new_text.text() == "Print the slides"
    assert not chosen["path"].exists() and not opened

    release.set()
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    assert threads[0] is not threading.main_thread()
    assert chosen["path"].read_bytes().startswith(b"%PDF")
    assert window.brief_button.isEnabled()


def test_the_markdown_brief_is_written_too(qtbot, ops, db, tmp_path, save_to):
    chosen, opened = save_to
    window = checklist_window(qtbot, ops, db)
    chosen["path"] = tmp_path / "brief.md"
    qtbot.mouseClick(window.brief_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    assert "Northwind Robotics: Coding challenge" in chosen["path"].read_text()


def test_a_brief_that_cannot_be_written_is_explained(qtbot, ops, db, tmp_path, save_to):
    chosen, opened = save_to
    window = checklist_window(qtbot, ops, db)
    before = ops.db.paths.database.read_bytes()
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    chosen["path"] = not_a_folder / "brief.pdf"

    qtbot.mouseClick(window.brief_button, Qt.MouseButton.LeftButton)

    def warning_shown() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: warning_shown() is not None, timeout=30_000)
    box = warning_shown()
    assert box is not None and box.windowTitle() == "Brief not written"
    assert box.text()
    assert not opened and not chosen["path"].exists()
    assert ops.db.paths.database.read_bytes() == before
    assert window.brief_button.isEnabled()
    box.close()
