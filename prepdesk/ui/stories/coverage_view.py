"""Coverage matrix: competencies × stories, and the questions no story answers yet."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.presentation import count_noun, noun_for
from prepdesk.store.repositories.questions import CoverageMatrix, QuestionRepository
from prepdesk.ui.column_widths import fit_columns, one_line_height
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import heading_font, hint_label
from prepdesk.ui.theme import current_colours

TAGGED = "●"
VIA_QUESTION = "○"
Index = QModelIndex | QPersistentModelIndex
ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


HEADER_CHARS = 18  # a story title wraps onto lines of about this many characters


class CoverageModel(QAbstractTableModel):
    """Rows: competencies (plus a story count column); columns: stories."""

    def __init__(self) -> None:
        super().__init__()
        self.matrix = CoverageMatrix((), (), frozenset(), frozenset(), ())
        self._headers: list[str] = []  # each story's title, wrapped once

    def set_matrix(self, matrix: CoverageMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        # Whole titles on narrow columns: every story fits beside the others.
        self._headers = [
            "\n".join(textwrap.wrap(title or "Untitled story", HEADER_CHARS))
            for _id, title in matrix.stories
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.competencies)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.stories) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Sizing 300 story columns asks every cell for a dozen roles: answer the rest at once.
        if not index.isValid() or role not in ANSWERED_ROLES:
            return None
        competency = self.matrix.competencies[index.row()]
        covered = self.matrix.stories_for(competency.id)
        if role == Qt.ItemDataRole.BackgroundRole and covered == 0:
            return QBrush(QColor(current_colours().gap.background))
        if role == Qt.ItemDataRole.ForegroundRole and covered == 0:
            return QBrush(QColor(current_colours().gap.text))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(covered) if covered else "none"
            if role == Qt.ItemDataRole.ToolTipRole:
                show = noun_for(covered, "shows", "show")
                return f"{count_noun(covered, 'story')} {show} {competency.name}"
            return None
        story_id, title = self.matrix.stories[index.column() - 1]
        key = (competency.id, story_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if key in self.matrix.tagged:
                return TAGGED
            return VIA_QUESTION if key in self.matrix.via_question else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in self.matrix.tagged:
                return f"“{title}” is tagged {competency.name}"
            if key in self.matrix.via_question:
                return f"“{title}” answers a {competency.name} question"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            competency = self.matrix.competencies[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return competency.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return competency.description
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return "Stories"
            return self._headers[section - 1]
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.matrix.stories[section - 1][1]
        return None


class CoverageView(QWidget):
    question_chosen = Signal(int)  # a question with no story, to practise or write for

    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.model = CoverageModel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel("Which competencies and questions your stories cover")
        title.setFont(heading_font(self.font(), 1.25))
        layout.addWidget(title)
        self.summary = hint_label()
        self.summary.setAccessibleName("Coverage summary")
        layout.addWidget(self.summary)
        splitter = QSplitter()
        splitter.setOrientation(Qt.Orientation.Vertical)
        self.table = QTableView()
        show_full_text_on_hover(self.table)
        self.table.setAccessibleName("Coverage matrix")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        # Story columns are as wide as their (wrapped) titles, measured from the header
        # texts when the matrix arrives: sizing 300 columns to contents asked every cell.
        # Rows are one line (a competency's name, marks): their height from the font.
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(one_line_height(self.table))
        self.table.setAlternatingRowColors(False)
        splitter.addWidget(self.table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 8, 0, 0)
        self.uncovered_title = QLabel()
        self.uncovered_title.setFont(heading_font(self.font(), 1.05))
        self.uncovered = QListWidget()
        show_full_text_on_hover(self.uncovered)
        self.uncovered.setAccessibleName("Questions with no story")
        self.uncovered.setWordWrap(True)
        lower_layout.addWidget(self.uncovered_title)
        lower_layout.addWidget(self.uncovered)
        splitter.addWidget(lower)
        # The matrix is as tall as its rows; the questions below take the rest.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.uncovered.itemActivated.connect(self._question_activated)
        # Read when first shown (StoriesPage's stale tabs): not while the page is built.

    def _question_activated(self, item: QListWidgetItem) -> None:
        # A named slot, not a lambda: PySide mishandles a lambda slot returning emit()'s bool.
        self.question_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _fit_matrix_height(self) -> None:
        table = self.table
        header = table.horizontalHeader()
        rows = table.verticalHeader().length()
        wide = header.length() > table.width() - table.verticalHeader().width()
        scroll_bar = table.horizontalScrollBar().sizeHint().height() if wide else 0
        needed = header.sizeHint().height() + rows + 2 * table.frameWidth() + scroll_bar
        table.setMaximumHeight(needed)
        total = sum(self.splitter.sizes()) or needed * 2
        self.splitter.setSizes([needed, max(total - needed, 0)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_matrix_height()

    def refresh(self) -> None:
        matrix = self.ops.read(lambda s: QuestionRepository(s).coverage())
        self.model.set_matrix(matrix)
        # The cells hold a mark or a count: a column needs its header's width, or the
        # width of "none" (a competency no story shows).
        marks = [TAGGED, VIA_QUESTION]
        fit_columns(
            self.table, {c: ["none"] if c == 0 else marks for c in range(self.model.columnCount())}
        )
        gaps = matrix.uncovered_competencies()
        if not matrix.stories:
            self.summary.setText(
                "No stories yet. Write a story and tag its competencies: each one fills a "
                "column here, and red rows show what no story covers."
            )
        elif gaps:
            names = ", ".join(c.name for c in gaps)
            self.summary.setText(
                f"{TAGGED} tagged   {VIA_QUESTION} answers a question of that competency.   "
                f"No story yet for: {names}."
            )
        else:
            self.summary.setText(
                f"{TAGGED} tagged   {VIA_QUESTION} answers a question of that competency.   "
                "Every competency has at least one story."
            )
        self._fit_matrix_height()
        self.uncovered.clear()
        for question in matrix.uncovered_questions:
            label = (
                f"{question.competency}: {question.text}" if question.competency else question.text
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            self.uncovered.addItem(item)
        count = len(matrix.uncovered_questions)
        self.uncovered_title.setText(
            f"{count_noun(count, 'question')} no story answers yet"
            + (" (double-click one to practise it)" if count else "")
        )
