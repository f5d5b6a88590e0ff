"""A company's fields and values, edited in place and saved in one operation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.interview_pipeline import COMPANY_STATUSES
from prepdesk.store.repositories.companies import CompanyDetail, CompanyRepository
from prepdesk.ui.operations import Operations

VALUE_ID = Qt.ItemDataRole.UserRole


def _text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class OverviewTab(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.company_id: int | None = None
        self.name = QLineEdit()
        self.name.setAccessibleName("Company name")
        self.role = QLineEdit()
        self.role.setAccessibleName("Role applied for")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItems(list(COMPANY_STATUSES))
        self.links = _text_box("Links", 2)
        self.products = _text_box("Products")
        self.ml_usage = _text_box("How they use ML")
        self.culture = _text_box("Values and culture")
        self.values = QListWidget()
        self.values.setAccessibleName("Company values")
        self.values.setFlow(QListWidget.Flow.LeftToRight)
        self.values.setWrapping(True)
        self.values.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.save_button = QPushButton("Save")
        self.save_button.setAccessibleName("Save company")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Role", self.role)
        form.addRow("Status", self.status)
        form.addRow("Links", self.links)
        form.addRow("Products", self.products)
        form.addRow("How they use ML", self.ml_usage)
        form.addRow("Values and culture", self.culture)
        form.addRow("Values (for stories)", self.values)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_company(self, detail: CompanyDetail, competencies: list[tuple[int, str]]) -> None:
        self.company_id = detail.id
        self.name.setText(detail.name)
        self.role.setText(detail.role)
        self.status.setCurrentText(detail.status)
        self.links.setPlainText(detail.links)
        self.products.setPlainText(detail.products)
        self.ml_usage.setPlainText(detail.ml_usage)
        self.culture.setPlainText(detail.culture)
        self.values.clear()
        for competency_id, name in competencies:
            item = QListWidgetItem(name)
            item.setData(VALUE_ID, competency_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = competency_id in detail.value_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.values.addItem(item)

    def chosen_values(self) -> list[int]:
        return [
            int(self.values.item(i).data(VALUE_ID))
            for i in range(self.values.count())
            if self.values.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        company_id = self.company_id
        if company_id is None:
            return
        fields = {
            "name": self.name.text().strip() or "Unnamed company",
            "role": self.role.text().strip(),
            "status": self.status.currentText(),
            "links": self.links.toPlainText(),
            "products": self.products.toPlainText(),
            "ml_usage": self.ml_usage.toPlainText(),
            "culture": self.culture.toPlainText(),
        }
        values = self.chosen_values()

        def save(session: Session) -> None:
            repo = CompanyRepository(session)
            repo.update(company_id, **fields)
            repo.set_values(company_id, values)

        self.ops.write(save, initiator=self)
