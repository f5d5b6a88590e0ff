"""Light and dark themes: follow the system's colour scheme live, or a manual choice.

One ThemeManager per application (`theme_manager()`). Anything that draws its own
colours (chart canvases, recoloured icons) connects to `theme_changed` and asks
`chart_colors()` or the application palette again when it fires.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from prepdesk.ui.qt_settings import ui_settings

THEMES = ("system", "light", "dark")
THEME_KEY = "appearance/theme"


@dataclass(frozen=True)
class ChartColors:
    """Colours for matplotlib figures, as '#rrggbb' strings."""

    dark: bool
    background: str
    foreground: str
    grid: str
    accents: tuple[str, ...]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#1f2228",
        roles.WindowText: "#e2e8f0",
        roles.Base: "#16181d",
        roles.AlternateBase: "#23262d",
        roles.ToolTipBase: "#2d3139",
        roles.ToolTipText: "#e2e8f0",
        roles.PlaceholderText: "#8a94a6",
        roles.Text: "#e2e8f0",
        roles.Button: "#2a2e36",
        roles.ButtonText: "#e2e8f0",
        roles.BrightText: "#ff6b6b",
        roles.Light: "#3a3f4a",
        roles.Midlight: "#30343d",
        roles.Mid: "#23262d",
        roles.Dark: "#121418",
        roles.Shadow: "#000000",
        roles.Highlight: "#3b82c4",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#63b3ed",
        roles.LinkVisited: "#b794f4",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#6b7280"))
    palette.setColor(disabled, roles.Highlight, QColor("#3a3f4a"))
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    palette = style.standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2b6cb0"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#2b6cb0"))
    return palette


class ThemeManager(QObject):
    """Applies the chosen theme to the application and says when the colours change."""

    theme_changed = Signal(bool)  # True when the effective theme is now dark

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._platform_style = app.style().name()
        self._platform_palette = QPalette(app.palette())
        self._choice = "system"
        self._dark: bool | None = None
        # Where the system's scheme comes from; tests put a fake desktop here.
        self.system_scheme: Callable[[], Qt.ColorScheme] = QGuiApplication.styleHints().colorScheme
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    @property
    def choice(self) -> str:
        return self._choice

    @property
    def dark(self) -> bool:
        return bool(self._dark)

    def system_prefers_dark(self) -> bool:
        scheme = self.system_scheme()
        if scheme == Qt.ColorScheme.Unknown:
            return is_dark(self._platform_palette)
        return scheme == Qt.ColorScheme.Dark

    def load(self) -> None:
        """Applies the theme remembered for this machine."""
        choice = str(ui_settings().value(THEME_KEY, "system"))
        self.set_choice(choice if choice in THEMES else "system", remember=False)

    def set_choice(self, choice: str, remember: bool = True) -> None:
        if choice not in THEMES:
            raise ValueError(f"unknown theme {choice!r}; expected one of {THEMES}")
        self._choice = choice
        if remember:
            settings = ui_settings()
            settings.setValue(THEME_KEY, choice)
            settings.sync()
        self._apply()

    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self._apply()

    def _apply(self) -> None:
        want_dark = (
            self.system_prefers_dark() if self._choice == "system" else self._choice == "dark"
        )
        if self._choice == "system" and want_dark == is_dark(self._platform_palette):
            # The platform already draws this scheme natively: use its own look.
            self._use_style(self._platform_style)
            palette = QPalette(self._platform_palette)
        else:
            # Forcing a scheme the platform theme does not give: Fusion takes any palette.
            self._use_style("Fusion")
            palette = dark_palette() if want_dark else light_palette()
        self._app.setPalette(palette)
        changed = self._dark != want_dark
        self._dark = want_dark
        if changed:
            self.theme_changed.emit(want_dark)

    def _use_style(self, name: str) -> None:
        # A new style object re-polishes every widget: only when the style really changes.
        if self._app.style().name().lower() != name.lower():
            self._app.setStyle(name)

    def chart_colors(self) -> ChartColors:
        palette = self._app.palette()
        background = palette.color(QPalette.ColorRole.Base).name()
        foreground = palette.color(QPalette.ColorRole.Text).name()
        if self.dark:
            accents = ("#63b3ed", "#68d391", "#f6ad55", "#fc8181", "#b794f4", "#4fd1c5")
            grid = "#3a3f4a"
        else:
            accents = ("#2b6cb0", "#2f855a", "#c05621", "#c53030", "#6b46c1", "#2c7a7b")
            grid = "#d5dbe3"
        return ChartColors(self.dark, background, foreground, grid, accents)


def theme_manager() -> ThemeManager:
    """The application's ThemeManager, created (with the remembered theme) on first use."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("theme_manager() needs a QApplication")
    manager = app.findChild(ThemeManager, "themeManager")
    if manager is None:
        manager = ThemeManager(app)
        manager.setObjectName("themeManager")
        manager.load()
    return manager
