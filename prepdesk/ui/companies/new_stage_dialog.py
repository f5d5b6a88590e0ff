"""Adding a stage starts with what kind of stage it is: its checklist follows from that."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from prepdesk.core.interview_pipeline import STAGE_FORMATS
from prepdesk.store.repositories.stages import StageTypeRow
from prepdesk.ui.choice_combo import add_choices
from prepdesk.ui.dialog_buttons import ok_cancel_buttons


class NewStageDialog(QDialog):
    def __init__(self, types: list[StageTypeRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add stage")
        self.stage_type = QComboBox()
        self.stage_type.setAccessibleName("Type of the new stage")
        for row in types:
            self.stage_type.addItem(row.name, row.id)
        self.format = QComboBox()
        self.format.setAccessibleName("Format of the new stage")
        add_choices(self.format, "stage_format", STAGE_FORMATS)
        buttons, self.ok_button = ok_cancel_buttons(self, "Add stage")
        hint = QLabel("Its checklist is made for this kind of stage; you can change both later.")
        hint.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(hint)
        layout.addRow("Type", self.stage_type)
        layout.addRow("Format", self.format)
        layout.addRow(buttons)

    def choice(self) -> tuple[int, str]:
        """(stage type id, format) as chosen."""
        return int(self.stage_type.currentData()), str(self.format.currentData())


def ask_new_stage(types: list[StageTypeRow], parent: QWidget) -> tuple[int, str] | None:
    dialog = NewStageDialog(types, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
    finally:
        dialog.deleteLater()
