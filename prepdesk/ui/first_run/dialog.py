"""The first run (and Help > Plan my preparation…): three short steps that size the plan.

1. The role prepared for and the interview date (or "not scheduled yet").
2. The hours per weekday.
3. A quick self-assessment of every topic on one screen (digits 0-5 rate and move on),
   with a live line saying whether the plan fits.
Finish saves everything in one operation; Skip only remembers that the first run is done.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from prepdesk.core.levels import LEVEL_MEANINGS
from prepdesk.core.limits import HOURS_PER_DAY
from prepdesk.store.first_run import (
    FirstRunAnswers,
    first_run_plan,
    mark_first_run_done,
    save_first_run,
)
from prepdesk.store.repositories.role_profiles import RoleProfileRepository, role_profiles
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.topics import TopicRepository
from prepdesk.ui.clock import Clock, system_clock
from prepdesk.ui.first_run.self_assessment import SelfAssessment
from prepdesk.ui.operations import Operations

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_DAYS_AHEAD = 30
STEP_TITLES = (
    "Which role, and when is the interview?",
    "How many hours can you study each day?",
    "How well do you know each topic today?",
)


class FirstRunDialog(QDialog):
    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, clock: Clock = system_clock
    ) -> None:
        super().__init__(parent)
        self._ops, self._clock = ops, clock
        self.setWindowTitle("Plan my preparation")
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 100, 600)
        now = self._clock()
        settings, current, areas = ops.read(
            lambda s: (
                SettingsRepository(s).all(),
                RoleProfileRepository(s).current(),
                TopicRepository(s).tree(now),
            )
        )
        self.step_title = QLabel()
        self.step_title.setObjectName("firstRunTitle")
        font = self.step_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.step_title.setFont(font)
        self.step_count = QLabel()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_when_and_role(settings, current.key if current else None))
        self.pages.addWidget(self._build_hours(settings))
        self.pages.addWidget(self._build_assessment())
        self.assessment.load(areas)

        self.skip_button = QPushButton("&Skip for now")
        self.skip_button.setAccessibleName("Skip the first run")
        self.skip_button.setAutoDefault(False)
        self.back_button = QPushButton("&Back")
        self.back_button.setAutoDefault(False)
        self.next_button = QPushButton("&Next")
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(self.next_or_finish)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(self.step_title, 1)
        heading.addWidget(self.step_count)
        layout.addLayout(heading)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.go(0)

    # steps ---------------------------------------------------------------------------

    def _build_when_and_role(self, settings: dict[str, object], role: str | None) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        target = settings.get("target_date")
        day = (
            date.fromisoformat(str(target))
            if target
            else self._clock().astimezone().date() + timedelta(days=DEFAULT_DAYS_AHEAD)
        )
        self.role = QComboBox()
        self.role.setAccessibleName("Role you are preparing for")
        for profile in role_profiles():
            self.role.addItem(profile.name, profile.key)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.role_description = QLabel()
        self.role_description.setWordWrap(True)
        self.role.currentIndexChanged.connect(self._describe_role)
        form.addRow("&Role:", self.role)
        form.addRow("", self.role_description)
        self.interview_date = QDateEdit(QDate(day.year, day.month, day.day))
        self.interview_date.setCalendarPopup(True)
        self.interview_date.setDisplayFormat("ddd d MMM yyyy")
        self.interview_date.setAccessibleName("Interview date")
        self.not_scheduled = QCheckBox("Not scheduled yet")
        self.not_scheduled.setAccessibleName("The interview is not scheduled yet")
        self.not_scheduled.toggled.connect(lambda on: self.interview_date.setEnabled(not on))
        when = QHBoxLayout()
        when.addWidget(self.interview_date)
        when.addWidget(self.not_scheduled)
        when.addStretch(1)
        date_label = QLabel("&Interview date:")
        date_label.setBuddy(self.interview_date)
        form.addRow(date_label, when)
        note = QLabel(
            "The role sets each topic's target level and weight; change them later on the "
            "Topics page (Targets and weights…), or apply the role again."
        )
        note.setWordWrap(True)
        form.addRow(note)
        self._describe_role()
        return page

    def _describe_role(self, *_args: object) -> None:
        key = self.role.currentData()
        profile = next(p for p in role_profiles() if p.key == key)
        self.role_description.setText(profile.description)

    def _build_hours(self, settings: dict[str, object]) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.hours: list[QDoubleSpinBox] = []
        stored = settings.get("hours_per_weekday")
        values = list(stored) if isinstance(stored, list) else [2.0] * 7
        for index, day in enumerate(WEEKDAYS):
            spin = QDoubleSpinBox()
            spin.setRange(HOURS_PER_DAY.low, HOURS_PER_DAY.high)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setSuffix(" h")
            spin.setValue(float(values[index]))
            spin.setAccessibleName(f"Study hours on {day}")
            label = QLabel(f"&{day}")
            label.setBuddy(spin)
            grid.addWidget(label, 0, index)
            grid.addWidget(spin, 1, index)
            self.hours.append(spin)
        hint = QLabel(
            "Be honest rather than hopeful: the plan fits what you enter, and says plainly "
            "what will not fit."
        )
        hint.setWordWrap(True)
        grid.addWidget(hint, 2, 0, 1, 7)
        grid.setRowStretch(3, 1)
        return page

    def _build_assessment(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        legend = QLabel(
            " · ".join(
                f"<b>{level}</b> {meaning.split(':')[0]}"
                for level, meaning in LEVEL_MEANINGS.items()
            )
        )
        legend.setWordWrap(True)
        keys = QLabel("Press 0–5 to rate the selected topic and move to the next one.")
        self.assessment = SelfAssessment()
        self.assessment.rated.connect(self._update_fit)
        self.fill_button = QPushButton("Rate the unrated as &2")
        self.fill_button.setAutoDefault(False)
        self.fill_button.clicked.connect(lambda: self.assessment.set_all_unrated(2))
        self.fit = QLabel()
        self.fit.setObjectName("firstRunFit")
        self.fit.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.fit, 1)
        row.addWidget(self.fill_button)
        layout.addWidget(legend)
        layout.addWidget(keys)
        layout.addWidget(self.assessment, 1)
        layout.addLayout(row)
        return page

    # navigation ----------------------------------------------------------------------

    def go(self, index: int) -> None:
        index = max(0, min(index, self.pages.count() - 1))
        self.pages.setCurrentIndex(index)
        self.step_title.setText(STEP_TITLES[index])
        self.step_count.setText(f"Step {index + 1} of {self.pages.count()}")
        self.back_button.setEnabled(index > 0)
        last = index == self.pages.count() - 1
        self.next_button.setText("&Finish" if last else "&Next")
        if last:
            self._update_fit()
            self.assessment.setFocus()
        elif index == 0:
            self.role.setFocus()
        else:
            self.hours[0].setFocus()
            self.hours[0].selectAll()

    def next_or_finish(self) -> None:
        if self.pages.currentIndex() < self.pages.count() - 1:
            self.go(self.pages.currentIndex() + 1)
        else:
            self.finish()

    def answers(self) -> FirstRunAnswers:
        day = None if self.not_scheduled.isChecked() else self.interview_date.date().toPython()
        levels = {k: v for k, v in self.assessment.levels.items() if v is not None}
        return FirstRunAnswers(
            interview_date=day,  # type: ignore[arg-type]
            role=str(self.role.currentData()),
            hours_per_weekday=[spin.value() for spin in self.hours],
            levels=levels,
        )

    def _update_fit(self) -> None:
        answers = self.answers()
        today = self._clock().astimezone().date()
        plan = self._ops.read(lambda s: first_run_plan(s, answers, today))
        rated = f"{self.assessment.rated_count()} of {len(self.assessment.levels)} rated. "
        if plan is None:
            self.fit.setText(rated + "No interview date: the plan starts once there is one.")
        else:
            self.fit.setText(rated + plan.summary())

    def finish(self) -> None:
        answers = self.answers()
        when = self._clock()
        self._ops.write(
            lambda s: save_first_run(s, answers, when), initiator=self, what="the first run"
        )
        self.accept()

    def skip(self) -> None:
        self._ops.write(mark_first_run_done, initiator=self, what="skipping the first run")
        self.reject()
