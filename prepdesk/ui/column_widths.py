"""Columns as wide as their header or their widest text, measured from the texts themselves;
rows of one line as high as the font says.

A header in ResizeToContents asks the view for each cell's size hint at every layout; over a
person's whole history (thousands of rows) that is the GUI thread's time. A table whose
texts are known as a list (a model's display texts) sizes its short columns here instead,
once per new list: one width per distinct text shape (`text_shapes`, which a worker thread
can make), no delegate, no view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QStyle, QTableView

_DIGIT = re.compile(r"[0-9]")


def text_shapes(texts: Iterable[str]) -> set[str]:
    """The distinct texts, digits as zeros: UI fonts give digits one width, so "3 Nov 2026"
    and "28 Nov 2026" are one shape with "00 Nov 0000" (thousands of dates, a few shapes)."""
    return {_DIGIT.sub("0", text) for text in set(texts)}


def fit_columns(table: QTableView, texts: Mapping[int, Iterable[str]]) -> None:
    """Each column of `texts` gets the width its header or its widest text needs (give
    `text_shapes` of many texts: the same width, measured from far fewer)."""
    header = table.horizontalHeader()
    model = table.model()
    style = table.style()
    cell_metrics = table.fontMetrics()
    header_metrics = header.fontMetrics()
    # Qt's item views draw text inside the focus frame's margin, on both sides.
    cell_margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    header_margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    # Room for a sort indicator, as Qt's own header sizing keeps, shown or not.
    sort_mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    sort_mark += header_margin
    for column, values in texts.items():
        title = str(model.headerData(column, header.orientation()) or "") if model else ""
        wanted = max(
            (header_metrics.horizontalAdvance(line) for line in title.split("\n")), default=0
        )
        wanted += 2 * header_margin + sort_mark
        widest = max((cell_metrics.horizontalAdvance(text) for text in values), default=0)
        width = max(wanted, widest + cell_margin + 2)  # 2: rounding of fractional advances
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)


def one_line_height(table: QTableView) -> int:
    """The height of a row of one line: its cells' text (and the grid line drawn inside
    the row), or its vertical header's text and margins."""
    rows = table.verticalHeader()
    header_margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, rows)
    cell = table.fontMetrics().height() + int(table.showGrid())
    return max(cell, rows.fontMetrics().height() + 2 * header_margin)
