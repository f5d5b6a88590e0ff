"""The seven dashboard charts: what each shows, what it depends on, how its data loads.

`load` runs on a worker thread with its own session (it only calls repositories);
`draw` runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from prepdesk.store.changes import Change
from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository
from prepdesk.ui.dashboard.chart_panel import DrawFunction
from prepdesk.ui.dashboard.charts_activity import (
    draw_activity_calendar,
    draw_problem_weeks,
    draw_story_coverage,
    draw_weekly_hours,
)
from prepdesk.ui.dashboard.charts_progress import (
    Timeline,
    draw_burndown,
    draw_mastery_by_area,
    draw_mastery_history,
)

Loader = Callable[[Session, date, date | None], Any]


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    empty_message: str
    depends_on: Change
    load: Loader
    draw: DrawFunction
    wide: bool = False  # spans both columns
    height: int = 250


def _stats(session: Session) -> DashboardStatsRepository:
    return DashboardStatsRepository(session)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "mastery-by-area",
        "Mastery by area: now vs target",
        "Rate how well you know each topic on the Topics page, and each area's level "
        "will be drawn here against its target.",
        Change.RATINGS | Change.TOPICS,
        lambda s, _today, _at: _stats(s).mastery_by_area(),
        draw_mastery_by_area,
    ),
    ChartSpec(
        "mastery-history",
        "Mastery over time, projected to interview day",
        "Your rating history per area will appear here, with the trend projected to "
        "interview day, once you rate topics on the Topics page.",
        Change.RATINGS | Change.TOPICS | Change.STAGES | Change.SETTINGS,
        lambda s, today, at: Timeline(_stats(s).mastery_history(today), today, at),
        draw_mastery_history,
    ),
    ChartSpec(
        "weekly-hours",
        "Study hours per week",
        "Log study sessions on the Topics page and the hours you spend each week, "
        "by area, will stack up here.",
        Change.SESSIONS | Change.TOPICS,
        lambda s, today, _at: _stats(s).weekly_hours(today),
        draw_weekly_hours,
    ),
    ChartSpec(
        "problems",
        "Coding problems solved per week",
        "Log the coding problems you solve on the Practice page to see how many you "
        "solve each week and your median time against the target.",
        Change.PROBLEMS | Change.SETTINGS,
        lambda s, today, _at: _stats(s).problem_weeks(today),
        draw_problem_weeks,
    ),
    ChartSpec(
        "activity",
        "Activity over the last year",
        "Every day you study or practise colours one square of this calendar; "
        "log your first study session to start it.",
        Change.SESSIONS | Change.PROBLEMS,
        lambda s, today, _at: _stats(s).daily_minutes(today),
        draw_activity_calendar,
        wide=True,
        height=175,
    ),
    ChartSpec(
        "burndown",
        "Burndown: hours of study still needed",
        "Once you rate your topics, the hours still needed to reach your targets are "
        "drawn here against the ideal line to interview day.",
        Change.RATINGS | Change.TOPICS | Change.STAGES | Change.SETTINGS,
        lambda s, today, at: Timeline(_stats(s).burndown(today), today, at),
        draw_burndown,
        height=270,
    ),
    ChartSpec(
        "story-coverage",
        "Story coverage: stories × competencies",
        "Write STAR stories on the Stories page and tag their competencies to see "
        "which ones your stories cover and which are missing.",
        Change.STORIES,
        lambda s, _today, _at: _stats(s).story_coverage(),
        draw_story_coverage,
        height=270,
    ),
)
