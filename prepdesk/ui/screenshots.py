"""`make screenshots`: every page on demo data (and empty), saved as PNGs for the README.

Run under Xvfb so the windows are real; uses throwaway data and config folders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from prepdesk.ui.design.screenshots import DESIGN_SHOTS
from prepdesk.ui.first_run.screenshots import capture_first_run
from prepdesk.ui.stories.screenshots import STORY_SHOTS

WINDOW_SIZE = (1280, 820)
NARROW_WINDOW_SIZE = (1000, 650)  # the pages on a small laptop screen
# At 150 % the same Xvfb screen (1600x1000) holds a smaller window in logical pixels.
SCALED_WINDOW_SIZE = (1040, 660)
SCALE_ENV = "QT_SCALE_FACTOR"
ONLY_FIRST_RUN_ENV = "PREPDESK_SHOTS_QUICK"  # skip the extra dialogs (a quicker look)


def settle(app: QApplication, rounds: int = 5, page: QWidget | None = None) -> None:
    for _ in range(rounds):
        app.processEvents()
    # Pages that finish off the GUI thread (the dashboard's charts, the Today panel's
    # reads) say when they are done.
    deadline = time.monotonic() + 120
    while page is not None and not _finished(page) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for _ in range(rounds):
        app.processEvents()


def _finished(page: QWidget) -> bool:
    from prepdesk.ui.today_panel import TodayPanel

    is_idle = getattr(page, "is_idle", None)
    if is_idle is not None and not is_idle():
        return False
    return all(panel.is_current() for panel in page.findChildren(TodayPanel))


def save(widget: QWidget, out_dir: Path, name: str) -> Path:
    path = out_dir / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")
    return path


def open_window(data_dir: Path, size: tuple[int, int]) -> tuple[QApplication, Any, Any]:
    """The application, the opened database and a shown main window on `data_dir`."""
    from prepdesk.store.database import Database
    from prepdesk.store.paths import DataPaths
    from prepdesk.ui.main_window import MainWindow
    from prepdesk.ui.operations import Operations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    db = Database.open(DataPaths.resolve(data_dir))
    window = MainWindow(Operations(db))
    window.resize(*size)
    window.show()
    return app, db, window


def capture_main_window(
    out_dir: Path,
    data_dir: Path,
    suffix: str = "",
    size: tuple[int, int] = WINDOW_SIZE,
    pages_only: bool = False,
) -> None:
    app, db, window = open_window(data_dir, size)
    for key in window.page_keys():
        settle(app, page=window.show_page(key))
        save(window, out_dir, f"{key}{suffix}")
    if pages_only or os.environ.get(ONLY_FIRST_RUN_ENV):
        window.close()
        db.close()
        return
    for name, shot in EXTRA_SHOTS:
        widget = shot(window)
        if widget is not None:
            settle(app, page=widget)
            save(widget, out_dir, f"{name}{suffix}")
            if widget is not window:
                widget.close()
    window.close()
    db.close()


def capture_brief(out_dir: Path, data_dir: Path) -> None:
    """The interview-day brief of the next stage, each PDF page as brief-N.png (pdftoppm)."""
    from datetime import UTC, datetime

    from prepdesk.io.brief import brief_content, default_stage_id
    from prepdesk.io.brief_pdf import write_pdf
    from prepdesk.store.paths import DataPaths
    from prepdesk.store.snapshot import ReadOnlyDatabase

    if shutil.which("pdftoppm") is None:
        print("brief pages skipped: pdftoppm not found (apt-get install poppler-utils)")
        return
    db = ReadOnlyDatabase.open(DataPaths.resolve(data_dir))
    try:
        with db.transaction() as session:
            now = datetime.now(UTC)
            brief = brief_content(session, default_stage_id(session, now), now)
    finally:
        db.close()
    for old in out_dir.glob("brief-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="prepdesk-brief-") as tmp:
        pdf = Path(tmp) / "brief.pdf"
        write_pdf(brief, pdf)
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(pdf), str(out_dir / "brief")], check=True
        )
    for page in sorted(out_dir.glob("brief-*.png")):
        print(f"wrote {page}")


def _about(window: QWidget) -> QWidget:
    from prepdesk.ui.about_dialog import AboutDialog

    dialog = AboutDialog(Path(os.environ["PREPDESK_DATA_DIR"]), window)
    dialog.show()
    return dialog


def _preferences(window: QWidget) -> QWidget:
    from prepdesk.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.ops, window)  # type: ignore[attr-defined]
    dialog.show()
    return dialog


def _shortcuts(window: QWidget) -> QWidget:
    from prepdesk.ui.shortcuts_dialog import ShortcutsDialog

    more = window.page_shortcut_rows()  # type: ignore[attr-defined]
    dialog = ShortcutsDialog(window.menu_actions(), window, more)  # type: ignore[attr-defined]
    dialog.show()
    return dialog


def _review(window: QWidget) -> QWidget:
    from prepdesk.ui.topics.review_dialog import ReviewDialog

    dialog = ReviewDialog(window.ops, window)  # type: ignore[attr-defined]
    dialog.show()
    return dialog


def _restore(window: QWidget) -> QWidget:
    from prepdesk.store.backup import backup_file_name, write_backup
    from prepdesk.store.paths import DataPaths
    from prepdesk.ui.restore_dialog import RestoreDialog

    paths = DataPaths.resolve(os.environ["PREPDESK_DATA_DIR"])
    if paths.database.exists() and not list(paths.backups.glob("*manual*")):
        write_backup(paths.database, paths.backups / backup_file_name("manual"))
    dialog = RestoreDialog(paths, window)
    dialog.show()
    return dialog


def _company_pipeline(window: QWidget) -> QWidget:
    from prepdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    page = window.show_page("companies")
    page.tabs.setCurrentWidget(page.pipeline)  # type: ignore[attr-defined]
    return window


def _checklist_window(window: QWidget) -> QWidget | None:
    from prepdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    page = window.show_page("checklist")
    return page.open_current()  # type: ignore[attr-defined]


def _search(window: QWidget) -> QWidget:
    from prepdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    dialog = window.data.open_search()
    dialog.box.setText("rank")
    return dialog


# Windows and dialogs beyond the pages: (file name, function of the main window).
EXTRA_SHOTS: list[tuple[str, Callable[[QWidget], QWidget | None]]] = [
    ("about", _about),
    ("review", _review),
    ("company-pipeline", _company_pipeline),
    ("checklist-window", _checklist_window),
    ("restore", _restore),
    ("search", _search),
    ("preferences", _preferences),
    ("shortcuts", _shortcuts),
]
EXTRA_SHOTS += DESIGN_SHOTS
EXTRA_SHOTS += STORY_SHOTS  # last: one of them adds a story to the throwaway data


def main(argv: list[str]) -> int:
    """Light and empty shots, then dark ones; `-150` shots come from a second process,
    because the scale factor must be set before the QApplication exists."""
    scaled = "--scaled" in argv
    args = [a for a in argv[1:] if a != "--scaled"]
    out_dir = Path(args[0] if args else "docs/screenshots").absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ["PREPDESK_SHOTS_DIR"] = str(out_dir)
    with tempfile.TemporaryDirectory(prefix="prepdesk-shots-") as tmp:
        os.environ["PREPDESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        from prepdesk.store.demo_setup import install_demo
        from prepdesk.store.paths import DataPaths
        from prepdesk.ui.app import make_application
        from prepdesk.ui.background import finish_background_work
        from prepdesk.ui.theme import theme_manager

        make_application()
        theme_manager().set_choice("light", remember=False)
        demo_dir = Path(tmp) / "demo"
        os.environ["PREPDESK_DATA_DIR"] = str(demo_dir)
        install_demo(DataPaths.resolve(demo_dir), force=False, today=date.today())
        if scaled:
            capture_main_window(out_dir, demo_dir, suffix="-150", size=SCALED_WINDOW_SIZE)
            finish_background_work()
            return 0
        capture_main_window(out_dir, demo_dir)
        capture_brief(out_dir, demo_dir)
        capture_main_window(out_dir, demo_dir, "-narrow", NARROW_WINDOW_SIZE, pages_only=True)
        capture_first_run(out_dir, Path(tmp) / "first-run", "")
        # A fresh copy for the dark pass: some light shots add items (a new story).
        dark_dir = Path(tmp) / "demo-dark"
        os.environ["PREPDESK_DATA_DIR"] = str(dark_dir)
        install_demo(DataPaths.resolve(dark_dir), force=False, today=date.today())
        theme_manager().set_choice("dark", remember=False)
        capture_main_window(out_dir, dark_dir, suffix="-dark")
        capture_main_window(out_dir, dark_dir, "-dark-narrow", NARROW_WINDOW_SIZE, pages_only=True)
        first_dark = Path(tmp) / "first-run-dark"
        capture_first_run(out_dir, first_dark, "-dark")
        theme_manager().set_choice("light", remember=False)
        empty_dir = Path(tmp) / "empty"
        os.environ["PREPDESK_DATA_DIR"] = str(empty_dir)
        capture_main_window(out_dir, empty_dir, suffix="-empty")
        finish_background_work()
    subprocess.run(
        [sys.executable, "-m", "prepdesk.ui.screenshots", str(out_dir), "--scaled"],
        env={**os.environ, SCALE_ENV: "1.5"},
        check=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
