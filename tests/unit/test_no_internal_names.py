"""No internal names on screen: the main window on the demo data, every page and tab, the
dialogs of the menus and the stage's windows, read as a person reads them.

Every visible text (labels, buttons, tabs, group boxes, combo items, list/table/tree cells
and headers, read-only text views, window titles, the status bar) is collected and fails
on a raw stored value (a token of the stored vocabularies where words belong), "(s)", an
ISO date where the locale's date belongs, or a "#<id>". File names prepdesk suggests are
collected from the save dialogs and must hold no database id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    Qt,
    QThreadPool,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from prepdesk.core import presentation
from prepdesk.store.database import Database
from prepdesk.store.models import Company, InterviewStage
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.operations import Operations
from tests.unit.demo_database import demo_db_fixture, demo_template_fixture  # noqa: F401
from tests.unit.test_menu_actions import DialogAnswerer

MAX_ROWS = 300  # cells read per view: plenty for the demo, bounded for a huge table

# Stored tokens a person must never read as they are: every lower-case value of every
# vocabulary the database, the backups or the settings store (statuses, formats,
# categories, kinds, backup reasons…). Vocabularies of plain English words used in
# prose too (STAR parts, checklist sections, pick modes) are left out.
STORED = {
    *presentation.COLUMN_VOCABULARY.values(),
    *("backup_reason", "theme", "stage_outcome", "person_role"),
}
RAW_TOKENS = frozenset(
    token
    for name in STORED
    for token in presentation.vocabularies()[name]
    if token and token == token.lower() and not token.isdigit()
)
# Tokens that are only internal spelling (snake_case or hyphenated): wrong anywhere in a text.
SPELLED_TOKENS = frozenset(t for t in RAW_TOKENS if "_" in t or "-" in t)
SEGMENTS = re.compile(r"\s*(?:·|\n|\||;|:|\(|\)|—|–|\s-\s)\s*")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DB_ID = re.compile(r"(?<![&\w])#\d+\b")
TAG = re.compile(r"<[^>]+>")
BACKUP_FILE = re.compile(r"prepdesk-\d{8}-\d{6}|\.sqlite3\b")


@dataclass
class Seen:
    texts: dict[str, str] = field(default_factory=dict)  # text -> where it was first seen
    suggested_files: list[str] = field(default_factory=list)

    def add(self, where: str, text: str) -> None:
        text = TAG.sub(" ", text).replace("&nbsp;", " ").strip()
        if text:
            self.texts.setdefault(text, where)


def problems_in(text: str) -> list[str]:
    found = []
    if "(s)" in text:
        found.append("a count written with (s)")
    if re.search(r"\bMl\b", text):
        found.append('"Ml" for ML')
    if ISO_DATE.search(text):
        found.append("an ISO date where the locale's date belongs")
    if DB_ID.search(text):
        found.append("a database id")
    if BACKUP_FILE.search(text):
        found.append("a backup's file name where its words belong")
    for segment in SEGMENTS.split(text):
        if segment in RAW_TOKENS:
            found.append(f"the stored value {segment!r}")
    for token in SPELLED_TOKENS:
        if re.search(rf"(?<![\w/.-]){re.escape(token)}(?![\w/.-])", text):
            found.append(f"the stored value {token!r}")
    return found


def _model_texts(seen: Seen, where: str, model: QAbstractItemModel) -> None:
    def columns(parent: QModelIndex) -> int:  # a list model's column count is private
        return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)

    for section in range(columns(QModelIndex())):  # row numbers are not words
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            seen.add(f"{where} header", value)

    budget = [MAX_ROWS]

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            if budget[0] <= 0:
                return
            budget[0] -= 1
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    seen.add(f"{where} cell", value)
            walk(model.index(row, 0, parent))

    walk(QModelIndex())


def collect(seen: Seen, top: QWidget) -> None:
    """Every text a person can see in `top` as it is shown now."""
    name = type(top).__name__
    seen.add(f"{name} title", top.windowTitle())
    if isinstance(top, QMainWindow):
        seen.add(f"{name} status bar", top.statusBar().currentMessage())
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{name} > {type(widget).__name__} {widget.accessibleName() or widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            seen.add(where, widget.text())
        elif isinstance(widget, QGroupBox):
            seen.add(where, widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                seen.add(where, widget.tabText(i))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):  # the choices, not what the person typed
                seen.add(where, widget.itemText(i))
            if not widget.isEditable():
                seen.add(where, widget.currentText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            _model_texts(seen, where, widget.model())
        elif isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly():
            seen.add(where, widget.toPlainText())


def visit_tabs(qtbot, seen: Seen, top: QWidget) -> None:
    """Clicks through every tab (nested ones too) and collects what each shows."""
    collect(seen, top)
    for tabs in top.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        bar = tabs.tabBar()
        for i in range(tabs.count()):
            if not tabs.isTabEnabled(i):
                continue
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
            qtbot.wait(20)
            collect(seen, top)
        bar_first = bar.tabRect(0).center()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar_first)


@pytest.fixture
def demo_window(qtbot, qapp, demo_db: Database) -> Iterator[MainWindow]:
    window = MainWindow(Operations(demo_db))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture
def seen(monkeypatch) -> Seen:
    """Save dialogs are answered with Cancel; the name they suggested is kept."""
    record = Seen()

    def save_name(_parent, _title="", suggested="", *_a, **_k):
        record.suggested_files.append(Path(suggested).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: "")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    original_select = QFileDialog.selectFile

    def select_file(dialog: QFileDialog, name: str) -> None:
        record.suggested_files.append(Path(name).name)
        original_select(dialog, name)

    monkeypatch.setattr(QFileDialog, "selectFile", select_file)
    return record


def _visit_everything(qtbot, window: MainWindow, seen: Seen) -> None:
    for index, spec in enumerate(window._specs):
        go = next(a for a in window.menu_actions() if a.text() == spec.title)
        go.trigger()
        assert window.current_page_key() == spec.key, index
        qtbot.wait(50)
        visit_tabs(qtbot, seen, window)

    reader = DialogAnswerer(window, read=lambda dialog: collect(seen, dialog))
    try:
        for action in window.menu_actions():
            text = action.text().replace("&", "")
            if text == "Quit" or not action.isEnabled():
                continue
            if action is window.backup_action:
                with qtbot.waitSignal(window.backup_finished, timeout=30_000):
                    action.trigger()
                collect(seen, window)  # "Backed up at …" and the last backup's words
            else:
                action.trigger()
            qtbot.wait(60)
    finally:
        reader.stop()


def _visit_the_next_stage(qtbot, window: MainWindow, seen: Seen) -> None:
    """Companies > Pipeline of a company with stages: its checklist window, brief and calendar."""
    from prepdesk.ui.checklist_window import ChecklistWindow

    page = window.show_page("companies")
    with window.ops.db.transaction() as session:
        company_id = (
            session.query(Company.id).join(InterviewStage).order_by(Company.id).limit(1).scalar()
        )
    page.select_item("company", company_id)
    page.tabs.setCurrentWidget(page.pipeline)
    pipeline = page.pipeline
    qtbot.waitUntil(lambda: pipeline.list.count() > 0)
    pipeline.list.setCurrentRow(0)
    collect(seen, window)
    for button in (pipeline.brief_button, pipeline.ics_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pipeline.checklist_button, Qt.MouseButton.LeftButton)
    windows = [w for w in window.findChildren(ChecklistWindow) if w.isVisible()]
    assert windows
    visit_tabs(qtbot, seen, windows[0])
    windows[0].close()


def _search(qtbot, window: MainWindow, seen: Seen) -> None:
    from prepdesk.ui.search_dialog import SearchDialog

    window.search_action.trigger()
    dialog = next(w for w in window.findChildren(SearchDialog) if w.isVisible())
    for query in ("onsite", "interview", "ml"):
        dialog.box.selectAll()
        qtbot.keyClicks(dialog.box, query)
        qtbot.wait(100)
        collect(seen, dialog)
    dialog.reject()


def test_no_internal_names_on_any_screen_of_the_demo(qtbot, demo_window, seen) -> None:
    _visit_everything(qtbot, demo_window, seen)
    _visit_the_next_stage(qtbot, demo_window, seen)
    _search(qtbot, demo_window, seen)
    assert len(seen.texts) > 300  # the screens were read, not skipped

    found = [
        f"{where}: {text[:120]!r}: {problem}"
        for text, where in seen.texts.items()
        for problem in problems_in(text)
    ]
    assert not found, "\n".join(found)


def test_suggested_file_names_hold_words_never_ids(qtbot, demo_window, seen) -> None:
    _visit_everything(qtbot, demo_window, seen)
    _visit_the_next_stage(qtbot, demo_window, seen)
    with demo_window.ops.db.transaction() as session:
        stage = session.query(InterviewStage).order_by(InterviewStage.id).first()
        company = session.get(Company, stage.company_id).name
    names = seen.suggested_files
    briefs = [n for n in names if n.startswith("interview-brief-")]
    assert briefs, names
    assert presentation.slug(company) in briefs[0]
    assert any(n.endswith(".ics") for n in names) and any(n.endswith(".json") for n in names)
    for name in names:
        stem = Path(name).stem
        without_dates = ISO_DATE.sub("", stem)
        assert not re.search(r"(^|-)\d+(-|$)", without_dates), f"{name} holds a number like an id"
        assert stem == presentation.slug(stem.replace("-", " ")) or ISO_DATE.search(stem), name


def test_the_check_itself_catches_raw_values() -> None:
    assert problems_in("2 row(s)")
    assert problems_in("Tue 20 Oct 2026 · video")
    assert problems_in("interviewing")
    assert problems_in("Ml practice (1 of 3 ready)")
    assert problems_in("Last attempt 2026-11-30")
    assert problems_in("Stage #8")
    assert problems_in("Kind: before-import")
    assert problems_in("Backed up to /data/backups/prepdesk-20261130-140501-000001-manual.sqlite3")
    assert not problems_in("Tue 20 Oct 2026 · Video call")
    assert not problems_in("A video call with the team")
    assert not problems_in(f"Last backup {presentation.date_text(date(2026, 11, 30))}")


@pytest.mark.parametrize(
    ("locale_name", "expected"),
    [
        ("en_US", "Nov 30, 2026, 2:05 PM"),
        ("en_GB", "30 Nov 2026, 14:05"),
        ("de_DE", "30 Nov 2026, 14:05"),
        ("C", "30 Nov 2026, 14:05"),
    ],
)
def test_the_locale_sets_the_one_date_format_at_start_up(locale_name: str, expected: str) -> None:
    from PySide6.QtCore import QLocale

    from prepdesk.ui.locale_dates import use_locale_dates

    try:
        use_locale_dates(QLocale(locale_name))
        shown = presentation.datetime_text(datetime(2026, 11, 30, 14, 5))
        assert shown.replace("\u202f", " ") == expected  # ICU puts a narrow space before PM
    finally:
        presentation.use_patterns()
