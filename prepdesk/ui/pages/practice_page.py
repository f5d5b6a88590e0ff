"""The Practice page: the coding-problem log with filters, a detail pane, dialogs and CSV."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.practice import DIFFICULTIES
from prepdesk.core.presentation import date_text
from prepdesk.store.changes import Change
from prepdesk.store.repositories.problems import (
    AttemptInput,
    AttemptRow,
    ProblemDetail,
    ProblemInput,
    ProblemRepository,
)
from prepdesk.ui.choice_combo import add_choices
from prepdesk.ui.column_widths import fit_columns
from prepdesk.ui.icons import icon
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.page_reads import PageReads
from prepdesk.ui.pages.empty_state import EmptyState
from prepdesk.ui.pages.page import Page
from prepdesk.ui.practice.attempt_form import AttemptDialog
from prepdesk.ui.practice.csv_help import CsvColumnsDialog, columns_summary
from prepdesk.ui.practice.csv_transfer import ProblemCsvTransfer
from prepdesk.ui.practice.detail_pane import ProblemDetailPane
from prepdesk.ui.practice.filter_boxes import filter_box, refill
from prepdesk.ui.practice.problem_dialog import ProblemDialog, Submit
from prepdesk.ui.practice.problem_filter import SOLVED_STATES, ProblemFilterModel
from prepdesk.ui.practice.problem_list import ProblemList, read_problem_list
from prepdesk.ui.practice.problem_table_model import (
    ID_ROLE,
    ProblemTableModel,
)
from prepdesk.ui.practice.problem_table_view import problem_table

REFRESH_ON = Change.PROBLEMS | Change.TOPICS | Change.SETTINGS


class PracticePage(Page):
    depends_on = REFRESH_ON
    can_create = True
    has_filter = True

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.ops = ops
        self.dialog: QWidget | None = None  # the open dialog or question, for tests
        self._select_when_shown: int | None = None
        self._select_when_read: int | None = None  # asked for before the read brought it
        self._shown_once = False  # the first list opens on its first problem
        self._showing_rows = False  # a new list is going in: the selection is put back
        self.reads = PageReads(ops, read_problem_list, self._show_list, self._read_failed, self)
        self.model = ProblemTableModel()
        self.proxy = ProblemFilterModel(self.model)
        self.csv = ProblemCsvTransfer(ops, self)

        self.new_action = QAction(icon("practice"), "&New problem…", self)
        self.new_action.triggered.connect(self.new_problem)
        self.addAction(self.new_action)
        new_button = QPushButton("New problem…")
        new_button.setToolTip("New problem (Ctrl+N)")
        new_button.setAccessibleName("New problem")
        new_button.clicked.connect(self.new_action.trigger)
        self.new_button = new_button
        self.import_button = QPushButton("Import…")
        self.import_button.setAccessibleName("Import problems from CSV")
        self.import_button.setToolTip(f"Import a CSV list of problems. {columns_summary()}")
        self.import_button.clicked.connect(self.csv.choose_import_file)
        self.export_button = QPushButton("Export…")
        self.export_button.setAccessibleName("Export problems to CSV")
        self.export_button.clicked.connect(self.csv.choose_export_file)
        self.csv.busy_changed.connect(self._set_busy)
        self.summary_label = QLabel()
        toolbar = QHBoxLayout()
        toolbar.addWidget(new_button)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.export_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.summary_label, 1)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search titles")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search titles")
        self.search_edit.textChanged.connect(lambda text: self.proxy.set_filter(search=text))
        self.platform_box = filter_box("Platform filter", self._filter_by("platform"))
        self.difficulty_box = filter_box("Difficulty filter", self._filter_by("difficulty"))
        add_choices(self.difficulty_box, "difficulty", DIFFICULTIES)
        self.solved_box = QComboBox()
        self.solved_box.setAccessibleName("Solved filter")
        self.solved_box.addItems(["Any", "Solved", "Unsolved"])
        self.solved_box.currentIndexChanged.connect(
            lambda i: self.proxy.set_filter(solved=SOLVED_STATES[i])
        )
        self.pattern_box = filter_box("Pattern filter", self._filter_by("pattern"))
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for label, box in (
            ("Platform", self.platform_box),
            ("Difficulty", self.difficulty_box),
            ("Pattern", self.pattern_box),
            ("Result", self.solved_box),
        ):
            caption = QLabel(f"{label}:")
            caption.setBuddy(box)
            filters.addWidget(caption)
            filters.addWidget(box, 1)

        self.table = problem_table(self.proxy)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = ProblemDetailPane()
        self.detail.add_attempt_requested.connect(self.add_attempt)
        self.detail.edit_problem_requested.connect(self.edit_problem)
        self.detail.delete_problem_requested.connect(self.delete_problem)
        self.detail.edit_attempt_requested.connect(self.edit_attempt)
        self.detail.delete_attempt_requested.connect(self.delete_attempt)

        self.splitter = QSplitter()
        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filters)
        table_layout.addWidget(self.table)
        self.splitter.addWidget(table_side)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        chars = self.fontMetrics().averageCharWidth()
        self.detail.setMinimumWidth(chars * 46)
        self.splitter.setSizes([chars * 200, chars * 46])  # the table takes the rest

        self.empty_state = EmptyState(
            "No coding problems yet",
            "Log the problems you practise on LeetCode, HackerRank or Kaggle: press New "
            "problem (Ctrl+N), or Import… a CSV list (CSV columns… says what each column "
            "holds). Each attempt's time is shown against the target for "
            "its platform and difficulty (a Kaggle notebook is not a LeetCode easy); "
            "set them in Edit > Preferences.",
            icon("practice"),
        )
        self.columns_button = self.empty_state.add_button("CSV columns…", "What a CSV file holds")
        self.columns_button.clicked.connect(self.show_csv_columns)
        self.content = QStackedWidget()
        self.content.addWidget(self.empty_state)
        self.content.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.content, 1)
        self.setTabOrder(new_button, self.import_button)
        self.setTabOrder(self.import_button, self.export_button)
        self.setTabOrder(self.export_button, self.search_edit)
        self.reload()

    # data -----------------------------------------------------------------------------

    def refresh(self, event: DataChanged) -> None:
        self.reload()

    def is_idle(self) -> bool:
        return self.reads.is_idle()

    def reload(self) -> None:
        """Reads the log on a worker thread; `_show_list` shows it when it arrives."""
        self.reads.start()

    def _read_failed(self, message: str) -> None:
        self.summary_label.setText(f"Your coding problems could not be read: {message}")

    def _show_list(self, data: ProblemList) -> None:
        """The new list, with the same problem selected and the table scrolled as it was."""
        wanted, self._select_when_read = self._select_when_read, None
        selected = wanted if wanted is not None else self.selected_problem_id()
        scroll = self.table.verticalScrollBar().value()
        rows = data.rows
        self._showing_rows = True
        try:
            self.model.set_rows(rows, data.texts)
        finally:
            self._showing_rows = False
        fit_columns(self.table, data.shapes)
        refill(self.platform_box, data.platforms)
        refill(self.pattern_box, data.patterns)
        solved = sum(r.solved for r in rows)
        attempts = sum(r.attempt_count for r in rows)
        self.summary_label.setText(
            f"{len(rows)} problems · {solved} solved · {attempts} attempts" if rows else ""
        )
        self.content.setCurrentWidget(self.splitter if rows else self.empty_state)
        self.export_button.setEnabled(bool(rows))
        if selected is None and not self._shown_once and rows:
            selected = int(self.proxy.index(0, 0).data(ID_ROLE))  # not a blank pane
        self._shown_once = True
        self.select_problem(selected)
        if wanted is None:
            self.table.verticalScrollBar().setValue(scroll)

    def select_item(self, kind: str, ref: object) -> None:
        """Search opens a problem here."""
        if kind == "problem" and isinstance(ref, int):
            self.select_problem(ref)

    def selected_problem_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def select_problem(self, problem_id: int | None) -> None:
        source_row = self.model.row_of(problem_id) if problem_id is not None else None
        if source_row is None and problem_id is not None and self.reads.loading:
            self._select_when_read = problem_id  # new: selected when the list brings it
            return
        index = (
            self.proxy.mapFromSource(self.model.index(source_row, 0))
            if source_row is not None
            else None
        )
        if index is None or not index.isValid():
            self.table.clearSelection()
            self._show_detail(None)
            return
        if not self.isVisible():
            # Selected when shown: scrolling to a row means nothing in a hidden table.
            self._select_when_shown = problem_id
            return
        already = self.selected_problem_id() == problem_id
        self.table.selectRow(index.row())  # a new selection shows its detail itself
        self.table.scrollTo(index)
        if already:
            self._show_detail(problem_id)  # shown again: it may have changed

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._select_when_shown is not None:
            wanted, self._select_when_shown = self._select_when_shown, None
            self.select_problem(wanted)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._showing_rows:  # the list is being replaced: its selection comes back
            self._show_detail(self.selected_problem_id())

    def _show_detail(self, problem_id: int | None) -> None:
        if problem_id is None:
            self.detail.show_detail(None)
            return
        self.detail.show_detail(self.ops.read(lambda s: ProblemRepository(s).detail(problem_id)))

    # actions --------------------------------------------------------------------------

    def new_item(self) -> None:
        """Ctrl+N (the main window's Edit > New) on this page."""
        self.new_action.trigger()

    def focus_filter(self) -> None:
        """Ctrl+F (Edit > Filter) on this page."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_problem(self) -> None:
        def submit(value: ProblemInput) -> None:
            new_id = self.ops.write(
                lambda s: ProblemRepository(s).add_problem(value), initiator=self
            )
            self._reset_filters()
            self.select_problem(new_id)

        self._open_problem_dialog(submit, None)

    def edit_problem(self) -> None:
        problem_id = self.selected_problem_id()
        if problem_id is None:
            return
        existing = self.ops.read(lambda s: ProblemRepository(s).detail(problem_id))

        def submit(value: ProblemInput) -> None:
            self.ops.write(
                lambda s: ProblemRepository(s).update_problem(problem_id, value), initiator=self
            )

        self._open_problem_dialog(submit, existing)

    def _open_problem_dialog(self, submit: Submit, existing: ProblemDetail | None) -> None:
        topics = self.ops.read(lambda s: ProblemRepository(s).topic_choices())
        dialog = ProblemDialog(topics, submit, existing, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def delete_problem(self) -> None:
        problem_id = self.selected_problem_id()
        if problem_id is None or self.detail.detail is None:
            return
        title = self.detail.detail.row.title
        self._ask(
            f"Delete “{title}” and all its attempts?",
            lambda: self.ops.delete(
                "problem",
                problem_id,
                lambda s: ProblemRepository(s).delete_problem(problem_id),
                initiator=self,
            ),
        )

    def show_csv_columns(self) -> None:
        dialog = CsvColumnsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def add_attempt(self, value: AttemptInput) -> None:
        problem_id = self.selected_problem_id()
        if problem_id is not None:
            self.ops.write(
                lambda s: ProblemRepository(s).add_attempt(problem_id, value), initiator=self
            )
            self.detail.attempt_added()

    def edit_attempt(self, attempt: AttemptRow) -> None:
        dialog = AttemptDialog(attempt, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.ops.write(
                lambda s: ProblemRepository(s).update_attempt(attempt.id, dialog.fields.value()),
                initiator=self,
            )
        )
        self.dialog = dialog
        dialog.open()

    def delete_attempt(self, attempt: AttemptRow) -> None:
        when = date_text(attempt.attempted_at)
        self._ask(
            f"Delete the attempt of {when} ({attempt.against_target.label()})?",
            lambda: self.ops.delete(
                "attempt",
                attempt.id,
                lambda s: ProblemRepository(s).delete_attempt(attempt.id),
                initiator=self,
            ),
        )

    def _ask(self, question: str, on_yes: Callable[[], object]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(on_yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    # helpers --------------------------------------------------------------------------

    def _filter_by(self, field: str) -> Callable[[str], None]:
        return lambda value: self.proxy.set_filter(**{field: value})

    def _reset_filters(self) -> None:
        for box in (self.platform_box, self.difficulty_box, self.pattern_box, self.solved_box):
            box.setCurrentIndex(0)
        self.search_edit.clear()

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self.model.rowCount() > 0)
        self.import_button.setText("Importing…" if busy else "Import…")
