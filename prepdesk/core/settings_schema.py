"""Every stored preference: its name, kind, range and default, written once.

Settings are stored as JSON text in the database (so they travel with export and
import). They are checked against these rules wherever they enter: a JSON import
refuses a bad one with its path, Preferences keeps to the ranges, and a bad value
read from the database falls back to its default (with a note) rather than crash.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from prepdesk.core.limits import date_in_range, date_range_text
from prepdesk.core.practice import DIFFICULTIES


def json_kind(value: Any) -> str:
    """What kind of JSON value this is, in words: for 'expected X, got Y' messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


@dataclass(frozen=True)
class Number:
    low: float
    high: float
    whole: bool = False

    def problem(self, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return (
                f"expected {'a whole number' if self.whole else 'a number'}, got {json_kind(value)}"
            )
        if self.whole and not isinstance(value, int):
            return f"expected a whole number, got {value}"
        if not math.isfinite(value) or not self.low <= value <= self.high:
            return f"{value} is outside {_shown(self.low)} to {_shown(self.high)}"
        return None


@dataclass(frozen=True)
class Flag:
    def problem(self, value: Any) -> str | None:
        return (
            None if isinstance(value, bool) else f"expected true or false, got {json_kind(value)}"
        )


@dataclass(frozen=True)
class OptionalDate:
    def problem(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            return f"expected a date as text (YYYY-MM-DD) or null, got {json_kind(value)}"
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return f"not a date (YYYY-MM-DD): {value!r}"
        return None if date_in_range(day) else f"{value!r} is outside {date_range_text()}"


@dataclass(frozen=True)
class NumberList:
    length: int
    item: Number

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, list) or len(value) != self.length:
            got = f"a list of {len(value)}" if isinstance(value, list) else json_kind(value)
            return f"expected a list of {self.length} numbers, got {got}"
        for index, item in enumerate(value):
            if (problem := self.item.problem(item)) is not None:
                return f"[{index}]: {problem}"
        return None


@dataclass(frozen=True)
class NumberMap:
    keys: tuple[str, ...]
    item: Number

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dict) or set(value) != set(self.keys):
            return f"expected an object with {', '.join(self.keys)}, got {json_kind(value)}"
        for key in self.keys:
            if (problem := self.item.problem(value[key])) is not None:
                return f".{key}: {problem}"
        return None


Rule = Number | Flag | OptionalDate | NumberList | NumberMap


@dataclass(frozen=True)
class Setting:
    rule: Rule
    default: Any


SETTINGS: dict[str, Setting] = {
    "desired_retention": Setting(Number(0.70, 0.97), 0.9),
    "daily_review_limit": Setting(Number(1, 500, whole=True), 50),
    # ISO date, used while no company stage is scheduled.
    "target_date": Setting(OptionalDate(), None),
    # Monday first.
    "hours_per_weekday": Setting(NumberList(7, Number(0, 16)), [2.0, 2.0, 2.0, 2.0, 2.0, 4.0, 4.0]),
    "target_minutes": Setting(
        NumberMap(DIFFICULTIES, Number(1, 240, whole=True)), {"easy": 15, "medium": 30, "hard": 45}
    ),
    "answer_seconds": Setting(Number(15, 900, whole=True), 120),
    # Backups while the app runs; those on quit and before an upgrade always happen.
    "auto_backup_enabled": Setting(Flag(), True),
    "auto_backup_interval_minutes": Setting(Number(5, 24 * 60, whole=True), 30),
    "reminders_enabled": Setting(Flag(), True),  # tray reminders while the app runs
}

DEFAULTS: dict[str, Any] = {name: setting.default for name, setting in SETTINGS.items()}


def number_rule(name: str) -> Number:
    """The range of a numeric setting (or of each item of a list or map setting)."""
    rule = SETTINGS[name].rule
    return rule.item if isinstance(rule, NumberList | NumberMap) else rule  # type: ignore[return-value]


def setting_problem(name: str, value: Any) -> str | None:
    """Why `value` can't be the setting `name`; None when it can (or the name is not ours)."""
    setting = SETTINGS.get(name)
    return None if setting is None else setting.rule.problem(value)


def stored_setting_problem(name: str, text: str) -> str | None:
    """The same, for the JSON text a setting is stored as."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return "not valid JSON text"
    return setting_problem(name, value)


def _shown(bound: float) -> str:
    return str(int(bound)) if float(bound).is_integer() else str(bound)
