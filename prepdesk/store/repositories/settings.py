"""User preferences stored in the database, so they travel with export and import.

Names, kinds, ranges and defaults are core.settings_schema's. A stored value that
breaks its rule (an old or hand-edited file) reads as its default and is listed by
`problems()`, so the window can say so; it never reaches the rest of the app.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.settings_schema import DEFAULTS, setting_problem
from prepdesk.store.models import Setting

__all__ = ["DEFAULTS", "SettingsRepository"]

_BAD = object()


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self._session.get(Setting, key)
        value = _BAD if row is None else _decoded(key, row.value)
        return DEFAULTS.get(key, default) if value is _BAD else value

    def set(self, key: str, value: Any) -> None:
        problem = setting_problem(key, value)
        if problem is not None:
            raise ValueError(f"setting {key}: {problem}")
        encoded = json.dumps(value, sort_keys=True)
        row = self._session.get(Setting, key)
        if row is None:
            self._session.add(Setting(key=key, value=encoded))
        else:
            row.value = encoded

    def all(self) -> dict[str, Any]:
        stored = {
            row.key: _decoded(row.key, row.value) for row in self._session.scalars(select(Setting))
        }
        return {**DEFAULTS, **{k: v for k, v in stored.items() if v is not _BAD}}

    def problems(self) -> list[str]:
        """Stored settings that break their rule and are read as their default instead."""
        found = []
        for row in self._session.scalars(select(Setting).order_by(Setting.key)):
            if _decoded(row.key, row.value) is _BAD:
                found.append(f"{row.key} (using the default, {json.dumps(DEFAULTS.get(row.key))})")
        return found


def _decoded(key: str, text: str) -> Any:
    """The stored value, or _BAD when it is not JSON or breaks the setting's rule."""
    try:
        value = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return _BAD
    return _BAD if setting_problem(key, value) is not None else value
