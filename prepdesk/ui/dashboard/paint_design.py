"""The ML design chart, painted: each phase's self-score, session by session.

A tile per phase and session in its score's colour with the score on it (an unscored
phase a faint tile).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from prepdesk.core.design_practice import SCORES
from prepdesk.core.presentation import count_noun, format_pattern
from prepdesk.store.repositories.design_practice import PhaseScoreHistory
from prepdesk.ui.colours import SCORE_COLORS, SCORE_TEXT
from prepdesk.ui.dashboard.chart_axes import PAD, TICK, Ink, scaled_font
from prepdesk.ui.dashboard.chart_legend import LegendEntry, paint_legend, place_legend
from prepdesk.ui.dashboard.chart_style import ChartStyle
from prepdesk.ui.dashboard.native_chart import ChartMarks, NativeChart

if TYPE_CHECKING:
    from prepdesk.ui.dashboard.native_chart import HitBox

TITLED_SESSIONS = 8  # up to this many sessions, each column names its prompt too
SCORE_NAMES = {score: text.split(":", 1)[0] for score, text in SCORES.items()}  # "Missed", …
GAP = 2.0  # background between tiles
TITLE_LENGTHS = (28, 22, 16)  # prompt titles shortened to fit their column


class PhaseScores:
    def shows_anything(self, data: PhaseScoreHistory) -> bool:
        return bool(data.days)

    def paint(
        self,
        painter: QPainter,
        area: QRectF,
        data: PhaseScoreHistory,
        style: ChartStyle,
        font: QFont,
    ) -> ChartMarks:
        with Ink(painter, area, style, font) as ink:
            top = _header(ink, area, len(data.days))
            days = [format_pattern(day, "d MMM") for day in data.days]
            bottom = area.bottom() - ink.x_label_height(2 if len(days) <= TITLED_SESSIONS else 1)
            band = (bottom - top) / len(data.phases)
            means = []
            for name, scores in data.phases:
                given = [s for s in scores if s is not None]
                means.append(f"{name} ({sum(given) / len(given):.1f})" if given else name)
            name_font, names = ink.row_labels(means, band, area.width() * 0.45)
            left = area.left() + max(ink.width(name_font, n) for n in names) + PAD
            grid = QRectF(left, top, area.right() - left, bottom - top)
            column = grid.width() / len(days)
            _columns(ink, grid, data, days)
            ink.y_categories(
                grid, [(top + band * (i + 0.5), n) for i, n in enumerate(names)], name_font
            )
            number = (
                ink.label
                if ink.line_height(ink.label) <= band - GAP
                else scaled_font(ink.tick, 0.9)
            )
            tips: list[HitBox] = []
            for row, (phase, scores) in enumerate(data.phases):
                for index, score in enumerate(scores):
                    tile = QRectF(left + column * index, top + band * row, column, band)
                    tile = tile.adjusted(GAP / 2, GAP / 2, -GAP / 2, -GAP / 2)
                    if score is None:
                        ink.fill(tile, style.faint)
                        said = "not scored"
                    else:
                        ink.fill(tile, SCORE_COLORS[score - 1])
                        ink.put(
                            number,
                            str(score),
                            tile.center().x(),
                            tile.center().y(),
                            "center",
                            "center",
                            SCORE_TEXT,
                        )
                        said = f"{score} {SCORE_NAMES[score]}"
                    text = f"{phase}, {days[index]} ({data.prompts[index]}): {said}"
                    tips.append((text, tile.left(), tile.top(), tile.right(), tile.bottom()))
            return ChartMarks(tips=tuple(tips))


def _header(ink: Ink, area: QRectF, sessions: int) -> float:
    """The title left and the score legend right on one line, or one under the other
    when they don't fit side by side; where the tiles can start."""
    title = (
        f"your self-score per phase in the last {count_noun(sessions, 'scored session')} "
        "(mean in brackets)"
    )
    entries = [
        LegendEntry(f"{score} {SCORE_NAMES[score]}", colour)
        for score, colour in zip(SCORES, SCORE_COLORS, strict=True)
    ]
    legend = place_legend(ink, entries, area, right=False)
    title_width = ink.width(ink.tick, title)
    free = min(rect.left() for _e, rect, _n in legend.items) - area.left() - 2 * PAD
    if len({rect.top() for _e, rect, _n in legend.items}) == 1 and title_width <= free:
        ink.put(ink.tick, title, area.left(), area.top())
        paint_legend(ink, legend)
        return max(legend.rect.bottom(), area.top() + ink.line_height(ink.tick) + PAD)
    wrapped = ink.wrap(ink.tick, title, area.width())
    rect = ink.put(ink.tick, wrapped, area.left(), area.top())
    below = QRectF(area.left(), rect.bottom() + PAD / 2, area.width(), area.height())
    legend = place_legend(ink, entries, below, right=False)
    paint_legend(ink, legend)
    return legend.rect.bottom()


def _columns(ink: Ink, grid: QRectF, data: PhaseScoreHistory, days: list[str]) -> None:
    """Each column's day (and prompt, shortened, while few enough sessions), as many
    as stand apart, counted back from the latest."""
    column = grid.width() / len(days)
    centres = [grid.left() + column * (i + 0.5) for i in range(len(days))]
    choices = []
    if len(days) <= TITLED_SESSIONS:
        for length in TITLE_LENGTHS:
            choices.append(
                [
                    f"{day}\n{textwrap.shorten(title, length, placeholder='…')}"
                    for day, title in zip(days, data.prompts, strict=True)
                ]
            )
    choices.append(days)
    below = grid.adjusted(0, 0, 0, -TICK)  # labels close under the tiles: no tick marks
    for texts in choices:
        step, chosen = ink.thinned(below, centres, texts)
        if step == 1 or texts is days:
            ink.x_labels(below, chosen, ticks=False)
            return


PAINTERS: dict[str, NativeChart] = {"design-scores": PhaseScores()}
