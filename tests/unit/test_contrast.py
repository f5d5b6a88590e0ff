"""WCAG AA contrast in both themes: the colour table, the palette, every colour the code
sets, and what the pages really show on the demo data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCheckBox, QLabel

from prepdesk.core.contrast import (
    BODY_TEXT,
    GRAPHICS,
    blend,
    contrast_ratio,
    relative_luminance,
)
from prepdesk.ui.colours import DARK, ICON_STROKE, LIGHT, ThemeColours
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.theme import dark_palette, light_palette, theme_manager
from tests.unit.demo_database import demo_db_fixture, demo_template_fixture  # noqa: F401

THEMES = pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
DARK_GROUND = 0.1  # the most relative luminance a background may have in the dark theme
UI = Path(__file__).resolve().parents[2] / "prepdesk" / "ui"
TEXT_ON = {  # palette text roles and the backgrounds they are drawn on
    "WindowText": ("Window", "Base", "Button"),
    "Text": ("Base", "AlternateBase", "Window"),
    "ButtonText": ("Button",),
    "ToolTipText": ("ToolTipBase",),
    "HighlightedText": ("Highlight",),
    "PlaceholderText": ("Base", "AlternateBase", "Window", "Button"),
    "Link": ("Base", "Window"),
    "LinkVisited": ("Base", "Window"),
}


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#abcdef", "#abcdef") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just fails
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # just passes
    assert blend("#ffffff", "#000000", 0.5) == "#808080"
    with pytest.raises(ValueError, match="not a #rrggbb"):
        contrast_ratio("grey", "#ffffff")


@THEMES
def test_palette_text_roles_meet_aa_on_their_backgrounds(colours: ThemeColours):
    p = colours.palette
    failures = [
        f"{text} {p[text]} on {ground} {p[ground]}: {contrast_ratio(p[text], p[ground]):.2f}"
        for text, grounds in TEXT_ON.items()
        for ground in grounds
        if contrast_ratio(p[text], p[ground]) < BODY_TEXT
    ]
    assert not failures


@THEMES
def test_every_semantic_colour_pair_meets_aa(colours: ThemeColours):
    p = colours.palette
    text_pairs = {
        "error text on window": (colours.error, p["Window"]),
        "error text on base": (colours.error, p["Base"]),
        "over-target text on alternate rows": (colours.error, p["AlternateBase"]),
        "within-target text on base": (colours.success, p["Base"]),
        "within-target text on alternate rows": (colours.success, p["AlternateBase"]),
        "within-target text on window": (colours.success, p["Window"]),
        "recall good": (colours.recall_good.text, colours.recall_good.background),
        "recall shaky": (colours.recall_shaky.text, colours.recall_shaky.background),
        "recall poor": (colours.recall_poor.text, colours.recall_poor.background),
        "coverage gap": (colours.gap.text, colours.gap.background),
        "warning box": (colours.warning.text, colours.warning.background),
        "text in a refused field": (p["Text"], colours.invalid_field.background),
    }
    graphic_pairs = {
        "refused field border": (colours.invalid_field.text, colours.invalid_field.background),
        "check box border on window": (colours.control_border, p["Window"]),
        "check box border on base": (colours.control_border, p["Base"]),
    }
    failures = [
        f"{name}: {contrast_ratio(*pair):.2f}"
        for pairs, minimum in ((text_pairs, BODY_TEXT), (graphic_pairs, GRAPHICS))
        for name, pair in pairs.items()
        if contrast_ratio(*pair) < minimum
    ]
    assert not failures
    if colours.dark:  # no light patches on a dark window, however readable their text
        swatches = (colours.recall_good, colours.recall_shaky, colours.recall_poor, colours.gap)
        grounds = [s.background for s in (*swatches, colours.warning, colours.invalid_field)]
        assert all(relative_luminance(ground) <= DARK_GROUND for ground in grounds)
    else:  # the icons' own grey is shown on light palettes only
        assert contrast_ratio(ICON_STROKE, p["Window"]) >= GRAPHICS


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_chart_text_and_marks_meet_aa_on_the_chart_background(qapp, palette):
    style = ChartStyle.from_palette(palette())
    ground = style.background
    texts = {"text": style.text, "muted text": style.muted, "alert": style.alert}
    # a filled cell against an empty one (story coverage, the activity calendar)
    assert contrast_ratio(style.mark, style.faint) >= GRAPHICS
    marks = {
        "accent": style.accent,
        **{f"series {i}": c for i, c in enumerate(style.series)},
        **{f"difficulty {d}": c for d, c in style.difficulty},
    }
    failures = [
        f"{name} {colour} on {ground}: {contrast_ratio(colour, ground):.2f}"
        for group, minimum in ((texts, BODY_TEXT), (marks, GRAPHICS))
        for name, colour in group.items()
        if contrast_ratio(colour, ground) < minimum
    ]
    assert not failures


COLOUR_LITERAL = re.compile(
    r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b"  # #rgb, #rrggbb
    r"|\brgba?\("  # rgb(...) in style sheets
    r"|QColor\(\s*['\"]"  # QColor("name")
    r"|GlobalColor\.(?!transparent)"  # Qt.GlobalColor.red
    r"|colou?r\s*[:=]\s*['\"]?(?:gray|grey|red|green|blue|black|white|orange|yellow)\b"
)


def test_no_colour_is_written_outside_the_colour_table():
    """A new hard-coded colour skips the contrast checks above: it belongs in colours.py."""
    found = [
        f"{path.relative_to(UI.parent.parent)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "colours.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COLOUR_LITERAL.search(line)
    ]
    assert not found


def _hex(colour) -> str:
    return colour.name()


def _indexes(model, parent, depth: int = 0):
    """Every index of `model` under `parent`, two levels deep (areas and their topics)."""
    for row in range(min(model.rowCount(parent), 300)):
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and depth < 1:
                yield from _indexes(model, index, depth + 1)


def _shown_pairs(window) -> list[tuple[str, str, str]]:
    """(where, foreground, background) of every coloured cell and styled label shown."""
    pairs: list[tuple[str, str, str]] = []
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        base = _hex(view.palette().color(QPalette.ColorRole.Base))
        text = _hex(view.palette().color(QPalette.ColorRole.Text))
        name = view.accessibleName() or type(view).__name__
        for index in _indexes(model, QModelIndex()):
            fg = index.data(Qt.ItemDataRole.ForegroundRole)
            bg = index.data(Qt.ItemDataRole.BackgroundRole)
            if fg is None and bg is None:
                continue
            foreground = _hex(fg.color()) if hasattr(fg, "color") else _hex(fg) if fg else text
            background = _hex(bg.color()) if hasattr(bg, "color") else _hex(bg) if bg else base
            pairs.append((f"{name} cell {index.row()},{index.column()}", foreground, background))
    for label in window.findChildren(QLabel):
        sheet = label.styleSheet()
        if not label.isVisible() or not label.text() or "color" not in sheet:
            continue
        label.ensurePolished()
        foreground = _hex(label.palette().color(label.foregroundRole()))
        match = re.search(r"background:\s*(#[0-9a-fA-F]{6})", sheet)
        parent = label.parentWidget() or label
        background = (
            match.group(1) if match else _hex(parent.palette().color(QPalette.ColorRole.Window))
        )
        pairs.append((f"label {label.objectName() or label.text()[:30]!r}", foreground, background))
    return pairs


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_page_on_the_demo_data_shows_readable_colours(qtbot, demo_db, theme):
    from prepdesk.ui.main_window import MainWindow
    from prepdesk.ui.operations import Operations

    manager = theme_manager()
    manager.set_choice(theme, remember=False)
    try:
        window = MainWindow(Operations(demo_db))
        qtbot.addWidget(window)
        window.resize(1280, 820)
        window.show()
        qtbot.waitExposed(window)
        checked = 0
        failures = []
        for key in window.page_keys():
            if key == "dashboard":
                continue  # the painted charts: checked through the chart style above
            page = window.show_page(key)
            qtbot.waitUntil(page.is_idle, timeout=30_000)  # its rows read off the GUI thread
            QApplication.processEvents()
            for where, fg, bg in _shown_pairs(window):
                checked += 1
                if contrast_ratio(fg, bg) < BODY_TEXT:
                    failures.append(f"{key}: {where}: {fg} on {bg} {contrast_ratio(fg, bg):.2f}")
                if theme == "dark" and relative_luminance(bg) > DARK_GROUND:
                    failures.append(f"{key}: {where}: a light patch {bg} in the dark theme")
        assert checked > 20  # the recall cells, the predicted recall banner, target times…
        assert not failures
    finally:
        manager.set_choice("light", remember=False)


def test_a_check_box_is_visible_in_dark_mode(qtbot):
    manager = theme_manager()
    manager.set_choice("dark", remember=False)
    try:
        box = QCheckBox("Solved")
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        image = box.grab().toImage()
        window = _hex(box.palette().color(QPalette.ColorRole.Window))
        indicator_width = box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth)
        best = max(
            contrast_ratio(_hex(image.pixelColor(x, y)), window)
            for x in range(min(indicator_width + 2, image.width()))
            for y in range(image.height())
        )
        assert best >= GRAPHICS
    finally:
        manager.set_choice("light", remember=False)
