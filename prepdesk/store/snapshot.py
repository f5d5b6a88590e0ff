"""A read-only view of a data folder: one consistent snapshot, no lock, no write.

Commands that only read (export, brief, calendar, check) use this while the window
may have the database open: the connection is opened `mode=ro`, so it can never
write, and each `transaction()` is one SQLite read transaction, so everything read
in it comes from the same moment even while the window commits.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from prepdesk.store.engine import BUSY_TIMEOUT_MS
from prepdesk.store.engine import connect_read_only as engine_connect_read_only
from prepdesk.store.errors import DatabaseRefused, StoreError
from prepdesk.store.inspection import inspect_database
from prepdesk.store.migration import SchemaVersions
from prepdesk.store.paths import DataPaths


class NothingToRead(StoreError):
    """The data folder holds no database (yet)."""


def connect_read_only(path: Path) -> sqlite3.Connection:
    """store/engine.py's read-only connection (quoted URI, read-only folders), for a pool."""
    conn = engine_connect_read_only(path, check_same_thread=False)
    conn.isolation_level = None  # we emit BEGIN ourselves, as the writing engine does
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


class ReadOnlyDatabase:
    """Duck-types the reading half of store.database.Database (paths, transaction, close)."""

    def __init__(self, paths: DataPaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, paths: DataPaths, *, versions: SchemaVersions | None = None) -> ReadOnlyDatabase:
        """Open the folder's database for reading; NothingToRead or DatabaseRefused if unfit."""
        versions = versions or SchemaVersions()
        database = paths.database
        if not paths.root.is_dir():
            raise NothingToRead(f"{paths.root}: no such data folder")
        if database.exists() and not database.is_file():
            raise NothingToRead(f"{database}: this is a folder, not a database file")
        if not database.is_file():
            raise NothingToRead(f"{paths.root}: no database here yet, nothing to read")
        revision = inspect_database(database, versions.is_known)
        if revision is None:
            raise NothingToRead(f"{database}: the database is empty, nothing to read")
        if revision != versions.head:
            raise DatabaseRefused(
                database,
                "this database is from an older prepdesk; open prepdesk (or run a command "
                "that writes) once to upgrade it, then read it",
            )
        engine = create_engine(
            # The URL only names the file (exports protect its folder); creator connects.
            URL.create("sqlite", database=str(database)),
            creator=lambda: connect_read_only(database),
            poolclass=NullPool,
        )

        @event.listens_for(engine, "begin")
        def _on_begin(conn: object) -> None:
            conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

        return cls(paths, engine)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One read transaction: every query in it sees the same committed state."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
