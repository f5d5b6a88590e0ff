"""The plan to interview day: which topics to study on which day, and whether it is enough.

Pure Python (no Qt, no SQL) so it can be property-tested. All durations are whole
minutes, so "never more than a day's hours" is exact.

Rules, in order:
- A topic needs (target - level) x hours_per_level hours; topics at target need none.
- Priority = gap to target x weight x relevance of the topic's area to the next stage.
- When the time is short, topics are kept in priority order until the time runs out
  (the last one kept may get only part of what it needs); the rest are dropped, so a
  dropped topic never outranks a kept one.
- Due reviews come first each day, but take at most half of a study day (cards a day
  late cost little; a plan of only reviews teaches nothing new).
- The day before the interview is kept light: reviews only, then rest and the checklist.
- Within each day, time goes in blocks of up to an hour to the kept topic with the most
  priority-weighted work left, at most 90 minutes per topic per day while others wait.
- Never-studied topics are new (as Anki keeps new cards apart from reviews): at most
  `new_limit` of them are started in one day; time they could not get is `unplaced`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from prepdesk.core.presentation import weekday_date_text

BLOCK_MINUTES = 60
DAILY_TOPIC_CAP = 90

# How much a stage category favours each curriculum area (1.0 when not listed).
STAGE_RELEVANCE: dict[str, dict[str, float]] = {
    "coding": {"algorithms": 2.0, "programming": 1.5},
    "assessment": {"algorithms": 1.7, "programming": 1.5, "ml": 1.3},
    "ml_concepts": {"ml": 2.0, "math": 1.5},
    "system_design": {"system-design": 2.0, "ml": 1.3},
    "onsite": {"algorithms": 1.3, "ml": 1.3, "system-design": 1.3},
}

STAGE_NAMES = {
    "coding": "coding",
    "assessment": "technical assessment",
    "ml_concepts": "ML concepts",
    "system_design": "ML system design",
    "behavioral": "behavioral",
    "onsite": "onsite",
    "screen": "screen",
}


@dataclass(frozen=True)
class PlanTopic:
    topic_id: int
    name: str
    area_key: str
    level: int  # current self-rating, 0-5
    target: int
    weight: float
    hours_per_level: float
    new: bool = False  # never studied nor reviewed

    @property
    def gap(self) -> int:
        return max(self.target - self.level, 0)

    @property
    def needed_minutes(self) -> int:
        # Rounded up: any gap at all needs some time.
        return math.ceil(self.gap * max(self.hours_per_level, 0.0) * 60)


@dataclass(frozen=True)
class PlanInput:
    today: date
    interview_day: date
    stage_category: str | None
    hours_per_weekday: Sequence[float]  # Monday first, 7 values
    topics: Sequence[PlanTopic]
    # Minutes of due reviews from today on (index 0 is today); missing days have none.
    review_minutes: Sequence[int] = ()
    new_limit: int | None = None  # never-studied topics started per day; None: no limit


@dataclass(frozen=True)
class PlanBlock:
    topic_id: int
    name: str
    minutes: int


@dataclass(frozen=True)
class PlanDay:
    day: date
    available_minutes: int  # the day's hours
    review_minutes: int
    blocks: tuple[PlanBlock, ...]
    light: bool  # the day before the interview: reviews, rest and the checklist

    @property
    def study_minutes(self) -> int:
        return sum(block.minutes for block in self.blocks)

    @property
    def planned_minutes(self) -> int:
        return self.study_minutes + self.review_minutes


@dataclass(frozen=True)
class Plan:
    interview_day: date
    stage_category: str | None
    days: tuple[PlanDay, ...]
    needed_minutes: int
    available_minutes: int
    kept: tuple[PlanTopic, ...]  # highest priority first
    dropped: tuple[PlanTopic, ...]
    priorities: dict[int, float] = field(default_factory=dict)
    allotted: dict[int, int] = field(default_factory=dict)  # topic id -> minutes planned
    unplaced_minutes: int = 0  # allotted but not placed on a day (the new-topic limit)

    @property
    def on_track(self) -> bool:
        return self.needed_minutes <= self.available_minutes and self.unplaced_minutes == 0

    @property
    def short_minutes(self) -> int:
        return max(self.needed_minutes - self.available_minutes, 0) + self.unplaced_minutes

    def share_planned(self, topic: PlanTopic) -> float:
        """How much of `topic`'s gap the plan covers: 1 in full, 0 when dropped."""
        if topic.needed_minutes == 0:
            return 1.0
        return min(self.allotted.get(topic.topic_id, 0) / topic.needed_minutes, 1.0)

    def day(self, day: date) -> PlanDay | None:
        return next((d for d in self.days if d.day == day), None)

    def summary(self) -> str:
        return on_track_sentence(self)


def relevance(area_key: str, stage_category: str | None) -> float:
    return STAGE_RELEVANCE.get(stage_category or "", {}).get(area_key, 1.0)


def priority(topic: PlanTopic, stage_category: str | None) -> float:
    return topic.gap * topic.weight * relevance(topic.area_key, stage_category)


def make_plan(plan_input: PlanInput) -> Plan:
    """The day-by-day plan from today to the day before the interview."""
    days = _day_list(plan_input.today, plan_input.interview_day)
    capacities = [_study_capacity(plan_input, index, day, days) for index, day in enumerate(days)]
    available = sum(capacities)
    stage = plan_input.stage_category
    ranks = {t.topic_id: priority(t, stage) for t in plan_input.topics}
    wanting = sorted(
        (t for t in plan_input.topics if t.needed_minutes > 0),
        key=lambda t: (-ranks[t.topic_id], t.topic_id),
    )
    allotted: dict[int, int] = {}
    left = available
    kept: list[PlanTopic] = []
    dropped: list[PlanTopic] = []
    for topic in wanting:
        if left <= 0:
            dropped.append(topic)
            continue
        allotted[topic.topic_id] = min(topic.needed_minutes, left)
        left -= allotted[topic.topic_id]
        kept.append(topic)
    plan_days = _fill_days(plan_input, days, capacities, kept, allotted, ranks)
    placed: dict[int, int] = {}
    for plan_day in plan_days:
        for block in plan_day.blocks:
            placed[block.topic_id] = placed.get(block.topic_id, 0) + block.minutes
    return Plan(
        interview_day=plan_input.interview_day,
        stage_category=stage,
        days=plan_days,
        needed_minutes=sum(t.needed_minutes for t in wanting),
        available_minutes=available,
        kept=tuple(kept),
        dropped=tuple(dropped),
        priorities=ranks,
        allotted=placed,
        unplaced_minutes=sum(allotted.values()) - sum(placed.values()),
    )


def _day_list(today: date, interview_day: date) -> list[date]:
    count = max((interview_day - today).days, 0)
    return [today + timedelta(days=offset) for offset in range(count)]


def _review_minutes(plan_input: PlanInput, index: int) -> int:
    reviews = plan_input.review_minutes
    return max(int(reviews[index]), 0) if index < len(reviews) else 0


def _day_minutes(plan_input: PlanInput, day: date) -> int:
    return max(round(plan_input.hours_per_weekday[day.weekday()] * 60), 0)


def _planned_reviews(plan_input: PlanInput, index: int, day: date, last: bool) -> int:
    day_minutes = _day_minutes(plan_input, day)
    share = day_minutes if last else day_minutes // 2
    return min(_review_minutes(plan_input, index), share)


def _study_capacity(plan_input: PlanInput, index: int, day: date, days: list[date]) -> int:
    if index == len(days) - 1:
        return 0  # the last day is light
    return _day_minutes(plan_input, day) - _planned_reviews(plan_input, index, day, False)


def _fill_days(
    plan_input: PlanInput,
    days: list[date],
    capacities: list[int],
    kept: list[PlanTopic],
    allotted: dict[int, int],
    ranks: dict[int, float],
) -> tuple[PlanDay, ...]:
    remaining = dict(allotted)
    started = {t.topic_id for t in kept if not t.new}
    result: list[PlanDay] = []
    for index, day in enumerate(days):
        room = capacities[index]
        today_minutes: dict[int, int] = {}
        new_left = plan_input.new_limit if plan_input.new_limit is not None else len(kept)
        while room > 0:
            startable = [t for t in kept if t.topic_id in started or new_left > 0]
            topic = _next_topic(startable, remaining, today_minutes, ranks, allotted)
            if topic is None:
                break
            if topic.topic_id not in started:
                started.add(topic.topic_id)
                new_left -= 1
            minutes = min(BLOCK_MINUTES, remaining[topic.topic_id], room)
            remaining[topic.topic_id] -= minutes
            today_minutes[topic.topic_id] = today_minutes.get(topic.topic_id, 0) + minutes
            room -= minutes
        names = {t.topic_id: t.name for t in kept}
        blocks = tuple(
            PlanBlock(topic_id, names[topic_id], minutes)
            for topic_id, minutes in sorted(
                today_minutes.items(), key=lambda item: (-ranks[item[0]], item[0])
            )
        )
        day_minutes = _day_minutes(plan_input, day)
        result.append(
            PlanDay(
                day=day,
                available_minutes=day_minutes,
                review_minutes=_planned_reviews(plan_input, index, day, index == len(days) - 1),
                blocks=blocks,
                light=index == len(days) - 1,
            )
        )
    return tuple(result)


def _next_topic(
    kept: list[PlanTopic],
    remaining: dict[int, int],
    today_minutes: dict[int, int],
    ranks: dict[int, float],
    allotted: dict[int, int],
) -> PlanTopic | None:
    open_topics = [t for t in kept if remaining[t.topic_id] > 0]
    fresh = [t for t in open_topics if today_minutes.get(t.topic_id, 0) < DAILY_TOPIC_CAP]
    candidates = fresh or open_topics
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda t: (
            ranks[t.topic_id] * remaining[t.topic_id] / allotted[t.topic_id],
            -t.topic_id,
        ),
    )


# --- the sentence ------------------------------------------------------------------------


def format_hours(minutes: int) -> str:
    hours = minutes / 60
    if hours >= 10 or abs(hours - round(hours)) < 0.05:
        return f"{round(hours)} h"
    return f"{hours:.1f} h"


def format_day(day: date) -> str:
    """The interview day as every date on screen reads, with its weekday: "Tue 9 Dec 2025"."""
    return weekday_date_text(day)


def on_track_sentence(plan: Plan, max_names: int = 3) -> str:
    """Plainly: does the time before the interview cover what the topics need?"""
    before = format_day(plan.interview_day)
    if plan.needed_minutes == 0:
        return f"Every topic is at its target: keep up the reviews until {before}."
    needs, has = format_hours(plan.needed_minutes), format_hours(plan.available_minutes)
    if plan.on_track:
        spare = format_hours(plan.available_minutes - plan.needed_minutes)
        return f"On track: needs {needs}, has {has} before {before} ({spare} to spare)."
    short = format_hours(plan.short_minutes)
    sentence = f"Needs {needs}, has {has} before {before}: {short} short"
    if plan.dropped:
        lowest = [t.name for t in reversed(plan.dropped)]
        names = ", ".join(lowest[:max_names])
        more = len(lowest) - max_names
        if more > 0:
            names += f" and {more} more"
        sentence += f", lowest-priority topics dropped: {names}"
    if plan.unplaced_minutes:
        sentence += (
            f"; {format_hours(plan.unplaced_minutes)} do not fit the daily limit of new topics"
        )
    return sentence + "."
