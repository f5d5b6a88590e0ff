"""The eight dashboard charts as the window knows them: title, size, what they depend on.

Light on purpose (no SQL, no matplotlib): the page is built from these before the
store is imported. How each chart's data loads lives in chart_jobs.py; each chart is
painted in the window by its NativeChart (native_charts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from prepdesk.store.changes import Change


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    empty_message: str
    depends_on: Change
    wide: bool = False  # spans both columns
    height: int = 220  # logical pixels of the painted chart


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "mastery-by-area",
        "Mastery by area: now vs target",
        "Rate how well you know each topic on the Topics page, and each area's level "
        "will be drawn here against its target.",
        Change.RATINGS | Change.TOPICS,
    ),
    ChartSpec(
        "mastery-history",
        "Mastery over time, projected to interview day",
        "Your rating history per area will appear here, with the trend projected to "
        "interview day, once you rate topics on the Topics page.",
        Change.RATINGS | Change.TOPICS | Change.STAGES | Change.SETTINGS,
    ),
    ChartSpec(
        "weekly-hours",
        "Study hours per week",
        "Log study sessions on the Topics page and the hours you spend each week, "
        "by area, will stack up here.",
        Change.SESSIONS | Change.TOPICS,
    ),
    ChartSpec(
        "problems",
        "Coding problems solved per week",
        "Log the coding problems you solve on the Practice page to see how many you "
        "solve each week and your median time against the target.",
        Change.PROBLEMS | Change.SETTINGS,
    ),
    ChartSpec(
        "activity",
        "Activity, day by day",
        "Every day you study or practise colours one square of this calendar; "
        "log your first study session to start it.",
        Change.SESSIONS | Change.PROBLEMS,
        wide=True,
        height=160,
    ),
    ChartSpec(
        "burndown",
        "Burndown: hours of study still needed",
        "Once you rate your topics, the hours still needed to reach your targets are "
        "drawn here against the ideal line to interview day.",
        Change.RATINGS | Change.TOPICS | Change.STAGES | Change.SETTINGS,
        height=230,
    ),
    ChartSpec(
        "story-coverage",
        "Story coverage: stories × competencies",
        "Write STAR stories on the Stories page and tag their competencies to see "
        "which ones your stories cover and which are missing.",
        Change.STORIES,
        height=250,
    ),
    ChartSpec(
        "design-scores",
        "ML system design: phase scores per session",
        "Practise a timed ML system design session on the ML practice page and score it: "
        "each phase's score is drawn here, session after session, so you see which phases "
        "improve and which still need work.",
        Change.DESIGN,
        wide=True,
        height=230,
    ),
)
