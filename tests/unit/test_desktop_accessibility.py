"""Walk every page with Tab: each focusable widget has an accessible name.

Generic on purpose: it runs over whatever pages the registry has, so pages added
later are checked too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QTabBar,
    QTabWidget,
    QWidget,
)

from prepdesk.ui.pages.registry import PAGES
from prepdesk.ui.preferences_dialog import PreferencesDialog
from prepdesk.ui.shortcuts_dialog import ShortcutsDialog


def _name_of(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    # Buttons and check boxes are announced by their own text.
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    if isinstance(widget.parent(), QAbstractSpinBox):
        return widget.parent().accessibleName()  # the spin box's inner line edit
    if isinstance(widget, QTabBar) and isinstance(widget.parent(), QTabWidget):
        return widget.parent().accessibleName()  # announced as the tab widget
    return ""


def _tab_walk(qtbot, root: QWidget, start: QWidget) -> list[QWidget]:
    """Presses Tab until focus comes back round; returns the widgets it visited."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    visited: list[QWidget] = []
    for _ in range(300):
        widget = QApplication.focusWidget()
        if widget in visited:
            break
        visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    else:
        pytest.fail("Tab never came back round")
    return visited


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_tab_walk_through_each_page_meets_only_named_widgets(qtbot, main_window, key):
    main_window.activateWindow()
    main_window.show_page(key)
    visited = _tab_walk(qtbot, main_window, main_window.navigation)
    assert main_window.navigation in visited
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in visited if not _name_of(w).strip()]
    assert unnamed == []
    page = main_window.page(key)
    reachable = [
        w
        for w in page.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(page) and w.isEnabled()
    ]
    missed = [
        w
        for w in reachable
        if w not in visited
        and w.focusProxy() is None
        and not isinstance(w.parent(), QAbstractSpinBox)
    ]
    assert missed == [], "widgets Tab never reaches"


@pytest.mark.parametrize("build", [PreferencesDialog, lambda ops: ShortcutsDialog([])])
def test_tab_walk_through_dialogs_meets_only_named_widgets(qtbot, ops, build):
    dialog = build(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    first = dialog.focusWidget() or next(
        w for w in dialog.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
    )
    visited = _tab_walk(qtbot, dialog, first)
    assert len(visited) > 1
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in visited if not _name_of(w).strip()]
    assert unnamed == []
