"""The on-track sentence and the plan's shape on small, hand-checked inputs."""

from __future__ import annotations

from datetime import date

from prepdesk.core.planner import PlanInput, PlanTopic, make_plan

MONDAY = date(2025, 12, 1)
TUESDAY_NEXT = date(2025, 12, 9)


def topic(topic_id: int, name: str, area: str, level: int, weight: float = 1.0) -> PlanTopic:
    return PlanTopic(topic_id, name, area, level, 4, weight, hours_per_level=3.0)


def plan_for(topics: list[PlanTopic], hours: float, stage: str | None = None):
    return make_plan(PlanInput(MONDAY, TUESDAY_NEXT, stage, [hours] * 7, topics))


def test_short_of_time_names_the_dropped_topics_lowest_first() -> None:
    topics = [
        topic(1, "Graphs", "algorithms", 0, weight=2.0),  # 12 h needed
        topic(2, "Calculus", "math", 2, weight=1.0),  # 6 h
        topic(3, "Testing", "programming", 3, weight=0.5),  # 3 h
    ]
    plan = plan_for(topics, hours=2)  # 7 study days before the light day: 14 h
    assert plan.summary() == (
        "Needs 21 h, has 14 h before Tue 9 Dec 2025: 7 h short, "
        "lowest-priority topics dropped: Testing."
    )
    assert [t.name for t in plan.kept] == ["Graphs", "Calculus"]


def test_enough_time_says_on_track_with_the_spare_hours() -> None:
    plan = plan_for([topic(1, "Graphs", "algorithms", 3)], hours=1)
    assert plan.summary() == "On track: needs 3 h, has 7 h before Tue 9 Dec 2025 (4 h to spare)."


def test_every_topic_at_target() -> None:
    plan = plan_for([topic(1, "Graphs", "algorithms", 4)], hours=2)
    assert (
        plan.summary() == "Every topic is at its target: keep up the reviews until Tue 9 Dec 2025."
    )


def test_the_last_day_is_light_and_relevant_areas_come_first() -> None:
    topics = [topic(1, "Calculus", "math", 2), topic(2, "Serving", "system-design", 2)]
    plan = plan_for(topics, hours=1, stage="system_design")
    assert plan.days[-1].day == date(2025, 12, 8)
    assert plan.days[-1].light and plan.days[-1].blocks == ()
    assert plan.days[0].blocks[0].name == "Serving"


def test_reviews_come_first_but_take_at_most_half_a_day() -> None:
    graphs = [topic(1, "Graphs", "algorithms", 0)]
    plan = make_plan(PlanInput(MONDAY, TUESDAY_NEXT, None, [1] * 7, graphs, [20, 45]))
    assert (plan.days[0].review_minutes, plan.days[0].study_minutes) == (20, 40)
    assert (plan.days[1].review_minutes, plan.days[1].study_minutes) == (30, 30)
