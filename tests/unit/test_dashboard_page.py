"""The dashboard page against a real database: countdown, readiness, refreshes, charts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from prepdesk.store.demo_setup import install_demo
from prepdesk.store.models import (
    ChecklistItem,
    Company,
    Competency,
    InterviewStage,
    Rating,
    StageType,
    Story,
    StudySession,
    Topic,
)
from prepdesk.store.repositories.rehearsals import RehearsalRepository
from prepdesk.ui.pages.dashboard_page import DashboardPage
from prepdesk.ui.topics.review_dialog import due_for_today

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def add_known_interview(session) -> None:
    """A coding stage 3 days 4 hours from NOW, two values, half its checklist ticked."""
    coding = session.scalar(select(StageType).where(StageType.name == "Coding challenge"))
    teamwork, impact = (
        session.scalar(select(Competency).where(Competency.name == name))
        for name in ("Teamwork", "Impact")
    )
    company = Company(name="Acme ML", status="interviewing", values=[teamwork, impact])
    stage = InterviewStage(
        stage_type=coding, scheduled_at=NOW + timedelta(days=3, hours=4), duration_minutes=60
    )
    stage.checklist = [
        ChecklistItem(text="Research", checked=True),
        ChecklistItem(text="Rehearse", checked=False, override=True),
        ChecklistItem(text="Sleep", checked=False),
        ChecklistItem(text="Logistics", checked=True, override=False),
    ]
    company.stages.append(stage)
    later = InterviewStage(stage_type=coding, scheduled_at=NOW + timedelta(days=10))
    company.stages.append(later)
    session.add(company)
    session.add(Story(title="Saved the launch", competencies=[teamwork]))


def show(qtbot, page: DashboardPage) -> DashboardPage:
    qtbot.addWidget(page)
    pass  # the page follows changes itself
    page.resize(1100, 800)
    with qtbot.waitSignal(page.charts_drawn, timeout=30_000):
        page.show()
    qtbot.waitUntil(page.is_idle, timeout=30_000)
    return page


def test_countdown_and_readiness_for_a_known_dataset(qtbot, ops):
    ops.write(add_known_interview)
    page = show(qtbot, DashboardPage(ops, clock=lambda: NOW))
    assert page.countdown.remaining.text() == "3 days 4 hours"
    # Names keep their spaces unbroken: a line never splits "Coding challenge", and the
    # "·" between company and stage never starts a line.
    assert "Acme\u00a0ML\u00a0· Coding\u00a0challenge" in page.countdown.what.text()
    assert page.countdown.checklist_button.isVisible()
    later = page.countdown.later.text().splitlines()
    assert "Acme\u00a0ML\u00a0· Coding\u00a0challenge" in later  # the day on a line of its own
    # No ratings and no reviews: mastery 0, recall 0; 1 of 2 values; checklist 2 of 4.
    # score = 100 × (0.4 × 0 + 0.25 × 0 + 0.2 × 0.5 + 0.15 × 0.5) = 17.5 → 18
    assert page.readiness.score.text() == "18 / 100"
    assert page.readiness.bars["stories"].value() == 50
    assert page.readiness.bars["checklist"].value() == 50
    assert page.readiness.details["checklist"].text() == "2 of 4 items done"
    assert not page.readiness.names["design"].isVisible()  # a coding stage: no design part
    assert "Story coverage: 50%" in page.readiness.toolTip()

    with qtbot.waitSignal(page.checklist_requested) as requested:
        qtbot.mouseClick(page.countdown.checklist_button, Qt.MouseButton.LeftButton)
    stage_id = ops.read(
        lambda s: s.scalar(select(InterviewStage.id).order_by(InterviewStage.scheduled_at))
    )
    assert requested.args == [stage_id]


def test_a_rating_change_refreshes_only_the_parts_that_depend_on_it(qtbot, ops):
    page = show(qtbot, DashboardPage(ops, clock=lambda: NOW))
    before = {key: panel.draw_count for key, panel in page.charts.items()}
    counts = (page.countdown.refresh_count, page.readiness.refresh_count)
    score_before = page.readiness.score.text()

    def rate_everything(session) -> None:
        for topic in session.scalars(select(Topic)):
            session.add(Rating(topic_id=topic.id, level=topic.target_level, rated_at=NOW))

    with qtbot.waitSignal(page.charts_drawn, timeout=30_000):
        ops.write(rate_everything)
    qtbot.waitUntil(page.is_idle)
    redrawn = {key for key, panel in page.charts.items() if panel.draw_count != before[key]}
    assert redrawn == {"mastery-by-area", "mastery-history", "burndown"}
    assert page.readiness.refresh_count == counts[1] + 1
    assert page.countdown.refresh_count == counts[0]  # the countdown does not use ratings
    assert page.readiness.score.text() != score_before
    assert not page.charts["mastery-by-area"].is_empty


def test_a_hidden_dashboard_refreshes_when_shown_again(qtbot, ops):
    page = show(qtbot, DashboardPage(ops, clock=lambda: NOW))
    page.hide()
    ops.write(
        lambda s: s.add(StudySession(topic_id=1, started_at=NOW - timedelta(hours=2), minutes=50))
    )
    assert page.charts["weekly-hours"].is_empty  # nothing redrawn while hidden
    with qtbot.waitSignal(page.charts_drawn, timeout=30_000):
        page.show()
    assert not page.charts["weekly-hours"].is_empty
    assert not page.charts["activity"].is_empty


def test_every_chart_shows_a_helpful_empty_state_on_an_empty_database(qtbot, ops):
    page = show(qtbot, DashboardPage(ops))
    # An empty folder shows one call to action instead of the panels (issue 14).
    assert page.welcome.isVisible() and not page.content_scroll.isVisible()
    assert page.welcome.plan_button.isDefault()
    for key, panel in page.charts.items():
        assert panel.is_empty, key
        # isHidden, not isVisible: the welcome panel stands in for the whole frame.
        assert panel.view.isHidden(), key  # never empty axes
        assert not panel.placeholder.isHidden(), key
        assert len(panel.placeholder.text()) > 60, key
        assert "TODO" not in panel.placeholder.text()
    assert page.countdown.remaining.text() == "No date yet", page.countdown.what.text()
    today = page.today
    # A fresh curriculum's topics are new, not reviews due; only today's share of the new
    # technical questions is offered, as new cards.
    due = due_for_today(ops, datetime.now(UTC))
    assert due and all(card.kind == "question" and card.recall_now is None for card in due)
    assert today.panel.reviews_label.text() == f"{len(due)} new questions to drill"
    assert "No interview date yet" in today.panel.on_track.text()
    assert today.panel.start_buttons == {}
    assert today.rehearsals.text() == "No story rehearsals due."
    assert not today.rehearse_button.isEnabled()


@pytest.fixture
def demo_ops(ops, paths):
    ops.db.close()
    install_demo(paths, force=False, today=date.today())
    return ops


def test_every_chart_draws_on_demo_data(qtbot, demo_ops):
    page = show(qtbot, DashboardPage(demo_ops))
    for key, panel in page.charts.items():
        assert not panel.is_empty, key
        assert panel.view.isVisible(), key
        assert panel.view.native is not None, key  # painted in the window
    assert "day" in page.countdown.remaining.text()
    assert "/ 100" in page.readiness.score.text()
    now = datetime.now(UTC)
    due = due_for_today(demo_ops, now)
    reviews = sum(1 for card in due if card.recall_now is not None)
    fresh = len(due) - reviews
    rehearsals = len(demo_ops.read(lambda s: RehearsalRepository(s).due_rehearsals(now)))
    assert reviews > 1 and rehearsals > 1  # the demo has work due today
    expected = f"{reviews} reviews due today" + (
        f" · {fresh} new question{'s' if fresh != 1 else ''} to drill" if fresh else ""
    )
    assert page.today.panel.reviews_label.text() == expected
    assert page.today.panel.review_button.isEnabled()
    assert page.today.rehearsals.text() == f"{rehearsals} story rehearsals due today"
    assert page.today.rehearse_button.isEnabled()
    assert page.today.panel.start_buttons  # today's planned topics, each with Start
    assert "Next interview" in page.today.panel.on_track.text()


def test_saving_a_chart_writes_valid_png_and_svg(qtbot, demo_ops, tmp_path):
    page = show(qtbot, DashboardPage(demo_ops))
    panel = page.charts["mastery-by-area"]
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    for path, fmt in ((png, "png"), (svg, "svg")):
        with qtbot.waitSignal(panel.saved, timeout=30_000):
            panel.save(str(path), fmt)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 5_000
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and text.rstrip().endswith("</svg>")
    assert "Mathematics" in text


def open_dashboard(qtbot, ops):
    from prepdesk.ui.main_window import MainWindow

    window = MainWindow(ops)
    qtbot.addWidget(window)
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    with qtbot.waitSignal(page.charts_drawn, timeout=30_000):
        window.show_page("dashboard")
        window.show()
    qtbot.waitUntil(page.is_idle, timeout=30_000)
    return window, page


def click_area_bar(qtbot, page: DashboardPage, area: str) -> None:
    """Move onto the middle of `area`'s bar, where the chart says it drew it, and click."""
    view = page.charts["mastery-by-area"].view
    qtbot.waitUntil(lambda: view.isVisible() and bool(view.hits))  # drawn (and laid out)
    _gid, left, top, right, bottom = next(hit for hit in view.hits if hit[0] == area)
    point = QPoint(int((left + right) / 2), int((top + bottom) / 2))  # the view's pixels
    qtbot.mouseMove(view, QPoint(2, 2))
    qtbot.waitUntil(lambda: view.cursor().shape() == Qt.CursorShape.ArrowCursor)
    qtbot.mouseMove(view, point)
    qtbot.waitUntil(lambda: view.cursor().shape() == Qt.CursorShape.PointingHandCursor)
    with qtbot.waitSignal(page.topics_requested) as requested:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert requested.args == [area]


def test_clicking_an_area_bar_opens_the_topics_page(qtbot, demo_ops):
    window, page = open_dashboard(qtbot, demo_ops)
    click_area_bar(qtbot, page, "ml")
    assert window.current_page_key() == "topics"
    topics = window.page("topics")
    assert topics.tree.visible_area_keys() == ["ml"]
    assert topics.area_filter.currentText() == "Machine-learning concepts"


def test_clicking_an_area_bar_still_opens_topics_after_a_redraw(qtbot, demo_ops):
    window, page = open_dashboard(qtbot, demo_ops)
    panel = page.charts["mastery-by-area"]
    drawn = panel.draw_count

    def rate_ml(session) -> None:
        for topic in session.scalars(select(Topic).where(Topic.area.has(key="ml"))):
            session.add(Rating(topic_id=topic.id, level=5, rated_at=datetime.now(UTC)))

    with qtbot.waitSignal(page.charts_drawn, timeout=30_000):
        demo_ops.write(rate_ml)  # the chart is drawn again, with its new data
    qtbot.waitUntil(page.is_idle, timeout=30_000)
    assert panel.draw_count == drawn + 1
    view = panel.view
    width = view.width()
    window.resize(window.width() - 120, window.height())  # and painted at the new size
    qtbot.waitUntil(lambda: view.laid_out.width() == view.width() < width)
    assert panel.draw_count == drawn + 1  # from the data it has: nothing loaded again
    qtbot.waitUntil(page.is_idle, timeout=30_000)
    click_area_bar(qtbot, page, "ml")
    assert window.current_page_key() == "topics"
    assert window.page("topics").tree.visible_area_keys() == ["ml"]


def test_charts_are_drawn_again_only_when_their_data_changes(qtbot, demo_ops):
    page = show(qtbot, DashboardPage(demo_ops))
    first = {key: panel.data_hash for key, panel in page.charts.items()}
    assert all(first.values())
    page.close()

    again = show(qtbot, DashboardPage(demo_ops))  # as when prepdesk starts again on the same data
    assert {key: panel.data_hash for key, panel in again.charts.items()} == first
    assert all(panel.draw_count == 1 for panel in again.charts.values())  # each once

    # A later interview: the progress charts read their data again, and it is unchanged
    # (their projection still ends on the next interview), so nothing is drawn again.
    def add_later_interview(session) -> None:
        coding = session.scalar(select(StageType).where(StageType.name == "Coding challenge"))
        company = Company(name="Later Labs", status="interviewing")
        company.stages.append(
            InterviewStage(stage_type=coding, scheduled_at=datetime.now(UTC) + timedelta(days=900))
        )
        session.add(company)

    with qtbot.waitSignal(again.charts_drawn, timeout=30_000):
        demo_ops.write(add_later_interview)
    qtbot.waitUntil(again.is_idle, timeout=30_000)
    assert all(panel.draw_count == 1 for panel in again.charts.values())
    assert {key: panel.data_hash for key, panel in again.charts.items()} == first

    with qtbot.waitSignal(again.charts_drawn, timeout=30_000):
        demo_ops.write(
            lambda s: s.add(StudySession(topic_id=1, started_at=datetime.now(UTC), minutes=90))
        )
    qtbot.waitUntil(again.is_idle, timeout=30_000)
    redrawn = {key for key, panel in again.charts.items() if panel.draw_count != 1}
    assert redrawn == {"weekly-hours", "activity"}
    assert again.charts["weekly-hours"].data_hash != first["weekly-hours"]
    assert again.charts["activity"].data_hash != first["activity"]


def test_chart_images_older_versions_kept_are_deleted(qtbot, demo_ops):
    old = demo_ops.db.paths.cache / "charts"
    old.mkdir(parents=True)
    for name in ("mastery-by-area.png", "mastery-by-area.json", "activity.png.part"):
        (old / name).write_bytes(b"old")
    page = show(qtbot, DashboardPage(demo_ops))
    qtbot.waitUntil(lambda: not old.exists())  # the images, then the folder they were in
    assert demo_ops.db.paths.cache.is_dir()  # the rest of the cache stays
    assert all(not panel.is_empty for panel in page.charts.values())


def test_only_the_old_chart_images_are_deleted(qtbot, demo_ops):
    old = demo_ops.db.paths.cache / "charts"
    old.mkdir(parents=True)
    (old / "burndown.png").write_bytes(b"old")
    (old / "notes.txt").write_text("not ours", encoding="utf-8")
    show(qtbot, DashboardPage(demo_ops))
    qtbot.waitUntil(lambda: not (old / "burndown.png").exists())
    assert (old / "notes.txt").read_text(encoding="utf-8") == "not ours"


def test_a_chart_is_painted_again_with_its_new_data(qtbot, demo_ops):
    page = show(qtbot, DashboardPage(demo_ops))
    panel = page.charts["story-coverage"]
    view = panel.view
    page.content_scroll.ensureWidgetVisible(panel)  # scrolled down to it
    qtbot.waitUntil(lambda: bool(view.tips))
    tiles = len(view.tips)
    drawn = panel.draw_count

    def add_story(session) -> None:
        ambiguity = session.scalar(select(Competency).where(Competency.name == "Ambiguity"))
        session.add(Story(title="Shipping with half the data", competencies=[ambiguity]))

    with qtbot.waitSignal(page.charts_drawn, timeout=30_000):
        demo_ops.write(add_story)
    assert panel.draw_count == drawn + 1
    # The new story's row is painted: one more tile per competency, its tips telling it.
    qtbot.waitUntil(lambda: len(view.tips) > tiles)
    said = [tip[0] for tip in view.tips if "Shipping with half the data" in tip[0]]
    assert "“Shipping with half the data” shows Ambiguity" in said


def test_the_wheel_over_a_chart_scrolls_the_dashboard(qtbot, demo_ops):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QScrollArea

    _window, page = open_dashboard(qtbot, demo_ops)
    scroll = page.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    view = page.charts["mastery-by-area"].view
    centre = QPointF(view.width() / 2, view.height() / 2)
    wheel = QWheelEvent(
        centre,
        view.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch towards the user: scroll down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    # What Qt does with the window system's wheel event: offer it to the widget under
    # the pointer, then to each parent in turn while it is ignored.
    receiver = view
    while receiver is not None:
        wheel.setAccepted(True)
        QApplication.sendEvent(receiver, wheel)
        if wheel.isAccepted():
            break
        receiver = receiver.parentWidget()
    assert receiver is scroll.viewport()  # the chart let it through to the page
    assert bar.value() > 0


def test_no_window_but_the_main_window_appears_at_start_up(qtbot, demo_ops):
    from PySide6.QtWidgets import QApplication

    window, _page = open_dashboard(qtbot, demo_ops)
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [window]


def test_open_checklist_on_the_dashboard_opens_the_next_stages_checklist_window(qtbot, demo_ops):
    from prepdesk.store.repositories.next_interview import next_interview
    from prepdesk.ui.checklist_window import ChecklistWindow
    from prepdesk.ui.main_window import MainWindow

    window = MainWindow(demo_ops)
    qtbot.addWidget(window)
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    window.show_page("dashboard")
    window.show()
    button = page.countdown.checklist_button
    qtbot.waitUntil(button.isVisible, timeout=30_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    opened = [w for w in window.findChildren(ChecklistWindow) if w.isVisible()]
    assert len(opened) == 1
    upcoming = demo_ops.read(lambda s: next_interview(s, datetime.now(UTC)))
    assert upcoming is not None and opened[0].stage_id == upcoming.stage_id
    qtbot.waitUntil(page.is_idle, timeout=30_000)
