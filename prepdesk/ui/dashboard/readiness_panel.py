"""The readiness score and its parts, explained in the tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from prepdesk.core.readiness import PART_LABELS, Readiness, tooltip_text
from prepdesk.ui.dashboard.plan_outlook_view import PlanOutlookView


class ReadinessPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readiness")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.refresh_count = 0
        layout = QVBoxLayout(self)
        caption = QLabel("Readiness for the next stage")
        caption.setObjectName("cardCaption")
        self.score = QLabel("…")
        self.score.setObjectName("readinessScore")
        self.score.setAccessibleName("Readiness score")
        font = self.score.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.score.setFont(font)
        layout.addWidget(caption)
        layout.addWidget(self.score)
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        self.bars: dict[str, QProgressBar] = {}
        self.details: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(PART_LABELS.items()):
            name = QLabel(label)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setTextVisible(True)
            bar.setMaximumHeight(name.sizeHint().height())
            bar.setAccessibleName(label)
            bar.setMinimumWidth(name.fontMetrics().averageCharWidth() * 12)
            detail = QLabel("")
            detail.setWordWrap(True)  # on a narrow window it wraps rather than widen the page
            detail.setObjectName(f"readinessDetail-{key}")
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(detail, row, 2)
            self.bars[key] = bar
            self.details[key] = detail
            self.names[key] = name
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.outlook = PlanOutlookView()  # the plan's story for interview day
        layout.addWidget(self.outlook)
        layout.addStretch(1)

    def show_data(self, result: Readiness) -> None:
        self.refresh_count += 1
        self.score.setText(f"{result.score} / 100")
        for part in result.parts:
            bar = self.bars[part.key]
            for widget in (self.names[part.key], bar, self.details[part.key]):
                widget.setVisible(part.applies)  # design practice: design stages only
            if part.value is None:
                bar.setValue(0)
                bar.setFormat("–")
                self.details[part.key].setText("not measured yet")
            else:
                bar.setValue(round(part.value * 100))
                bar.setFormat("%p%")
                self.details[part.key].setText(part.detail)
            bar.setToolTip(f"{part.label}: {part.detail}")
        self.setToolTip(tooltip_text(result))
