"""The peer: Anki (aqt, on PyQt6) timed like prepdesk, from launch to its deck list and rest.

Run by run.py only when `aqt` is installed. The base folder is made by a first launch
that is not counted, then reused, as a person's Anki would be. Reports first paint,
the deck list rendered, and the whole window settled (the last paint before a quiet
second), with memory of the main process and of its web renderers.
"""

from __future__ import annotations

import os
import sys

from paint_clock import children_mb, launched_at, make_paint_clock, peak_mb, report, resident_mb

LAUNCHED = launched_at()
BASE = sys.argv[2]
SETUP = "--setup" in sys.argv  # the first launch: pick the language, exit cleanly
if os.geteuid() == 0:  # Chromium refuses to sandbox as root (containers, CI)
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import aqt  # noqa: E402
from aqt import gui_hooks  # noqa: E402
from PyQt6 import QtCore, QtWidgets  # noqa: E402


def settled() -> None:
    if SETUP:
        return  # the setup launch ends when its deck list has been shown
    report(
        {
            **clock.times,
            "rss_mb": resident_mb() + children_mb(),
            "main_rss_mb": resident_mb(),
            "peak_mb": peak_mb(),
        }
    )
    os._exit(0)  # Anki's own shutdown (sync, backup) is not what is measured


clock = make_paint_clock(QtCore)(LAUNCHED, settled)


class ProbedAnkiApp(aqt.AnkiApp):  # type: ignore[misc, name-defined]
    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.installEventFilter(clock)
        if SETUP:
            self._accept_dialogs = QtCore.QTimer(self)
            self._accept_dialogs.timeout.connect(self._accept_first_run_dialogs)
            self._accept_dialogs.start(200)

    def _accept_first_run_dialogs(self) -> None:
        # Answered from a timer of its own: the answer may open the next question in a
        # nested event loop, and a timer is not called again while its slot still runs.
        for widget in self.topLevelWidgets():
            if not widget.isVisible() or not hasattr(widget, "accept"):
                continue
            yes = getattr(widget, "button", lambda _b: None)(
                QtWidgets.QMessageBox.StandardButton.Yes
            )
            answer = yes.click if yes is not None else widget.accept  # English; the default
            QtCore.QTimer.singleShot(0, answer)


def deck_list_shown(_browser: object) -> None:
    clock.mark("numbers")
    clock.arm()
    if SETUP:

        def close() -> None:
            report({"setup": True})
            aqt.mw.close()  # saves the profile, so later launches are ordinary relaunches

        QtCore.QTimer.singleShot(1500, close)


aqt.AnkiApp = ProbedAnkiApp
gui_hooks.deck_browser_did_render.append(deck_list_shown)
aqt._run(["anki", "-b", BASE])
