"""Every topic on one screen, rated with the keyboard: a digit 0-5 rates and moves on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from prepdesk.core.levels import LEVEL_MAX, LEVEL_MEANINGS, LEVEL_MIN
from prepdesk.store.repositories.topics import AreaRow

TOPIC_ROLE = Qt.ItemDataRole.UserRole
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(LEVEL_MIN, LEVEL_MAX + 1)}
NOT_RATED = "—"


def level_text(level: int | None) -> str:
    """'2  Basics' (the meaning's short name; the full meaning is the tooltip)."""
    return NOT_RATED if level is None else f"{level}  {LEVEL_MEANINGS[level].split(':')[0]}"


class SelfAssessment(QTreeWidget):
    """Area → topic rows with a level each; digits set the current topic's level."""

    rated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Self-assessment: press 0 to 5 to rate the selected topic")
        self.setColumnCount(2)
        self.setHeaderLabels(["Topic", "Your level (press 0–5)"])
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.levels: dict[int, int | None] = {}

    def load(self, areas: list[AreaRow]) -> None:
        self.clear()
        self.levels = {}
        first: QTreeWidgetItem | None = None
        for area in areas:
            if not area.topics:
                continue
            area_item = QTreeWidgetItem([area.name, ""])
            font = area_item.font(0)
            font.setBold(True)
            area_item.setFont(0, font)
            area_item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, never current
            self.addTopLevelItem(area_item)
            for topic in area.topics:
                item = QTreeWidgetItem([topic.name, level_text(topic.level)])
                item.setData(0, TOPIC_ROLE, topic.id)
                area_item.addChild(item)
                self.levels[topic.id] = topic.level
                first = first or item
            area_item.setExpanded(True)
        if first is not None:
            self.setCurrentItem(first)

    def topic_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.topLevelItemCount()):
            area = self.topLevelItem(i)
            if area is not None:
                children = (area.child(j) for j in range(area.childCount()))
                items += [child for child in children if child is not None]
        return items

    def set_all_unrated(self, level: int) -> None:
        for item in self.topic_items():
            topic_id = item.data(0, TOPIC_ROLE)
            if self.levels.get(topic_id) is None:
                self._set(item, level)
        self.rated.emit()

    def rated_count(self) -> int:
        return sum(1 for level in self.levels.values() if level is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        level = DIGITS.get(Qt.Key(event.key()))
        item = self.currentItem()
        if level is None or item is None or item.data(0, TOPIC_ROLE) is None:
            super().keyPressEvent(event)
            return
        self._set(item, level)
        items = self.topic_items()
        index = items.index(item)
        if index + 1 < len(items):
            self.setCurrentItem(items[index + 1])
            self.scrollToItem(items[index + 1])
        self.rated.emit()

    def _set(self, item: QTreeWidgetItem, level: int) -> None:
        self.levels[item.data(0, TOPIC_ROLE)] = level
        item.setText(1, level_text(level))
        item.setToolTip(1, LEVEL_MEANINGS[level])
