"""Undoable deletes: everything a delete takes away, kept so that it can be put back.

Deleting a row makes SQLite remove the rows that refer to it through ON DELETE CASCADE
(transitively) and unlink those that refer to it through ON DELETE SET NULL. Both are
read from the foreign keys of `Base.metadata`, so a new table is covered without code
here. `delete_recorded` reads all of them, runs the delete in the same transaction and
returns a `Deletion`; `restore` re-inserts every removed row with its original ids and
re-links the unlinked ones, in the caller's (single) transaction. The search index
follows by its triggers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, ForeignKey, Table, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from prepdesk.store.errors import StoreError
from prepdesk.store.models import Base

Row = dict[str, Any]
RowKey = tuple[Any, ...]

_CHUNK = 400  # keys per IN (...): well under SQLite's limit on bound parameters


class RestoreRefused(StoreError, ValueError):
    """What was deleted cannot come back as it was; nothing was written.

    A ValueError too: like refused input, `Operations.write` hands it to the caller
    as it is, which tells the person (it is not a failure of the disk or the file).
    """


@dataclass(frozen=True)
class Unlinked:
    """A row that survived the delete but lost its reference(s) to a deleted row."""

    table: str
    key: RowKey
    links: frozenset[str]  # the columns the delete set to NULL
    before: Row  # the whole row before the delete
    after: Row  # ... and after it (the ORM may also have touched, say, updated_at)


@dataclass(frozen=True)
class Deletion:
    """One delete: the row asked for, every row removed with it, every row unlinked."""

    table: str
    key: RowKey
    removed: Mapping[str, tuple[Row, ...]]  # table name -> rows, the asked-for row included
    unlinked: tuple[Unlinked, ...]

    @property
    def row(self) -> Row:
        """The row that was asked to be deleted, as it was."""
        table = Base.metadata.tables[self.table]
        return next(r for r in self.removed[self.table] if _key(table, r) == self.key)

    def counts(self) -> dict[str, int]:
        """Rows removed per table, the asked-for row not counted."""
        counts = {name: len(rows) for name, rows in self.removed.items()}
        counts[self.table] -= 1
        return {name: n for name, n in counts.items() if n}

    def unlinked_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in self.unlinked:
            counts[row.table] = counts.get(row.table, 0) + 1
        return counts


def delete_recorded(
    session: Session, table_name: str, key: Any, delete: Callable[[Session], object]
) -> Deletion | None:
    """Runs `delete` (a repository's delete of that row) and returns what it took away.

    None when `delete` left the row in place (it had nothing to delete). Raises
    LookupError when the row does not exist.
    """
    table = Base.metadata.tables[table_name]
    row_key = key if isinstance(key, tuple) else (key,)
    session.flush()
    root = _rows(session, table, [row_key])
    if not root:
        raise LookupError(f"{table_name.replace('_', ' ')} {row_key[0]} does not exist")
    removed, unlinked = _linked_rows(session, table, root)
    delete(session)
    session.flush()
    if _rows(session, table, [row_key]):
        return None
    after = {
        (name, _key(Base.metadata.tables[name], row)): row
        for name, keys in _group(unlinked).items()
        for row in _rows(session, Base.metadata.tables[name], keys)
    }
    return Deletion(
        table=table_name,
        key=row_key,
        removed={name: tuple(rows.values()) for name, rows in removed.items()},
        unlinked=tuple(
            Unlinked(name, k, frozenset(links), before, after[(name, k)])
            for (name, k), (links, before) in unlinked.items()
            if (name, k) in after
        ),
    )


def restore(session: Session, deletion: Deletion) -> None:
    """Puts back everything `deletion` took away, with its ids; RestoreRefused if it can't.

    Rows come back in dependency order, then the unlinked rows are linked again, unless
    the person has linked them elsewhere since. Refuses (writing nothing) when an id was
    used again by a row added since, or when a row it belonged to is gone.
    """
    session.flush()
    tables = [t for t in Base.metadata.sorted_tables if deletion.removed.get(t.name)]
    for table in tables:
        _refuse_reused_ids(session, table, deletion)
        _refuse_missing_parents(session, table, deletion)
    # Rows of one table may refer to each other (a topic's parent): checked at commit.
    session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table in tables:
        try:
            session.execute(insert(table), [dict(row) for row in deletion.removed[table.name]])
        except IntegrityError as exc:  # UNIQUE: something added since has the same name
            raise RestoreRefused(_taken_place(table, exc)) from exc
    for row in deletion.unlinked:
        _link_again(session, row)


# --- reading -------------------------------------------------------------------------


def _linked_rows(
    session: Session, root_table: Table, root: list[Row]
) -> tuple[dict[str, dict[RowKey, Row]], dict[tuple[str, RowKey], tuple[set[str], Row]]]:
    """Rows the delete of `root` removes (by table and key) and rows it unlinks."""
    removed: dict[str, dict[RowKey, Row]] = {root_table.name: {_key(root_table, root[0]): root[0]}}
    unlinked: dict[tuple[str, RowKey], tuple[set[str], Row]] = {}
    todo: list[tuple[Table, list[Row]]] = [(root_table, root)]
    while todo:
        parent, parent_rows = todo.pop()
        for child, fk in _referring(parent.name):
            values = {row[fk.column.name] for row in parent_rows} - {None}
            action = (fk.ondelete or "").upper()
            if not values or action not in ("CASCADE", "SET NULL"):
                continue  # NO ACTION / RESTRICT: the delete itself fails if referred to
            found = _select_in(session, child, fk.parent.name, values)
            if action == "CASCADE":
                known = removed.setdefault(child.name, {})
                new = [row for row in found if _key(child, row) not in known]
                known.update((_key(child, row), row) for row in new)
                if new:
                    todo.append((child, new))
            else:
                for row in found:
                    links, _ = unlinked.setdefault((child.name, _key(child, row)), (set(), row))
                    links.add(fk.parent.name)
    gone = {(name, key) for name, rows in removed.items() for key in rows}
    return removed, {place: v for place, v in unlinked.items() if place not in gone}


def _referring(table_name: str) -> list[tuple[Table, ForeignKey]]:
    """Every (table, foreign key) that refers to `table_name`."""
    return [
        (child, fk)
        for child in Base.metadata.sorted_tables
        for fk in sorted(child.foreign_keys, key=lambda fk: fk.parent.name)
        if fk.column.table.name == table_name
    ]


def _key(table: Table, row: Mapping[str, Any]) -> RowKey:
    return tuple(row[column.name] for column in table.primary_key.columns)


def _key_matches(table: Table, keys: Sequence[RowKey]) -> ColumnElement[bool]:
    columns = list(table.primary_key.columns)
    if len(columns) == 1:
        return columns[0].in_([key[0] for key in keys])
    return or_(*(and_(*(c == v for c, v in zip(columns, key, strict=True))) for key in keys))


def _rows(session: Session, table: Table, keys: Sequence[RowKey]) -> list[Row]:
    found: list[Row] = []
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        result = session.execute(select(table).where(_key_matches(table, chunk)))
        found += [dict(row) for row in result.mappings()]
    return found


def _select_in(session: Session, table: Table, column: str, values: Iterable[Any]) -> list[Row]:
    wanted = sorted(values)
    found: list[Row] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        result = session.execute(select(table).where(table.c[column].in_(chunk)))
        found += [dict(row) for row in result.mappings()]
    return found


def _group(places: Iterable[tuple[str, RowKey]]) -> dict[str, list[RowKey]]:
    grouped: dict[str, list[RowKey]] = {}
    for name, key in places:
        grouped.setdefault(name, []).append(key)
    return grouped


# --- writing back ----------------------------------------------------------------------


def _what(table: Table, row: Mapping[str, Any]) -> str:
    key = _key(table, row)
    return f"{table.name.replace('_', ' ')} {key[0] if len(key) == 1 else key}"


def _refuse_reused_ids(session: Session, table: Table, deletion: Deletion) -> None:
    rows = deletion.removed[table.name]
    taken = _rows(session, table, [_key(table, row) for row in rows])
    if taken:
        raise RestoreRefused(
            f"{_what(table, taken[0])} was used again by something added since the delete, "
            "so what was deleted cannot come back with its own ids"
        )


def _refuse_missing_parents(session: Session, table: Table, deletion: Deletion) -> None:
    """Each row refers only to rows that come back with it or still exist."""
    for fk in table.foreign_keys:
        parent = fk.column.table
        coming_back = {row[fk.column.name] for row in deletion.removed.get(parent.name, ())}
        wanted = {row[fk.parent.name] for row in deletion.removed[table.name]}
        wanted -= coming_back | {None}
        if not wanted:
            continue
        present = {
            row[fk.column.name] for row in _select_in(session, parent, fk.column.name, wanted)
        }
        missing = wanted - present
        if missing:
            raise RestoreRefused(
                f"the {parent.name.replace('_', ' ')} {min(missing)} that "
                f"{table.name.replace('_', ' ')} rows belonged to was deleted since"
            )


def _taken_place(table: Table, exc: IntegrityError) -> str:
    """Says in words what SQLite's "UNIQUE constraint failed: problem.title" means."""
    detail = str(exc.orig).partition(":")[2]
    columns = [part.strip().rpartition(".")[2] for part in detail.split(",") if part.strip()]
    same = " and ".join(column.replace("_", " ") for column in columns) or "values"
    return f"a {table.name.replace('_', ' ')} added since has the same {same}"


def _link_again(session: Session, row: Unlinked) -> None:
    """Re-links `row`, and undoes what the delete changed in it, unless edited since."""
    table = Base.metadata.tables[row.table]
    current = _rows(session, table, [row.key])
    if not current:
        return  # deleted since: nothing to link
    now = current[0]
    values: dict[str, Any] = {}
    for column, before in row.before.items():
        if column in row.links:
            if now[column] is None:
                values[column] = before
        elif now[column] == row.after[column] != before:
            values[column] = before  # the delete's side effect (an updated_at), untouched
    if not values:
        return
    for stamped in table.columns:
        if stamped.onupdate is not None and stamped.name not in values:
            values[stamped.name] = stamped  # as it is: no "updated now" for a re-link
    session.execute(update(table).where(_key_matches(table, [row.key])).values(values))
