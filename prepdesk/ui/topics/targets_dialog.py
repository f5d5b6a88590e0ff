"""Targets, weights and hours per level of one topic or many at once; a role profile again.

A field whose selected topics differ shows "mixed" and is left as it is unless changed.
OK writes every changed field of every selected topic in one operation.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.levels import LEVEL_MAX, LEVEL_MEANINGS, LEVEL_MIN
from prepdesk.core.limits import HOURS_PER_LEVEL, TOPIC_WEIGHT
from prepdesk.store.repositories.role_profiles import RoleProfileRepository, role_profiles
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.operations import Operations

MIXED = "mixed"
NAMES_SHOWN = 4


def _mixed_spin(box: QSpinBox | QDoubleSpinBox, values: list[float], step: float) -> None:
    """Show the common value, or 'mixed' (one step below the range) when they differ."""
    if isinstance(box, QDoubleSpinBox):
        box.setSingleStep(step)
    box.setSpecialValueText(MIXED)
    common = values[0] if len(set(values)) == 1 else None
    box.setValue(common if common is not None else box.minimum())  # type: ignore[arg-type]


class TargetsDialog(QDialog):
    def __init__(self, ops: Operations, topic_ids: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self.topic_ids = topic_ids
        rows = ops.read(lambda s: TopicRepository(s).plan_fields(topic_ids))
        count = len(rows)
        self.setWindowTitle("Targets and weights" + (f" of {count} topics" if count > 1 else ""))
        names = [name for _id, name, *_rest in rows]
        shown = ", ".join(names[:NAMES_SHOWN])
        if count > NAMES_SHOWN:
            shown += f" and {count - NAMES_SHOWN} more"
        self.topics_label = QLabel(shown)
        self.topics_label.setWordWrap(True)

        self.target = QSpinBox()
        self.target.setRange(LEVEL_MIN - 1, LEVEL_MAX)  # the extra bottom value is "mixed"
        self.target.setAccessibleName("Target level")
        self.target.setToolTip(
            "\n".join(f"{level}: {meaning}" for level, meaning in LEVEL_MEANINGS.items())
        )
        _mixed_spin(self.target, [r[2] for r in rows], 1)
        self.weight = QDoubleSpinBox()
        self.weight.setDecimals(2)
        self.weight.setRange(TOPIC_WEIGHT.low - 0.05, TOPIC_WEIGHT.high)
        self.weight.setAccessibleName("Weight")
        self.weight.setToolTip("How much the topic counts in the plan's priorities and readiness.")
        _mixed_spin(self.weight, [r[3] for r in rows], 0.1)
        self.hours = QDoubleSpinBox()
        self.hours.setDecimals(2)
        self.hours.setRange(HOURS_PER_LEVEL.low - 0.25, HOURS_PER_LEVEL.high)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Hours per level")
        self.hours.setToolTip("Focused study hours to climb one level (what the plan budgets).")
        _mixed_spin(self.hours, [r[4] for r in rows], 0.25)

        form = QFormLayout()
        form.addRow("Topics:", self.topics_label)
        form.addRow("&Target level:", self.target)
        form.addRow("&Weight:", self.weight)
        form.addRow("&Hours per level:", self.hours)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _value(self, box: QSpinBox | QDoubleSpinBox) -> float | None:
        return None if box.value() == box.minimum() else box.value()

    def accept(self) -> None:
        target, weight, hours = (self._value(b) for b in (self.target, self.weight, self.hours))
        ids = self.topic_ids
        try:
            self._ops.write(
                lambda s: TopicRepository(s).set_plan_fields(
                    ids,
                    target=int(target) if target is not None else None,
                    weight=weight,
                    hours_per_level=hours,
                ),
                initiator=self,
                what="the targets and weights",
            )
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def apply_role_profile(ops: Operations, parent: QWidget) -> str | None:
    """Ask which role, confirm, and set every built-in topic's target and weight from it."""
    profiles = role_profiles()
    current = ops.read(lambda s: RoleProfileRepository(s).current())
    names = [p.name for p in profiles]
    index = names.index(current.name) if current else 0
    name, ok = QInputDialog.getItem(
        parent, "Apply a role profile", "Role you prepare for:", names, index, False
    )
    if not ok:
        return None
    profile = profiles[names.index(name)]
    answer = QMessageBox.question(
        parent,
        "Apply a role profile",
        f"Set the target level and weight of every built-in topic from the {profile.name} "
        "profile? Topics you added keep theirs; your ratings and notes are not touched.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    ops.write(
        lambda s: RoleProfileRepository(s).apply(profile.key),
        initiator=parent,
        what=f"the {profile.name} profile",
    )
    return profile.key
