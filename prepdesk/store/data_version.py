"""The data's version: a number in the database file's header that every write changes.

Every transaction that writes something (store/database.py), every migration and the
first open after an upgrade set `PRAGMA user_version` to a fresh random 31-bit value,
in the same transaction as the write, so the number names one state of the data: a
restored backup carries the version of the moment it was taken, a copy of the file
carries its own, and nothing reaches the data without changing it. 0 means unknown
(a file no prepdesk with versions has written yet) and never matches anything.

Read with the standard library alone, read-only, so the start-up shell can tell
whether the numbers it kept are still right before SQLAlchemy is imported.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from prepdesk.store.read_only import connect_read_only

if TYPE_CHECKING:
    from sqlalchemy import Connection

UNKNOWN = 0


def fresh_version() -> int:
    """A new random version, never UNKNOWN (31 bits: a positive SQLite integer)."""
    return 1 + secrets.randbelow(2**31 - 1)


def stamp(connection: Connection) -> int:
    """Give the data a new version inside the open transaction of `connection`."""
    version = fresh_version()
    connection.exec_driver_sql(f"PRAGMA user_version = {version}")
    return version


def version_in(connection: Connection) -> int:
    """The version as seen by the open transaction of `connection` (consistent with its reads)."""
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar() or UNKNOWN)


def version_of(path: Path) -> int:
    """The version of the database file at `path`; UNKNOWN when it can't be read."""
    if not Path(path).is_file():
        return UNKNOWN
    try:
        conn = connect_read_only(path)
    except (sqlite3.Error, OSError):
        return UNKNOWN
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return UNKNOWN
    finally:
        conn.close()
