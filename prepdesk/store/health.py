"""Read-only health check of a database file (the `prepdesk check` command)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from prepdesk.store.inspection import inspect_database
from prepdesk.store.migration import SchemaVersions
from prepdesk.store.snapshot import connect_read_only


def check_database(path: Path) -> list[str]:
    """Problems found, as sentences; empty when the file is a healthy prepdesk database.

    Raises DatabaseRefused for a file that is not ours or is from a newer prepdesk.
    """
    from prepdesk.store.errors import CorruptDatabase

    versions = SchemaVersions()
    try:
        inspect_database(path, versions.is_known)
    except CorruptDatabase as exc:
        return [exc.reason]
    problems: list[str] = []
    conn = connect_read_only(path)
    try:
        conn.execute("BEGIN")  # both checks read the same snapshot, even beside the window
        for (line,) in conn.execute("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(f"integrity: {line}")
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
    except sqlite3.DatabaseError as exc:
        problems.append(f"the database could not be read: {exc}")
    finally:
        conn.close()
    return problems
