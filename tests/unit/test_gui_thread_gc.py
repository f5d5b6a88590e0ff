"""Cycles holding Qt objects are freed on the GUI thread, never by a worker thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QWidget

from prepdesk.ui.background import run_in_background


class Cycle:
    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self
        self.widget = QWidget()  # what a worker thread must never destroy

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.current_thread().name)


def allocate_a_lot() -> int:
    # Enough container allocations to cross every generation's threshold many times.
    return len([[i] for i in range(200_000)])


def wait_until_freed(qtbot, count: int) -> None:
    kept: list[list[int]] = []

    def allocate_and_look() -> bool:
        # Objects that stay (as a window's do) move the collector's counts.
        kept.extend([i] for i in range(gc.get_threshold()[0] * 2))
        return len(Cycle.freed_on) == count

    qtbot.waitUntil(allocate_and_look, timeout=30_000)


def test_cycles_are_collected_on_the_gui_thread_while_workers_allocate(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    results: list[int] = []
    run_in_background(allocate_a_lot, results.append, lambda _m: None, owner=owner)
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    assert not gc.isenabled()  # the automatic collector runs in no thread
    Cycle.freed_on.clear()
    for _ in range(5):
        Cycle()
    for _ in range(3):
        run_in_background(allocate_a_lot, results.append, lambda _m: None, owner=owner)
    qtbot.waitUntil(lambda: len(results) == 4, timeout=30_000)
    # The GUI thread's timer collects them once the counts pass the thresholds.
    wait_until_freed(qtbot, 5)
    assert set(Cycle.freed_on) == {threading.main_thread().name}


def test_what_lives_when_the_window_is_up_is_left_out_of_collections_and_new_cycles_still_go(
    qtbot,
):
    from prepdesk.ui.gui_thread_gc import freeze_long_lived

    owner = QWidget()
    qtbot.addWidget(owner)
    run_in_background(lambda: 0, lambda _r: None, lambda _m: None, owner=owner)  # the collector
    before = gc.get_freeze_count()
    try:
        freeze_long_lived()
        assert gc.get_freeze_count() > before  # the objects alive now are left out
        Cycle.freed_on.clear()
        for _ in range(3):
            Cycle()
        wait_until_freed(qtbot, 3)
        assert set(Cycle.freed_on) == {threading.main_thread().name}
    finally:
        gc.unfreeze()  # the rest of the test session collects as before
