"""Which reminders are due now: reviews once a day, each interview stage 24 h and 2 h ahead.

Pure: the caller gives the clock, the counts and the keys of reminders already sent,
and sends (then remembers) what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from prepdesk.core.presentation import weekday_datetime_text

STAGE_LEADS = (timedelta(hours=24), timedelta(hours=2))


@dataclass(frozen=True)
class UpcomingStage:
    stage_id: int
    company: str
    stage: str
    at: datetime  # aware


@dataclass(frozen=True)
class Reminder:
    key: str  # stable: the same reminder is never sent twice
    title: str
    message: str


def _lead_label(lead: timedelta) -> str:
    return f"{int(lead.total_seconds() // 3600)} h"


def due_reminders(
    now: datetime,
    due_reviews: int,
    stages: list[UpcomingStage],
    already_sent: set[str],
) -> list[Reminder]:
    reminders: list[Reminder] = []
    today = now.astimezone().date().isoformat()
    if due_reviews > 0:
        noun = "review is" if due_reviews == 1 else "reviews are"
        reminders.append(
            Reminder(
                f"reviews:{today}",
                "Reviews due",
                f"{due_reviews} {noun} due today. A few minutes now keeps them fresh.",
            )
        )
    for stage in stages:
        left = stage.at - now
        if left <= timedelta(0):
            continue
        # Only the closest lead that has been reached: starting the app 1 h before an
        # interview gives the 2 h reminder, not a stale 24 h one as well.
        reached = [lead for lead in STAGE_LEADS if left <= lead]
        if not reached:
            continue
        lead = min(reached)
        local = stage.at.astimezone()
        when = weekday_datetime_text(local)
        reminders.append(
            Reminder(
                f"stage:{stage.stage_id}:{_lead_label(lead).replace(' ', '')}",
                f"Interview in less than {_lead_label(lead)}",
                f"{stage.company}: {stage.stage} on {when}.",
            )
        )
    return [r for r in reminders if r.key not in already_sent]
