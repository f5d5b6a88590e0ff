"""The dashboard's numbers, read in one transaction, with the data version they come from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from prepdesk.core.dashboard_numbers import DashboardNumbers
from prepdesk.core.readiness import readiness
from prepdesk.store import data_version
from prepdesk.store.repositories.dashboard_summary import DashboardSummaryRepository
from prepdesk.store.repositories.outlook import dashboard_outlook


@dataclass(frozen=True)
class LiveNumbers:
    version: int  # the data version of the transaction they were read in
    numbers: DashboardNumbers  # without Today: the Today panel reads its own
    empty: bool  # nothing entered yet: the dashboard shows its welcome instead


def read_dashboard_numbers(session: Session, now: datetime) -> LiveNumbers:
    summary = DashboardSummaryRepository(session)
    upcoming, inputs = summary.readiness_inputs(now)
    outlook = dashboard_outlook(session, now, inputs)
    numbers = DashboardNumbers(
        computed_at=now,
        next=upcoming,
        upcoming=tuple(summary.upcoming_stages(now)),
        readiness=readiness(inputs),
        outlook=outlook.plan,
        rehearsals=summary.due_rehearsals(now),
    )
    return LiveNumbers(data_version.version_in(session.connection()), numbers, outlook.empty)
