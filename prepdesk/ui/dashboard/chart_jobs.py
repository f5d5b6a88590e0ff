"""Chart work in two steps: load and hash the data, then (only if it changed) render.

`load_charts` runs in the window's process on a worker thread (one transaction for the
charts asked for): it reads each chart's aggregates (bounded, a few indexed queries) and
hashes them with the size and colours asked for. A chart whose hash is the one the
window already shows is settled there and then: no render, and no chart process at all
when nothing changed (an unchanged dashboard at start-up). The others go as a RenderJob
to the chart process (see chart_renderer.py), where `render_job` draws the PNG with
matplotlib's Agg backend, never on the GUI's GIL; the rectangles of clickable elements
(an area's bar) come back with it, in the image's logical pixels. No Qt here.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from prepdesk.ui.dashboard.chart_style import ChartStyle

BASE_DPI = 100
SAVE_DPI = 150

# A clickable element: (gid, left, top, right, bottom) in logical pixels of the image;
# a hover tip has its text in place of the gid.
HitBox = tuple[str, float, float, float, float]
CALENDAR_DAYS = 7 * 104  # the activity calendar shows the last weeks that fit, up to two years


@dataclass(frozen=True)
class RenderSize:
    width: int  # logical pixels
    height: int
    pixel_ratio: float


@dataclass(frozen=True)
class ChartRequest:
    """What the window asks for one chart: its size and colours, and what it shows now."""

    key: str
    size: RenderSize
    style: ChartStyle
    known_hash: str = ""  # the hash of the image the window shows now ("" renders anyway)


@dataclass(frozen=True)
class RenderJob:
    """One chart's loaded data, sent to the chart process to be drawn."""

    key: str
    data: Any
    digest: str
    size: RenderSize
    style: ChartStyle
    save_format: str = ""  # "png"/"svg": render for a file, at SAVE_DPI


@dataclass(frozen=True)
class ChartImage:
    key: str
    data_hash: str
    size: RenderSize
    unchanged: bool = False  # the window's image is current: nothing was rendered
    drew: bool = False  # False: nothing to show (the panel's empty-state sentence)
    image: bytes = b""  # PNG (or the saved format's bytes)
    hits: tuple[HitBox, ...] = field(default_factory=tuple)
    tips: tuple[HitBox, ...] = field(default_factory=tuple)  # hover texts (calendar days)


def _loaders() -> dict[str, Callable[[Any, date, date | None], Any]]:
    from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository as Stats
    from prepdesk.store.repositories.design_practice import DesignPracticeRepository
    from prepdesk.ui.dashboard.charts_progress import Timeline

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


def _drawers() -> dict[str, Callable[..., bool]]:
    from prepdesk.ui.dashboard.chart_calendar import draw_activity_calendar
    from prepdesk.ui.dashboard.charts_activity import (
        draw_problem_weeks,
        draw_story_coverage,
        draw_weekly_hours,
    )
    from prepdesk.ui.dashboard.charts_design import draw_phase_scores
    from prepdesk.ui.dashboard.charts_progress import (
        draw_burndown,
        draw_mastery_by_area,
        draw_mastery_history,
    )

    return {
        "mastery-by-area": draw_mastery_by_area,
        "mastery-history": draw_mastery_history,
        "weekly-hours": draw_weekly_hours,
        "problems": draw_problem_weeks,
        "activity": draw_activity_calendar,
        "burndown": draw_burndown,
        "story-coverage": draw_story_coverage,
        "design-scores": draw_phase_scores,
    }


def load_charts(
    session: Any, requests: Sequence[ChartRequest], today: date, now: datetime
) -> list[ChartImage | RenderJob]:
    """Each chart's data, hashed: an unchanged ChartImage when the window's image is
    current, a RenderJob for the chart process otherwise (in the order asked)."""
    from prepdesk.store.repositories.dashboard_summary import DashboardSummaryRepository

    upcoming = DashboardSummaryRepository(session).next_interview(now)
    interview = upcoming.at.astimezone().date() if upcoming else None
    loaders = _loaders()
    results: list[ChartImage | RenderJob] = []
    for request in requests:
        data = loaders[request.key](session, today, interview)
        key, size, style = request.key, request.size, request.style
        digest = hashlib.sha256(pickle.dumps((key, data, size, style))).hexdigest()
        if digest == request.known_hash:
            results.append(ChartImage(key, digest, size, unchanged=True))
        else:
            results.append(RenderJob(key, data, digest, size, style))
    return results


def warm_up() -> bool:
    """Import what a render needs, so the first chart does not wait for imports."""
    import matplotlib

    matplotlib.use("Agg")
    # The text, ticker and layout machinery a render uses (never pyplot).
    import matplotlib.layout_engine
    import matplotlib.text
    import matplotlib.ticker

    del matplotlib.layout_engine, matplotlib.text, matplotlib.ticker

    _drawers()
    return True


def render_job(job: RenderJob) -> ChartImage:
    """Draw one chart (in the chart process)."""
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
        drew = bool(_drawers()[job.key](figure, job.data, job.style))
    digest = job.digest
    if not drew:
        return ChartImage(job.key, digest, size)
    buffer = io.BytesIO()
    if job.save_format:
        figure.savefig(buffer, format=job.save_format, dpi=SAVE_DPI)
        return ChartImage(job.key, digest, size, drew=True, image=buffer.getvalue())
    canvas.print_png(buffer)  # draws the figure once; the hit boxes read that layout
    return ChartImage(
        job.key,
        digest,
        size,
        drew=True,
        image=buffer.getvalue(),
        hits=hits(figure),
        tips=tips(figure),
    )


def _logical(figure: Any, label: str, x0: float, y0: float, x1: float, y1: float) -> HitBox:
    """A box in display pixels (bottom-left origin) as a HitBox in the image's logical pixels."""
    ratio = figure.dpi / BASE_DPI
    height = figure.bbox.height
    top, bottom = max(y0, y1), min(y0, y1)
    left, right = min(x0, x1), max(x0, x1)
    return (
        label,
        float(left / ratio),
        float((height - top) / ratio),
        float(right / ratio),
        float((height - bottom) / ratio),
    )


def hits(figure: Any) -> tuple[HitBox, ...]:
    """Where each element with a gid (an area's bar) is, top-left origin, logical pixels."""
    boxes: list[HitBox] = []
    for axes in figure.axes:
        for artist in axes.patches:
            gid = artist.get_gid()
            if gid:
                box = artist.get_window_extent()
                boxes.append(_logical(figure, str(gid), box.x0, box.y0, box.x1, box.y1))
    return tuple(boxes)


def tips(figure: Any) -> tuple[HitBox, ...]:
    """Hover texts an axes put in `cell_tips` (data coordinates), placed in the image."""
    boxes: list[HitBox] = []
    for axes in figure.axes:
        for x0, y0, x1, y1, text in getattr(axes, "cell_tips", ()):
            (px0, py0), (px1, py1) = axes.transData.transform([(x0, y0), (x1, y1)])
            boxes.append(_logical(figure, text, px0, py0, px1, py1))
    return tuple(boxes)
