"""The dashboard's Today card, clicked in the real window: Start, Review now, Rehearse."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from prepdesk.store.demo_setup import install_demo
from prepdesk.store.repositories.rehearsals import RehearsalRepository
from prepdesk.ui.main_window import MainWindow
from prepdesk.ui.pages.dashboard_page import DashboardPage
from prepdesk.ui.pages.stories_page import StoriesPage
from prepdesk.ui.topics.study_timer import study_timer_for


@pytest.fixture
def window(qtbot, ops, paths) -> MainWindow:
    ops.db.close()
    install_demo(paths, force=False, today=date.today())
    main = MainWindow(ops)
    qtbot.addWidget(main)
    main.show_page("dashboard")
    main.show()
    qtbot.waitExposed(main)
    return main


def dashboard(qtbot, window: MainWindow) -> DashboardPage:
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    # Idle: numbers shown and charts drawn, so no worker is left running after the test.
    qtbot.waitUntil(lambda: page.today.rehearsal_count is not None, timeout=30_000)
    qtbot.waitUntil(page.is_idle, timeout=30_000)
    return page


def test_start_on_a_planned_topic_starts_the_shared_study_timer(qtbot, window, ops):
    page = dashboard(qtbot, window)
    timer = study_timer_for(ops)
    assert not timer.running
    topic_id, button = next(iter(page.today.panel.start_buttons.items()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert timer.running and timer.topic_id == topic_id
    assert button.text() == "Running…" and not button.isEnabled()
    assert window.timer_status.isVisible()  # the status bar shows it on every page
    timer.stop()


def test_rehearse_opens_the_practice_tab_with_the_due_stories(qtbot, window, ops):
    page = dashboard(qtbot, window)
    due = ops.read(lambda s: RehearsalRepository(s).due_rehearsals(datetime.now(UTC)))
    assert page.today.rehearsal_count == len(due) > 0
    qtbot.mouseClick(page.today.rehearse_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "stories"
    stories = window.page("stories")
    assert isinstance(stories, StoriesPage)
    assert stories.tabs.currentWidget() is stories.practice
    assert stories.practice.due_list.isVisible()
    titles = [stories.practice.due_list.item(i).text() for i in range(len(due))]
    assert all(d.title in t for d, t in zip(due, titles, strict=True)), titles


def test_review_now_opens_the_review_of_the_due_cards(qtbot, window):
    page = dashboard(qtbot, window)
    panel = page.today.panel
    # "18 reviews due today · 10 new questions to drill": the review session takes both.
    count = sum(int(part.split()[0]) for part in panel.reviews_label.text().split(" · "))
    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    dialog = panel.review_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.progress.text() == f"Card 1 of {count}"
    dialog.reject()
