"""Import a JSON export: validate everything, then write it all in one transaction.

Two modes. Into an empty database (nothing but the built-in content) the file
replaces the contents exactly, ids included. Merge matches each item with one
already there by its natural key (json_format.NATURAL_KEYS) and updates it, or
adds it under a new id; references are re-pointed to the matched ids.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, Table, and_, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from prepdesk.io.json_format import NATURAL_KEYS, USER_TABLES, export_tables
from prepdesk.io.json_validate import ImportRefused, ValidatedExport, validate_export


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    unchanged: int = 0
    # Items whose merge key was not unique (in the file or the database): added, not merged.
    unmatched: tuple[str, ...] = ()

    def describe(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged."
        if self.unmatched:
            shown = ", ".join(self.unmatched[:5])
            more = f" and {len(self.unmatched) - 5} more" if len(self.unmatched) > 5 else ""
            text += (
                f" {len(self.unmatched)} could not be matched safely (their key is not unique)"
                f" and were added as new: {shown}{more}."
            )
        return text


def read_export(path: Path) -> ValidatedExport:
    """Parse and validate `path`; ImportRefused (nothing written) on any problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused([f"{path}: cannot be read ({exc.strerror})"]) from exc
    try:
        document = json.loads(raw.decode("utf-8"), object_pairs_hook=_object_without_twins)
    except UnicodeDecodeError as exc:
        raise ImportRefused([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from exc
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            [f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"]
        ) from exc
    except RecursionError:
        raise ImportRefused([f"{path}: nested too deeply to be a prepdesk export"]) from None
    except ValueError as exc:  # a number with thousands of digits, a key given twice
        reason = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise ImportRefused([f"{path}: {reason}"]) from None
    return validate_export(document)


def _object_without_twins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a key given twice would silently drop a value, so it is refused."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def holds_user_data(session: Session) -> bool:
    tables = {t.name: t for t in export_tables()}
    return any(
        session.scalar(select(func.count()).select_from(tables[name])) for name in USER_TABLES
    )


def import_export(session: Session, data: ValidatedExport, *, merge: bool) -> ImportSummary:
    """Write `data` in the caller's transaction; raises ImportRefused and writes nothing."""
    # References are checked at commit, so rows may arrive in any order within a table.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    if merge:
        return _merge(session, data)
    if holds_user_data(session):
        raise ImportRefused(
            [
                "(database): it already holds your data; import with merge to add the file "
                "to it, or import into a new data folder"
            ]
        )
    return _replace(session, data)


def _insert(session: Session, table: Table, row: dict[str, Any], where: str) -> Any:
    try:
        result: CursorResult[Any] = session.execute(insert(table).values(row))  # type: ignore[assignment]
        return result.inserted_primary_key
    except IntegrityError as exc:
        raise ImportRefused([f"{where}: rejected by the database ({exc.orig})"]) from exc


def _replace(session: Session, data: ValidatedExport) -> ImportSummary:
    tables = export_tables()
    for table in reversed(tables):
        session.execute(delete(table))
    added = 0
    for table in tables:
        for index, row in enumerate(data.rows[table.name]):
            _insert(session, table, row, f"{table.name}[{index}]")
            added += 1
    return ImportSummary(added=added, updated=0)


def _merge(session: Session, data: ValidatedExport) -> ImportSummary:
    """Match, update or add each row; never collapse two items into one.

    A row is matched only when its natural key picks exactly one row of the file and
    exactly one of the database; otherwise it is added (and reported). A matched row
    whose values are all equal is left alone, so a merge that changes nothing writes
    nothing.
    """
    id_maps: dict[str, dict[Any, Any]] = {}
    added = updated = unchanged = 0
    unmatched: list[str] = []
    for table in export_tables():
        pk = list(table.primary_key.columns)
        surrogate = len(pk) == 1 and pk[0].name == "id"
        mapping = id_maps.setdefault(table.name, {})
        claimed: set[Any] = set()  # database rows already matched by a row of the file
        rows = [_repointed(table, incoming, id_maps) for incoming in data.rows[table.name]]
        keys = [_natural_key(table, row) for row in rows]
        in_file = Counter(_key_values(row, key) for row, key in zip(rows, keys, strict=True))
        for index, (row, key_columns) in enumerate(zip(rows, keys, strict=True)):
            where = f"{table.name}[{index}]"
            values = {k: v for k, v in row.items() if not (surrogate and k == "id")}
            match = and_(*(table.c[name].is_(row[name]) for name in key_columns))
            found = session.execute(select(*table.columns).where(match).limit(2)).all()
            existing: Mapping[Any, Any] | None = found[0]._mapping if found else None
            if surrogate and (len(found) > 1 or in_file[_key_values(row, key_columns)] > 1):
                # The key can't tell these items apart: only an identical row is the same item.
                same = and_(*(table.c[k].is_(v) for k, v in values.items()))
                twins = session.scalars(select(table.c.id).where(same)).all()
                twin = next((i for i in twins if i not in claimed), None)
                if twin is None:
                    if found:
                        unmatched.append(where)
                    existing = None
                else:
                    existing = {"id": twin, **values}
            if existing is None:
                new_key = _insert(session, table, values, where)
                if surrogate:
                    mapping[row["id"]] = new_key[0]
                    claimed.add(new_key[0])
                added += 1
                continue
            if surrogate:
                mapping[row["id"]] = existing["id"]
                claimed.add(existing["id"])
            changes = {
                k: v
                for k, v in values.items()
                if k not in key_columns and not _same(existing[k], v)
            }
            if not changes:
                unchanged += 1
                continue
            target = table.c.id == existing["id"] if surrogate else match
            try:
                session.execute(update(table).where(target).values(changes))
            except IntegrityError as exc:
                raise ImportRefused([f"{where}: rejected by the database ({exc.orig})"]) from exc
            updated += 1
    return ImportSummary(added, updated, unchanged, tuple(unmatched))


def _repointed(
    table: Table, incoming: dict[str, Any], id_maps: dict[str, dict[Any, Any]]
) -> dict[str, Any]:
    """The row with its references moved to the ids they got in this database."""
    row = dict(incoming)
    for fk in table.foreign_keys:
        value = row.get(fk.parent.name)
        if value is not None:
            row[fk.parent.name] = id_maps[fk.column.table.name][value]
    return row


def _key_values(row: dict[str, Any], key_columns: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple((name, row[name]) for name in key_columns)


def _same(stored: Any, incoming: Any) -> bool:
    """Equal as stored: a time is the same instant in any offset; 2 and 2.0 are equal."""
    if isinstance(stored, datetime) and isinstance(incoming, datetime):
        return stored.timestamp() == incoming.timestamp()
    return bool(stored == incoming)


def _natural_key(table: Table, row: dict[str, Any]) -> tuple[str, ...]:
    for alternative in NATURAL_KEYS.get(table.name, ()):
        if any(row.get(name) is not None for name in alternative):
            return alternative
    return tuple(c.name for c in table.columns if c.name != "id")


def import_file(session: Session, path: Path, *, merge: bool) -> ImportSummary:
    return import_export(session, read_export(path), merge=merge)
