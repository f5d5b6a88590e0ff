"""Keep the dashboard's numbers of a data folder the way the dashboard does, for tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from prepdesk.store import data_version
from prepdesk.store.database import Database
from prepdesk.store.numbers_snapshot import save_snapshot
from prepdesk.store.repositories.dashboard_numbers import read_dashboard_numbers
from prepdesk.ui.today_panel import read_today


def keep_numbers_of(db: Database, now: datetime) -> int:
    """Read the numbers and Today in one transaction and keep them; their data version."""
    with db.transaction() as session:
        live = read_dashboard_numbers(session, now)
        today = read_today(session, now)
    assert live.version == today.version != data_version.UNKNOWN
    assert save_snapshot(db.paths, live.version, replace(live.numbers, today=today.numbers()))
    return live.version
