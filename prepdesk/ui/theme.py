"""Light and dark themes: follow the system's colour scheme live, or a manual choice.

One ThemeManager per application (`theme_manager()`). Anything that draws its own
colours (chart canvases, recoloured icons) connects to `theme_changed` and asks
`chart_colors()` or the application palette again when it fires.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from prepdesk.ui.colours import DARK, LIGHT, ThemeColours, theme_colours
from prepdesk.ui.qt_settings import ui_settings

THEMES = ("system", "light", "dark")
THEME_KEY = "appearance/theme"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _palette(colours: ThemeColours) -> QPalette:
    palette = QPalette()
    for name, colour in colours.palette.items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    for name, colour in colours.disabled.items():
        palette.setColor(
            QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, name), QColor(colour)
        )
    return palette


def dark_palette() -> QPalette:
    return _palette(DARK)


def light_palette() -> QPalette:
    return _palette(LIGHT)


class ReadableFusion(QProxyStyle):
    """Fusion, with check box and radio button boxes drawn in the table's control border.

    Fusion outlines them with the window colour darkened, which on a dark window is
    nearly black on nearly black: the box vanishes.
    """

    def __init__(self, border: str) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.border = border
        self._border = QColor(border)

    def name(self) -> str:  # what it is: Fusion
        return self.baseStyle().name()

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        boxes = (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        )
        if element not in boxes:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self._border, 1))
        box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)
        painter.restore()


def current_colours() -> ThemeColours:
    """The semantic colours for the palette the application shows now."""
    return theme_colours(is_dark(QGuiApplication.palette()))


class _ThemeFollower(QObject):
    def __init__(self, owner: QObject, apply: Callable[[ThemeColours], None]) -> None:
        super().__init__(owner)  # dies with its owner, and with it the connection
        self._apply = apply
        theme_manager().theme_changed.connect(self._on_changed)
        apply(current_colours())

    def _on_changed(self, _dark: bool) -> None:
        self._apply(current_colours())


def follow_theme(owner: QObject, apply: Callable[[ThemeColours], None]) -> None:
    """Call `apply(colours)` now and again whenever the theme changes, while `owner` lives."""
    _ThemeFollower(owner, apply)


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
            # The platform already draws this scheme natively: use its own look
            # (Fusion, where it is the platform's look, with readable check boxes).
            self._use_style(self._platform_style, want_dark)
            palette = QPalette(self._platform_palette)
        else:
            # Forcing a scheme the platform theme does not give: Fusion takes any palette.
            self._use_style("Fusion", want_dark)
            palette = dark_palette() if want_dark else light_palette()
        self._app.setPalette(palette)
        changed = self._dark != want_dark
        self._dark = want_dark
        if changed:
            self.theme_changed.emit(want_dark)

    def _use_style(self, name: str, dark: bool) -> None:
        """Fusion with readable check boxes in this scheme's border, or the platform's own
        style. A new style object re-polishes every widget: only when the style changes."""
        border = theme_colours(dark).control_border
        style = self._app.style()
        if name.lower() == "fusion":
            if isinstance(style, ReadableFusion) and style.border == border:
                return
            self._app.setStyle(ReadableFusion(border))
        elif style.name().lower() != name.lower():
            self._app.setStyle(name)


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


def error_text_style(colours: ThemeColours) -> str:
    return f"color: {colours.error};"


def show_as_error(label: QWidget) -> None:
    """`label` says what went wrong: the theme's error colour, in both themes."""
    follow_theme(label, lambda colours: label.setStyleSheet(error_text_style(colours)))


def muted_html(text: str) -> str:
    """A quiet paragraph (an empty state) for rich-text views, in the placeholder colour."""
    colour = current_colours().palette["PlaceholderText"]
    return f"<p style='color: {colour}'>{text}</p>"
