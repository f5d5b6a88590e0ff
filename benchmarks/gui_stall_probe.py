"""The GUI thread's longest stall per action: a 10 ms heartbeat while the actions run.

    .venv/bin/python benchmarks/synthetic_dataset.py /tmp/five-years
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.gui_stall_probe /tmp/five-years

Each page is shown the first time and refreshed (F5); every File-menu export and the
backup is triggered; the brief (PDF twice, Markdown) is written from a checklist window;
the calendar exported; the search dialog opened and an item opened from it. Dialogs are
answered with paths in a temporary folder, so the data folder is only read (a backup is
added to it). Each line is the longest gap between heartbeats while the action and the
work it started ran (until the thread pool is idle for 0.4 s). Work on the GUI thread
longer than 100 ms breaks the rule of issue 13.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GAP_LIMIT_MS = 100


def main(data: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PREPDESK_DATA_DIR"] = str(data)
    out = Path(tempfile.mkdtemp(prefix="prepdesk-stall-"))
    os.environ["PREPDESK_CONFIG_DIR"] = str(out / "config")

    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    app = QApplication(["prepdesk-stall-probe"])
    from sqlalchemy import select

    from prepdesk.store import models
    from prepdesk.store.database import Database
    from prepdesk.store.paths import DataPaths
    from prepdesk.ui.app import GIL_SWITCH_INTERVAL_S
    from prepdesk.ui.checklist_window import ChecklistWindow
    from prepdesk.ui.gui_thread_gc import freeze_long_lived
    from prepdesk.ui.main_window import MainWindow
    from prepdesk.ui.operations import Operations

    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)  # as the app sets it
    answer = {"file": "", "folder": ""}
    # Dialogs answer at once: the probe measures the work, not a person choosing.
    QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (answer["file"], ""))  # type: ignore[method-assign]
    QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: answer["folder"])  # type: ignore[method-assign]
    QDesktopServices.openUrl = staticmethod(lambda *_a: True)  # type: ignore[method-assign]
    QMessageBox.information = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    QMessageBox.open = lambda self: print("  shown:", self.text().splitlines()[0])  # type: ignore[method-assign]

    last = [time.perf_counter()]
    worst = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()

    def settle(quiet_s: float = 0.4) -> None:
        deadline = time.perf_counter() + 60
        idle_since: float | None = None
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.002)
            if QThreadPool.globalInstance().activeThreadCount():
                idle_since = None
            elif idle_since is None:
                idle_since = time.perf_counter()
            elif time.perf_counter() - idle_since > quiet_s:
                return

    over = 0

    def measure(name: str, action: Callable[[], object]) -> None:
        nonlocal over
        settle()
        last[0] = time.perf_counter()
        worst[0] = 0.0
        action()
        settle()
        gap_ms = worst[0] * 1000
        over += gap_ms > GAP_LIMIT_MS
        flag = "  over" if gap_ms > GAP_LIMIT_MS else ""
        print(f"{name:30s} longest gap {gap_ms:6.0f} ms{flag}", flush=True)

    def to_file(name: str) -> None:
        answer["file"] = str(out / name)

    def to_folder(name: str) -> None:
        shutil.rmtree(out / name, ignore_errors=True)
        answer["folder"] = str(out / name)

    db = Database.open(DataPaths.resolve(data))
    ops = Operations(db)
    window = MainWindow(ops)
    window.resize(1400, 900)
    window.show()
    settle(1.0)
    freeze_long_lived()  # as the app does once its window is up
    for key in window.page_keys():
        measure(f"{key}: first show", lambda key=key: window.show_page(key))
    for key in window.page_keys():
        window.show_page(key)
        measure(f"{key}: refresh (F5)", window.refresh_action.trigger)
    measure("export JSON", lambda: (to_file("all.json"), window.export_action.trigger()))
    measure("export CSV", lambda: (to_folder("csv"), window.export_csv_action.trigger()))
    measure("export Markdown", lambda: (to_folder("md"), window.export_markdown_action.trigger()))
    measure("back up now", window.backup_action.trigger)
    stage = ops.read(lambda s: s.scalar(select(models.InterviewStage.id).limit(1)))
    if stage is not None:
        checklist = ChecklistWindow(ops, stage)
        checklist.show()
        for name in ("brief.pdf", "brief-again.pdf", "brief.md"):

            def write(name: str = name) -> None:
                to_file(name)
                checklist.brief_button.click()

            measure(f"brief {name}", write)
        checklist.close()
        page = window.show_page("companies")
        pipeline = getattr(page, "pipeline", None)
        if pipeline is not None:
            measure("calendar .ics", lambda: (to_file("i.ics"), pipeline.ics_button.click()))

    def open_from_search() -> None:
        dialog = window.data.open_search()
        dialog.box.setText("learning")
        app.processEvents()
        dialog.open_current()

    measure("search: open an item", open_from_search)
    measure("search: open the dialog", window.search_action.trigger)
    window.close()
    db.close()
    shutil.rmtree(out, ignore_errors=True)
    print(f"{over} action(s) held the GUI thread over {GAP_LIMIT_MS} ms")
    return 0


if __name__ == "__main__":  # the formula process (spawn) imports this module again
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
