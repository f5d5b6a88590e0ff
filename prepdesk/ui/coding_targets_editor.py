"""Coding targets per platform and difficulty, a grid of spin boxes for Preferences."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from prepdesk.core.coding_targets import CodingTargets
from prepdesk.core.limits import CODING_TARGET_MINUTES
from prepdesk.core.practice import DIFFICULTIES, PLATFORMS
from prepdesk.core.presentation import label


class CodingTargetsEditor(QGroupBox):
    """Minutes a solve should take, per platform (rows) and difficulty (columns)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Coding targets (minutes)", parent)
        self.setToolTip(
            "How long a solve should take when you are ready: a Kaggle notebook is not a "
            "15-minute LeetCode easy. Platforms not listed use Other."
        )
        grid = QGridLayout(self)
        for column, difficulty in enumerate(DIFFICULTIES, start=1):
            grid.addWidget(QLabel(label("difficulty", difficulty)), 0, column)
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        for row, platform in enumerate(PLATFORMS, start=1):
            grid.addWidget(QLabel(platform), row, 0)
            for column, difficulty in enumerate(DIFFICULTIES, start=1):
                spin = QSpinBox()
                spin.setRange(int(CODING_TARGET_MINUTES.low), int(CODING_TARGET_MINUTES.high))
                spin.setSingleStep(5)
                spin.setSuffix(" min")
                spin.setAccessibleName(f"Target minutes for {difficulty} {platform} problems")
                grid.addWidget(spin, row, column)
                self.spins[(platform, difficulty)] = spin

    def set_value(self, targets: CodingTargets) -> None:
        for (platform, difficulty), spin in self.spins.items():
            spin.setValue(int(targets[platform][difficulty]))

    def value(self) -> CodingTargets:
        result: CodingTargets = {}
        for (platform, difficulty), spin in self.spins.items():
            result.setdefault(platform, {})[difficulty] = spin.value()
        return result
