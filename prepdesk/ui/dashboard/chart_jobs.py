"""Chart work done in the chart worker process: load a chart's data, render it to PNG.

Runs where it cannot hold the GUI's GIL (a separate process, see chart_renderer.py):
it opens the data folder's SQLite file itself, reads the aggregates, and hashes them
with the size and colours asked for. When that hash is the one the window already
shows, nothing is drawn; otherwise matplotlib's Agg backend renders the PNG, and the
rectangles of clickable elements (an area's bar) come back with it, in the image's
logical pixels, so the window can tell what a click hit. No Qt here.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from prepdesk.ui.dashboard.chart_style import ChartStyle

BASE_DPI = 100
SAVE_DPI = 150

# A clickable element: (gid, left, top, right, bottom) in logical pixels of the image.
HitBox = tuple[str, float, float, float, float]


@dataclass(frozen=True)
class RenderSize:
    width: int  # logical pixels
    height: int
    pixel_ratio: float


@dataclass(frozen=True)
class ChartJob:
    database: Path
    key: str
    today: date
    now: datetime
    size: RenderSize
    style: ChartStyle
    known_hash: str = ""  # the hash of the image the window shows now
    save_format: str = ""  # "png"/"svg": render for a file, at SAVE_DPI, whatever the hash


@dataclass(frozen=True)
class ChartImage:
    key: str
    data_hash: str
    size: RenderSize
    unchanged: bool = False  # the window's image is current: nothing was rendered
    drew: bool = False  # False: nothing to show (the panel's empty-state sentence)
    image: bytes = b""  # PNG (or the saved format's bytes)
    hits: tuple[HitBox, ...] = field(default_factory=tuple)


def _chart_functions() -> dict[str, tuple[Callable[..., Any], Callable[..., bool]]]:
    from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository as Stats
    from prepdesk.store.repositories.design_practice import DesignPracticeRepository
    from prepdesk.ui.dashboard.charts_activity import (
        draw_activity_calendar,
        draw_problem_weeks,
        draw_story_coverage,
        draw_weekly_hours,
    )
    from prepdesk.ui.dashboard.charts_design import draw_phase_scores
    from prepdesk.ui.dashboard.charts_progress import (
        Timeline,
        draw_burndown,
        draw_mastery_by_area,
        draw_mastery_history,
    )

    return {
        "mastery-by-area": (lambda s, _t, _i: Stats(s).mastery_by_area(), draw_mastery_by_area),
        "mastery-history": (
            lambda s, t, i: Timeline(Stats(s).mastery_history(t), t, i),
            draw_mastery_history,
        ),
        "weekly-hours": (lambda s, t, _i: Stats(s).weekly_hours(t), draw_weekly_hours),
        "problems": (lambda s, t, _i: Stats(s).problem_weeks(t), draw_problem_weeks),
        "activity": (lambda s, t, _i: Stats(s).daily_minutes(t), draw_activity_calendar),
        "burndown": (lambda s, t, i: Timeline(Stats(s).burndown(t), t, i), draw_burndown),
        "story-coverage": (lambda s, _t, _i: Stats(s).story_coverage(), draw_story_coverage),
        "design-scores": (
            lambda s, _t, _i: DesignPracticeRepository(s).phase_score_history(),
            draw_phase_scores,
        ),
    }


_engines: dict[Path, Any] = {}


def _session(database: Path) -> Any:
    from sqlalchemy.orm import Session

    from prepdesk.store.engine import make_engine

    if database not in _engines:
        for old in list(_engines):  # one data folder at a time (tests open many)
            _engines.pop(old).dispose()
        _engines[database] = make_engine(database)
    return Session(_engines[database])


def warm_up() -> bool:
    """Import what a render needs, so the first chart does not wait for imports."""
    import matplotlib

    matplotlib.use("Agg")
    # The text, ticker and layout machinery a render uses (never pyplot).
    import matplotlib.layout_engine
    import matplotlib.text
    import matplotlib.ticker

    del matplotlib.layout_engine, matplotlib.text, matplotlib.ticker

    _chart_functions()
    return True


def run_job(job: ChartJob) -> ChartImage:
    """Load one chart's data, then render it unless the window's image is already current."""
    from prepdesk.store.repositories.dashboard_summary import DashboardSummaryRepository

    load, draw = _chart_functions()[job.key]
    with _session(job.database) as session, session.begin():
        upcoming = DashboardSummaryRepository(session).next_interview(job.now)
        interview = upcoming.at.astimezone().date() if upcoming else None
        data = load(session, job.today, interview)
    digest = hashlib.sha256(pickle.dumps((job.key, data, job.size, job.style))).hexdigest()
    if digest == job.known_hash and not job.save_format:
        return ChartImage(job.key, digest, job.size, unchanged=True)
    return render(job, draw, data, digest)


def render(job: ChartJob, draw: Callable[..., bool], data: Any, digest: str) -> ChartImage:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    size = job.size
    figure = Figure(
        figsize=(max(size.width, 50) / BASE_DPI, max(size.height, 50) / BASE_DPI),
        dpi=BASE_DPI * size.pixel_ratio,
        layout="constrained",
    )
    canvas = FigureCanvasAgg(figure)
    with matplotlib.rc_context(cast(Any, job.style.rc())):
        figure.set_facecolor(job.style.background)
        drew = bool(draw(figure, data, job.style))
    if not drew:
        return ChartImage(job.key, digest, size)
    buffer = io.BytesIO()
    if job.save_format:
        figure.savefig(buffer, format=job.save_format, dpi=SAVE_DPI)
        return ChartImage(job.key, digest, size, drew=True, image=buffer.getvalue())
    canvas.draw()
    canvas.print_png(buffer)
    return ChartImage(job.key, digest, size, drew=True, image=buffer.getvalue(), hits=hits(figure))


def hits(figure: Any) -> tuple[HitBox, ...]:
    """Where each element with a gid (an area's bar) is, top-left origin, logical pixels."""
    ratio = figure.dpi / BASE_DPI
    height = figure.bbox.height
    boxes: list[HitBox] = []
    for axes in figure.axes:
        for artist in axes.patches:
            gid = artist.get_gid()
            if gid:
                box = artist.get_window_extent()
                boxes.append(
                    (
                        str(gid),
                        box.x0 / ratio,
                        (height - box.y1) / ratio,
                        box.x1 / ratio,
                        (height - box.y0) / ratio,
                    )
                )
    return tuple(boxes)
