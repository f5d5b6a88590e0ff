"""Companies, stages and checklists on the real database: generation, auto-ticks, overrides,
debrief questions sent on, the .ics export and the brief."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
from sqlalchemy import select

from prepdesk.io.brief import brief_markdown
from prepdesk.io.ics import export_ics
from prepdesk.store import models as m
from prepdesk.store.repositories.checklist import ChecklistRepository
from prepdesk.store.repositories.companies import CompanyRepository
from prepdesk.store.repositories.stages import StageRepository
from tests.unit.companies_data import (
    NOW,
    make_company,
    make_stage,
    make_story,
    rehearse,
    stage_type_id,
)


def rows_by_rule(db, stage_id, now=NOW):
    with db.transaction() as s:
        return {r.rule: r for r in ChecklistRepository(s).rows(stage_id, now)}


def test_behavioral_and_coding_stages_get_their_own_checklists(db):
    company = make_company(db)
    behavioral = rows_by_rule(db, make_stage(db, company, "Behavioral"))
    coding = rows_by_rule(db, make_stage(db, company, "Coding challenge"))
    assert "value_stories_rehearsed" in behavioral and "timed_problem" not in behavioral
    assert {"timed_problem", "weak_topics:algorithms"} <= set(coding)
    assert "value_stories_rehearsed" not in coding
    assert behavioral["products_reviewed"].checked  # the company has products noted
    assert behavioral["questions_ready"].evidence == "0 questions ready"


def test_rehearsing_a_story_for_the_value_ticks_the_item(db):
    company = make_company(db, values=("Ownership",))
    stage = make_stage(db, company, "Behavioral")
    story = make_story(db, "Migrating the feature store", "Ownership")
    assert not rows_by_rule(db, stage)["value_stories_rehearsed"].checked

    rehearse(db, story, NOW - timedelta(days=10))  # too long ago
    assert not rows_by_rule(db, stage)["value_stories_rehearsed"].checked

    rehearse(db, story, NOW - timedelta(hours=2))
    row = rows_by_rule(db, stage)["value_stories_rehearsed"]
    assert row.checked and row.automatic
    assert "'Migrating the feature store' rehearsed" in row.evidence


def test_a_solved_attempt_ticks_the_timed_problem(db):
    company = make_company(db)
    stage = make_stage(db, company, "Coding challenge")
    with db.transaction() as s:
        problem = m.Problem(title="Coin Change", difficulty="medium")
        problem.attempts.append(
            m.Attempt(attempted_at=NOW - timedelta(days=1), minutes=28, solved=True)
        )
        s.add(problem)
    row = rows_by_rule(db, stage)["timed_problem"]
    assert row.checked and row.evidence.startswith("'Coin Change' solved")


def test_weak_topics_must_be_reviewed(db):
    company = make_company(db)
    stage = make_stage(db, company, "Coding challenge")
    with db.transaction() as s:
        topic = s.scalar(select(m.Topic).where(m.Topic.key == "algorithms.dynamic-programming"))
        s.add(m.Rating(topic_id=topic.id, level=1, rated_at=NOW - timedelta(days=20)))
        topic_name = topic.name
    row = rows_by_rule(db, stage)["weak_topics:algorithms"]
    assert not row.checked and topic_name in row.evidence
    with db.transaction() as s:
        s.add(m.StudySession(topic_id=topic.id, started_at=NOW - timedelta(days=1), minutes=40))
    assert rows_by_rule(db, stage)["weak_topics:algorithms"].checked


def test_override_wins_and_can_be_cleared(db):
    company = make_company(db)
    stage = make_stage(db, company, "Behavioral")
    item = rows_by_rule(db, stage)["questions_ready"]
    with db.transaction() as s:
        ChecklistRepository(s).set_checked(item.id, True)
    row = rows_by_rule(db, stage)["questions_ready"]
    assert row.checked and not row.automatic
    with db.transaction() as s:
        ChecklistRepository(s).clear_override(item.id)
    assert not rows_by_rule(db, stage)["questions_ready"].checked


def test_own_items_add_move_remove(db):
    company = make_company(db)
    stage = make_stage(db, company, "Behavioral")
    with db.transaction() as s:
        repo = ChecklistRepository(s)
        first = repo.add(stage, "logistics", "Charge the laptop")
        second = repo.add(stage, "logistics", "Print the CV")
        repo.move(second, -1)
        repo.set_checked(first, True)
    with db.transaction() as s:
        rows = ChecklistRepository(s).rows(stage, NOW)
    logistics = [r.text for r in rows if r.section == "logistics"]
    assert logistics.index("Print the CV") < logistics.index("Charge the laptop")
    assert next(r for r in rows if r.id == first).checked
    with db.transaction() as s:
        ChecklistRepository(s).remove(first)
        assert all(r.id != first for r in ChecklistRepository(s).rows(stage, NOW))


def test_debrief_question_goes_to_the_behavioral_bank_and_to_topics(db):
    company = make_company(db)
    stage = make_stage(db, company, "ML system design")
    with db.transaction() as s:
        repo = StageRepository(s)
        asked = repo.add_asked(stage, "Tell me about a time you shipped under pressure.")
        bank_id = repo.send_to_behavioral_bank(asked)
        other = repo.add_asked(stage, "How would you shard a feature store?")
        topic_id = repo.send_to_topics(other)
    with db.transaction() as s:
        question = s.get(m.BehavioralQuestion, bank_id)
        assert question.source == "debrief"
        assert question.text == "Tell me about a time you shipped under pressure."
        topic = s.get(m.Topic, topic_id)
        assert topic.area.key == "system-design"
        assert "Acme AI" in topic.notes
        assert s.scalar(select(m.ReviewCard).where(m.ReviewCard.topic_id == topic_id)) is not None
        stage_row = StageRepository(s).get(stage)
    assert {a.text: a.behavioral_question_id for a in stage_row.asked}[
        "Tell me about a time you shipped under pressure."
    ] == bank_id


def test_debrief_question_goes_to_the_technical_bank_once_under_its_topic(db):
    company = make_company(db)
    first = make_stage(db, company, "ML concepts")
    second = make_stage(db, company, "Onsite loop")
    text = "Derive the gradient of softmax cross-entropy."
    with db.transaction() as s:
        topic_id = s.scalar(select(m.Topic.id).where(m.Topic.key == "ml.model-evaluation"))
        repo = StageRepository(s)
        question_id = repo.send_to_technical_bank(repo.add_asked(first, text), topic_id)
        again = repo.send_to_technical_bank(repo.add_asked(second, text), None)
    assert again == question_id  # asked twice, one question in the bank
    with db.transaction() as s:
        question = s.get(m.TechQuestion, question_id)
        assert [t.id for t in question.topics] == [topic_id]
        assert question.difficulty == "medium" and not question.builtin
        rows = [a for stage in (first, second) for a in StageRepository(s).get(stage).asked]
    assert [a.tech_question_id for a in rows] == [question_id, question_id]


def test_ics_has_each_upcoming_stage_in_its_time_zone(db, tmp_path):
    from zoneinfo import ZoneInfo

    company = make_company(db, "Northwind")
    start = (NOW + timedelta(days=5)).astimezone(ZoneInfo("America/New_York"))
    start = start.replace(hour=9, minute=15, second=0)
    make_stage(db, company, "Coding challenge", at=start, zone="America/New_York")
    make_stage(db, company, "Behavioral", at=NOW - timedelta(days=2))  # past: left out
    path = tmp_path / "interviews.ics"
    with db.transaction() as s:
        assert export_ics(s, NOW, path) == 1
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    begins = event.decoded("dtstart")
    assert begins == start
    assert (begins.hour, begins.minute) == (9, 15)
    assert str(begins.tzinfo) == "America/New_York" or begins.utcoffset() == start.utcoffset()
    assert event.decoded("dtend") - begins == timedelta(minutes=45)
    assert str(event["summary"]) == "Northwind: Coding challenge"
    assert str(event["location"]) == "https://meet.example.com/abc"
    assert "Northwind" in str(event["description"])
    assert any(tz["tzid"] == "America/New_York" for tz in calendar.walk("VTIMEZONE"))


def test_markdown_brief_has_the_users_data(db):
    company = make_company(db, "Helios", values=("Ownership",))
    make_story(db, "Migrating the feature store", "Ownership")
    with db.transaction() as s:
        repo = CompanyRepository(s)
        question = repo.add_own_question(company, "How do you evaluate models?", "ml practice")
        repo.set_question_flags(question, ready=True)
        topic = s.scalar(select(m.Topic).where(m.Topic.key == "algorithms.dynamic-programming"))
        s.add(m.Rating(topic_id=topic.id, level=1, rated_at=NOW - timedelta(days=3)))
    stage = make_stage(db, company, "Coding challenge", zone="Europe/Berlin")
    with db.transaction() as s:
        text = brief_markdown(s, stage, NOW)
    assert text.startswith("# Helios: Coding challenge")
    assert "14:30 (Europe/Berlin), 45 minutes" in text
    assert "- How do you evaluate models?" in text
    assert "**Ownership:** 'Migrating the feature store'" in text
    assert f"| {topic.name} | 1/5 |" in text
    assert "Ranking models" in text
    assert "- [x] Research: Products reviewed" in text


def test_a_new_type_or_format_regenerates_the_checklist_keeping_overrides(db):
    stage = make_stage(db, make_company(db), "Coding challenge")
    with db.transaction() as s:
        ChecklistRepository(s).set_checked(rows_by_rule(db, stage)["products_reviewed"].id, False)
        StageRepository(s).update_fields(stage, {"location": "Room 4"}, NOW)  # no new items
    assert "timed_problem" in rows_by_rule(db, stage)
    ml = stage_type_id(db, "ML concepts")
    with db.transaction() as s:
        StageRepository(s).update_fields(stage, {"stage_type_id": ml, "format": "phone"}, NOW)
    rows = rows_by_rule(db, stage)
    assert "timed_problem" not in rows and "weak_topics:ml" in rows
    products = rows["products_reviewed"]
    assert not products.checked and not products.automatic  # the person's override stays


def test_a_new_time_zone_keeps_the_wall_time_and_a_bad_one_is_refused(db):
    stage = make_stage(db, make_company(db), "Behavioral", zone="Europe/Berlin")
    with db.transaction() as s:
        before = StageRepository(s).get(stage).local_start()
        StageRepository(s).update_fields(stage, {"timezone": "Asia/Tokyo"}, NOW)
        after = StageRepository(s).get(stage).local_start()
    assert after.replace(tzinfo=None) == before.replace(tzinfo=None)
    assert str(after.tzinfo) == "Asia/Tokyo"
    with db.transaction() as s, pytest.raises(ValueError, match="unknown time zone"):
        StageRepository(s).update_fields(stage, {"timezone": "Mars/Olympus"}, NOW)
