"""Filters over the practice table: platform, difficulty, solved state, pattern, title search."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from prepdesk.core.practice import split_patterns
from prepdesk.ui.practice.problem_table_model import SORT_ROLE, ProblemTableModel

SOLVED_STATES = ("all", "solved", "unsolved")


class ProblemFilterModel(QSortFilterProxyModel):
    def __init__(self, source: ProblemTableModel) -> None:
        super().__init__()
        self._source = source
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.platform = ""  # "" means any
        self.difficulty = ""
        self.solved = "all"
        self.pattern = ""
        self.search = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The table model sorts (fast); this proxy keeps its order and only filters."""
        self._source.sort(column, order)

    def set_filter(self, **values: str) -> None:
        """Change any of platform, difficulty, solved, pattern, search; re-filters once."""
        self.beginFilterChange()
        for name, value in values.items():
            if not hasattr(self, name):
                raise AttributeError(name)
            setattr(self, name, value)
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        row = self._source.row_at(source_row)
        if self.platform and row.platform != self.platform:
            return False
        if self.difficulty and row.difficulty != self.difficulty:
            return False
        if self.solved == "solved" and not row.solved:
            return False
        if self.solved == "unsolved" and row.solved:
            return False
        if self.pattern and self.pattern.lower() not in (
            p.lower() for p in split_patterns(row.patterns)
        ):
            return False
        return self.search.strip().lower() in row.title.lower()
