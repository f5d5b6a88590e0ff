"""User preferences stored in the database, so they travel with export and import."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.limits import (
    DEFAULT_DAILY_NEW_LIMIT,
    DEFAULT_DAILY_REVIEW_LIMIT,
    DEFAULT_RETENTION,
)
from prepdesk.store.models import Setting

# Defaults live here, once; every reader asks the repository.
DEFAULTS: dict[str, Any] = {
    "desired_retention": DEFAULT_RETENTION,
    "daily_review_limit": DEFAULT_DAILY_REVIEW_LIMIT,
    "daily_new_limit": DEFAULT_DAILY_NEW_LIMIT,  # never-studied topics started per day
    "target_date": None,  # ISO date, used while no company stage is scheduled
    "hours_per_weekday": [2.0, 2.0, 2.0, 2.0, 2.0, 4.0, 4.0],  # Monday first
    "target_minutes": None,  # older single coding targets; see core.coding_targets
    "coding_targets": {},  # platform -> difficulty -> minutes, over the core defaults
    "answer_seconds": 120,
    # Backups while the app runs (ui/backup_scheduler.py); those on quit and before a
    # schema upgrade always happen, and backup_policy's rotation decides what is kept.
    "auto_backup_enabled": True,
    "auto_backup_interval_minutes": 30,
    "reminders_enabled": True,  # tray reminders while the app runs
    "first_run_completed": False,  # the plan-sizing first run (ui/first_run)
    "role_profile": None,  # key of the role profile last applied
}


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self._session.get(Setting, key)
        if row is None:
            return DEFAULTS.get(key, default)
        return json.loads(row.value)

    def set(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, sort_keys=True)
        row = self._session.get(Setting, key)
        if row is None:
            self._session.add(Setting(key=key, value=encoded))
        else:
            row.value = encoded

    def all(self) -> dict[str, Any]:
        stored = {row.key: json.loads(row.value) for row in self._session.scalars(select(Setting))}
        return {**DEFAULTS, **stored}
