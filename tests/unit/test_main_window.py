"""The main window shell: navigation, menus, remembered state, About, Back up now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from prepdesk import __version__
from prepdesk.ui.about_dialog import AboutDialog
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.pages.empty_state import EmptyState

PAGES = ["dashboard", "topics", "practice", "stories", "companies", "checklist", "design"]


def test_navigation_lists_every_page(main_window):
    titles = [main_window.navigation.item(i).text() for i in range(main_window.navigation.count())]
    assert titles == [
        "Dashboard",
        "Topics",
        "Practice",
        "Stories",
        "Companies",
        "Checklist",
        "ML practice",
    ]
    assert main_window.page_keys() == PAGES


def test_clicking_each_page_shows_it(qtbot, main_window):
    for row, key in enumerate(PAGES):
        item = main_window.navigation.item(row)
        rect = main_window.navigation.visualItemRect(item)
        qtbot.mouseClick(
            main_window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
        assert main_window.current_page_key() == key
        page = main_window.stack.currentWidget()
        assert page.objectName() == f"page-{key}"
        assert page.isVisible()
        # No page may show a placeholder word; empty states say what will be there.
        texts = " ".join(label.text() for label in page.findChildren(QLabel))
        assert "TODO" not in texts
        if isinstance(page, EmptyState):
            assert len(texts) > 40


def test_keyboard_shortcuts_switch_pages(qtbot, main_window):
    for index, key in enumerate(PAGES):
        qtbot.keyClick(
            main_window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier
        )
        assert main_window.current_page_key() == key


def test_geometry_and_last_page_are_remembered(qtbot, ops):
    first = MainWindow(ops)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)  # within the offscreen screen (800x600)
    first.show_page("stories")
    qtbot.waitUntil(lambda: first.width() == 780)
    first.close()

    second = MainWindow(ops)
    qtbot.addWidget(second)
    second.show()
    assert second.current_page_key() == "stories"
    assert (second.width(), second.height()) == (780, 560)


def test_about_shows_version_and_data_folder(qtbot, paths):
    dialog = AboutDialog(paths.root)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version_label.text()
    assert str(paths.root) in dialog.path_label.text()


def test_back_up_now_writes_a_verified_backup_off_the_gui_thread(qtbot, main_window, paths):
    with qtbot.waitSignal(main_window.backup_finished, timeout=10_000) as blocker:
        main_window.backup_action.trigger()
    destination = blocker.args[0]
    assert destination.parent == paths.backups
    assert destination.exists()
    assert "Backed up" in main_window.statusBar().currentMessage()
