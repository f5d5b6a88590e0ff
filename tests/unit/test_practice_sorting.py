"""The practice table. Sorting by a header click: the model sorts by each column's key
(minutes, not their text); the selected problem stays selected; a reload keeps the order.
A page built while hidden opens on its first problem once shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, Qt

from prepdesk.store.repositories.problems import AttemptInput
from prepdesk.ui.practice.problem_table_model import ATTEMPTS, ID_ROLE
from tests.unit.test_practice_page import add, practice_page, settled, visible_titles


def attempts(count: int) -> list[AttemptInput]:
    start = datetime(2026, 11, 1, 9, tzinfo=UTC)
    return [AttemptInput(start + timedelta(days=n), 10, True) for n in range(count)]


def click_header(qtbot, page, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_header_click_sorts_and_keeps_the_selection(qtbot, main_window, ops):
    page = practice_page(qtbot, main_window)
    add(ops, "Alpha", attempts=attempts(3))
    add(ops, "Bravo", attempts=attempts(1))
    add(ops, "Charlie", attempts=attempts(2))
    settled(qtbot, page)
    assert visible_titles(page) == ["Alpha", "Bravo", "Charlie"]
    page.table.selectRow(visible_titles(page).index("Charlie"))
    charlie = page.selected_problem_id()

    click_header(qtbot, page, ATTEMPTS)
    order = visible_titles(page)
    assert order in (["Bravo", "Charlie", "Alpha"], ["Alpha", "Charlie", "Bravo"])
    click_header(qtbot, page, ATTEMPTS)
    assert visible_titles(page) == list(reversed(order))
    assert page.selected_problem_id() == charlie
    selected_row = page.table.selectionModel().selectedRows()[0].row()
    assert page.proxy.index(selected_row, 0).data(ID_ROLE) == charlie

    sorted_now = visible_titles(page)
    add(ops, "Delta", attempts=attempts(4))  # a reload
    settled(qtbot, page)
    assert [t for t in visible_titles(page) if t != "Delta"] == sorted_now
    assert visible_titles(page).index("Delta") in (0, 3)
    assert page.selected_problem_id() == charlie


def test_a_page_first_shown_opens_on_its_first_problem(qtbot, main_window, ops):
    add(ops, "Bravo", attempts=attempts(1))
    alpha = add(ops, "Alpha", attempts=attempts(2))
    page = main_window.page("practice")  # built while another page is on screen
    assert not page.isVisible()
    page = practice_page(qtbot, main_window)
    assert visible_titles(page) == ["Alpha", "Bravo"]
    assert page.selected_problem_id() == alpha
    assert page.detail.detail is not None and page.detail.detail.row.id == alpha
