"""The ML design chart: each phase's self-score, session by session.

Draws on a matplotlib Figure and returns False when no session is scored yet, so the
panel shows its empty-state sentence instead of empty axes.
"""

from __future__ import annotations

import textwrap
from typing import Any

from prepdesk.core.design_practice import SCORES
from prepdesk.core.presentation import count_noun, format_pattern
from prepdesk.store.repositories.design_practice import PhaseScoreHistory
from prepdesk.ui.colours import SCORE_COLORS, SCORE_TEXT
from prepdesk.ui.dashboard.chart_style import ChartStyle, separate_cells

TITLED_SESSIONS = 8  # up to this many sessions, each column names its prompt too
SCORE_NAMES = {score: text.split(":", 1)[0] for score, text in SCORES.items()}  # "Missed", …


def draw_phase_scores(figure: Any, history: PhaseScoreHistory, style: ChartStyle) -> bool:
    if not history.days:
        return False
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    grid = np.full((len(history.phases), len(history.days)), np.nan)
    for row, (_name, scores) in enumerate(history.phases):
        for column, score in enumerate(scores):
            if score is not None:
                grid[row, column] = score
    ax = figure.subplots()
    colormap = ListedColormap(list(SCORE_COLORS)).with_extremes(bad=style.faint)
    ax.imshow(grid, aspect="auto", cmap=colormap, vmin=0.5, vmax=4.5, interpolation="none")
    for (row, column), score in np.ndenumerate(grid):
        if not np.isnan(score):
            ax.text(column, row, f"{score:.0f}", ha="center", va="center", color=SCORE_TEXT)
    labels = []
    for name, scores in history.phases:
        given = [s for s in scores if s is not None]
        labels.append(f"{name} ({sum(given) / len(given):.1f})" if given else name)
    ax.set_yticks(range(len(history.phases)), labels)
    columns = [format_pattern(day, "d MMM") for day in history.days]
    if len(columns) <= TITLED_SESSIONS:
        columns = [
            f"{day}\n{textwrap.shorten(title, 28, placeholder='…')}"
            for day, title in zip(columns, history.prompts, strict=True)
        ]
    ax.set_xticks(range(len(history.days)), columns)
    separate_cells(ax, len(history.phases), len(history.days), style)
    ax.legend(
        handles=[
            Patch(color=color, label=f"{score} {SCORE_NAMES[score]}")
            for score, color in zip(SCORES, SCORE_COLORS, strict=True)
        ],
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncols=4,
    )
    sessions = len(history.days)
    ax.set_title(
        f"your self-score per phase in the last {count_noun(sessions, 'scored session')} "
        "(mean in brackets)",
        loc="left",
        fontsize=7.5,
    )
    return True
