"""The dashboard's charts as a person sees them on the demo data: a square-celled
calendar that tells each day when hovered, story coverage as tiles with the missing
competency in the alert colour, mastery bars in their areas' colours, month names a
person reads; charts painted in the window follow a resize and save as PNG and SVG."""

from __future__ import annotations

from datetime import UTC, date, datetime
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QToolTip

from prepdesk.core.contrast import contrast_ratio
from prepdesk.ui.dashboard.chart_specs import CHARTS
from prepdesk.ui.dashboard.chart_ticks import month_label
from prepdesk.ui.dashboard.native_charts import PAINTERS as NATIVE_PAINTERS
from prepdesk.ui.dashboard.native_charts import native_painter
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


def _painted(qtbot, page: DashboardPage, key: str, after: int = 0):
    """Scroll to the chart, as a person does, and wait until it is painted at its size
    (more than `after` times)."""
    view = page.charts[key].view
    page.content_scroll.ensureWidgetVisible(page.charts[key])
    qtbot.waitUntil(
        lambda: view.isVisible() and view.laid_out == view.size() and view.paint_count > after
    )
    return view


def _centre(view, box) -> QPoint:
    _label, left, top, right, bottom = box
    return QPointF((left + right) / 2, (top + bottom) / 2).toPoint()  # the view's pixels


def _hover(qtbot, view, position: QPoint) -> str:
    """What Qt does when the mouse rests on the chart: a tool-tip request at that point."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    qtbot.mouseMove(view, position)
    event = QHelpEvent(QEvent.Type.ToolTip, position, view.mapToGlobal(position))
    QApplication.sendEvent(view, event)
    QApplication.processEvents()
    return QToolTip.text() if QToolTip.isVisible() else ""


def _day(text: str) -> date:
    return datetime.strptime(text.split(":")[0], "%a %d %b %Y").date()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tool tip
def test_the_activity_calendar_has_square_days_across_the_width_and_tells_each_day(
    qtbot, dashboard
):
    view = _painted(qtbot, dashboard, "activity")
    days = view.tips
    assert len(days) > 7 * 12  # the weeks since the first logged day, one square per day
    for _text, left, top, right, bottom in days:
        assert right - left == pytest.approx(bottom - top, abs=0.5)  # square
        assert left >= 0 and right <= view.width() and top >= 0 and bottom <= view.height()
    rightmost = max(box[3] for box in days)
    leftmost = min(box[1] for box in days)
    assert leftmost < 60  # right after the day names
    logged = [box for box in days if "nothing logged" not in box[0]]
    first_shown, first_logged = _day(days[0][0]), _day(logged[0][0])
    if rightmost - leftmost < 0.85 * view.width():
        # a short history: no grey year before it
        assert (first_logged - first_shown).days < 14
    assert [_day(box[0]) for box in days] == sorted(_day(box[0]) for box in days)

    active = logged[-1]
    said = _hover(qtbot, view, _centre(view, active))
    assert said == active[0]
    assert f"{DEMO_DAY.year}" in said and ("study session" in said or "coding attempt" in said)
    today = next(box for box in days if f"{DEMO_DAY:%a} {DEMO_DAY.day} {DEMO_DAY:%b %Y}" in box[0])
    assert today == days[-1]  # the calendar ends today
    assert _hover(qtbot, view, _centre(view, today)).startswith(f"{DEMO_DAY:%a} 2 Mar 2026")
    assert _hover(qtbot, view, QPoint(2, 2)) == ""  # the headline: no tip
    gap = QPoint(round((days[0][3] + days[7][1]) / 2), round((days[0][2] + days[0][4]) / 2))
    assert _hover(qtbot, view, gap) == ""  # between two squares


def _pixels(view) -> QImage:
    """What the chart looks like on screen, in logical pixels."""
    image = view.grab().toImage()
    return image.scaled(view.width(), view.height())


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tool tip
def test_story_coverage_is_tiles_with_the_missing_competency_in_the_alert_colour(qtbot, dashboard):
    panel = dashboard.charts["story-coverage"]
    view = _painted(qtbot, dashboard, "story-coverage")
    style = panel.chart_style()
    image = _pixels(view)
    tiles = view.tips
    assert len(tiles) >= 6 * 8  # every story × every competency
    filled = [box for box in tiles if "” shows " in box[0]]
    assert filled and len(filled) < len(tiles)
    for text, left, top, right, bottom in tiles[:12]:
        centre = image.pixelColor(round((left + right) / 2), round((top + bottom) / 2)).name()
        assert centre == (style.mark if "” shows " in text else style.faint), text
    first, beside = tiles[0], tiles[1]  # a gap of background between two tiles
    between = image.pixelColor(round((first[3] + beside[1]) / 2), round(first[2] + 4)).name()
    assert between == style.background
    # "Ambiguity" is shown by no story of the demo: its name is written in the alert colour.
    alert = QColor(style.alert)
    reds = sum(
        1
        for y in range(0, round(tiles[0][2]))
        for x in range(view.width())
        if _near(image.pixelColor(x, y), alert)
    )
    assert reds > 10
    assert _hover(qtbot, view, _centre(view, filled[0])) == filled[0][0]


def _near(colour: QColor, target: QColor) -> bool:
    return all(
        abs(a - b) < 40 for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def test_mastery_bars_are_drawn_in_their_areas_colours(qtbot, dashboard):
    panel = dashboard.charts["mastery-by-area"]
    style = panel.chart_style()
    view = panel.view
    qtbot.waitUntil(lambda: bool(view.hits))
    image = _pixels(view)
    seen = []
    for index, box in enumerate(view.hits):
        centre = _centre(view, box)
        colour = image.pixelColor(centre.x(), centre.y()).name()
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
def test_a_resize_repaints_the_painted_charts_at_the_new_width(qtbot, dashboard):
    keys = ("activity", "story-coverage")
    before = {}
    for key in keys:
        view = _painted(qtbot, dashboard, key)
        before[key] = (view.width(), view.tips, dashboard.charts[key].draw_count, view.paint_count)
    dashboard.resize(1000, 820)
    for key in keys:
        width, tips, drawn, paints = before[key]
        view = _painted(qtbot, dashboard, key, after=paints)
        assert view.width() < width
        assert dashboard.charts[key].draw_count == drawn  # painted again, not loaded again
        assert len(view.tips) == len(tips)
        if key == "story-coverage":  # its tiles share the new width (the short calendar
            assert view.tips != tips  # keeps its squares where they were)
        assert max(box[3] for box in view.tips) <= view.width()  # inside the narrower chart
        box = view.tips[-1]
        assert _hover(qtbot, view, _centre(view, box)) == box[0]


def _choose_save(monkeypatch, panel, path, fmt: str) -> list[str]:
    """Right-click the chart, pick "Save chart as PNG/SVG…", choose `path` in the dialog;
    the messages the person is shown come back in the list returned."""
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    view = panel.view
    centre = QPoint(view.width() // 2, view.height() // 2)
    QApplication.sendEvent(
        view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, view.mapToGlobal(centre))
    )
    menu = next(m for m in panel.findChildren(QMenu) if m.isVisible())
    action = next(a for a in menu.actions() if a.text() == f"Save chart as {fmt.upper()}…")
    assert action.isEnabled()
    action.trigger()
    menu.close()
    return told


def _save_from_menu(qtbot, monkeypatch, panel, path, fmt: str) -> None:
    with qtbot.waitSignal(panel.saved, timeout=10_000) as saved:
        told = _choose_save(monkeypatch, panel, path, fmt)
    assert not told  # no failure was shown
    assert saved.args == [str(path)]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the menu
def test_a_painted_chart_saves_as_png_and_svg(qtbot, monkeypatch, dashboard, tmp_path):
    panel = dashboard.charts["story-coverage"]
    view = _painted(qtbot, dashboard, "story-coverage")
    png, svg = tmp_path / "coverage.png", tmp_path / "coverage.svg"
    _save_from_menu(qtbot, monkeypatch, panel, png, "png")
    _save_from_menu(qtbot, monkeypatch, panel, svg, "svg")

    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (2 * view.width(), 2 * view.height())
    style = panel.chart_style()
    text, left, top, right, bottom = next(box for box in view.tips if "” shows " in box[0])
    tile = image.pixelColor(round(left + right), round(top + bottom)).name()  # twice the size
    assert tile == style.mark, text
    assert image.pixelColor(1, 1).name() == style.background
    # The file is the chart as shown (text as large, nothing moved), at twice the pixels.
    shown = _pixels(view)
    smooth = Qt.TransformationMode.SmoothTransformation
    halved = image.scaled(view.width(), view.height(), mode=smooth)
    points = [(x, y) for x in range(0, view.width(), 2) for y in range(0, view.height(), 2)]
    differ = sum(1 for x, y in points if not _near(shown.pixelColor(x, y), halved.pixelColor(x, y)))
    assert differ < 0.05 * len(points)  # antialiased edges; text twice as large: 15 %

    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    written = " ".join(t for element in root.iter() for t in (element.text or "",))
    assert "Migrating the feature store" in written and "Ambiguity (0)" in written


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the menu
def test_a_chart_that_cannot_be_saved_says_so(qtbot, monkeypatch, dashboard, tmp_path):
    panel = dashboard.charts["activity"]
    _painted(qtbot, dashboard, "activity")
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    target = tmp_path / "notes.txt" / "calendar.png"
    told = _choose_save(monkeypatch, panel, target, "png")
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told[0].startswith(str(target)) and not target.exists()


def test_a_theme_switch_repaints_the_painted_charts_in_the_new_colours(qtbot, dashboard):
    panel = dashboard.charts["story-coverage"]
    view = _painted(qtbot, dashboard, "story-coverage")
    drawn, paints = panel.draw_count, view.paint_count
    manager = theme_manager()
    other = "light" if panel.chart_style().dark else "dark"
    manager.set_choice(other, remember=False)
    view = _painted(qtbot, dashboard, "story-coverage", after=paints)
    style = panel.chart_style()
    assert style.dark == (other == "dark")
    _text, left, top, right, bottom = next(box for box in view.tips if "” shows " in box[0])
    image = _pixels(view)
    assert image.pixelColor(round((left + right) / 2), round((top + bottom) / 2)).name() == (
        style.mark
    )
    qtbot.waitUntil(dashboard.is_idle, timeout=60_000)
    assert panel.draw_count == drawn  # its data was not loaded again: only its colours changed


def test_every_dashboard_chart_has_a_painter():
    keys = {spec.key for spec in CHARTS}
    assert set(NATIVE_PAINTERS) == keys
    assert all(native_painter(key) is NATIVE_PAINTERS[key] for key in NATIVE_PAINTERS)
