"""Role profiles: every profile's default plan fits a month at 1.5-2 h a day from 2/5."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from prepdesk.core.limits import DEFAULT_DAILY_NEW_LIMIT
from prepdesk.core.planner import STAGE_RELEVANCE, PlanInput, PlanTopic, make_plan
from prepdesk.resources import load_json_resource
from prepdesk.store.first_run import FirstRunAnswers, first_run_due, save_first_run
from prepdesk.store.models import Topic
from prepdesk.store.repositories.role_profiles import (
    RoleProfileRepository,
    curriculum_weights,
    role_profiles,
)
from prepdesk.store.repositories.topics import TopicRepository

CURRICULUM = [
    (area["key"], topic)
    for area in load_json_resource("curriculum.json")["areas"]
    for topic in area["topics"]
]
ROLE_KEYS = [p.key for p in role_profiles()]


def profile_topics(role: str, levels: list[int]) -> list[PlanTopic]:
    profile = next(p for p in role_profiles() if p.key == role)
    return [
        PlanTopic(
            topic_id=index + 1,
            name=topic["name"],
            area_key=area_key,
            level=levels[index],
            target=profile.target_for(topic["key"]),
            weight=profile.weight_for(area_key, float(topic["weight"])),
            hours_per_level=float(topic["hours_per_level"]),
            new=True,
        )
        for index, (area_key, topic) in enumerate(CURRICULUM)
    ]


def test_the_five_roles_are_there_and_name_only_curriculum_topics():
    names = [p.name for p in role_profiles()]
    assert names == [
        "ML engineer",
        "Applied scientist",
        "Research scientist",
        "Data scientist",
        "MLOps or platform engineer",
    ]
    keys = set(curriculum_weights())
    for profile in role_profiles():
        assert set(profile.targets) <= keys, profile.key


@settings(max_examples=150, deadline=None)
@given(
    role=st.sampled_from(ROLE_KEYS),
    levels=st.lists(st.integers(2, 5), min_size=len(CURRICULUM), max_size=len(CURRICULUM)),
    hours=st.lists(st.floats(1.5, 8.0, allow_nan=False), min_size=7, max_size=7),
    days=st.integers(28, 120),
    stage=st.sampled_from([None, *STAGE_RELEVANCE]),
    today=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
)
def test_any_role_fits_four_weeks_at_one_and_a_half_hours_from_two_of_five(
    role, levels, hours, days, stage, today
):
    plan = make_plan(
        PlanInput(
            today=today,
            interview_day=today + timedelta(days=days),
            stage_category=stage,
            hours_per_weekday=hours,
            topics=profile_topics(role, levels),
            new_limit=DEFAULT_DAILY_NEW_LIMIT,
        )
    )
    assert plan.on_track, plan.summary()
    assert not plan.dropped


def test_the_documented_default_a_month_at_two_hours_fits_every_role():
    today = date(2026, 3, 2)
    for role in ROLE_KEYS:
        plan = make_plan(
            PlanInput(
                today=today,
                interview_day=today + timedelta(days=30),
                stage_category=None,
                hours_per_weekday=[2.0] * 7,
                topics=profile_topics(role, [2] * len(CURRICULUM)),
                new_limit=DEFAULT_DAILY_NEW_LIMIT,
            )
        )
        assert plan.on_track, (role, plan.summary())


def test_applying_a_profile_twice_gives_the_same_targets_and_weights(db):
    with db.transaction() as s:
        RoleProfileRepository(s).apply("data-scientist")
        first = {t.key: (t.target_level, t.weight) for t in s.scalars(select(Topic))}
        RoleProfileRepository(s).apply("data-scientist")
        again = {t.key: (t.target_level, t.weight) for t in s.scalars(select(Topic))}
    assert first == again
    assert first["math.statistics"][0] == 4
    assert first["algorithms.graphs"][0] == 2


def test_first_run_saves_everything_and_is_then_no_longer_due(db):
    now = datetime.now(UTC)
    with db.transaction() as s:
        assert first_run_due(s)
        ids = list(s.scalars(select(Topic.id).order_by(Topic.id)))
        save_first_run(
            s,
            FirstRunAnswers(
                date.today() + timedelta(days=30), "ml-engineer", [2.0] * 7, dict.fromkeys(ids, 2)
            ),
            now,
        )
    with db.transaction() as s:
        assert not first_run_due(s)
        plan, _interview = TopicRepository(s).plan(now, now.astimezone().date())
    assert plan is not None and plan.on_track, plan.summary() if plan else None
