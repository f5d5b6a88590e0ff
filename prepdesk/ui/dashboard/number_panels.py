"""The dashboard's three number panels (countdown, readiness, Today), filled from
DashboardNumbers: the one way they are filled, from the live read, from the numbers kept
from the last run in the dashboard, and in the start-up shell."""

from __future__ import annotations

from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from prepdesk.ui.dashboard.countdown_panel import CountdownData, CountdownPanel
from prepdesk.ui.dashboard.frame import NUMBERS_STRETCH
from prepdesk.ui.dashboard.readiness_panel import ReadinessPanel
from prepdesk.ui.dashboard.today_card import TodayCard
from prepdesk.ui.today_view import TodayView

if TYPE_CHECKING:
    from prepdesk.core.dashboard_numbers import DashboardNumbers
    from prepdesk.store.paths import DataPaths

ALL_PARTS = frozenset({"countdown", "readiness", "rehearsals", "today"})
# The snapshot is written off the GUI thread (an fsync can take a while), in order.
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="numbers-snapshot")


class NumberPanels:
    def __init__(self, today: TodayView) -> None:
        """`today` is the dashboard's TodayPanel or the shell's bare, inactive view."""
        self.countdown = CountdownPanel(interactive=today.interactive)
        self.readiness = ReadinessPanel()
        self.today = TodayCard(today)

    def row(self) -> list[tuple[QWidget, int]]:
        return list(zip((self.countdown, self.readiness, self.today), NUMBERS_STRETCH, strict=True))

    def show(
        self, numbers: DashboardNumbers, now: datetime, parts: Collection[str] = ALL_PARTS
    ) -> None:
        """Show `parts` of `numbers`; the countdown runs from `now`."""
        if "countdown" in parts:
            self.countdown.show_data(CountdownData(now, numbers.next, numbers.upcoming))
        if "readiness" in parts:
            self.readiness.show_data(numbers.readiness)
            self.readiness.outlook.show_outlook(numbers.outlook)
        if "rehearsals" in parts:
            self.today.show_rehearsals(numbers.rehearsals)
        if "today" in parts and numbers.today is not None:
            self.today.panel.show_today(numbers.today)


def keep_numbers(paths: DataPaths, version: int, numbers: DashboardNumbers) -> None:
    """Write the snapshot for the next start, on the writer thread (best effort)."""
    from prepdesk.store.numbers_snapshot import save_snapshot  # not before the first paint

    _WRITER.submit(save_snapshot, paths, version, numbers)


def kept_numbers_written() -> None:
    """Wait until the snapshots asked for are on disk (quitting, tests)."""
    _WRITER.submit(lambda: None).result()
