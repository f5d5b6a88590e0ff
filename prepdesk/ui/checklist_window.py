"""The pre-interview checklist of one stage, in its own top-level window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.checklist_rules import SECTION_TITLES, SECTIONS
from prepdesk.core.presentation import label, weekday_datetime_text
from prepdesk.store.changes import Change
from prepdesk.store.repositories.checklist import ChecklistRepository, ChecklistRow
from prepdesk.store.repositories.stages import StageRepository, StageRow
from prepdesk.ui.brief_export import ask_and_write_brief
from prepdesk.ui.change_subscription import ChangeSubscription
from prepdesk.ui.clock import Clock, countdown_text, system_clock
from prepdesk.ui.operations import Operations
from prepdesk.ui.wrapping_rows import wrap_rows

ITEM_ID = Qt.ItemDataRole.UserRole
# What can change a checklist: its own items, the stage, the company, and the practice data.
RELEVANT = (
    Change.CHECKLIST
    | Change.STAGES
    | Change.COMPANIES
    | Change.PRACTICE
    | Change.PROBLEMS
    | Change.RATINGS
    | Change.REVIEWS
    | Change.SESSIONS
    | Change.STORIES
    | Change.DESIGN
)


class ChecklistWindow(QWidget):
    def __init__(
        self,
        ops: Operations,
        stage_id: int,
        parent: QWidget | None = None,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ops = ops
        self.stage_id = stage_id
        self._clock = clock
        self._stage: StageRow | None = None
        self.rows: list[ChecklistRow] = []
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 640)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.when = QLabel()
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Checklist progress")
        self.progress.setFormat("%v of %m done")

        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Checklist items")
        self.tree.setHeaderLabels(["Item", "Evidence"])
        self.tree.setRootIsDecorated(False)
        wrap_rows(self.tree)  # the evidence shows whole, not only on hover
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 420)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.section = QComboBox()
        self.section.setAccessibleName("Section of the new item")
        for key in SECTIONS:
            self.section.addItem(SECTION_TITLES[key], key)
        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText("Add your own item…")
        self.new_text.setAccessibleName("New checklist item")
        self.new_text.returnPressed.connect(self.add_item)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add item")
        self.add_button.clicked.connect(self.add_item)
        self.up_button = self._button("Move up", "Ctrl+Up", lambda: self.move_current(-1))
        self.down_button = self._button("Move down", "Ctrl+Down", lambda: self.move_current(1))
        self.auto_button = self._button("Use automatic", None, self.use_automatic)
        self.remove_button = self._button("Remove", QKeySequence.StandardKey.Delete, self.remove)
        self.brief_button = self._button("Write brief…", "Ctrl+P", self.write_brief)
        self.close_button = self._button("Close", None, self.close)

        header = QVBoxLayout()
        header.addWidget(self.title)
        top_line = QHBoxLayout()
        top_line.addWidget(self.when, 1)
        top_line.addWidget(self.countdown)
        header.addLayout(top_line)
        header.addWidget(self.progress)
        adding = QHBoxLayout()
        adding.addWidget(self.section)
        adding.addWidget(self.new_text, 1)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.auto_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.brief_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tree, 1)
        layout.addLayout(adding)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.tree, self.section)
        QWidget.setTabOrder(self.section, self.new_text)
        QWidget.setTabOrder(self.new_text, self.add_button)

        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self._update_countdown)
        self._timer.start()
        self.subscription = ChangeSubscription(ops, self, RELEVANT, lambda _e: self.refresh())
        self.refresh()

    def _button(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        if shortcut is not None:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        button.clicked.connect(slot)
        return button

    # data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        now = self._clock()
        try:
            self._stage, self.rows = self.ops.read(
                lambda s: (
                    StageRepository(s).get(self.stage_id),
                    ChecklistRepository(s).rows(self.stage_id, now),
                )
            )
        except LookupError:  # the stage was deleted elsewhere
            self.close()
            return
        stage = self._stage
        self.setWindowTitle(f"Checklist: {stage.company}, {stage.type_name}")
        self.title.setText(f"{stage.company}: {stage.type_name}")
        start = stage.local_start()
        stage_format = label("stage_format", stage.format)
        self.when.setText(
            f"{weekday_datetime_text(start, in_zone=True)} ({stage.timezone}) · {stage_format}"
            if start
            else f"Not scheduled yet · {stage_format}"
        )
        self._fill_tree()
        self.progress.setMaximum(max(len(self.rows), 1))
        self.progress.setValue(sum(r.checked for r in self.rows))
        self._update_countdown()
        self._update_buttons()

    def _fill_tree(self) -> None:
        current = self.current_item_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        if not self.rows:
            empty = QTreeWidgetItem(["No items yet: add your own below."])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
        for section in SECTIONS:
            rows = [r for r in self.rows if r.section == section]
            if not rows:
                continue
            heading = QTreeWidgetItem([SECTION_TITLES[section]])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(heading)
            for row in rows:
                item = QTreeWidgetItem(heading, [row.text, _evidence_text(row)])
                item.setData(0, ITEM_ID, row.id)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(
                    0, Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
                )
                item.setToolTip(1, _evidence_text(row))
                if row.id == current:
                    self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self.tree.blockSignals(False)

    def _update_countdown(self) -> None:
        at = self._stage.scheduled_at if self._stage else None
        self.countdown.setText(countdown_text(at, self._clock()))

    def _update_buttons(self) -> None:
        row = self.current_row()
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(row is not None)
        # Found without selecting first: with no item set by you selected, it acts on all.
        overridden = self.overridden_ids()
        if row is not None and row.id in overridden:
            self.auto_button.setText("Use automatic")
            self.auto_button.setToolTip("Let prepdesk tick this item from your data again")
        elif overridden:
            self.auto_button.setText(f"Use automatic for all ({len(overridden)})")
            self.auto_button.setToolTip(
                "Let prepdesk tick every item you set by hand from your data again"
            )
        else:
            self.auto_button.setText("Use automatic")
            self.auto_button.setToolTip("No item is set by hand: every automatic item follows")
        self.auto_button.setEnabled(bool(overridden))

    def overridden_ids(self) -> list[int]:
        """The automatic items the person ticked or unticked by hand."""
        return [r.id for r in self.rows if r.rule and not r.automatic]

    # selection --------------------------------------------------------------------------

    def current_item_id(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, ITEM_ID) if item is not None else None
        return int(value) if value is not None else None

    def current_row(self) -> ChecklistRow | None:
        item_id = self.current_item_id()
        return next((r for r in self.rows if r.id == item_id), None)

    def tree_item(self, text: str) -> QTreeWidgetItem:
        """The tree item showing `text` (for tests and keyboard users' lookups)."""
        found = self.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not found:
            raise LookupError(text)
        return found[0]

    # actions ----------------------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        item_id = item.data(0, ITEM_ID)
        if item_id is None or column != 0:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        # Deferred: the write rebuilds the tree, which must not happen inside the item's setData.
        QTimer.singleShot(
            0,
            self,  # dropped if this widget is gone by then
            lambda: self.ops.write(
                lambda s: ChecklistRepository(s).set_checked(int(item_id), checked), initiator=self
            ),
        )

    def add_item(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            return
        section = self.section.currentData()
        self.ops.write(
            lambda s: ChecklistRepository(s).add(self.stage_id, section, text), initiator=self
        )
        self.new_text.clear()

    def remove(self) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            self.ops.delete(
                "checklist_item",
                item_id,
                lambda s: ChecklistRepository(s).remove(item_id),
                initiator=self,
            )

    def move_current(self, delta: int) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            self.ops.write(lambda s: ChecklistRepository(s).move(item_id, delta), initiator=self)

    def use_automatic(self) -> None:
        overridden = self.overridden_ids()
        item_id = self.current_item_id()
        chosen = [item_id] if item_id in overridden else overridden
        if chosen:
            self.ops.write(
                lambda s: _clear_overrides(ChecklistRepository(s), chosen), initiator=self
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc, as in a dialog: clears a new item being typed first, else closes the window."""
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
        elif self.focusWidget() is self.new_text and self.new_text.text():
            self.new_text.clear()
        else:
            self.close()

    def write_brief(self) -> None:
        ask_and_write_brief(self.ops, self.stage_id, self, disable=[self.brief_button])

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self.subscription.deleteLater()  # a closed window stops following the data
        super().closeEvent(event)


def _clear_overrides(repository: ChecklistRepository, item_ids: list[int]) -> None:
    for item_id in item_ids:
        repository.clear_override(item_id)


def _evidence_text(row: ChecklistRow) -> str:
    if not row.rule:
        return ""
    if row.automatic:
        return row.evidence
    return f"Set by you (automatic: {row.evidence})"


def open_checklist_window(
    ops: Operations, stage_id: int, parent: QWidget | None = None
) -> ChecklistWindow:
    """Open (and show) the checklist window of a stage; the dashboard calls this too."""
    window = ChecklistWindow(ops, stage_id, parent)
    window.show()
    if QGuiApplication.platformName() != "offscreen":  # it cannot raise, and warns
        window.raise_()
    window.activateWindow()
    return window
