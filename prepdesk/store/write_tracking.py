"""Which tables a transaction wrote, read from the SQL it sent.

Every INSERT, UPDATE and DELETE goes through the engine, whether it came from the
ORM, from Core or from a bulk insert, so the engine sees them all; a caller cannot
forget or mislabel a kind of data. Rows that SQLite itself deletes or unlinks through
ON DELETE CASCADE / SET NULL never reach the engine, so a delete also counts every
table that refers to the deleted one.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session

from prepdesk.store.changes import Change, changes_for_tables

_KEY = "prepdesk.written_tables"
_WRITE = re.compile(
    r"""^\s*(?:(INSERT|REPLACE)(?:\s+OR\s+\w+)?\s+INTO|(UPDATE)(?:\s+OR\s+\w+)?|(DELETE)\s+FROM)
        \s+["`\[]?(\w+)""",
    re.IGNORECASE | re.VERBOSE,
)


def install(engine: Engine) -> None:
    """Record the tables written on `engine` while a `tracking` block is open."""

    @event.listens_for(engine, "before_cursor_execute")
    def _record(
        conn: Connection,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        _context: Any,
        _executemany: bool,
    ) -> None:
        written: set[str] | None = conn.info.get(_KEY)
        if written is None:
            return
        match = _WRITE.match(statement)
        if match is None:
            return
        table = match.group(4)
        written.add(table)
        if match.group(3):  # DELETE: what SQLite removes or unlinks along with it
            written.update(dependents(table))


@contextlib.contextmanager
def tracking(session: Session) -> Iterator[set[str]]:
    """The set of tables this session's transaction writes, filled as it goes."""
    connection = session.connection()
    written: set[str] = set()
    connection.info[_KEY] = written
    session.info[_KEY] = written
    try:
        yield written
    finally:
        connection.info.pop(_KEY, None)


def written_tables(session: Session) -> frozenset[str]:
    return frozenset(session.info.get(_KEY, ()))


def written_changes(session: Session) -> Change:
    """The kinds of data the (finished) transaction of `session` changed."""
    return changes_for_tables(written_tables(session))


@functools.cache
def dependents(table: str) -> frozenset[str]:
    """Tables whose rows a DELETE on `table` may delete or unlink (transitively)."""
    from prepdesk.store.models import Base

    referring: dict[str, set[str]] = {}
    for child_table in Base.metadata.tables.values():
        for fk in child_table.foreign_keys:
            if fk.ondelete and fk.ondelete.upper() in ("CASCADE", "SET NULL"):
                referring.setdefault(fk.column.table.name, set()).add(child_table.name)
    found: set[str] = set()
    todo = [table]
    while todo:
        for child in referring.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return frozenset(found)
