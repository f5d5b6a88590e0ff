"""What the Practice page shows of the log, read and prepared on a worker thread.

Everything here is plain Python (no widget): the display texts of thousands of rows are
made once, off the GUI thread, and the short columns are sized from their text shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from prepdesk.core.practice import split_patterns
from prepdesk.store.repositories.problems import ProblemRepository, ProblemRow
from prepdesk.ui.column_widths import text_shapes
from prepdesk.ui.practice.problem_table_model import COLUMNS, PATTERNS, TITLE, row_texts

SHORT_COLUMNS = [c for c in range(len(COLUMNS)) if c not in (TITLE, PATTERNS)]  # one line


@dataclass(frozen=True)
class ProblemList:
    """What the page shows of the log, read on a worker thread."""

    rows: list[ProblemRow]
    texts: list[tuple[str, ...]]  # each row's display texts, dates formatted once
    shapes: dict[int, set[str]]  # the short columns' text shapes, to size them from
    platforms: list[str]
    patterns: list[str]


def read_problem_list(session: Session) -> ProblemList:
    rows = ProblemRepository(session).list_problems()
    platforms = sorted({r.platform for r in rows}, key=str.lower)
    patterns = {p.lower(): p for r in rows for p in split_patterns(r.patterns)}
    texts = [row_texts(row) for row in rows]
    shapes = {c: text_shapes(t[c] for t in texts) for c in SHORT_COLUMNS}
    return ProblemList(rows, texts, shapes, platforms, sorted(patterns.values(), key=str.lower))
