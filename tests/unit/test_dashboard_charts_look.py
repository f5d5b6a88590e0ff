"""The dashboard's charts as a person sees them on the demo data: a square-celled
calendar that tells each day when hovered, mastery bars in their areas' colours, and
month names a person reads."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from prepdesk.core.contrast import contrast_ratio
from prepdesk.ui.dashboard.charts_progress import month_label
from prepdesk.ui.operations import Operations
from prepdesk.ui.pages.dashboard_page import DashboardPage
from prepdesk.ui.theme import theme_manager
from tests.unit.demo_database import DEMO_DAY, demo_db_fixture, demo_template_fixture  # noqa: F401

NOW = datetime(DEMO_DAY.year, DEMO_DAY.month, DEMO_DAY.day, 18, 0, tzinfo=UTC)


@pytest.fixture(params=["light", "dark"])
def dashboard(request, qtbot, demo_db):
    manager = theme_manager()
    manager.set_choice(request.param, remember=False)
    page = DashboardPage(Operations(demo_db), clock=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    with qtbot.waitSignal(page.charts_drawn, timeout=60_000):
        page.show()
    qtbot.waitUntil(page.is_idle, timeout=60_000)
    yield page
    manager.set_choice("light", remember=False)


def _centre(view, box) -> QPoint:
    _label, left, top, right, bottom = box
    scale_x = view.width() / view.image_size.width
    scale_y = view.height() / view.image_size.height
    return QPointF((left + right) / 2 * scale_x, (top + bottom) / 2 * scale_y).toPoint()


def _hover(qtbot, view, position: QPoint) -> str:
    """What Qt does when the mouse rests on the chart: a tool-tip request at that point."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QHelpEvent(QEvent.Type.ToolTip, position, view.mapToGlobal(position))
    QApplication.sendEvent(view, event)
    QApplication.processEvents()
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tool tip
def test_the_activity_calendar_has_square_days_across_the_width_and_tells_each_day(
    qtbot, dashboard
):
    view = dashboard.charts["activity"].image
    days = view.tips
    assert len(days) > 7 * 12  # the weeks since the first logged day, one square per day
    for _text, left, top, right, bottom in days:
        assert right - left == pytest.approx(bottom - top, abs=0.5)  # square
    rightmost = max(box[3] for box in days)
    leftmost = min(box[1] for box in days)
    assert leftmost < 60  # right after the day names
    logged = [box for box in days if "nothing logged" not in box[0]]
    first_shown = datetime.strptime(days[0][0].split(":")[0], "%a %d %b %Y").date()
    first_logged = datetime.strptime(logged[0][0].split(":")[0], "%a %d %b %Y").date()
    if rightmost - leftmost < 0.85 * view.image_size.width:
        # a short history: no grey year before it, and its summary in the room it leaves
        assert (first_logged - first_shown).days < 14
        assert dashboard.charts["activity"].chart is not None

    active = logged[-1]
    said = _hover(qtbot, view, _centre(view, active))
    assert said == active[0]
    assert f"{DEMO_DAY.year}" in said and ("study session" in said or "coding attempt" in said)
    today = next(box for box in days if f"{DEMO_DAY:%a} {DEMO_DAY.day} {DEMO_DAY:%b %Y}" in box[0])
    assert _hover(qtbot, view, _centre(view, today)).startswith(f"{DEMO_DAY:%a} 2 Mar 2026")
    assert _hover(qtbot, view, QPoint(2, 2)) == ""  # the title: no tip


def test_mastery_bars_are_drawn_in_their_areas_colours(dashboard):
    panel = dashboard.charts["mastery-by-area"]
    style = panel.chart_style()
    image = panel.image.pixmap.toImage()
    ratio = panel.image.pixmap.devicePixelRatio()
    seen = []
    for index, (_gid, left, top, right, bottom) in enumerate(panel.image.hits):
        x, y = (left + right) / 2 * ratio, (top + bottom) / 2 * ratio
        colour = image.pixelColor(int(x), int(y)).name()
        assert colour == style.area_colour(index), index
        assert contrast_ratio(colour, style.background) >= 3.0
        seen.append(colour)
    assert len(seen) >= 4 and len(set(seen)) == len(seen)


def test_month_labels_read_as_words():
    assert month_label(date(2027, 1, 1), 3) == "Jan 2027"
    assert month_label(date(2026, 12, 1), 2) == "Dec"
    assert month_label(date(2026, 9, 1), 0) == "Sep 2026"  # the first tick says the year
    assert month_label(date(2026, 9, 14), 2) == "14 Sep"


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tool tip
def test_a_calendar_shown_from_the_cache_still_tells_each_day(qtbot, dashboard, demo_db):
    tips = dashboard.charts["activity"].image.tips
    dashboard.close()
    again = DashboardPage(Operations(demo_db), clock=lambda: NOW)  # prepdesk started again
    qtbot.addWidget(again)
    view = again.charts["activity"].image
    assert view.tips == tips  # with the cached image, before any render
    drawn = again.charts["activity"].draw_count
    again.resize(1280, 820)
    again.show()
    qtbot.waitUntil(again.is_idle, timeout=60_000)
    assert again.charts["activity"].draw_count == drawn  # the cached image stayed
    box = view.tips[-2]
    assert _hover(qtbot, view, _centre(view, box)) == box[0]
