"""Reminders: due reviews once a day, interview stages 24 h and 2 h ahead, never twice."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from prepdesk.core.reminders import UpcomingStage, due_reminders
from prepdesk.store.models import Company, InterviewStage, StageType
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.ui.reminders import REMINDERS_ENV, ReminderService, reminders_allowed_by_environment

NOW = datetime(2030, 5, 6, 9, 0, tzinfo=UTC)


def _stage(hours: float) -> UpcomingStage:
    return UpcomingStage(7, "Acme", "Onsite", NOW + timedelta(hours=hours))


def test_core_picks_the_closest_lead_only():
    assert due_reminders(NOW, 0, [_stage(30)], set()) == []
    (day,) = due_reminders(NOW, 0, [_stage(20)], set())
    assert day.key == "stage:7:24h" and "Acme" in day.message
    (soon,) = due_reminders(NOW, 0, [_stage(1)], set())
    assert soon.key == "stage:7:2h"
    assert due_reminders(NOW, 0, [_stage(-1)], set()) == []
    assert due_reminders(NOW, 3, [], {f"reviews:{NOW.astimezone().date()}"}) == []
    (reviews,) = due_reminders(NOW, 3, [], set())
    assert "3 reviews are due" in reviews.message


def _add_stage(session, at: datetime) -> None:
    stage_type = StageType(name="Reminder test stage", category="coding")
    company = Company(name="Acme", status="interviewing")
    session.add_all([stage_type, company])
    session.flush()
    session.add(InterviewStage(company_id=company.id, stage_type_id=stage_type.id, scheduled_at=at))


def test_service_sends_each_reminder_once_and_remembers_across_restarts(qtbot, ops, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # "once a day" follows the local date
    time.tzset()
    clock = {"now": NOW}

    def setup(session):
        _add_stage(session, NOW + timedelta(hours=26))
        ReviewRepository(session).ensure_card("topic", 1)

    ops.write(setup)
    sent = []
    service = ReminderService(ops, sent.append, now=lambda: clock["now"])
    first = service.check()
    assert [r.title for r in first] == ["Reviews due"]
    assert service.check() == []

    clock["now"] = NOW + timedelta(hours=3)  # 23 h before the stage
    assert [r.key for r in service.check()] == ["stage:1:24h"]
    restarted = ReminderService(ops, sent.append, now=lambda: clock["now"])
    assert restarted.check() == []  # remembered per machine
    clock["now"] = NOW + timedelta(hours=24, minutes=30)  # the next day, 1.5 h before
    assert [r.key for r in restarted.check()] == ["reviews:2030-05-07", "stage:1:2h"]
    assert restarted.check() == []
    assert len(sent) == 4


def test_reminders_can_be_turned_off(qtbot, ops, monkeypatch):
    ops.write(lambda s: ReviewRepository(s).ensure_card("topic", 1))
    ops.write(lambda s: SettingsRepository(s).set("reminders_enabled", False))
    sent = []
    assert ReminderService(ops, sent.append, now=lambda: NOW).check() == []
    monkeypatch.setenv(REMINDERS_ENV, "0")
    assert not reminders_allowed_by_environment()
    monkeypatch.setenv(REMINDERS_ENV, "1")
    assert reminders_allowed_by_environment()
