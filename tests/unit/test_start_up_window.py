"""Starting the GUI: the shell paints first, then the main window alone replaces it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from prepdesk.store.demo_setup import install_demo
from prepdesk.ui.app import GuiSession, start_gui
from prepdesk.ui.start_shell import StartShell


def test_only_the_main_window_is_shown_once_started(qtbot, paths):
    from datetime import date

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
    # module and the shell; SQLAlchemy, the ORM models and Qt's network module (the
    # second-launch socket) come after the paint.
    import subprocess
    import sys

    probe = (
        "import sys, prepdesk.ui.app, prepdesk.ui.start_shell; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' "
        "or m.startswith('prepdesk.store.models') or m == 'PySide6.QtNetwork'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", done.stdout
