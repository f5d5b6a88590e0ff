"""Starting the GUI: the shell paints first, then the main window alone replaces it."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from prepdesk.store.database import Database
from prepdesk.store.demo_setup import install_demo
from prepdesk.store.numbers_snapshot import load_snapshot, snapshot_path
from prepdesk.store.repositories.dashboard_numbers import read_dashboard_numbers
from prepdesk.ui.app import GuiSession, start_gui
from prepdesk.ui.dashboard.number_panels import kept_numbers_written
from prepdesk.ui.start_shell import StartShell
from tests.unit.numbers_kept import keep_numbers_of


def test_only_the_main_window_is_shown_once_started(qtbot, paths):
    install_demo(paths, force=False, today=date.today())
    started = start_gui(paths)
    assert isinstance(started, GuiSession)
    try:
        shell = started.shell
        assert isinstance(shell, StartShell) and shell.isVisible()  # before the data opens
        assert started.window is None
        with qtbot.waitSignal(started.window_ready, timeout=60_000) as ready:
            pass
        window = ready.args[0]
        page = window.page("dashboard")
        qtbot.waitUntil(page.is_idle, timeout=60_000)
        qtbot.waitUntil(lambda: not isValid(shell), timeout=10_000)  # closed and deleted
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert shown == [window]
    finally:
        if started.window is not None:
            started.window.close()
            started.window.deleteLater()
        started.shut_down()


def test_the_start_up_shell_paints_before_the_store_is_imported():
    # A fresh interpreter: what `prepdesk` imports before its first paint is the app
    # module and the shell, and before it paints the kept numbers, their snapshot's
    # reader; SQLAlchemy, the ORM models and Qt's network module (the second-launch
    # socket) come after the paint.
    import subprocess
    import sys

    probe = (
        "import sys, prepdesk.ui.app, prepdesk.ui.start_shell, prepdesk.store.numbers_snapshot; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' "
        "or m.startswith('prepdesk.store.models') or m == 'PySide6.QtNetwork'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", done.stdout


# The numbers kept for the next start -----------------------------------------------------


def start(qtbot, paths):
    """Start the GUI on `paths`; the session and its window, once the live numbers show."""
    started = start_gui(paths)
    assert isinstance(started, GuiSession)
    with qtbot.waitSignal(started.window_ready, timeout=60_000) as ready:
        pass
    window = ready.args[0]
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: page.is_idle() and page.today_panel.is_current(), timeout=60_000)
    kept_numbers_written()
    return started, window, page


def stop(started) -> None:
    if started.window is not None:
        started.window.close()
        started.window.deleteLater()
    started.shut_down()


def test_the_numbers_shown_are_kept_for_the_next_start(qtbot, paths):
    install_demo(paths, force=False, today=date.today())
    started, _window, page = start(qtbot, paths)
    try:
        kept = load_snapshot(paths, datetime.now(UTC))
        assert kept is not None and kept.today is not None
        assert page.readiness.score.text() == f"{kept.readiness.score} / 100"
        assert page.today_panel.reviews_label.text() == kept.today.reviews
        assert page.today.rehearsals.text().startswith(str(kept.rehearsals or "No"))
    finally:
        stop(started)


def test_an_edit_through_the_window_makes_the_kept_numbers_miss(qtbot, paths, tmp_path):
    from prepdesk.store.models import Rating

    install_demo(paths, force=False, today=date.today())
    started, window, page = start(qtbot, paths)
    try:
        before = tmp_path / "kept-before-the-edit.json"
        shutil.copyfile(snapshot_path(paths), before)
        score = page.readiness.refresh_count

        def rate(session) -> None:
            session.add(Rating(topic_id=1, level=5, rated_at=datetime.now(UTC)))

        window.ops.write(rate)
        qtbot.waitUntil(lambda: page.readiness.refresh_count > score, timeout=60_000)
        qtbot.waitUntil(lambda: page.is_idle() and page.today_panel.is_current(), timeout=60_000)
        kept_numbers_written()
        now = datetime.now(UTC)
        after = load_snapshot(paths, now)  # the window kept the numbers after the edit
        assert after is not None
        assert page.readiness.score.text() == f"{after.readiness.score} / 100"
        shutil.copyfile(before, snapshot_path(paths))
        assert load_snapshot(paths, now) is None  # those from before the edit miss
    finally:
        stop(started)


def test_the_window_takes_over_the_shells_numbers_as_they_are(qtbot, paths):
    install_demo(paths, force=False, today=date.today())
    db = Database.open(paths)
    try:
        keep_numbers_of(db, datetime.now(UTC))
    finally:
        db.close()
    started = start_gui(paths)
    assert isinstance(started, GuiSession)
    watched: list[FirstPaintGeometry] = []
    started.window_ready.connect(
        lambda window: watched.append(FirstPaintGeometry(window.page("dashboard").numbers))
    )
    try:
        shell = started.shell
        with qtbot.waitSignal(shell.numbers_shown, timeout=60_000):
            pass
        assert started.last_numbers is not None
        assert shell.numbers.readiness.score.text().endswith("/ 100")
        assert not shell.numbers.today.rehearse_button.isEnabled()  # no data to act on yet
        assert not any(b.isEnabled() for b in shell.numbers.today.panel.start_buttons.values())
        shown = panel_texts(shell.numbers)
        where = panel_geometry(shell.numbers)
        qtbot.waitUntil(lambda: watched and watched[0].seen is not None, timeout=60_000)
        first = watched[0]
        page = started.window.page("dashboard")
        # The window's first paint: the kept numbers, where the shell had them.
        assert first.refreshes == 1
        assert first.texts == shown
        assert first.seen == where
        qtbot.waitUntil(lambda: page.is_idle() and page.today_panel.is_current(), timeout=60_000)
        assert page.numbers.readiness.refresh_count == 2
        assert panel_texts(page.numbers) == shown  # identical live numbers: nothing changed
    finally:
        stop(started)


def test_a_corrupt_kept_snapshot_is_ignored_at_start(qtbot, paths):
    install_demo(paths, force=False, today=date.today())
    snapshot_path(paths).parent.mkdir(parents=True, exist_ok=True)
    snapshot_path(paths).write_bytes(b"{\x00 broken")
    started = start_gui(paths)
    assert isinstance(started, GuiSession)
    try:
        with qtbot.waitSignal(started.window_ready, timeout=60_000):
            pass
        assert started.last_numbers is None
        assert started.shell.numbers is None  # nothing shown from it: the places stay plain
        page = started.window.page("dashboard")
        qtbot.waitUntil(lambda: page.is_idle() and page.today_panel.is_current(), timeout=60_000)
        kept_numbers_written()
        assert load_snapshot(paths, datetime.now(UTC)) is not None  # written anew
    finally:
        stop(started)


class FirstPaintGeometry(QObject):
    """Where the number panels were when their window first painted them."""

    def __init__(self, numbers) -> None:
        super().__init__()
        self.numbers = numbers
        self.seen: list[tuple[int, int, int, int]] | None = None
        numbers.countdown.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = panel_geometry(self.numbers)
            self.texts = panel_texts(self.numbers)
            self.refreshes = self.numbers.readiness.refresh_count
        return False


def panel_geometry(numbers) -> list[tuple[int, int, int, int]]:
    """Where each number panel is in its window."""
    found = []
    for panel in (numbers.countdown, numbers.readiness, numbers.today):
        corner = panel.mapTo(panel.window(), panel.rect().topLeft())
        found.append((corner.x(), corner.y(), panel.width(), panel.height()))
    return found


def panel_texts(numbers) -> list[str]:
    today = numbers.today.panel
    return [
        numbers.countdown.remaining.text(),
        numbers.countdown.what.text(),
        numbers.countdown.later.text(),
        numbers.readiness.score.text(),
        *(bar.text() for bar in numbers.readiness.bars.values()),
        numbers.readiness.outlook.text(),
        numbers.today.rehearsals.text(),
        today.on_track.text(),
        today.progress.text(),
        today.reviews_label.text(),
        *(str(topic_id) for topic_id in today.start_buttons),
    ]


SECOND_START = """
import json, sys
from PySide6.QtCore import QTimer
from prepdesk.store.paths import DataPaths
from prepdesk.ui.app import make_application, start_gui

app = make_application()
started = start_gui(DataPaths.resolve(sys.argv[1]))
seen = {}

def numbers_painted():
    seen["sqlalchemy"] = sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy")
    seen["score"] = started.shell.numbers.readiness.score.text()
    app.quit()

started.shell.numbers_shown.connect(numbers_painted)
QTimer.singleShot(60_000, app.quit)
app.exec()
print(json.dumps(seen))
"""


def test_a_second_start_paints_the_kept_numbers_before_the_store_is_imported(paths):
    # A fresh interpreter, as a person starts prepdesk on unchanged data: the shell
    # paints the numbers kept from the last start before SQLAlchemy is imported.
    import json
    import os
    import subprocess
    import sys

    install_demo(paths, force=False, today=date.today())
    db = Database.open(paths)
    try:
        keep_numbers_of(db, datetime.now(UTC))
        with db.transaction() as session:
            score = read_dashboard_numbers(session, datetime.now(UTC)).numbers.readiness.score
    finally:
        db.close()
    done = subprocess.run(
        [sys.executable, "-c", SECOND_START, str(paths.root)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"sqlalchemy": [], "score": f"{score} / 100"}, done.stderr
