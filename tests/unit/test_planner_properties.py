"""Property tests of the plan to interview day (issue 3's list, one test each)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from prepdesk.core.planner import PlanInput, PlanTopic, make_plan

AREAS = ("math", "programming", "algorithms", "ml", "system-design")
STAGES = (None, "coding", "ml_concepts", "system_design", "behavioral", "onsite")


@st.composite
def topics(draw: st.DrawFn) -> list[PlanTopic]:
    count = draw(st.integers(0, 12))
    result = []
    for topic_id in range(1, count + 1):
        result.append(
            PlanTopic(
                topic_id=topic_id,
                name=f"Topic {topic_id}",
                area_key=draw(st.sampled_from(AREAS)),
                level=draw(st.integers(0, 5)),
                target=draw(st.integers(0, 5)),
                weight=draw(st.floats(0.1, 3.0, allow_nan=False)),
                hours_per_level=draw(st.floats(0.1, 6.0, allow_nan=False)),
            )
        )
    return result


@st.composite
def plan_inputs(draw: st.DrawFn) -> PlanInput:
    today = draw(st.dates(date(2025, 1, 1), date(2030, 12, 31)))
    days = draw(st.integers(0, 40))
    return PlanInput(
        today=today,
        interview_day=today + timedelta(days=days),
        stage_category=draw(st.sampled_from(STAGES)),
        hours_per_weekday=draw(st.lists(st.floats(0, 12, allow_nan=False), min_size=7, max_size=7)),
        topics=draw(topics()),
        review_minutes=draw(st.lists(st.integers(0, 200), max_size=45)),
    )


@given(plan_inputs())
def test_never_plans_past_the_interview(plan_input: PlanInput) -> None:
    plan = make_plan(plan_input)
    for day in plan.days:
        assert plan_input.today <= day.day < plan_input.interview_day


@given(plan_inputs())
def test_never_exceeds_a_days_hours(plan_input: PlanInput) -> None:
    plan = make_plan(plan_input)
    for day in plan.days:
        hours = plan_input.hours_per_weekday[day.day.weekday()]
        assert day.planned_minutes <= round(hours * 60)


@given(plan_inputs())
def test_enough_time_gives_every_topic_below_target_time(plan_input: PlanInput) -> None:
    plan = make_plan(plan_input)
    if not plan.on_track:
        return
    studied: dict[int, int] = {}
    for day in plan.days:
        for block in day.blocks:
            studied[block.topic_id] = studied.get(block.topic_id, 0) + block.minutes
    for topic in plan_input.topics:
        if topic.level < topic.target:
            assert studied.get(topic.topic_id, 0) >= topic.needed_minutes > 0
    assert not plan.dropped


@given(plan_inputs())
def test_what_is_dropped_is_lower_priority_than_what_is_kept(plan_input: PlanInput) -> None:
    plan = make_plan(plan_input)
    if plan.dropped and plan.kept:
        lowest_kept = min(plan.priorities[t.topic_id] for t in plan.kept)
        highest_dropped = max(plan.priorities[t.topic_id] for t in plan.dropped)
        assert highest_dropped <= lowest_kept
    studied = {block.topic_id for day in plan.days for block in day.blocks}
    assert not studied & {t.topic_id for t in plan.dropped}


@settings(max_examples=50)
@given(plan_inputs())
def test_the_same_inputs_give_the_same_plan(plan_input: PlanInput) -> None:
    assert make_plan(plan_input) == make_plan(plan_input)
