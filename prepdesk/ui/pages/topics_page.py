"""The Topics page: curriculum tree, the selected topic's detail, today's plan and reviews."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QInputDialog,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.planner import format_day
from prepdesk.store.changes import Change
from prepdesk.store.repositories.next_interview import NextInterview, next_interview
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.operations import DataChanged, Operations
from prepdesk.ui.pages.page import Page
from prepdesk.ui.today_panel import TodayPanel
from prepdesk.ui.topics.review_dialog import ReviewDialog
from prepdesk.ui.topics.study_timer import study_timer_for
from prepdesk.ui.topics.topic_detail import TopicDetailPane
from prepdesk.ui.topics.topic_tree import TopicTree

REFRESH_ON = (
    Change.TOPICS
    | Change.RATINGS
    | Change.SESSIONS
    | Change.REVIEWS
    | Change.STAGES
    | Change.SETTINGS
)


class TopicsPage(Page):
    depends_on = REFRESH_ON
    can_create = True

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._ops = ops
        self.timer = study_timer_for(ops)
        self.recalls: dict[int, float | None] = {}
        self.interview: NextInterview | None = None
        self.review_dialog: ReviewDialog | None = None
        self._topics_shown = 0

        self.toolbar = QToolBar("Topics")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.review_action = self._action("Review due", "Ctrl+R", self.open_review)
        # Room for "Review due (999)": the toolbar does not shift when the count changes.
        review_button = self.toolbar.widgetForAction(self.review_action)
        review_button.setMinimumWidth(
            review_button.sizeHint().width()
            + review_button.fontMetrics().horizontalAdvance(" (999)")
        )
        self.toolbar.addSeparator()
        # Ctrl+N reaches add_topic through new_item (the main window's Edit > New).
        self.add_action = self._action("Add topic…", None, self.add_topic)
        self.add_action.setToolTip("Add topic… (Ctrl+N)")
        self.rename_action = self._action("Rename…", "F2", self.rename_topic)
        self.move_action = self._action("Move to area…", None, self.move_topic)
        self.archive_action = self._action("Archive", None, self.toggle_archived)
        self.targets_action = self._action("Targets and weights…", "Ctrl+T", self.edit_targets)
        self.profile_action = self._action("Apply role profile…", None, self.apply_profile)
        self.toolbar.addSeparator()
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.setAccessibleName("Show archived topics")
        self.show_archived.toggled.connect(lambda _on: self.reload())
        self.toolbar.addWidget(self.show_archived)
        self.area_filter = QComboBox()
        self.area_filter.setAccessibleName("Show topics of area")
        self.area_filter.setToolTip("Show the topics of one area, or of all areas")
        self.area_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.area_filter.addItem("All areas", "")
        self.area_filter.currentIndexChanged.connect(self._area_chosen)
        self.toolbar.addWidget(self.area_filter)
        self.toolbar.addSeparator()
        self.settings_action = self._action(
            "Review and plan preferences…", None, self.open_settings
        )

        self.tree = TopicTree()
        self.today = TodayPanel(ops)
        self.detail = TopicDetailPane(ops)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.today)
        right_layout.addWidget(self.detail, 1)
        # On a short window the right column scrolls rather than squeeze its lines.
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setWidget(right)
        right_scroll.setAccessibleName("Today and the selected topic")
        right_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds
        right_scroll.setMinimumWidth(
            right.minimumSizeHint().width() + right_scroll.verticalScrollBar().sizeHint().width()
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(right_scroll)
        # The tree takes what the window gains or loses; the detail keeps a readable width.
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        detail_width = self.fontMetrics().averageCharWidth() * 60
        splitter.setSizes([detail_width * 2, detail_width])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        self.tree.topic_selected.connect(self._show_topic)
        # The due count comes with the Today panel's read, on a worker thread; until it
        # arrives the action keeps its text, and its width fits a count from the start.
        self.today.refreshed.connect(self._show_due_count)
        self._reserve_review_width()
        self.setTabOrder(self.tree, self.today)
        self.setTabOrder(self.today, self.detail)
        self.reload()

    def _action(self, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def refresh(self, event: DataChanged) -> None:
        self.reload()

    def reload(self) -> None:
        now = self.timer.clock()
        include = self.show_archived.isChecked()
        areas, interview = self._ops.read(
            lambda s: (TopicRepository(s).tree(now, include), next_interview(s, now))
        )
        self.interview = interview
        self.recalls = {t.id: t.recall_at_interview for a in areas for t in a.topics}
        self._fill_area_filter([(a.key, a.name) for a in areas])
        shown = self._topics_shown
        self.tree.load(areas, now)  # shows the current topic when it sets one
        if self._topics_shown == shown:  # no current topic was set: show what is current
            self._show_topic(self.tree.current_topic_id())

    def _show_due_count(self) -> None:
        count = self.today.due_count
        if count is not None:
            self.review_action.setText(f"Review due ({count})" if count else "Review due")

    def _reserve_review_width(self) -> None:
        button = self.toolbar.widgetForAction(self.review_action)
        if button is not None:
            text = self.review_action.text()
            self.review_action.setText("Review due (000)")
            button.setMinimumWidth(button.sizeHint().width())
            self.review_action.setText(text)

    def _fill_area_filter(self, areas: list[tuple[str, str]]) -> None:
        chosen = self.area_filter.currentData() or ""
        self.area_filter.blockSignals(True)
        self.area_filter.clear()
        self.area_filter.addItem("All areas", "")
        for key, name in areas:
            self.area_filter.addItem(name, key)
        self.area_filter.setCurrentIndex(max(self.area_filter.findData(chosen), 0))
        self.area_filter.blockSignals(False)
        self.tree.area_filter = self.area_filter.currentData()

    def _area_chosen(self, _index: int) -> None:
        # A new current topic reaches the detail pane through tree.topic_selected.
        self.tree.filter_area(self.area_filter.currentData() or "")

    def show_area(self, area_key: str) -> None:
        """Show only the topics of `area_key` ("" for all), e.g. from a dashboard chart."""
        self.area_filter.setCurrentIndex(max(self.area_filter.findData(area_key), 0))

    def _interview_label(self) -> str:
        if self.interview is None:
            return ""
        day = format_day(self.interview.at.astimezone().date())
        return f"{self.interview.company}, {day}" if self.interview.company else day

    def _show_topic(self, topic_id: int | None) -> None:
        self._topics_shown += 1  # each show reads the topic's detail: once per reload
        self.detail.show_topic(topic_id, self.recalls.get(topic_id or -1), self._interview_label())
        if self.detail.topic is not None:
            self.archive_action.setText("Unarchive" if self.detail.topic.archived else "Archive")
        for action in (self.rename_action, self.move_action, self.archive_action):
            action.setEnabled(topic_id is not None)

    # --- actions ------------------------------------------------------------------------

    def select_item(self, kind: str, ref: object) -> None:
        """A topic (from search), or an area's topics (from a dashboard chart)."""
        if kind == "topic" and isinstance(ref, int):
            self.tree.select_topic(ref)
        elif kind == "area":
            self.show_area(str(ref or ""))

    def open_review(self) -> None:
        self.review_dialog = ReviewDialog(self._ops, self.window(), clock=self.timer.clock)
        self.review_dialog.open()

    def open_settings(self) -> None:
        """Retention, review limit, target date and hours live in the one Preferences dialog."""
        from prepdesk.ui.preferences_dialog import PreferencesDialog

        self.preferences_dialog = PreferencesDialog(self._ops, self)
        self.preferences_dialog.open()

    def new_item(self) -> None:
        self.add_topic()

    def add_topic(self) -> None:
        areas = self._ops.read(lambda s: TopicRepository(s).areas())
        names = [name for _id, name in areas]
        current = self.detail.topic.area_name if self.detail.topic else names[0]
        area, ok = QInputDialog.getItem(
            self, "Add topic", "Area:", names, names.index(current), False
        )
        if not ok:
            return
        name, ok = QInputDialog.getText(self, "Add topic", "Topic name:")
        if ok and name.strip():
            area_id = areas[names.index(area)][0]
            new_id = self._ops.write(
                lambda s: TopicRepository(s).add_topic(area_id, name), initiator=self
            )
            self.tree.select_topic(new_id)

    def rename_topic(self) -> None:
        topic = self.detail.topic
        if topic is None:
            return
        name, ok = QInputDialog.getText(self, "Rename topic", "New name:", text=topic.name)
        if ok and name.strip():
            self._ops.write(lambda s: TopicRepository(s).rename(topic.id, name), initiator=self)

    def move_topic(self) -> None:
        topic = self.detail.topic
        if topic is None:
            return
        areas = self._ops.read(lambda s: TopicRepository(s).areas())
        names = [name for _id, name in areas]
        area, ok = QInputDialog.getItem(
            self, "Move topic", f"Move {topic.name} to:", names, names.index(topic.area_name), False
        )
        if ok:
            area_id = areas[names.index(area)][0]
            self._ops.write(lambda s: TopicRepository(s).move(topic.id, area_id), initiator=self)

    def edit_targets(self) -> None:
        from prepdesk.ui.topics.targets_dialog import TargetsDialog

        ids = self.tree.selected_topic_ids()
        if ids:
            self.targets_dialog = TargetsDialog(self._ops, ids, self)
            self.targets_dialog.open()

    def apply_profile(self) -> None:
        from prepdesk.ui.topics.targets_dialog import apply_role_profile

        apply_role_profile(self._ops, self)

    def toggle_archived(self) -> None:
        topic = self.detail.topic
        if topic is not None:
            self._ops.write(
                lambda s: TopicRepository(s).set_archived(topic.id, not topic.archived),
                initiator=self,
            )
