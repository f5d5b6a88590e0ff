"""Check a whole JSON export before anything is written: types, ranges, references, version.

Every problem is reported with its JSON path, e.g. `story[12].result: expected text,
got number`; the rows come back converted to Python values ready to insert.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Integer, String, Table, Text

from prepdesk.core.limits import (
    LARGEST_INTEGER,
    SMALLEST_INTEGER,
    date_in_range,
    date_range_text,
    first_non_unicode,
)
from prepdesk.core.settings_schema import json_kind, stored_setting_problem
from prepdesk.io.json_format import (
    ADDED_FIELDS,
    CHOICES,
    FORMAT_NAME,
    FORMAT_VERSION,
    RANGES,
    export_tables,
)
from prepdesk.store.errors import StoreError
from prepdesk.store.models import UTCDateTime

MAX_REPORTED = 20

Rows = dict[str, list[dict[str, Any]]]


class ImportRefused(StoreError):
    """The file was not imported; nothing was written. `problems` name each bad value."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        text = "nothing was imported:\n  " + "\n  ".join(shown)
        if more:
            text += f"\n  … and {more} more"
        super().__init__(text)


@dataclass(frozen=True)
class ValidatedExport:
    version: int
    rows: Rows  # table name -> rows with Python values, in file order


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def value(self, table: Table, column: Column[Any], value: Any, path: str) -> Any:
        """The Python value to store, or None after recording a problem."""
        if value is None:
            if not column.nullable:
                self.fail(path, "must not be null")
            return None
        kind = column.type
        converted: Any = None
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                self.fail(path, f"expected true or false, got {json_kind(value)}")
                return None
            converted = value
        elif isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(path, f"expected a whole number, got {json_kind(value)}")
                return None
            if not SMALLEST_INTEGER <= value <= LARGEST_INTEGER:
                self.fail(path, "the number is too large to store")
                return None
            converted = value
        elif isinstance(kind, Float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.fail(path, f"expected a number, got {json_kind(value)}")
                return None
            if not math.isfinite(value):
                self.fail(path, "expected a finite number")
                return None
            converted = float(value)
        elif isinstance(kind, UTCDateTime):
            converted = self._datetime(value, path)
        elif isinstance(kind, Date):
            converted = self._date(value, path)
        elif isinstance(kind, String | Text):
            if not isinstance(value, str):
                self.fail(path, f"expected text, got {json_kind(value)}")
                return None
            bad = first_non_unicode(value)
            if bad is not None:
                self.fail(path, f"text with an invalid character (lone surrogate) at {bad}")
                return None
            limit = getattr(kind, "length", None)
            if limit is not None and len(value) > limit:
                self.fail(path, f"text longer than {limit} characters ({len(value)})")
                return None
            converted = value
        else:  # pragma: no cover - a new column type needs a rule here
            raise TypeError(f"no import rule for {table.name}.{column.name} ({kind})")
        if converted is not None:
            self._range(table.name, column.name, converted, path)
        return converted

    def _datetime(self, value: Any, path: str) -> datetime | None:
        if not isinstance(value, str):
            self.fail(path, f"expected a date and time as text, got {json_kind(value)}")
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.fail(path, f"not a date and time: {value!r}")
            return None
        if parsed.tzinfo is None:
            self.fail(path, f"date and time without a time zone offset: {value!r}")
            return None
        if not date_in_range(parsed.date()):
            self.fail(path, f"{value!r} is outside {date_range_text()}")
            return None
        return parsed

    def _date(self, value: Any, path: str) -> date | None:
        if not isinstance(value, str):
            self.fail(path, f"expected a date as text, got {json_kind(value)}")
            return None
        try:
            day = date.fromisoformat(value)
        except ValueError:
            self.fail(path, f"not a date (YYYY-MM-DD): {value!r}")
            return None
        if not date_in_range(day):
            self.fail(path, f"{value!r} is outside {date_range_text()}")
            return None
        return day

    def _range(self, table: str, column: str, value: Any, path: str) -> None:
        bounds = RANGES.get((table, column))
        if bounds is not None:
            low, high = bounds
            if (low is not None and value < low) or (high is not None and value > high):
                shown = f"{low if low is not None else '…'} to {high if high is not None else '…'}"
                self.fail(path, f"{value} is outside {shown}")
        choices = CHOICES.get((table, column))
        if choices is not None and value not in choices:
            self.fail(path, f"{value!r} is not one of {', '.join(choices)}")


def validate_export(document: Any) -> ValidatedExport:
    """The whole document checked and converted, or ImportRefused listing every problem."""
    check = _Checker()
    if not isinstance(document, dict):
        raise ImportRefused([f"(top level): expected an object, got {json_kind(document)}"])
    if document.get("format") != FORMAT_NAME:
        raise ImportRefused([f"format: expected {FORMAT_NAME!r}, got {document.get('format')!r}"])
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportRefused([f"version: expected a whole number, got {version!r}"])
    if version > FORMAT_VERSION:
        raise ImportRefused(
            [f"version: the file is format {version}; this prepdesk reads up to {FORMAT_VERSION}"]
        )
    tables = {t.name: t for t in export_tables()}
    for key in document:
        if key not in tables and key not in ("format", "version"):
            check.fail(key, "unknown section")
    rows: Rows = {}
    ids: dict[str, set[Any]] = {}
    for name, table in tables.items():
        raw = document.get(name, [])
        if not isinstance(raw, list):
            check.fail(name, f"expected a list, got {json_kind(raw)}")
            raw = []
        rows[name] = _table_rows(check, table, raw)
        if name == "setting":
            _check_settings(check, rows[name])
        ids[name] = {row.get(c.name) for row in rows[name] for c in table.primary_key.columns}
    _check_references(check, tables, rows, ids)
    if check.problems:
        raise ImportRefused(check.problems)
    return ValidatedExport(version, rows)


def _table_rows(check: _Checker, table: Table, raw: list[Any]) -> list[dict[str, Any]]:
    columns = {c.name: c for c in table.columns}
    keys_seen: set[tuple[Any, ...]] = set()
    result = []
    for index, item in enumerate(raw):
        where = f"{table.name}[{index}]"
        if not isinstance(item, dict):
            check.fail(where, f"expected an object, got {json_kind(item)}")
            continue
        row: dict[str, Any] = {}
        for field in item:
            if field not in columns:
                check.fail(f"{where}.{field}", "unknown field")
        for name, column in columns.items():
            if name not in item:
                if (table.name, name) in ADDED_FIELDS:
                    row[name] = None  # written before the field existed
                else:
                    check.fail(f"{where}.{name}", "missing")
                continue
            row[name] = check.value(table, column, item[name], f"{where}.{name}")
        key = tuple(row.get(c.name) for c in table.primary_key.columns)
        if key in keys_seen:
            check.fail(where, f"the same key {key} appears twice")
        keys_seen.add(key)
        result.append(row)
    return result


def _check_settings(check: _Checker, rows: list[dict[str, Any]]) -> None:
    """A preference is checked against its rule before it can reach the app."""
    for index, row in enumerate(rows):
        key, text = row.get("key"), row.get("value")
        if isinstance(key, str) and isinstance(text, str):
            problem = stored_setting_problem(key, text)
            if problem is not None:
                check.fail(f"setting[{index}].value", f"{key}: {problem}")


def _check_references(
    check: _Checker, tables: dict[str, Table], rows: Rows, ids: dict[str, set[Any]]
) -> None:
    """Every reference must point to a row of the same file (the file is self-contained)."""
    for name, table in tables.items():
        for fk in table.foreign_keys:
            target = fk.column.table.name
            column = fk.parent.name
            for index, row in enumerate(rows[name]):
                value = row.get(column)
                if value is not None and value not in ids[target]:
                    check.fail(
                        f"{name}[{index}].{column}", f"refers to {target} {value}, not in the file"
                    )
