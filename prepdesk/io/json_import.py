"""Import a JSON export: validate everything, then write it all in one transaction.

Two modes. Into an empty database (nothing but the built-in content) the file
replaces the contents exactly, ids included. Merge matches each item with one
already there by its natural key (json_format.NATURAL_KEYS) and updates it, or
adds it under a new id; references are re-pointed to the matched ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, and_, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from prepdesk.io.json_format import NATURAL_KEYS, USER_TABLES, export_tables
from prepdesk.io.json_validate import ImportRefused, ValidatedExport, validate_export


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int


def read_export(path: Path) -> ValidatedExport:
    """Parse and validate `path`; ImportRefused (nothing written) on any problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused([f"{path}: cannot be read ({exc.strerror})"]) from exc
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ImportRefused([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from exc
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            [f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"]
        ) from exc
    return validate_export(document)


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
        return session.execute(insert(table).values(row)).inserted_primary_key
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
    id_maps: dict[str, dict[Any, Any]] = {}
    added = updated = 0
    for table in export_tables():
        pk = list(table.primary_key.columns)
        surrogate = len(pk) == 1 and pk[0].name == "id"
        mapping = id_maps.setdefault(table.name, {})
        for index, incoming in enumerate(data.rows[table.name]):
            where = f"{table.name}[{index}]"
            row = dict(incoming)
            for fk in table.foreign_keys:
                value = row.get(fk.parent.name)
                if value is not None:
                    row[fk.parent.name] = id_maps[fk.column.table.name][value]
            key_columns = _natural_key(table, row)
            match = and_(*(table.c[name].is_(row[name]) for name in key_columns))
            values = {k: v for k, v in row.items() if not (surrogate and k == "id")}
            existing = session.execute(select(*pk).where(match)).first()
            if existing is None:
                new_key = _insert(session, table, values, where)
                if surrogate:
                    mapping[incoming["id"]] = new_key[0]
                added += 1
            else:
                if surrogate:
                    mapping[incoming["id"]] = existing[0]
                changes = {k: v for k, v in values.items() if k not in key_columns}
                if changes:
                    try:
                        session.execute(update(table).where(match).values(changes))
                    except IntegrityError as exc:
                        raise ImportRefused(
                            [f"{where}: rejected by the database ({exc.orig})"]
                        ) from exc
                    updated += 1
    return ImportSummary(added=added, updated=updated)


def _natural_key(table: Table, row: dict[str, Any]) -> tuple[str, ...]:
    for alternative in NATURAL_KEYS.get(table.name, ()):
        if any(row.get(name) is not None for name in alternative):
            return alternative
    return tuple(c.name for c in table.columns if c.name != "id")


def import_file(session: Session, path: Path, *, merge: bool) -> ImportSummary:
    return import_export(session, read_export(path), merge=merge)
