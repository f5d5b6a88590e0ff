"""The empty dashboard: one clear next step instead of eight empty panels.

Shown while the data folder holds no progress at all (no rating, study session,
problem, story or company). Plan my preparation opens the first run; Import… the
File menu's import; Open the demo folder starts a second prepdesk on a sample folder
beside this one, so this folder is never touched.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, Signal
from PySide6.QtWidgets import QWidget

from prepdesk.store.demo_setup import install_demo
from prepdesk.store.paths import DataPaths
from prepdesk.ui.background import run_in_background
from prepdesk.ui.icons import icon
from prepdesk.ui.pages.empty_state import EmptyState


def demo_folder(data_root: Path) -> Path:
    return data_root.parent / f"{data_root.name}-demo"


def prepdesk_command(data_dir: Path) -> tuple[str, list[str]]:
    """How to start another prepdesk on `data_dir` (a frozen build is its own program)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--data-dir", str(data_dir)]
    return sys.executable, ["-m", "prepdesk", "--data-dir", str(data_dir)]


class DashboardWelcome(EmptyState):
    plan_requested = Signal()
    import_requested = Signal()
    demo_opened = Signal(str)  # the demo folder, or an error message

    def __init__(self, data_root: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            "Let's size your preparation",
            "Two minutes: your interview date, the role you prepare for, the hours you "
            "have each day and how well you know each topic today. The dashboard then "
            "shows a plan that fits, or says plainly what will not fit and what it costs.",
            icon("dashboard"),
            parent,
        )
        self.setObjectName("dashboardWelcome")
        self._data_root = data_root
        self.plan_button = self.add_button("&Plan my preparation…", "Start the first run")
        self.plan_button.setDefault(True)
        self.import_button = self.add_button("&Import…", "Import data from a file")
        self.demo_button = self.add_button("Open the &demo folder", "Open sample data")
        self.plan_button.clicked.connect(self.plan_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.open_demo)

    def open_demo(self) -> None:
        """Fill the sample folder (off the GUI thread) once, then open it in a new window."""
        folder = demo_folder(self._data_root)
        self.demo_button.setEnabled(False)

        def prepare() -> str:
            paths = DataPaths.resolve(folder)
            if not paths.database.exists():
                install_demo(paths, force=False)
            return str(folder)

        def started(result: object) -> None:
            self.demo_button.setEnabled(True)
            program, args = prepdesk_command(Path(str(result)))
            QProcess.startDetached(program, args)
            self.demo_opened.emit(str(result))

        def failed(message: str) -> None:
            self.demo_button.setEnabled(True)
            self.demo_opened.emit(f"Could not open the demo folder: {message}")

        run_in_background(prepare, started, failed, owner=self)
