"""SQLAlchemy engine for one SQLite file, with durable settings on every connection."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from prepdesk.store.read_only import connect_read_only, is_read_only, read_only_uri

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "configure_connection",
    "connect_read_only",
    "is_read_only",
    "make_engine",
    "read_only_uri",
]

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


def configure_connection(conn: sqlite3.Connection) -> None:
    """Pragmas every prepdesk connection runs with, from the app, the CLI or a test."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
