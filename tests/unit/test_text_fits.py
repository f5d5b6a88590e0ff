"""Text fits (issue 15): every page, every tab, the dialogs of the menus, the review dialog
and the checklist window, at 1000×650, 1280×800 and 150 %, light and dark, on the demo data
and on an empty folder. No label, button, tab, header or cell is cut unless its tooltip
carries all of it; primary names are never cut at 1280 px.

150 % is emulated in this process with the application font at 1.5×, not QT_SCALE_FACTOR
(which needs a new process before the QApplication exists). QT_SCALE_FACTOR scales pixel
sizes together with fonts, so in logical pixels it only makes the window smaller, which the
1000×650 run already covers; the 1.5× font also catches widths fixed in pixels that do not
grow with the text, what a person with a large system font sees. One window per size and
data, reused across both themes, keeps the run short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QTabWidget, QWidget
from shiboken6 import isValid

from prepdesk.store.database import Database
from prepdesk.store.paths import DataPaths
from prepdesk.ui.operations import Operations
from tests.text_fit import cut_texts, horizontal_scrolling
from tests.unit.demo_database import build_demo_template, open_copy


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int
    font_scale: float = 1.0

    @property
    def strict_primary(self) -> bool:
        return self.width >= 1280 and self.font_scale == 1.0


SIZES = [
    Size("1000x650", 1000, 650),
    Size("1280x800", 1280, 800),
    # A 1040×650 window at 150 %: the screenshots' scaled size.
    Size("150%", 1560, 975, 1.5),
]
# Cuts found and not fixed yet (issue 15), each a widget; anything else cut fails.
KNOWN_CUTS: list[str] = []
MENU_DIALOGS = (
    "Preferences",
    "Keyboard shortcuts",
    "About prepdesk",
    "Restore from backup",
    "Search everything",
    "Plan my preparation",
)


@contextmanager
def app_font(scale: float) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    if scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)
    try:
        yield
    finally:
        app.setFont(before)


def settle(qtbot, widget: QWidget | None = None) -> None:
    app = QApplication.instance()
    assert app is not None
    is_idle = getattr(widget, "is_idle", None)
    if is_idle is not None:
        qtbot.waitUntil(is_idle, timeout=60_000)
    for _ in range(3):
        app.processEvents()


def menu_action(window, label: str) -> QAction:
    for action in window.menu_actions():
        if action.text().replace("&", "").rstrip("…") == label:
            return action
    raise AssertionError(f"no menu command {label!r}")


def inspect_opened(qtbot, open_it: Callable[[], object], check: Callable[[QWidget], None]) -> None:
    """Does what opens a window or dialog (modal or not), checks it and closes it."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    seen: list[QWidget] = []

    def look() -> None:
        if seen:  # a poll still queued once the window was found: it must touch nothing
            return
        opened = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and id(w) not in before and not isinstance(w, QMenu)
        ]
        if not opened:
            QTimer.singleShot(20, look)
            return
        widget = opened[0]
        seen.append(widget)
        for _ in range(3):
            QApplication.processEvents()
        if isValid(widget):  # the events above may have closed and deleted it
            check(widget)
        if isValid(widget):
            widget.close()

    QTimer.singleShot(0, look)
    open_it()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    seen.append(QWidget())  # stops a poll still queued


def click_tabs(qtbot, page: QWidget, check: Callable[[str, QWidget], None]) -> None:
    """Every tab of every tab widget on `page`, clicked as a person does."""
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        bar = tabs.tabBar()
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == first or not tabs.isTabEnabled(index):
                continue
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
            settle(qtbot)
            check(f"tab {tabs.tabText(index)!r}", tabs.currentWidget())
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(first).center())


def survey(qtbot, window, size: Size, dialogs: bool) -> list[str]:
    """Every cut text and sideways-scrolling page in the window, its tabs and dialogs."""
    found: list[str] = []
    strict = size.strict_primary

    def note(where: str, root: QWidget) -> None:
        found.extend(f"{where}: {cut}" for cut in cut_texts(root, strict))
        found.extend(f"{where}: scrolls sideways: {w}" for w in horizontal_scrolling(root))

    for key in window.page_keys():
        menu_action(window, window.navigation.item(window.page_keys().index(key)).text()).trigger()
        page = window.page(key)
        settle(qtbot, page)
        # The whole window once (navigation, status bar), then each tab's own widgets.
        note(f"{key} page", window)
        click_tabs(qtbot, page, lambda part, root, key=key: note(f"{key} {part}", root))
        if key == "dashboard":
            buttons = [b for b in page.findChildren(QPushButton) if b.text() == "Review now"]
            if buttons and buttons[0].isVisible() and buttons[0].isEnabled():
                inspect_opened(
                    qtbot,
                    partial(qtbot.mouseClick, buttons[0], Qt.MouseButton.LeftButton),
                    lambda w: note("review dialog", w),
                )
        if key == "checklist" and page.current_stage_id() is not None:
            inspect_opened(
                qtbot,
                partial(qtbot.mouseClick, page.open_button, Qt.MouseButton.LeftButton),
                lambda w: note("checklist window", w),
            )
    for label in MENU_DIALOGS if dialogs else ():
        action = menu_action(window, label)
        inspect_opened(qtbot, action.trigger, lambda w, label=label: note(f"{label} dialog", w))
    return found


@pytest.fixture(scope="session")
def demo_today_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo dated from today, as `prepdesk demo` makes it: its stages are upcoming, so
    the checklist page lists them and the checklist window opens."""
    return build_demo_template(tmp_path_factory.mktemp("demo-today"), date.today())


@pytest.fixture
def demo_today(paths: DataPaths, demo_today_template: Path) -> Iterator[Database]:
    yield from open_copy(demo_today_template, paths)


RUNS = [("demo", size) for size in SIZES] + [("empty", SIZES[0]), ("empty", SIZES[2])]


@pytest.mark.parametrize(("data", "size"), RUNS, ids=lambda v: getattr(v, "name", v))
def test_text_fits(qtbot, qapp, request, data: str, size: Size) -> None:
    database: Database = request.getfixturevalue("demo_today" if data == "demo" else "db")
    from prepdesk.ui.main_window import MainWindow
    from prepdesk.ui.theme import theme_manager

    found: dict[str, list[str]] = {}  # what is cut: the themes it is cut in
    with app_font(size.font_scale):
        window = MainWindow(Operations(database))
        qtbot.addWidget(window)
        window.resize(size.width, size.height)
        window.show()
        qtbot.waitExposed(window)
        try:
            for theme in ("light", "dark"):
                theme_manager().set_choice(theme, remember=False)
                qtbot.wait(50)  # the new style lays the window out again
                for line in survey(qtbot, window, size, dialogs=data == "demo"):
                    found.setdefault(line, [])
                    if theme not in found[line]:
                        found[line].append(theme)
        finally:
            theme_manager().set_choice("light", remember=False)
            window.close()
            QThreadPool.globalInstance().waitForDone(30_000)
    cut = [
        f"[{', '.join(themes)}] {line}"
        for line, themes in found.items()
        if not any(re.search(known, f"[{', '.join(themes)}] {line}") for known in KNOWN_CUTS)
    ]
    assert not cut, "\n".join(cut)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tooltip
def test_hovering_a_cut_topic_name_shows_all_of_it(qtbot, main_window) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    main_window.resize(760, 600)
    page = main_window.show_page("topics")
    tree = page.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    metrics = tree.fontMetrics()
    cut = [
        item
        for area in tree.area_items()
        for item in tree.topic_items(area)
        if metrics.horizontalAdvance(item.text(0))
        > tree.visualRect(tree.indexFromItem(item)).width()
    ]
    assert cut, "no topic name is cut at 760 px: pick a narrower window"
    rect = tree.visualRect(tree.indexFromItem(cut[0]))
    where = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, where, tree.viewport().mapToGlobal(where))
    QApplication.sendEvent(tree.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == cut[0].text(0)
