"""An ML system design stage counts recent design practice: its checklist ticks itself
from a timed session, and the dashboard's readiness follows the session's scores."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from prepdesk.core.checklist_rules import DESIGN_ITEM_TEXT
from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from prepdesk.ui.checklist_window import ChecklistWindow
from prepdesk.ui.pages.dashboard_page import DashboardPage
from tests.unit.companies_data import NOW, make_company, make_stage
from tests.unit.design_session_driver import FakeClock, open_page, practise_and_score


def evidence_of(window: ChecklistWindow, text: str) -> tuple[bool, str]:
    item = window.tree_item(text)
    return item.checkState(0) == Qt.CheckState.Checked, item.text(1)


def test_a_design_stage_ticks_its_checklist_and_gains_readiness_from_a_session(qtbot, ops, db):
    clock = FakeClock(NOW)
    company = make_company(db)
    stage = make_stage(db, company, "ML system design", at=NOW + timedelta(days=3))
    window = ChecklistWindow(ops, stage, clock=clock)
    qtbot.addWidget(window)
    window.show()
    checked, evidence = evidence_of(window, DESIGN_ITEM_TEXT)
    assert not checked and evidence.startswith("No timed ML design session yet")

    dashboard = DashboardPage(ops, clock=clock)
    qtbot.addWidget(dashboard)
    dashboard.resize(1100, 800)
    with qtbot.waitSignal(dashboard.numbers_shown, timeout=30_000):
        dashboard.show()
    readiness = dashboard.readiness
    assert readiness.names["design"].isVisible()
    assert readiness.bars["design"].value() == 0
    assert "no design session scored" in readiness.details["design"].text()
    score_before = int(readiness.score.text().split(" / ")[0])
    done, total = window.progress.value(), window.progress.maximum()
    assert readiness.details["checklist"].text() == f"{done} of {total} items done"
    qtbot.waitUntil(dashboard.is_idle, timeout=30_000)
    chart = dashboard.charts["design-scores"]
    assert chart.is_empty and chart.placeholder.text() == chart.empty_message

    # A whole timed session on the ML practice page, then scored: 20 points over 7 phases.
    page = open_page(qtbot, ops, clock)
    practise_and_score(qtbot, page, clock, "Predict click-through for ads", (3, 3, 3, 3, 2, 3, 3))

    checked, evidence = evidence_of(window, DESIGN_ITEM_TEXT)
    assert checked
    assert evidence == "Last: 'Predict click-through for ads', today, scored 2.9 of 4"
    qtbot.waitUntil(lambda: readiness.bars["design"].value() == 95, timeout=30_000)  # 2.86 / 3
    assert readiness.details["design"].text() == "1 session in the last 30 days, mean 2.9 of 4"
    assert int(readiness.score.text().split(" / ")[0]) > score_before
    assert "Design practice: 95%" in readiness.toolTip()
    # The design item ticked itself: the checklist part counts it as the window does.
    assert window.progress.value() == done + 1
    assert readiness.details["checklist"].text() == f"{done + 1} of {total} items done"

    # The dashboard's chart of phase scores per session draws the new session.
    qtbot.waitUntil(lambda: not chart.is_empty, timeout=30_000)
    assert chart.view.native is not None  # painted
    history = ops.read(lambda s: DesignPracticeRepository(s).phase_score_history())
    assert history.prompts == ("Predict click-through for ads",)
    assert history.days == (clock.now.astimezone().date(),)
    assert [scores for _name, scores in history.phases] == [
        (3,),
        (3,),
        (3,),
        (3,),
        (2,),
        (3,),
        (3,),
    ]
