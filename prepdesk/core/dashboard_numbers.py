"""The dashboard's numbers as one plain value: the next interview and the stages after
it, the readiness score and its parts, the plan's outlook, due rehearsals and Today.

The live read fills it, and so does the snapshot kept from the last run (store/
numbers_snapshot.py); the panels are filled from it alone, either way. It round-trips
through JSON (`numbers_to_json`, `numbers_from_json`); times stay aware datetimes, so
the countdown is recomputed whenever it is shown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from prepdesk.core.plan_outlook import DroppedTopic, PlanOutlook
from prepdesk.core.planner import PlanBlock
from prepdesk.core.readiness import Readiness, ReadinessPart
from prepdesk.core.today_numbers import TodayNumbers


@dataclass(frozen=True)
class NextInterview:
    """The next interview: the earliest upcoming stage, else the target date."""

    at: datetime  # aware
    source: str  # "stage" or "target_date"
    stage_id: int | None = None
    company: str | None = None
    stage: str | None = None
    category: str | None = None  # StageType.category: drives planning and checklists


@dataclass(frozen=True)
class UpcomingStage:
    stage_id: int
    at: datetime  # aware UTC
    company: str
    stage: str


@dataclass(frozen=True)
class DashboardNumbers:
    computed_at: datetime  # aware: when they were read (a snapshot is kept for that day)
    next: NextInterview | None
    upcoming: tuple[UpcomingStage, ...]
    readiness: Readiness
    outlook: PlanOutlook | None  # None without an interview date
    rehearsals: int  # story rehearsals due
    today: TodayNumbers | None = None  # the Today panel reads its own; a snapshot keeps it


def numbers_to_json(numbers: DashboardNumbers) -> dict[str, Any]:
    data = asdict(numbers)
    data["computed_at"] = numbers.computed_at.isoformat()
    if numbers.next is not None:
        data["next"]["at"] = numbers.next.at.isoformat()
    for stage, later in zip(data["upcoming"], numbers.upcoming, strict=True):
        stage["at"] = later.at.isoformat()
    return data


def numbers_from_json(data: dict[str, Any]) -> DashboardNumbers:
    """The value `numbers_to_json` wrote; ValueError, KeyError or TypeError on anything else."""
    next_up = data["next"]
    outlook = data["outlook"]
    today = data["today"]
    return DashboardNumbers(
        computed_at=_aware(data["computed_at"]),
        next=None if next_up is None else NextInterview(**{**next_up, "at": _aware(next_up["at"])}),
        upcoming=tuple(
            UpcomingStage(**{**stage, "at": _aware(stage["at"])}) for stage in data["upcoming"]
        ),
        readiness=Readiness(
            score=int(data["readiness"]["score"]),
            parts=tuple(ReadinessPart(**part) for part in data["readiness"]["parts"]),
        ),
        outlook=None
        if outlook is None
        else PlanOutlook(
            **{**outlook, "dropped": tuple(DroppedTopic(**d) for d in outlook["dropped"])}
        ),
        rehearsals=int(data["rehearsals"]),
        today=None
        if today is None
        else TodayNumbers(
            **{
                **today,
                "blocks": tuple(PlanBlock(**block) for block in today["blocks"]),
                "design_titles": tuple(str(title) for title in today["design_titles"]),
            }
        ),
    )


def _aware(text: object) -> datetime:
    if not isinstance(text, str):
        raise TypeError(f"a time is written as text, not {type(text).__name__}")
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"{text} has no time zone")
    return value
