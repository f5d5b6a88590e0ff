"""Each dashboard chart's data, loaded and hashed on a worker thread.

`load_charts` runs in the window's process on a worker thread (one transaction for the
charts asked for): it reads each chart's aggregates (bounded, a few indexed queries) and
hashes them. The window then hands the data to the chart's painter (native_charts.py),
which paints it with QPainter in a few milliseconds; a chart whose hash is the one it
already shows is left as it is. No Qt here.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

CALENDAR_DAYS = 7 * 104  # the activity calendar shows the last weeks that fit, up to two years


@dataclass(frozen=True)
class ChartData:
    """One chart's loaded data and its hash (equal data, equal hash)."""

    key: str
    data: Any
    digest: str


def _loaders() -> dict[str, Callable[[Any, date, date | None], Any]]:
    from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository as Stats
    from prepdesk.store.repositories.design_practice import DesignPracticeRepository
    from prepdesk.ui.dashboard.progress_series import Timeline

    return {
        "mastery-by-area": lambda s, _t, _i: Stats(s).mastery_by_area(),
        "mastery-history": lambda s, t, i: Timeline(Stats(s).mastery_history(t), t, i),
        "weekly-hours": lambda s, t, _i: Stats(s).weekly_hours(t),
        "problems": lambda s, t, _i: Stats(s).problem_weeks(t),
        "activity": lambda s, t, _i: Stats(s).daily_minutes(t, CALENDAR_DAYS),
        "burndown": lambda s, t, i: Timeline(Stats(s).burndown(t), t, i),
        "story-coverage": lambda s, _t, _i: Stats(s).story_coverage(),
        "design-scores": lambda s, _t, _i: DesignPracticeRepository(s).phase_score_history(),
    }


def load_charts(session: Any, keys: Sequence[str], today: date, now: datetime) -> list[ChartData]:
    """Each chart's data with its hash, in the order asked."""
    from prepdesk.store.repositories.dashboard_summary import DashboardSummaryRepository

    upcoming = DashboardSummaryRepository(session).next_interview(now)
    interview = upcoming.at.astimezone().date() if upcoming else None
    loaders = _loaders()
    results: list[ChartData] = []
    for key in keys:
        data = loaders[key](session, today, interview)
        digest = hashlib.sha256(pickle.dumps((key, data))).hexdigest()
        results.append(ChartData(key, data, digest))
    return results
