"""The Practice page's table of problems: sorted by title, one selected row, titles and
patterns wrapping, the short columns sized by the page when a list arrives."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from prepdesk.ui.practice.problem_table_model import PATTERNS, TITLE
from prepdesk.ui.primary_names import mark_primary
from prepdesk.ui.wrapping_rows import wrap_rows


def problem_table(proxy: QAbstractItemModel) -> QTableView:
    """The table over `proxy` (the filtered, sortable problems)."""
    table = QTableView()
    wrap_rows(table)  # titles and patterns wrap rather than lose their end
    mark_primary(table, (TITLE,))
    table.setAccessibleName("Coding problems")
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    # The short columns fit their widest text, measured from the texts when a list
    # arrives (fit_columns): sizing them to contents asked every cell at every layout.
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(table.fontMetrics().averageCharWidth() * 6)
    # Patterns can be long; they wrap rather than squeezing the title.
    header.setSectionResizeMode(PATTERNS, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(PATTERNS, table.fontMetrics().averageCharWidth() * 18)
    return table
