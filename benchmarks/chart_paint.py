"""How long each natively painted axis chart takes to paint (issue 13: a refresh shows
its charts in milliseconds, on the GUI thread).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.chart_paint [--synthetic]

Loads each chart's data once from the demo data (or the synthetic five-year dataset),
then paints it onto an image 30 times at 420 and 900 px wide, light theme, the
application's font; prints the median and the worst paint (the first, which loads
fonts, is left out) in CPU milliseconds of the painting thread.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROUNDS = 30


def _data(folder: Path, synthetic: bool) -> dict[str, object]:
    from prepdesk.store.database import Database
    from prepdesk.store.paths import DataPaths
    from prepdesk.ui.dashboard.chart_jobs import load_charts

    paths = DataPaths.resolve(folder)
    if synthetic:
        from benchmarks.synthetic_dataset import build

        build(folder)
    else:
        from prepdesk.store.demo import fill_demo_data

        database = Database.open(paths)
        with database.transaction() as session:
            fill_demo_data(session, date.today())
        database.close()
    database = Database.open(paths)
    keys = list(_painters())
    try:
        with database.transaction() as session:
            loaded = load_charts(session, keys, date.today(), datetime.now(UTC))
    finally:
        database.close()
    return {chart.key: chart.data for chart in loaded}


def _painters() -> dict[str, object]:
    from prepdesk.ui.dashboard.paint_activity import PAINTERS as ACTIVITY
    from prepdesk.ui.dashboard.paint_design import PAINTERS as DESIGN
    from prepdesk.ui.dashboard.paint_progress import PAINTERS as PROGRESS

    return {**PROGRESS, **ACTIVITY, **DESIGN}


def main() -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from prepdesk.ui.dashboard.chart_specs import CHARTS
    from prepdesk.ui.dashboard.chart_style import ChartStyle
    from prepdesk.ui.theme import light_palette

    synthetic = "--synthetic" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        data = _data(Path(folder), synthetic)
    style = ChartStyle.from_palette(light_palette())
    heights = {spec.key: spec.height for spec in CHARTS}
    font = app.font()  # type: ignore[union-attr]
    print(f"{'chart':18} {'width':>5} {'median ms':>10} {'worst ms':>9}")
    for key, painter in _painters().items():
        if not painter.shows_anything(data[key]):  # type: ignore[attr-defined]
            print(f"{key:18} (nothing to show)")
            continue
        for width in (420, 900):
            image = QImage(width, heights[key], QImage.Format.Format_ARGB32_Premultiplied)
            times = []
            for _round in range(ROUNDS):
                image.fill(QColor(style.background))
                canvas = QPainter(image)
                start = time.thread_time()
                painter.paint(canvas, QRectF(0, 0, width, heights[key]), data[key], style, font)  # type: ignore[attr-defined]
                times.append((time.thread_time() - start) * 1000)
                canvas.end()
            rest = times[1:]
            print(f"{key:18} {width:>5} {statistics.median(rest):>10.2f} {max(rest):>9.2f}")


if __name__ == "__main__":
    main()
