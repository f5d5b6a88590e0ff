"""Readiness and the plan, one story: what the plan's shortfall means on interview day.

If the person follows the plan, each kept topic climbs toward its target by the share
of its gap the plan covers; dropped topics stay where they are. The projected score is
readiness with those levels (recall and the other parts as they are today). The cost
of a dropped topic is the score it would add had it fitted, in points and hours.
"""

from __future__ import annotations

from dataclasses import dataclass

from prepdesk.core.planner import Plan, PlanTopic, format_hours
from prepdesk.core.presentation import count_noun
from prepdesk.core.readiness import ReadinessInputs, exact_score


@dataclass(frozen=True)
class DroppedTopic:
    name: str
    hours_missing: float
    points: float  # readiness points on interview day it would add


@dataclass(frozen=True)
class PlanOutlook:
    on_track: bool
    score_now: int
    score_with_plan: int  # on interview day, if the plan is followed
    score_if_all_fit: int  # ... had everything fitted
    short_minutes: int
    dropped: tuple[DroppedTopic, ...]  # costliest first

    def sentence(self) -> str:
        if self.on_track:
            return (
                f"Following the plan brings readiness from {self.score_now} to about "
                f"{self.score_with_plan} / 100 by interview day."
            )
        lost = self.score_if_all_fit - self.score_with_plan
        return (
            f"The plan is {format_hours(self.short_minutes)} short: following it brings "
            f"readiness to about {self.score_with_plan} / 100 on interview day, "
            f"{count_noun(lost, 'point')} below the {self.score_if_all_fit} it "
            f"would reach if everything fitted."
        )

    def dropped_lines(self, limit: int = 5) -> list[str]:
        lines = [
            f"{d.name}: {format_hours(round(d.hours_missing * 60))} missing, −{d.points:.1f} points"
            for d in self.dropped[:limit]
        ]
        if len(self.dropped) > limit:
            lines.append(f"and {len(self.dropped) - limit} more")
        return lines


def _level_after(topic: PlanTopic, share: float) -> float:
    return topic.level + topic.gap * share


def plan_outlook(plan: Plan, inputs: ReadinessInputs) -> PlanOutlook:
    wanting = (*plan.kept, *plan.dropped)
    with_plan = {t.topic_id: _level_after(t, plan.share_planned(t)) for t in wanting}
    all_fit = {t.topic_id: float(max(t.level, t.target)) for t in wanting}
    base = exact_score(inputs, with_plan)
    dropped = []
    for topic in wanting:
        share = plan.share_planned(topic)
        if share >= 1.0:
            continue
        gained = exact_score(inputs, {**with_plan, topic.topic_id: all_fit[topic.topic_id]})
        missing = topic.needed_minutes * (1 - share) / 60
        dropped.append(DroppedTopic(topic.name, missing, max(gained - base, 0.0)))
    dropped.sort(key=lambda d: (-d.points, -d.hours_missing, d.name))
    return PlanOutlook(
        on_track=plan.on_track,
        score_now=round(exact_score(inputs)),
        score_with_plan=round(base),
        score_if_all_fit=round(exact_score(inputs, all_fit)),
        short_minutes=plan.short_minutes,
        dropped=tuple(dropped),
    )
