"""Dark mode: a manual choice or the system scheme switches the palette, icons and charts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from prepdesk.ui.icons import icon
from prepdesk.ui.theme import is_dark, theme_manager


@pytest.fixture
def manager(qapp):
    manager = theme_manager()
    manager.set_choice("light", remember=False)
    yield manager
    manager.set_choice("light", remember=False)


def _window_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


def test_forcing_dark_applies_the_dark_palette_and_signals_once(qtbot, manager):
    assert not is_dark(QApplication.palette())
    with qtbot.waitSignal(manager.theme_changed) as blocker:
        manager.set_choice("dark")
    assert blocker.args == [True]
    assert manager.dark and is_dark(QApplication.palette())
    assert QApplication.style().name().lower() == "fusion"
    from prepdesk.ui.dashboard.chart_style import ChartStyle

    colours = ChartStyle.from_palette(QApplication.palette())  # what the charts paint with
    assert colours.dark
    assert colours.background == _window_colour()
    assert colours.text == QApplication.palette().color(QPalette.ColorRole.WindowText).name()
    with qtbot.assertNotEmitted(manager.theme_changed):
        manager.set_choice("dark")  # no change, no repaint


def test_widgets_repaint_with_the_dark_palette(qtbot, manager, main_window):
    light_background = main_window.navigation.palette().color(QPalette.ColorRole.Base)
    manager.set_choice("dark")
    navigation = main_window.navigation
    # The palette reaches each widget through a posted ApplicationPaletteChange event.
    qtbot.waitUntil(lambda: navigation.palette().color(QPalette.ColorRole.Base) != light_background)
    dark_background = navigation.palette().color(QPalette.ColorRole.Base)
    assert dark_background.lightness() < 64
    # The grabbed pixels are dark too: the widgets really repainted.
    image = main_window.navigation.grab().toImage()
    corner = image.pixelColor(image.width() - 3, image.height() - 3)
    assert corner.lightness() < 64


def test_line_icons_follow_the_text_colour(qtbot, manager):
    light = icon("topics").pixmap(24, 24).toImage()
    manager.set_choice("dark")
    dark = icon("topics").pixmap(24, 24).toImage()

    def darkest_ink(image):
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        )

    assert darkest_ink(light) < 110  # the grey stroke on light backgrounds
    assert darkest_ink(dark) > 150  # a light stroke on dark backgrounds


def test_system_scheme_is_followed_live_and_a_manual_choice_overrides(qtbot, manager):
    desktop = {"scheme": Qt.ColorScheme.Light}
    manager.system_scheme = lambda: desktop["scheme"]
    hints = QGuiApplication.styleHints()

    def desktop_switches_to(scheme):
        desktop["scheme"] = scheme
        hints.colorSchemeChanged.emit(scheme)  # what Qt emits when the desktop changes

    try:
        manager.set_choice("system", remember=False)
        assert not manager.dark
        with qtbot.waitSignal(manager.theme_changed) as blocker:
            desktop_switches_to(Qt.ColorScheme.Dark)
        assert blocker.args == [True]
        assert is_dark(QApplication.palette())
        manager.set_choice("light", remember=False)
        assert not is_dark(QApplication.palette())
        with qtbot.assertNotEmitted(manager.theme_changed):
            desktop_switches_to(Qt.ColorScheme.Light)
            desktop_switches_to(Qt.ColorScheme.Dark)
        assert not is_dark(QApplication.palette())
    finally:
        manager.system_scheme = hints.colorScheme


def test_unknown_theme_is_refused(manager):
    with pytest.raises(ValueError, match="unknown theme"):
        manager.set_choice("purple")
