"""The first run, keyboard only: date, role, hours, self-assessment; then the plan on screen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from prepdesk.store.first_run import first_run_due
from prepdesk.store.models import Rating, Topic
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.first_run.dialog import FirstRunDialog


def open_first_run(qtbot, main_window) -> FirstRunDialog:
    main_window.first_run_action.trigger()  # Help > Plan my preparation…
    dialog = main_window.first_run_dialog
    qtbot.waitExposed(dialog)
    return dialog


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the focus is, as a person at the keyboard."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_the_first_run_by_keyboard_sizes_a_plan_the_dashboard_shows(qtbot, main_window, db):
    dialog = open_first_run(qtbot, main_window)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.role)
    # Step 1: Down picks the second role; the date stays 30 days ahead.
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.role.currentData() == "applied-scientist"
    press(qtbot, Qt.Key.Key_Return)
    # Step 2: 2 h on Monday (typed over the selection), Tab, 2 h Tuesday; the rest stay.
    assert dialog.pages.currentIndex() == 1
    assert QApplication.focusWidget() is dialog.hours[0]
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    press(qtbot, Qt.Key.Key_Return)
    # Step 3: every topic rated with digits, each moving to the next.
    assert dialog.pages.currentIndex() == 2
    assert QApplication.focusWidget() is dialog.assessment
    count = len(dialog.assessment.levels)
    for index in range(count):
        press(qtbot, Qt.Key.Key_3 if index % 4 == 0 else Qt.Key.Key_2)
    assert dialog.assessment.rated_count() == count
    assert "On track" in dialog.fit.text()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # &Finish
    qtbot.waitUntil(lambda: not dialog.isVisible())

    with db.transaction() as s:
        assert not first_run_due(s)
        settings = SettingsRepository(s)
        assert settings.get("target_date") == (date.today() + timedelta(days=30)).isoformat()
        assert settings.get("role_profile") == "applied-scientist"
        assert s.scalar(select(func.count(Rating.id))) == count
        assert s.scalar(select(Topic.target_level).where(Topic.key == "ml.model-evaluation")) == 4

    # The dashboard shows the plan and what it means for readiness.
    assert main_window.current_page_key() == "dashboard"
    page = main_window.page("dashboard")
    qtbot.waitUntil(lambda: page.readiness.outlook.isVisible(), timeout=20_000)
    assert page.content_scroll.isVisible() and not page.welcome.isVisible()
    qtbot.waitUntil(page.is_idle, timeout=30_000)  # the Today panel reads on a worker
    assert "On track" in page.today.panel.on_track.text()
    assert "Following the plan brings readiness" in page.readiness.outlook.text()
    # Self-assessed topics are not reviews due; only today's new questions are offered.
    assert page.today.panel.reviews_label.text() in (
        "No reviews due today.",
        "10 new questions to drill",
    )


def test_skip_remembers_that_the_first_run_is_done(qtbot, main_window, db):
    dialog = open_first_run(qtbot, main_window)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        assert not first_run_due(s)
        assert s.scalar(select(func.count(Rating.id))) == 0


def test_a_short_plan_says_what_it_costs_on_the_dashboard(qtbot, main_window, db):
    dialog = open_first_run(qtbot, main_window)
    day = date.today() + timedelta(days=7)
    dialog.interview_date.setDate(day)
    for spin in dialog.hours:
        spin.setValue(0.5)
    dialog.go(2)
    for _ in dialog.assessment.levels:
        qtbot.keyClick(dialog.assessment, Qt.Key.Key_0)
    assert dialog.assessment.rated_count() == len(dialog.assessment.levels)
    assert "short" in dialog.fit.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    page = main_window.page("dashboard")
    qtbot.waitUntil(lambda: page.readiness.outlook.isVisible(), timeout=20_000)
    text = page.readiness.outlook.text()
    assert "short: following it brings readiness to about" in text
    assert "Dropped or cut short, costliest first" in text and "points" in text
    qtbot.waitUntil(page.is_idle, timeout=30_000)


def test_the_empty_dashboard_offers_the_first_run(qtbot, main_window):
    page = main_window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.welcome.isVisible(), timeout=20_000)
    assert not page.content_scroll.isVisible()
    qtbot.mouseClick(page.welcome.plan_button, Qt.MouseButton.LeftButton)
    dialog = main_window.first_run_dialog
    qtbot.waitExposed(dialog)
    dialog.reject()


def test_on_start_the_first_run_opens_only_while_it_is_due(qtbot, main_window, db):
    from prepdesk.ui.first_run.start import offer_first_run_if_due

    offer_first_run_if_due(main_window.ops, main_window)
    qtbot.waitUntil(lambda: getattr(main_window, "first_run_dialog", None) is not None)
    dialog = main_window.first_run_dialog
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    main_window.first_run_dialog = None
    offer_first_run_if_due(main_window.ops, main_window)  # skipped: not again
    qtbot.wait(50)
    assert main_window.first_run_dialog is None
