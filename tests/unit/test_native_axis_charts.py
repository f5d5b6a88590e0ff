"""The natively painted axis charts on the demo data: inside their rectangle in both
themes, narrow and wide, at 1× and 1.5× text; a clickable box per area bar; nothing
shown for empty data; axis labels that never collide."""

from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from prepdesk.store.database import Database
from prepdesk.store.paths import DataPaths
from prepdesk.store.repositories.dashboard_stats import (
    AreaMastery,
    AreaSeries,
    Burndown,
    MasteryHistory,
    ProblemWeeks,
    WeeklyHours,
)
from prepdesk.store.repositories.design_practice import PhaseScoreHistory
from prepdesk.ui.dashboard.chart_axes import Ink, Scale
from prepdesk.ui.dashboard.chart_jobs import load_charts
from prepdesk.ui.dashboard.chart_legend import LegendEntry, place_legend
from prepdesk.ui.dashboard.chart_specs import CHARTS
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.chart_ticks import date_tick_choices, month_label, nice_ticks
from prepdesk.ui.dashboard.native_chart import NativeChart
from prepdesk.ui.dashboard.paint_activity import PAINTERS as ACTIVITY
from prepdesk.ui.dashboard.paint_design import PAINTERS as DESIGN
from prepdesk.ui.dashboard.paint_progress import PAINTERS as PROGRESS
from prepdesk.ui.dashboard.progress_series import Timeline
from prepdesk.ui.theme import dark_palette, light_palette
from tests.unit.demo_database import DEMO_DAY, demo_template_fixture, open_copy  # noqa: F401

PAINTERS: dict[str, NativeChart] = {**PROGRESS, **ACTIVITY, **DESIGN}
NOW = datetime(DEMO_DAY.year, DEMO_DAY.month, DEMO_DAY.day, 18, 0, tzinfo=UTC)
HEIGHTS = {spec.key: spec.height for spec in CHARTS}
MARGIN = 12  # pixels of untouched image around the chart's rectangle
OUTSIDE = QColor(255, 0, 255)


def _load(database: Database) -> dict[str, object]:
    with database.transaction() as session:
        loaded = load_charts(session, list(PAINTERS), DEMO_DAY, NOW)
    return {chart.key: chart.data for chart in loaded}


@pytest.fixture(scope="module")
def demo_data(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    paths = DataPaths.resolve(tmp_path_factory.mktemp("native-axes"))
    for database in open_copy(demo_template, paths):
        return _load(database)
    raise AssertionError("no database")


def _font(scale: float) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    return font


def _paint(key: str, data: object, palette, width: int, scale: float):
    height = HEIGHTS[key]
    image = QImage(width + 2 * MARGIN, height + 2 * MARGIN, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(3780)  # 96 dpi, as a screen
    image.setDotsPerMeterY(3780)
    image.fill(OUTSIDE)
    area = QRectF(MARGIN, MARGIN, width, height)
    style = ChartStyle.from_palette(palette)
    painter = QPainter(image)
    before = (painter.font(), painter.pen().color(), painter.renderHints())
    try:
        marks = PAINTERS[key].paint(painter, area, data, style, _font(scale))
        after = (painter.font(), painter.pen().color(), painter.renderHints())
        assert after == before, "the chart changed the panel's painter"
    finally:
        painter.end()
    return image, area, marks


def _untouched_outside(image: QImage, area: QRectF) -> bool:
    inside = area.toRect()
    strips = [
        QRect(0, 0, image.width(), inside.top()),
        QRect(0, inside.bottom() + 1, image.width(), image.height() - inside.bottom() - 1),
        QRect(0, 0, inside.left(), image.height()),
        QRect(inside.right() + 1, 0, image.width() - inside.right() - 1, image.height()),
    ]
    for strip in strips:
        expected = QImage(strip.size(), image.format())
        expected.fill(OUTSIDE)
        if image.copy(strip) != expected:
            return False
    return True


def _inside(area: QRectF, box: tuple[str, float, float, float, float]) -> bool:
    _label, left, top, right, bottom = box
    return (
        area.left() <= left < right <= area.right() and area.top() <= top < bottom <= area.bottom()
    )


@pytest.mark.parametrize("key", sorted(PAINTERS))
def test_each_chart_paints_inside_its_rectangle_in_every_theme_size_and_font(qapp, key, demo_data):
    data = demo_data[key]
    assert PAINTERS[key].shows_anything(data)
    for palette in (light_palette(), dark_palette()):
        for width in (420, 900):
            for scale in (1.0, 1.5):
                image, area, marks = _paint(key, data, palette, width, scale)
                where = f"{key} at {width} px, {scale}× text"
                assert _untouched_outside(image, area), f"{where} paints outside its rectangle"
                inside = image.copy(area.toRect())
                background = QColor(ChartStyle.from_palette(palette).background)
                assert inside.pixelColor(inside.width() // 2, inside.height() // 2).isValid()
                assert any(  # something was drawn, not just left empty
                    inside.pixelColor(x, y) not in (OUTSIDE, background)
                    for x in range(0, inside.width(), 7)
                    for y in range(0, inside.height(), 7)
                ), where
                for box in (*marks.hits, *marks.tips):
                    assert _inside(area, box), f"{where}: {box} out of the chart"


def test_every_area_bar_is_a_click_target_of_its_own_inside_the_chart(qapp, demo_data):
    areas: list[AreaMastery] = demo_data["mastery-by-area"]  # type: ignore[assignment]
    for width, scale in ((420, 1.5), (900, 1.0)):
        _image, area, marks = _paint("mastery-by-area", areas, light_palette(), width, scale)
        assert [box[0] for box in marks.hits] == [a.key for a in areas]
        assert len(marks.tips) == len(areas)
        boxes = [
            QRectF(left, top, right - left, bottom - top)
            for _g, left, top, right, bottom in marks.hits
        ]
        for index, box in enumerate(boxes):
            assert _inside(area, marks.hits[index])
            assert box.width() > 0 and box.height() > 0
            for other in boxes[index + 1 :]:
                assert not box.intersects(other), "two bars share pixels: a click opens either"


def test_nothing_is_shown_for_empty_data(qapp):
    weeks = (date(2026, 1, 5), date(2026, 1, 12))
    flat = AreaSeries("math", "Mathematics", (0.0, 0.0), 3.0)
    empty: dict[str, list[object]] = {
        "mastery-by-area": [[], [AreaMastery("math", "Mathematics", 0.0, 3.0)]],
        "mastery-history": [
            Timeline(MasteryHistory(weeks, (flat,), rated=False), DEMO_DAY, None),
            Timeline(MasteryHistory(weeks, (), rated=True), DEMO_DAY, None),
        ],
        "burndown": [
            Timeline(Burndown(weeks, (5.0, 4.0), rated=False), DEMO_DAY, None),
            Timeline(Burndown(weeks, (0.0, 0.0), rated=True), DEMO_DAY, None),
        ],
        "weekly-hours": [
            WeeklyHours(weeks, ()),
            WeeklyHours(weeks, (("Mathematics", (0.0, 0.0)),)),
        ],
        "problems": [
            ProblemWeeks(
                weeks,
                {d: (0, 0) for d in ("easy", "medium", "hard")},
                {d: None for d in ("easy", "medium", "hard")},
                {d: 30.0 for d in ("easy", "medium", "hard")},
            )
        ],
        "design-scores": [PhaseScoreHistory((), (), ())],
    }
    assert set(empty) == set(PAINTERS)
    for key, cases in empty.items():
        for data in cases:
            assert not PAINTERS[key].shows_anything(data), f"{key} shows {data}"
    assert PAINTERS["mastery-by-area"].shows_anything([AreaMastery("m", "Mathematics", 0.5, 3.0)])


def test_tick_values_are_round_and_few():
    assert nice_ticks(0, 14.7, 4) == [0, 5, 10]
    assert nice_ticks(0, 210, 5) == [0, 50, 100, 150, 200]
    assert nice_ticks(0, 5.2, 7) == [0, 1, 2, 3, 4, 5]
    assert nice_ticks(0, 4.2, 7, integer=True) == [0, 1, 2, 3, 4]
    assert nice_ticks(0, 1.05, 7, integer=True) == [0, 1]
    assert nice_ticks(0, 12, 6) == [0, 2.5, 5, 7.5, 10]
    assert month_label(date(2027, 1, 1), 3) == "Jan 2027"
    first, *_rest = date_tick_choices(date(2026, 7, 20), date(2026, 12, 5))
    assert first == [date(2026, m, 1) for m in (8, 9, 10, 11, 12)]
    weeks, *_rest = date_tick_choices(date(2026, 3, 2), date(2026, 4, 10))
    assert weeks[0] == date(2026, 3, 2) and weeks[1] == date(2026, 3, 9)


def _ink(width: int, scale: float) -> tuple[Ink, QImage, QPainter]:
    image = QImage(width, 200, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(3780)
    image.setDotsPerMeterY(3780)
    image.fill(OUTSIDE)
    painter = QPainter(image)
    return (
        Ink(
            painter,
            QRectF(0, 0, width, 200),
            ChartStyle.from_palette(light_palette()),
            _font(scale),
        ),
        image,
        painter,
    )


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_axis_labels_thin_out_rather_than_collide(qapp, scale):
    ink, _image, painter = _ink(300, scale)
    try:
        plot = QRectF(30, 10, 260, 150)
        weeks = [
            date(2026, 1, 5).fromordinal(date(2026, 1, 5).toordinal() + 7 * i) for i in range(52)
        ]
        slot = plot.width() / len(weeks)
        centres = [plot.left() + slot * (i + 0.5) for i in range(len(weeks))]
        for rects in (
            ink.category_axis(plot, centres, [f"{w.day} {w:%b}" for w in weeks], every=3),
            ink.date_axis(
                plot,
                Scale(weeks[0].toordinal(), weeks[-1].toordinal(), plot.left(), plot.right()),
                weeks[0],
                weeks[-1],
            ),
        ):
            assert len(rects) >= 2
            for left, right in itertools.pairwise(rects):
                assert left.right() < right.left(), "two labels overlap"
            assert all(ink.area.contains(rect) for rect in rects)
    finally:
        painter.end()


def test_legend_names_wrap_between_words_and_are_never_cut(qapp):
    ink, _image, painter = _ink(420, 1.5)
    try:
        names = ["Algorithms and data structures", "Machine-learning concepts", "ML system design"]
        entries = [LegendEntry(name, "#000000") for name in names]
        for right in (True, False):
            legend = place_legend(ink, entries, ink.area, right=right)
            assert [" ".join(text.split()) for _e, _r, text in legend.items] == names
            assert all(ink.area.contains(rect) for _e, rect, _t in legend.items)
    finally:
        painter.end()


@pytest.mark.parametrize("band", [18.0, 26.0, 40.0])
def test_row_labels_fit_their_rows_whole(qapp, band):
    ink, _image, painter = _ink(420, 1.5)
    try:
        names = [
            "Requirements & success metrics (3.2)",
            "Offline & online evaluation (2.2)",
            "Model (2.8)",
        ]
        font, lines = ink.row_labels(names, band, 420 * 0.35)
        assert [" ".join(text.split()) for text in lines] == names
        assert all(ink.height(font, text) <= band for text in lines)
    finally:
        painter.end()


def test_the_time_charts_tell_each_week_when_hovered(qapp, demo_data):
    for key in ("mastery-history", "burndown", "weekly-hours", "problems"):
        _image, _area, marks = _paint(key, demo_data[key], light_palette(), 420, 1.0)
        assert marks.tips, key
        assert all(text.startswith("week of ") for text, *_box in marks.tips[:3]), key
        boxes = [
            QRectF(left, top, right - left, bottom - top)
            for _t, left, top, right, bottom in marks.tips
        ]
        for a, b in itertools.pairwise(boxes):  # neighbours share at most an edge
            overlap = a.intersected(b)
            assert overlap.width() * overlap.height() < 0.01, key


def test_a_single_week_area_or_session_paints_inside_too(qapp):
    week = (date(2026, 3, 2),)
    least: dict[str, object] = {
        "mastery-by-area": [AreaMastery("math", "Mathematics", 5.0, 5.0)],
        "mastery-history": Timeline(
            MasteryHistory(week, (AreaSeries("math", "Mathematics", (1.0,), 3.0),), rated=True),
            week[0],
            date(2026, 3, 20),
        ),
        "burndown": Timeline(Burndown(week, (12.0,), rated=True), week[0], None),
        "weekly-hours": WeeklyHours(week, (("Mathematics", (0.5,)),)),
        "problems": ProblemWeeks(
            week,
            {"easy": (1,), "medium": (0,), "hard": (0,)},
            {"easy": 12.0, "medium": None, "hard": None},
            {"easy": 15.0, "medium": 30.0, "hard": 45.0},
        ),
        "design-scores": PhaseScoreHistory(
            week, ("A very long prompt title that has to be shortened",), (("Model", (None,)),)
        ),
    }
    for key, data in least.items():
        assert PAINTERS[key].shows_anything(data), key
        for width, scale in ((420, 1.5), (900, 1.0)):
            image, area, marks = _paint(key, data, dark_palette(), width, scale)
            assert _untouched_outside(image, area), f"{key} at {width} px"
            assert all(_inside(area, box) for box in (*marks.hits, *marks.tips)), key


def test_the_dashboard_needs_no_matplotlib():
    code = (
        "import sys\n"
        "import prepdesk.ui.pages.dashboard_page, prepdesk.ui.dashboard.native_export\n"
        "from prepdesk.ui.dashboard.chart_jobs import _loaders\n"
        "_loaders()\n"  # what loading the charts' data imports
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
