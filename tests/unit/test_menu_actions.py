"""Every command of the menu bar, triggered as a person would, with its dialogs answered.

The JSON export once broke unseen because its test called the slot; here each QAction
is triggered, file dialogs are answered with a path in the temp folder, and every other
dialog is answered by closing it. An action that raises fails the test (pytest-qt
catches exceptions in slots).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from prepdesk.ui.main_window import MainWindow


class DialogAnswerer:
    """Closes every dialog that opens (the person presses Escape / Cancel)."""

    def __init__(self, window: MainWindow, read: Callable[[QDialog], None] | None = None) -> None:
        self.window = window
        self.read = read  # called with each dialog before it is closed
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                self.seen.append(widget.windowTitle() or type(widget).__name__)
                if self.read is not None:
                    self.read(widget)
                if isinstance(widget, QMessageBox) and widget.escapeButton() is None:
                    widget.done(QMessageBox.StandardButton.Cancel)
                else:
                    widget.reject()

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def answered_file_dialogs(monkeypatch, tmp_path):
    """The person picks a file or folder in tmp_path/out for every file dialog."""
    out = tmp_path / "out"
    out.mkdir()
    picked: dict[str, Path] = {}

    def save_name(_parent, _title, suggested="", _filter="", *_a, **_k):
        target = out / (Path(suggested).name or "export.json")
        picked["save"] = target
        return str(target), ""

    def folder(_parent, _title="", *_a, **_k):
        target = out / f"folder-{len(picked)}"
        target.mkdir(exist_ok=True)
        picked.setdefault("folders", []).append(target)  # type: ignore[union-attr]
        return str(target)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    return picked


def test_every_menu_action_does_what_it_says(qtbot, main_window, answered_file_dialogs):
    answerer = DialogAnswerer(main_window)
    messages: list[str] = []
    actions = [a for a in main_window.menu_actions() if a.text().replace("&", "") != "Quit"]
    assert len(actions) > 15
    try:
        for action in actions:
            if not action.isEnabled():  # New / Filter where the page has none, Undo of nothing
                assert action in (
                    main_window.new_action,
                    main_window.filter_action,
                    main_window.undo_action,
                )
                continue
            if action in main_window.export_actions():
                with qtbot.waitSignal(main_window.data_task_finished, timeout=30_000) as done:
                    action.trigger()
                assert isinstance(done.args[0], str), f"{action.text()}: {done.args[0]}"
                messages.append(done.args[0])
            elif action is main_window.backup_action:
                with qtbot.waitSignal(main_window.backup_finished, timeout=30_000) as done:
                    action.trigger()
                assert isinstance(done.args[0], Path), f"Back up now: {done.args[0]}"
            else:
                action.trigger()
            qtbot.wait(30)
    finally:
        answerer.stop()
    # File > Export everything (JSON) wrote a real export (it once did nothing).
    export = answered_file_dialogs["save"]
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["format"] == "prepdesk" and data["topic"]
    # CSV and Markdown exports went to the folders the person chose.
    folders = answered_file_dialogs["folders"]
    assert any(any(f.rglob("*.csv")) for f in folders)
    assert [m.split()[0] for m in messages] == ["Exported", "Wrote", "Wrote"]
    assert "CSV files" in messages[1] and "Markdown files" in messages[2]


def test_ctrl_e_exports_json(qtbot, main_window, answered_file_dialogs):
    from PySide6.QtCore import Qt

    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    with qtbot.waitSignal(main_window.data_task_finished, timeout=30_000) as finished:
        qtbot.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(finished.args[0], str) and "Exported" in finished.args[0]
    assert answered_file_dialogs["save"].stat().st_size > 100


def test_quit_closes_the_window(qtbot, main_window):
    quit_action = next(a for a in main_window.menu_actions() if a.text() == "&Quit")
    quit_action.trigger()
    qtbot.waitUntil(lambda: not main_window.isVisible())
