"""Look at a database file before touching it, without changing a byte of it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from prepdesk.store.engine import APPLICATION_ID, connect_read_only
from prepdesk.store.errors import CorruptDatabase, NewerDatabase, NotAPrepdeskDatabase
from prepdesk.store.paths import DataPaths

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_MIN_SIZE = 512  # the smallest page: anything shorter was cut short


def inspect_database(path: Path, is_known_revision: Callable[[str], bool]) -> str | None:
    """Return the schema revision of the prepdesk database at `path`.

    None means there is nothing to keep yet (no file, or an SQLite database without
    tables). Anything prepdesk must not open raises a DatabaseRefused subclass; the
    file is only ever opened read-only here.

    Empty is never fresh: prepdesk never leaves a zero-byte database, so one is damaged
    (and goes to the restore / move-aside choice), as is a file cut short or whose
    header was overwritten in a folder that holds prepdesk backups.
    """
    if not path.exists():
        return None
    size = path.stat().st_size
    if size == 0:
        raise CorruptDatabase(
            path, "the database file is empty (0 bytes): the data that was in it is gone"
        )
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        if size < SQLITE_MIN_SIZE or DataPaths(path.parent).has_backups():
            raise CorruptDatabase(
                path, f"the start of the database file is damaged or cut short ({size} bytes)"
            )
        raise NotAPrepdeskDatabase(path, "this file is not an SQLite database")
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        reason = f"the database is damaged: it could not be opened ({exc})"
        raise CorruptDatabase(path, reason) from exc
    try:
        return _read_revision(conn, path, is_known_revision)
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabase(path, f"the database is damaged ({exc})") from exc
    finally:
        conn.close()


def _read_revision(
    conn: sqlite3.Connection, path: Path, is_known_revision: Callable[[str], bool]
) -> str | None:
    problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        shown = "; ".join(problems[:3])
        raise CorruptDatabase(path, f"the database failed its integrity check: {shown}")
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id not in (0, APPLICATION_ID):
        raise NotAPrepdeskDatabase(
            path, f"this SQLite database belongs to another program (application id {app_id:#x})"
        )
    if "alembic_version" not in tables:
        if not tables:
            return None
        raise NotAPrepdeskDatabase(path, "this SQLite database was not made by prepdesk")
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        return None
    revision = str(row[0])
    if not is_known_revision(revision):
        raise NewerDatabase(
            path,
            f"this database was written by a newer version of prepdesk (schema {revision}); "
            "update prepdesk to open it",
        )
    return revision
