"""Questions to ask the interviewer: picked from the bank or written, ticked ready and asked."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.interview_pipeline import ASK_CATEGORIES
from prepdesk.core.presentation import label
from prepdesk.store.repositories.companies import (
    BankQuestion,
    CompanyRepository,
    QuestionRow,
)
from prepdesk.ui.choice_combo import add_choices
from prepdesk.ui.companies.fields import fill_combo
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations

QUESTION_ID = Qt.ItemDataRole.UserRole
READY, ASKED = 1, 2


class QuestionsTab(QWidget):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.company_id: int | None = None
        self.tree = QTreeWidget()
        show_full_text_on_hover(self.tree)
        self.tree.setAccessibleName("Questions to ask")
        self.tree.setHeaderLabels(["Question", "Ready", "Asked"])
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(READY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ASKED, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._on_item_changed)

        self.bank = QComboBox()
        self.bank.setAccessibleName("Question bank")
        self.bank.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.bank.setMinimumContentsLength(40)
        self.add_bank_button = QPushButton("Add from bank")
        self.add_bank_button.setAccessibleName("Add the question from the bank")
        self.add_bank_button.clicked.connect(self.add_from_bank)
        self.own = QLineEdit()
        self.own.setPlaceholderText("Your own question…")
        self.own.setAccessibleName("Your own question")
        self.own.returnPressed.connect(self.add_own)
        self.category = QComboBox()
        self.category.setAccessibleName("Category of your question")
        add_choices(self.category, "ask_category", ASK_CATEGORIES)
        self.add_own_button = QPushButton("Add")
        self.add_own_button.setAccessibleName("Add your own question")
        self.add_own_button.clicked.connect(self.add_own)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove question")
        self.remove_button.clicked.connect(self.remove)

        from_bank = QHBoxLayout()
        from_bank.addWidget(self.bank, 1)
        from_bank.addWidget(self.add_bank_button)
        own = QHBoxLayout()
        own.addWidget(self.own, 1)
        own.addWidget(self.category)
        own.addWidget(self.add_own_button)
        own.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(from_bank)
        layout.addLayout(own)

    def show_questions(
        self, company_id: int, questions: tuple[QuestionRow, ...], bank: list[BankQuestion]
    ) -> None:
        self.company_id = company_id
        self.tree.blockSignals(True)
        self.tree.clear()
        for category in ASK_CATEGORIES:
            rows = [q for q in questions if q.category == category]
            if not rows:
                continue
            ready = sum(q.ready for q in rows)
            heading = QTreeWidgetItem(
                [f"{label('ask_category', category)} ({ready} of {len(rows)} ready)"]
            )
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            self.tree.addTopLevelItem(heading)
            for question in rows:
                item = QTreeWidgetItem(heading, [question.text, "", ""])
                item.setData(0, QUESTION_ID, question.id)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                for column, flag in ((READY, question.ready), (ASKED, question.asked)):
                    item.setCheckState(
                        column, Qt.CheckState.Checked if flag else Qt.CheckState.Unchecked
                    )
        if not questions:
            empty = QTreeWidgetItem(["No questions yet: add some from the bank below."])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        chosen = {q.text for q in questions}
        fill_combo(
            self.bank,
            [
                (e.id, f"{label('ask_category', e.category)}: {e.text}")
                for e in bank
                if e.text not in chosen
            ],
        )

    def question_item(self, text: str) -> QTreeWidgetItem:
        found = self.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not found:
            raise LookupError(text)
        return found[0]

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        question_id = item.data(0, QUESTION_ID)
        if question_id is None or column not in (READY, ASKED):
            return
        checked = item.checkState(column) == Qt.CheckState.Checked
        flags = {"ready": checked} if column == READY else {"asked": checked}
        # Deferred: the write rebuilds the tree, which must not happen inside the item's setData.
        QTimer.singleShot(
            0,
            self,  # dropped if this widget is gone by then
            lambda: self.ops.write(
                lambda s: CompanyRepository(s).set_question_flags(int(question_id), **flags),
                initiator=self,
            ),
        )

    def add_from_bank(self) -> None:
        bank_id, company_id = self.bank.currentData(), self.company_id
        if bank_id is None or company_id is None:
            return
        self.ops.write(
            lambda s: CompanyRepository(s).add_from_bank(company_id, int(bank_id)), initiator=self
        )

    def add_own(self) -> None:
        text, company_id = self.own.text().strip(), self.company_id
        if not text or company_id is None:
            return
        category = str(self.category.currentData())
        self.ops.write(
            lambda s: CompanyRepository(s).add_own_question(company_id, text, category),
            initiator=self,
        )
        self.own.clear()

    def remove(self) -> None:
        item = self.tree.currentItem()
        question_id = item.data(0, QUESTION_ID) if item is not None else None
        if question_id is None:
            return
        self.ops.delete(
            "company_question",
            int(question_id),
            lambda s: CompanyRepository(s).remove_question(int(question_id)),
            initiator=self,
        )
