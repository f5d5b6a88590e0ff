"""Every action has a shortcut, and Help > Keyboard shortcuts lists exactly the actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout

from prepdesk.store.changes import Change
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.pages.page import Page
from prepdesk.ui.pages.registry import PAGES, PageSpec
from prepdesk.ui.shortcuts_dialog import ShortcutsDialog, action_label

EXPECTED = {
    "Back up now": "Ctrl+Shift+B",
    "Restore from backup": "Ctrl+Shift+R",
    "Import": "Ctrl+I",
    "Export everything (JSON)": "Ctrl+E",
    "Export tables as CSV": "Ctrl+Shift+C",
    "Export notes and stories as Markdown": "Ctrl+Shift+M",
    "Search everything": "Ctrl+K",
    "Quit": "Ctrl+Q",
    "New": "Ctrl+N",
    "Filter": "Ctrl+F",
    "Preferences": "Ctrl+,",
    "Refresh": "F5",
    "Keyboard shortcuts": "F1",
}


def test_every_menu_action_has_a_shortcut_and_none_is_taken_twice(main_window):
    keys = {}
    for action in main_window.menu_actions():
        if action_label(action) == "About prepdesk":
            continue  # reached through Help (Alt+H, A) like every menu entry
        assert action.shortcut(), f"{action.text()} has no shortcut"
        key = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        assert key not in keys, f"{key} is used by {keys.get(key)} and {action.text()}"
        keys[key] = action_label(action)
    for what, key in EXPECTED.items():
        assert keys.get(key) == what
    for index, spec in enumerate(PAGES):
        assert keys[f"Ctrl+{index + 1}"] == spec.title


def test_shortcut_list_is_generated_from_the_actions(qtbot, main_window):
    shown = []

    def read_dialog():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ShortcutsDialog):
            shown.append(dialog.rows())
            dialog.accept()
        else:
            QTimer.singleShot(20, read_dialog)

    QTimer.singleShot(0, read_dialog)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    (rows,) = shown
    actions = main_window.menu_actions()
    for (what, keys), action in zip(rows[: len(actions)], actions, strict=True):
        assert what == action_label(action)
        expected = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys == (expected or "—")
    assert (
        "Preferences",
        QKeySequence("Ctrl+,").toString(QKeySequence.SequenceFormat.NativeText),
    ) in rows
    # After the menus: the keys pages and the review add, which no menu shows.
    native = QKeySequence.SequenceFormat.NativeText
    review_keys = QKeySequence("Ctrl+R").toString(native)
    assert any(w.startswith("Topics: Review due") and k == review_keys for w, k in rows)
    assert ("Topics: Rename", "F2") in rows
    assert any(what.startswith("Review: grade yourself") and keys == "1–4" for what, keys in rows)


class _ListPage(Page):
    can_create = True
    has_filter = True

    def __init__(self, ops):
        super().__init__(ops)
        self.created = 0
        self.filter = QLineEdit()
        self.filter.setAccessibleName("Filter")
        QVBoxLayout(self).addWidget(self.filter)

    def new_item(self):
        self.created += 1

    def focus_filter(self):
        self.filter.setFocus()


def test_ctrl_n_and_ctrl_f_reach_the_current_page(qtbot, ops):
    pages = [
        PageSpec("list", "List", "topics", _ListPage),
        PageSpec("plain", "Plain", "stories", Page),
    ]
    window = MainWindow(ops, pages)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page("list")
    page = window.page("list")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.created == 1
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.filter.hasFocus())
    window.show_page("plain")
    assert not window.new_action.isEnabled()
    assert not window.filter_action.isEnabled()


def test_f5_refreshes_every_kind_of_data(qtbot, main_window, ops):
    with qtbot.waitSignal(ops.changed) as blocker:
        qtbot.keyClick(main_window, Qt.Key.Key_F5)
    assert blocker.args[0].changes == Change.ALL


def test_no_page_binds_a_key_the_window_already_uses(main_window):
    """A page-level shortcut equal to a window one is ambiguous: Qt then runs neither."""
    from PySide6.QtGui import QAction as _QAction
    from PySide6.QtWidgets import QAbstractButton

    window_keys = {
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in main_window.menu_actions()
        if not a.shortcut().isEmpty()
    }
    clashes = []
    for key in main_window.page_keys():
        page = main_window.page(key)
        for action in page.findChildren(_QAction):
            bound = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            if bound and bound in window_keys:
                clashes.append(f"{key}: {action.text()} {bound}")
        for button in page.findChildren(QAbstractButton):
            bound = button.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            if bound and bound in window_keys:
                clashes.append(f"{key}: button {button.text()} {bound}")
    assert clashes == []
