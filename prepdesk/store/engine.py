"""SQLAlchemy engine for one SQLite file, with durable settings on every connection."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

# "prep" in ASCII: lets `file` and prepdesk itself recognise our databases.
APPLICATION_ID = 0x70726570
BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path, *, echo: bool = False) -> Engine:
    """An engine whose transactions are real SQLite transactions.

    Python's sqlite3 module opens transactions lazily and not before DDL, so a
    failing migration could leave half a schema. We switch its handling off and
    emit BEGIN ourselves (the recipe from SQLAlchemy's SQLite dialect docs).
    """
    # URL.create, never a formatted string: '#', '?' and '%' are ordinary in a folder name.
    engine = create_engine(URL.create("sqlite", database=str(path)), echo=echo)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        configure_connection(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """The SQLite URI that opens `path` read-only, whatever characters the path holds.

    Path.as_uri() percent-encodes every character a URI gives a meaning to (space, '#',
    '?', '%', '&', '='), so SQLite reads exactly this file and takes no options from it.
    """
    return f"{Path(path).absolute().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def connect_read_only(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection to `path`: it never creates the file or changes a byte.

    A database in WAL mode needs its -shm file even to be read; on a read-only file or
    folder that can't be made, so a file with no pending -wal is then read as immutable
    (exactly what is on the disk), and a healthy read-only file is not taken for damaged.
    """
    path = Path(path)
    conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=check_same_thread)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if not is_read_only(path) or _pending_wal(path):
            raise
    return sqlite3.connect(
        read_only_uri(path, immutable=True), uri=True, check_same_thread=check_same_thread
    )


def is_read_only(path: Path) -> bool:
    """The database file, or the folder its -wal and -shm live in, can't be written."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _pending_wal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def configure_connection(conn: sqlite3.Connection) -> None:
    """Pragmas every prepdesk connection runs with, from the app, the CLI or a test."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
