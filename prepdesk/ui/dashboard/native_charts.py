"""The painter of each dashboard chart: every chart is painted in the window (native_chart.py).

Each painting module exposes `PAINTERS: dict[str, NativeChart]` by chart key; this
registry merges them.
"""

from __future__ import annotations

from types import ModuleType

from prepdesk.ui.dashboard import (
    paint_activity,
    paint_calendar,
    paint_coverage,
    paint_design,
    paint_progress,
)
from prepdesk.ui.dashboard.native_chart import NativeChart

# One line per painting module.
MODULES: tuple[ModuleType, ...] = (
    paint_progress,
    paint_activity,
    paint_calendar,
    paint_coverage,
    paint_design,
)


def _merged() -> dict[str, NativeChart]:
    painters: dict[str, NativeChart] = {}
    for module in MODULES:
        for key, painter in module.PAINTERS.items():
            if key in painters:
                raise ValueError(f"two native painters for the chart {key!r}")
            painters[key] = painter
    return painters


PAINTERS = _merged()


def native_painter(key: str) -> NativeChart:
    """The chart's painter (every chart in chart_specs.CHARTS has one)."""
    return PAINTERS[key]
