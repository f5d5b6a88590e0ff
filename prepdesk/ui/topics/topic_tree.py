"""The curriculum tree, area → topic, with mastery, review and study-time columns."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from prepdesk.core.levels import format_level
from prepdesk.core.mastery import AreaMastery, TopicLevel, area_mastery
from prepdesk.store.repositories.topics import AreaRow, TopicRow
from prepdesk.ui.colours import ThemeColours
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.primary_names import mark_primary
from prepdesk.ui.theme import current_colours, follow_theme

# Two-line headers keep the columns narrow, leaving room for topic names.
COLUMNS = (
    "Topic",
    "Recall at\ninterview",
    "Mastery",
    "Target",
    "Last\nstudied",
    "Review\ndue",
    "Time\nstudied",
)

RECALL_COLUMN = 1
MASTERY_COLUMN = 2
OPTIONAL_COLUMNS = (6, 4)  # time studied, last studied: hidden first on a narrow window
TOPIC_ROLE = Qt.ItemDataRole.UserRole
AREA_ROLE = Qt.ItemDataRole.UserRole + 1  # an area row's key
RECALL_ROLE = Qt.ItemDataRole.UserRole + 2  # a topic row's predicted recall


def area_mastery_of(area: AreaRow) -> AreaMastery:
    return area_mastery(TopicLevel(t.level, t.target, t.weight) for t in area.topics)


def _paint_recall(item: QTreeWidgetItem, colours: ThemeColours) -> None:
    recall = item.data(RECALL_COLUMN, RECALL_ROLE)
    if recall is None:
        return
    swatch = colours.recall(recall)
    item.setBackground(RECALL_COLUMN, QBrush(QColor(swatch.background)))
    item.setForeground(RECALL_COLUMN, QBrush(QColor(swatch.text)))


def format_minutes(minutes: int) -> str:
    if minutes == 0:
        return "—"
    hours, rest = divmod(minutes, 60)
    return f"{hours}h {rest:02d}m" if hours else f"{rest}m"


def format_when(value: datetime | None, now: datetime) -> str:
    if value is None:
        return "never"
    days = (value.astimezone().date() - now.astimezone().date()).days
    if days == 0:
        return "today"
    if days == -1:
        return "yesterday"
    if days == 1:
        return "tomorrow"
    if days < 0:
        return f"{-days} days ago"
    return f"in {days} days"


class TopicTree(QTreeWidget):
    topic_selected = Signal(object)  # topic id, or None for an area / nothing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area_filter = ""  # an area key; "" shows every area
        self._fitting = False
        self.setAccessibleName("Topics")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        mark_primary(self, (0,))
        show_full_text_on_hover(self)  # topic names on a narrow window
        # Several topics at once (Targets and weights…); the current one shows in detail.
        self.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        header = self.header()
        # The name takes the room the figures leave, never less than a readable width
        # (a Stretch column would shrink to nothing on a narrow window).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._section_resized)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 6)
        self.headerItem().setToolTip(
            RECALL_COLUMN,
            "The chance you will recall the topic at your next interview (FSRS prediction).",
        )
        self.currentItemChanged.connect(self._on_current)
        follow_theme(self, self._paint_recalls)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_names()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column:  # a figure column changed width: the name column takes what is left
            self._fit_names()

    def _fit_names(self) -> None:
        """The name column takes the width the figures leave; on a narrow window the
        least needed figures (time studied, then last studied) step aside first."""
        if self._fitting:
            return
        self._fitting = True
        header = self.header()
        least = self.fontMetrics().averageCharWidth() * 26
        try:
            for column in OPTIONAL_COLUMNS:
                header.setSectionHidden(column, False)
            for column in OPTIONAL_COLUMNS:
                if self.viewport().width() - self._figures_width() >= least:
                    break
                header.setSectionHidden(column, True)
            self.setColumnWidth(0, max(self.viewport().width() - self._figures_width(), least))
        finally:
            self._fitting = False

    def _figures_width(self) -> int:
        header = self.header()
        return sum(
            header.sectionSize(c) for c in range(1, len(COLUMNS)) if not header.isSectionHidden(c)
        )

    def load(self, areas: list[AreaRow], now: datetime) -> None:
        selected = self.current_topic_id()
        collapsed = {
            item.text(0).split("  ·  ")[0] for item in self.area_items() if not item.isExpanded()
        }
        self.blockSignals(True)
        self.clear()
        restore: QTreeWidgetItem | None = None
        for area in areas:
            summary = [area.name]
            if area.topics:
                summary.append(f"mastery {area_mastery_of(area).label()}")
            total = sum(t.total_minutes for t in area.topics)
            if total:
                summary.append(f"{format_minutes(total)} studied")
            area_item = QTreeWidgetItem(["  ·  ".join(summary)])
            font = area_item.font(0)
            font.setBold(True)
            area_item.setFont(0, font)
            area_item.setData(0, AREA_ROLE, area.key)
            self.addTopLevelItem(area_item)
            for topic in area.topics:
                item = self._topic_item(topic, now)
                area_item.addChild(item)
                if topic.id == selected:
                    restore = item
            area_item.setFirstColumnSpanned(True)
            area_item.setExpanded(area_item.text(0).split("  ·  ")[0] not in collapsed)
        self.blockSignals(False)
        if restore is not None:
            self.setCurrentItem(restore)
        elif (first := self.topLevelItem(0)) is not None and (first_topic := first.child(0)):
            self.setCurrentItem(first_topic)
        self.filter_area(self.area_filter)

    def _paint_recalls(self, colours: ThemeColours) -> None:
        for area in self.area_items():
            for item in self.topic_items(area):
                _paint_recall(item, colours)

    def area_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def topic_items(self, area: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        items = (area.child(j) for j in range(area.childCount()))
        return [item for item in items if item is not None]

    def visible_area_keys(self) -> list[str]:
        return [item.data(0, AREA_ROLE) for item in self.area_items() if not item.isHidden()]

    def filter_area(self, key: str) -> None:
        """Show only the area `key` ("" for all), expanded, with a topic of it selected."""
        known = {item.data(0, AREA_ROLE) for item in self.area_items()}
        self.area_filter = key if key in known else ""
        for item in self.area_items():
            item.setHidden(bool(self.area_filter) and item.data(0, AREA_ROLE) != self.area_filter)
        if not self.area_filter:
            return
        area = next(i for i in self.area_items() if i.data(0, AREA_ROLE) == self.area_filter)
        area.setExpanded(True)
        current = self.currentItem()
        inside = current is not None and area in (current, current.parent())
        if not inside:
            self.setCurrentItem(area.child(0) or area)
        self.scrollToItem(area, QTreeWidget.ScrollHint.PositionAtTop)

    def _topic_item(self, topic: TopicRow, now: datetime) -> QTreeWidgetItem:
        level = format_level(topic.level)
        recall = topic.recall_at_interview
        item = QTreeWidgetItem(
            [
                topic.name + (" (archived)" if topic.archived else ""),
                "—" if recall is None else f"{recall:.0%}",
                level,
                str(topic.target),
                format_when(topic.last_studied, now),
                format_when(topic.due, now) if topic.due else "new",
                format_minutes(topic.total_minutes),
            ]
        )
        item.setData(0, TOPIC_ROLE, topic.id)
        if recall is not None:
            item.setData(RECALL_COLUMN, RECALL_ROLE, recall)
            _paint_recall(item, current_colours())
            bold = item.font(RECALL_COLUMN)
            bold.setBold(True)
            item.setFont(RECALL_COLUMN, bold)
        else:
            item.setToolTip(
                RECALL_COLUMN, "Not yet reviewed: no known recall (counts 0 in readiness)."
            )
        if topic.level is not None and topic.level < topic.target:
            item.setToolTip(MASTERY_COLUMN, f"{topic.target - topic.level} below target")
        for column in range(1, len(COLUMNS)):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        return item

    def selected_topic_ids(self) -> list[int]:
        """The selected topics (the current one if none is selected)."""
        ids = [i.data(0, TOPIC_ROLE) for i in self.selectedItems() if i.data(0, TOPIC_ROLE)]
        current = self.current_topic_id()
        return ids or ([current] if current is not None else [])

    def current_topic_id(self) -> int | None:
        item = self.currentItem()
        return item.data(0, TOPIC_ROLE) if item is not None else None

    def select_topic(self, topic_id: int) -> None:
        for area in self.area_items():
            for item in self.topic_items(area):
                if item.data(0, TOPIC_ROLE) == topic_id:
                    self.setCurrentItem(item)
                    return

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.topic_selected.emit(current.data(0, TOPIC_ROLE) if current is not None else None)
