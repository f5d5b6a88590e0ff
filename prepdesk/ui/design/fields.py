"""Two fields an EditForm can bind: a 1-4 self-score and a list of items to tick."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.design_practice import SCORES, checked_items
from prepdesk.ui.full_text_tips import show_full_text_on_hover


class ScoreChoice(QWidget):
    """Four radio buttons, 1 to 4, each with its rubric level as tooltip; None when unset."""

    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for score, meaning in SCORES.items():
            button = QRadioButton(str(score))
            button.setToolTip(meaning)
            button.setAccessibleName(f"{name}: {score}")
            self.group.addButton(button, score)
            self.buttons[score] = button
            layout.addWidget(button)
        self.group.idClicked.connect(lambda _id: self.edited.emit())

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return checked if checked in SCORES else None

    def set_value(self, value: int | None) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)
            return
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)


class ChecklistField(QWidget):
    """Items to tick; the value is the ticked items, one a line, in the list's order."""

    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        show_full_text_on_hover(self.list)
        self.list.setAccessibleName(name)
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(lambda _item: self.edited.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

    def set_items(self, items: list[str]) -> None:
        ticked = set(checked_items(self.value()))
        self.list.blockSignals(True)
        self.list.clear()
        for text in items:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if text in ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def value(self) -> str:
        return "\n".join(i.text() for i in self.items() if i.checkState() == Qt.CheckState.Checked)

    def set_value(self, value: str | None) -> None:
        ticked = set(checked_items(value or ""))
        self.list.blockSignals(True)
        for item in self.items():
            state = Qt.CheckState.Checked if item.text() in ticked else Qt.CheckState.Unchecked
            item.setCheckState(state)
        self.list.blockSignals(False)
