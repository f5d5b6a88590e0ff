"""The practice table: one row per problem, handed in with set_rows (no SQL here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from prepdesk.core.practice import DIFFICULTIES, TimeAgainstTarget
from prepdesk.core.presentation import date_text, label
from prepdesk.store.repositories.problems import ProblemRow
from prepdesk.ui.theme import current_colours

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts right (numbers, timestamps)
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def against_target_colour(over: bool) -> QColor:
    """Over the target time in the error colour, within it in the success colour."""
    colours = current_colours()
    return QColor(colours.error if over else colours.success)


AnyIndex = QModelIndex | QPersistentModelIndex


def _time(row: ProblemRow, minutes: int | None) -> str:
    return "" if minutes is None else TimeAgainstTarget(minutes, row.target_minutes).label()


def _date(row: ProblemRow) -> str:
    return date_text(row.last_attempt_at) if row.last_attempt_at else ""


# (header, display text, sort key) for each column, in order.
COLUMNS: list[tuple[str, Callable[[ProblemRow], str], Callable[[ProblemRow], Any]]] = [
    ("Title", lambda r: r.title, lambda r: r.title.lower()),
    ("Platform", lambda r: r.platform, lambda r: r.platform.lower()),
    (
        "Difficulty",
        lambda r: label("difficulty", r.difficulty),
        lambda r: DIFFICULTIES.index(r.difficulty),
    ),
    ("Patterns", lambda r: r.patterns, lambda r: r.patterns.lower()),
    ("Attempts", lambda r: str(r.attempt_count), lambda r: r.attempt_count),
    ("Last attempt", _date, lambda r: r.last_attempt_at.timestamp() if r.last_attempt_at else 0),
    ("Last time", lambda r: _time(r, r.last_minutes), lambda r: r.last_minutes or 0),
    ("Best", lambda r: _time(r, r.best_minutes), lambda r: r.best_minutes or 10**6),
    ("Solved", lambda r: "✓" if r.solved else "–", lambda r: int(r.solved)),
]
TITLE, PLATFORM, DIFFICULTY, PATTERNS, ATTEMPTS, LAST_DATE, LAST_TIME, BEST_TIME, SOLVED = range(
    len(COLUMNS)
)


def row_texts(row: ProblemRow) -> tuple[str, ...]:
    """A row's display text in each column (pure Python: a worker thread can make them)."""
    return tuple(text(row) for _header, text, _key in COLUMNS)


class ProblemTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ProblemRow] = []
        self._order: tuple[int, Qt.SortOrder] | None = None  # the column sorted by
        # Each row's display texts, made once when first asked (by problem id): a view
        # asks for them at every paint and measure, a date costs a format each time.
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: list[ProblemRow], texts: list[tuple[str, ...]] | None = None) -> None:
        """The rows, and their `row_texts` when made already (on the worker that read them)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {} if texts is None else {r.id: t for r, t in zip(rows, texts, strict=True)}
        self._sort_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here with each row's key computed once (Python's stable sort, like Qt's);
        a proxy sorting thousands of rows asks data() per comparison: most of a second."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._order = (column, order)
        self._sort_rows()
        rows = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [self.index(rows[i], index.column()) for i, index in zip(ids, before, strict=True)],
        )
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._order is not None:
            column, order = self._order
            descending = order == Qt.SortOrder.DescendingOrder
            self._rows.sort(key=COLUMNS[column][2], reverse=descending)

    def _texts_of(self, row: ProblemRow) -> tuple[str, ...]:
        texts = self._texts.get(row.id)
        if texts is None:
            texts = self._texts[row.id] = row_texts(row)
        return texts

    def row_at(self, row: int) -> ProblemRow:
        return self._rows[row]

    def row_of(self, problem_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == problem_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks each cell for a dozen roles at every paint and measure: the roles
        # this model never answers return at once, the display text is made once per row.
        if role not in _ANSWERED_ROLES:
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):  # an invalid index's row is -1
            return None
        row = self._rows[number]
        column = index.column()
        if role == _DISPLAY:
            return self._texts_of(row)[column]
        if role == SORT_ROLE:
            return COLUMNS[column][2](row)
        if role == ID_ROLE:
            return row.id
        if role == _ACCESSIBLE and column == SOLVED:
            return "solved" if row.solved else "not solved"
        if role == _FOREGROUND and column in (LAST_TIME, BEST_TIME):
            minutes = row.last_minutes if column == LAST_TIME else row.best_minutes
            if minutes is not None:
                return against_target_colour(minutes > row.target_minutes)
        if role == _TOOLTIP:
            return _tooltip(row, column)
        if role == _ALIGNMENT and column in (ATTEMPTS, LAST_TIME, BEST_TIME):
            return _RIGHT
        if role == _ALIGNMENT and column == SOLVED:
            return _CENTRE
        return None


def _tooltip(row: ProblemRow, column: int) -> str | None:
    if column == SOLVED:
        return "Solved at least once" if row.solved else "Not solved yet"
    if column in (LAST_TIME, BEST_TIME):
        return f"Target for {row.difficulty} problems: {row.target_minutes} minutes"
    if column == TITLE:
        return row.title + ("\nTopics: " + ", ".join(row.topics) if row.topics else "")
    return None


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED_ROLES = frozenset(
    {_DISPLAY, int(SORT_ROLE), int(ID_ROLE), _ACCESSIBLE, _FOREGROUND, _TOOLTIP, _ALIGNMENT}
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
