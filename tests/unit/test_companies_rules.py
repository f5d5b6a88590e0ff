"""Checklist rules (pure): which items a stage gets and how automatic items are decided."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from prepdesk.core.checklist_rules import (
    ChecklistFacts,
    DesignPractice,
    TimedSolve,
    ValueRehearsal,
    WeakTopic,
    evaluate,
    items_for,
)

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def rules(category: str, stage_format: str = "video") -> list[str | None]:
    return [item.rule for item in items_for(category, stage_format)]


def test_behavioral_stage_gets_the_value_stories_item_and_no_coding():
    found = rules("behavioral")
    assert "value_stories_rehearsed" in found
    assert "timed_problem" not in found
    assert {"products_reviewed", "ml_usage_noted", "questions_ready"} <= set(found)


def test_coding_stage_gets_timed_problem_and_weak_algorithms():
    found = rules("coding")
    assert "timed_problem" in found and "weak_topics:algorithms" in found
    assert "value_stories_rehearsed" not in found


def test_design_and_ml_stages_review_their_own_areas():
    assert "weak_topics:system-design" in rules("system_design")
    assert "weak_topics:ml" in rules("ml_concepts")


def test_logistics_follow_the_format():
    remote = [i.text for i in items_for("coding", "video") if i.section == "logistics"]
    onsite = [i.text for i in items_for("coding", "onsite") if i.section == "logistics"]
    assert "Link checked" in remote
    assert "ID ready" in onsite
    assert all(i.rule is None for i in items_for("coding", "onsite") if i.section == "day-before")


@pytest.mark.parametrize(("ready", "checked"), [(2, False), (3, True), (5, True)])
def test_questions_ready_needs_three(ready, checked):
    verdict = evaluate("questions_ready", ChecklistFacts(now=NOW, questions_ready=ready))
    assert verdict.checked is checked
    assert verdict.evidence == f"{ready} questions ready"


def test_values_need_a_rehearsal_within_seven_days():
    fresh = ValueRehearsal("Ownership", "Migrating the feature store", NOW - timedelta(days=2))
    stale = ValueRehearsal("Teamwork", "The ranker", NOW - timedelta(days=8))
    verdict = evaluate("value_stories_rehearsed", ChecklistFacts(now=NOW, values=(fresh, stale)))
    assert not verdict.checked
    assert verdict.evidence == "Not rehearsed in the last 7 days: Teamwork"
    verdict = evaluate("value_stories_rehearsed", ChecklistFacts(now=NOW, values=(fresh,)))
    assert verdict.checked
    assert "'Migrating the feature store' rehearsed" in verdict.evidence


def test_values_missing_are_not_ticked():
    verdict = evaluate("value_stories_rehearsed", ChecklistFacts(now=NOW))
    assert not verdict.checked and "No company values" in verdict.evidence


def test_timed_problem_within_three_days():
    recent = TimedSolve("Coin Change", NOW - timedelta(days=2), 25)
    old = TimedSolve("Coin Change", NOW - timedelta(days=4), 25)
    assert evaluate("timed_problem", ChecklistFacts(now=NOW, last_solve=recent)).checked
    verdict = evaluate("timed_problem", ChecklistFacts(now=NOW, last_solve=old))
    assert not verdict.checked and "'Coin Change' solved" in verdict.evidence
    assert not evaluate("timed_problem", ChecklistFacts(now=NOW)).checked


def test_weak_topics_reviewed_only_when_each_was_studied_lately():
    studied = WeakTopic("Graphs", "algorithms", 1, NOW - timedelta(days=1))
    stale = WeakTopic("Dynamic programming", "algorithms", 1, None)
    other_area = WeakTopic("Bayesian inference", "math", 0, None)
    facts = ChecklistFacts(now=NOW, weak_topics=(studied, stale, other_area))
    verdict = evaluate("weak_topics:algorithms", facts)
    assert not verdict.checked and verdict.evidence.endswith("Dynamic programming")
    facts = ChecklistFacts(now=NOW, weak_topics=(studied, other_area))
    assert evaluate("weak_topics:algorithms", facts).checked
    assert evaluate("weak_topics:ml", facts).evidence == "No weak topics in ml"


def test_design_and_onsite_stages_ask_for_a_recent_timed_design_session():
    assert "design_session" in rules("system_design")
    assert "design_session" in rules("onsite", "onsite")
    assert "design_session" not in rules("coding")
    assert "design_session" not in rules("behavioral")


def test_a_design_session_counts_within_seven_days_and_says_when_and_how_it_went():
    recent = DesignPractice("Predict click-through for ads", NOW - timedelta(days=3), 2.857)
    verdict = evaluate("design_session", ChecklistFacts(now=NOW, last_design=recent))
    assert verdict.checked
    assert verdict.evidence == "Last: 'Predict click-through for ads', 3 days ago, scored 2.9 of 4"
    old = DesignPractice("Detect payment fraud", NOW - timedelta(days=8), None)
    verdict = evaluate("design_session", ChecklistFacts(now=NOW, last_design=old))
    assert not verdict.checked
    assert verdict.evidence == "Last: 'Detect payment fraud', 8 days ago, not scored yet"
    verdict = evaluate("design_session", ChecklistFacts(now=NOW))
    assert not verdict.checked and "No timed ML design session yet" in verdict.evidence


def test_unknown_rule_is_an_error():
    with pytest.raises(ValueError, match="unknown checklist rule"):
        evaluate("made_up", ChecklistFacts(now=NOW))
