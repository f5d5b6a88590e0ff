"""The one table of prepdesk's colours, per theme: palette roles and semantic colours.

Every colour the application sets comes from here (a test forbids colour literals
anywhere else in prepdesk/ui), and a test checks each text colour against the
backgrounds it is drawn on with prepdesk.core.contrast, in both themes. No Qt here:
the chart style and the contrast tests read it without a QApplication.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Swatch:
    """A background and the text drawn on it."""

    background: str
    text: str


@dataclass(frozen=True)
class ThemeColours:
    dark: bool
    palette: Mapping[str, str]  # QPalette.ColorRole name -> '#rrggbb' (active and inactive)
    disabled: Mapping[str, str]  # the Disabled group's overrides
    error: str  # text: an error, over target, over time
    success: str  # text: within target
    recall_good: Swatch  # remembered on the day
    recall_shaky: Swatch
    recall_poor: Swatch  # likely lost by the day
    gap: Swatch  # a competency no story shows yet
    warning: Swatch  # a gentle warning box
    invalid_field: Swatch  # a field whose input is refused: background, border
    control_border: str  # the box of a check box or radio button
    series: tuple[str, ...]  # chart marks, one per area, in the areas' order
    difficulty: Mapping[str, str]  # chart marks per problem difficulty
    chart_alert: str  # chart text that asks for attention (a competency no story shows)

    def recall(self, recall: float) -> Swatch:
        """Green when it will be remembered on the day, amber when shaky, red when likely lost."""
        if recall >= 0.9:
            return self.recall_good
        if recall >= 0.75:
            return self.recall_shaky
        return self.recall_poor


LIGHT = ThemeColours(
    dark=False,
    palette={
        "Window": "#efefef",
        "WindowText": "#000000",
        "Base": "#ffffff",
        "AlternateBase": "#f7f7f7",
        "ToolTipBase": "#ffffdc",
        "ToolTipText": "#000000",
        "PlaceholderText": "#636363",
        "Text": "#000000",
        "Button": "#efefef",
        "ButtonText": "#000000",
        "BrightText": "#ffffff",
        "Light": "#ffffff",
        "Midlight": "#cacaca",
        "Mid": "#b8b8b8",
        "Dark": "#9f9f9f",
        "Shadow": "#767676",
        "Highlight": "#2b6cb0",
        "HighlightedText": "#ffffff",
        "Link": "#2b6cb0",
        "LinkVisited": "#6b46c1",
    },
    disabled={  # Fusion's own disabled look, with text a little darker (still quiet)
        "WindowText": "#8c8c8c",
        "Text": "#8c8c8c",
        "ButtonText": "#8c8c8c",
        "Base": "#efefef",
        "Dark": "#bebebe",
        "Shadow": "#b1b1b1",
        "Highlight": "#919191",
    },
    error="#b3261e",
    success="#17692f",
    recall_good=Swatch("#cdebd3", "#1d1d1d"),
    recall_shaky=Swatch("#fbe7b5", "#1d1d1d"),
    recall_poor=Swatch("#f6c6c2", "#1d1d1d"),
    gap=Swatch("#fde2e1", "#1d1d1d"),
    warning=Swatch("#fff4d6", "#5c4400"),
    invalid_field=Swatch("#fdecea", "#b3261e"),
    control_border="#767676",
    series=("#1f5fa8", "#a85300", "#1e7b4f", "#a3407a", "#1b7a8c", "#c0392b", "#7a6a00"),
    difficulty={"easy": "#1e7b4f", "medium": "#a85300", "hard": "#c0392b"},
    chart_alert="#b3261e",
)

DARK = ThemeColours(
    dark=True,
    palette={
        "Window": "#1f2228",
        "WindowText": "#e2e8f0",
        "Base": "#16181d",
        "AlternateBase": "#23262d",
        "ToolTipBase": "#2d3139",
        "ToolTipText": "#e2e8f0",
        "PlaceholderText": "#9aa3b5",
        "Text": "#e2e8f0",
        "Button": "#2a2e36",
        "ButtonText": "#e2e8f0",
        "BrightText": "#ff6b6b",
        "Light": "#3a3f4a",
        "Midlight": "#30343d",
        "Mid": "#23262d",
        "Dark": "#121418",
        "Shadow": "#000000",
        "Highlight": "#2f6fad",
        "HighlightedText": "#ffffff",
        "Link": "#63b3ed",
        "LinkVisited": "#b794f4",
    },
    disabled={
        "WindowText": "#6b7280",
        "Text": "#6b7280",
        "ButtonText": "#6b7280",
        "Highlight": "#3a3f4a",
    },
    error="#ff8a80",
    success="#6fd08c",
    recall_good=Swatch("#22452f", "#e2e8f0"),
    recall_shaky=Swatch("#4d3d14", "#e2e8f0"),
    recall_poor=Swatch("#5c2626", "#e2e8f0"),
    gap=Swatch("#5c2626", "#e2e8f0"),
    warning=Swatch("#3d3418", "#f7d774"),
    invalid_field=Swatch("#3b1f1f", "#ff8a80"),
    control_border="#8a94a6",
    series=("#5aa7e0", "#e69f00", "#2fbf8a", "#e08ab8", "#56c7d9", "#f07a4a", "#f0e442"),
    difficulty={"easy": "#2fbf8a", "medium": "#e69f00", "hard": "#f07a4a"},
    chart_alert="#ff8a80",
)


# The grey the line icons in resources/icons are drawn in: shown as is on light
# palettes, replaced by the text colour on dark ones.
ICON_STROKE = "#4a5568"
# A design phase's self-score 1–4 (missed, thin, solid, strong): Okabe–Ito hues light
# enough that black numbers on them read in both themes.
SCORE_COLORS = ("#D55E00", "#E69F00", "#56B4E9", "#009E73")
SCORE_TEXT = "#000000"


def theme_colours(dark: bool) -> ThemeColours:
    return DARK if dark else LIGHT
