"""Years of practice (issue 13): the Practice page with 3,000 problems measures the rows a
person sees, not all of them; the wrapped titles in view are whole, also after scrolling;
a refresh keeps the selected problem and where the table was scrolled to."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from prepdesk.store.models import Problem
from prepdesk.ui.pages.practice_page import PracticePage
from prepdesk.ui.practice.problem_table_model import ID_ROLE, TITLE
from prepdesk.ui.wrapping_rows import WrappingDelegate
from tests.unit.test_practice_page import settled

PROBLEMS = 3000
LONG = "the longest increasing path through a matrix with walls, portals and a budget"


def add_history(ops) -> None:
    def write(session) -> None:  # one transaction, one flush: a second, not fifteen
        titles = [f"Problem {n:04d}" for n in range(PROBLEMS)]
        titles = [f"{t}: {LONG}" if n % 3 == 0 else t for n, t in enumerate(titles)]
        session.add_all(
            Problem(title=t, platform="LeetCode", difficulty="medium", patterns="graphs, dp")
            for t in titles
        )

    ops.write(write)


def rows_in_view(page: PracticePage) -> list[int]:
    table = page.table
    header = table.verticalHeader()
    first = header.logicalIndexAt(0)
    last = header.logicalIndexAt(table.viewport().height() - 1)
    last = page.proxy.rowCount() - 1 if last < 0 else last
    return list(range(first, last + 1))


def assert_titles_in_view_whole(page: PracticePage) -> None:
    table = page.table
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    metrics = QFontMetrics(table.font())
    width = table.columnWidth(TITLE)
    wrapped = 0
    for row in rows_in_view(page):
        index = page.proxy.index(row, TITLE)
        title = str(index.data())
        # The text's room: the column less the cell's margins (what the delegate adds).
        padding = table.itemDelegate().one_line_size(option, index).width()
        padding -= metrics.horizontalAdvance(title)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = metrics.boundingRect(QRect(0, 0, width - padding, 100_000), flags, title)
        # The grid line is drawn inside the row: the text has the rest.
        assert table.rowHeight(row) - int(table.showGrid()) >= box.height(), title
        wrapped += box.height() > metrics.height()
    assert wrapped, "some titles in view take two lines or more"


def test_a_large_history_measures_the_rows_in_view_and_keeps_the_selection(
    qtbot, main_window, ops, monkeypatch
):
    add_history(ops)
    asked: list[int] = []
    measure = WrappingDelegate.sizeHint

    def counted(self, option: QStyleOptionViewItem, index: QModelIndex):
        asked.append(index.row())
        return measure(self, option, index)

    monkeypatch.setattr(WrappingDelegate, "sizeHint", counted)
    main_window.resize(1280, 800)
    page = main_window.show_page("practice")
    assert isinstance(page, PracticePage)
    qtbot.waitExposed(page)
    settled(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == PROBLEMS)
    for _ in range(5):
        QApplication.processEvents()

    assert page.summary_label.text().startswith(f"{PROBLEMS} problems")
    assert_titles_in_view_whole(page)
    # A structural check, not a timing one: rows out of sight were never measured.
    assert 0 < len(set(asked)) < 100, len(set(asked))

    # Scrolled halfway: the rows that came into view are measured, and whole.
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    for _ in range(5):
        QApplication.processEvents()
    assert_titles_in_view_whole(page)
    middle = rows_in_view(page)[3]
    page.table.selectRow(middle)
    chosen = page.proxy.index(middle, 0).data(ID_ROLE)
    assert page.detail.title_label.text() == page.proxy.index(middle, TITLE).data()
    scrolled = bar.value()

    asked.clear()
    main_window.refresh_action.trigger()  # F5: everything is read again
    assert not page.is_idle()  # read on a worker thread, not on the GUI thread
    settled(qtbot, page)
    for _ in range(5):
        QApplication.processEvents()
    assert page.selected_problem_id() == chosen
    assert bar.value() == scrolled
    assert page.detail.detail is not None and page.detail.detail.row.id == chosen
    assert_titles_in_view_whole(page)
    assert len(set(asked)) < 100, len(set(asked))
