"""A company's fields and values, each saved as it is typed."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.interview_pipeline import COMPANY_STATUSES
from prepdesk.store.repositories.companies import CompanyDetail, CompanyRepository
from prepdesk.ui.choice_combo import add_choices
from prepdesk.ui.companies.fields import ChoiceList
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.operations import Operations


def save_company(session: Session, key: Hashable, values: dict[str, Any]) -> None:
    """An EditForm's save of a company's fields (`value_ids`: the company's values)."""
    assert isinstance(key, int)
    repo = CompanyRepository(session)
    fields = dict(values)
    if "value_ids" in fields:
        repo.set_values(key, fields.pop("value_ids"))
    if fields:
        repo.update(key, **fields)


def text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class OverviewTab(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.name = QLineEdit()
        self.name.setAccessibleName("Company name")
        self.role = QLineEdit()
        self.role.setAccessibleName("Role applied for")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        add_choices(self.status, "company_status", COMPANY_STATUSES)
        self.links = text_box("Links", 2)
        self.products = text_box("Products")
        self.ml_usage = text_box("How they use ML")
        self.culture = text_box("Values and culture")
        self.values = ChoiceList("Company values", 3)
        self.form = EditForm(ops, save_company, self, what=lambda _key: "the company's overview")
        for name, widget in (
            ("name", self.name),
            ("role", self.role),
            ("status", self.status),
            ("links", self.links),
            ("products", self.products),
            ("ml_usage", self.ml_usage),
            ("culture", self.culture),
            ("value_ids", self.values),
        ):
            self.form.bind(name, widget)
        self.save_status = SaveStatus(self.form)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Role", self.role)
        form.addRow("Status", self.status)
        form.addRow("Links", self.links)
        form.addRow("Products", self.products)
        form.addRow("How they use ML", self.ml_usage)
        form.addRow("Values and culture", self.culture)
        form.addRow("Values (for stories)", self.values)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.save_status)

    @property
    def company_id(self) -> int | None:
        key = self.form.key
        return key if isinstance(key, int) else None

    def show_company(self, detail: CompanyDetail, competencies: list[tuple[int, str]]) -> None:
        if detail.id != self.form.key:
            self.form.flush()  # before the choices change under the old company's ticks
        self.values.set_choices(competencies)
        self.form.load(
            detail.id,
            {
                "name": detail.name,
                "role": detail.role,
                "status": detail.status,
                "links": detail.links,
                "products": detail.products,
                "ml_usage": detail.ml_usage,
                "culture": detail.culture,
                "value_ids": list(detail.value_ids),
            },
        )
