"""Open a prepdesk data folder safely: inspect, back up, migrate, seed; then hand out sessions."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from prepdesk.store import data_version, write_tracking
from prepdesk.store.atomic_write import explain_write_error
from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.engine import is_read_only, make_engine
from prepdesk.store.errors import DatabaseIsReadOnly, DiskFull
from prepdesk.store.inspection import inspect_database
from prepdesk.store.migration import SchemaVersions
from prepdesk.store.paths import DataPaths
from prepdesk.store.seed import seed_builtin_content, seeded_now


class Database:
    """The open database of one data folder. Every write goes through `transaction()`."""

    def __init__(self, paths: DataPaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        write_tracking.install(engine)

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        seed: bool = True,
        versions: SchemaVersions | None = None,
    ) -> Database:
        """Open (creating if needed) the database; raises DatabaseRefused or MigrationFailed.

        A refused file is left byte-for-byte as it was: it is only read, read-only,
        before the decision.
        """
        versions = versions or SchemaVersions()
        revision = inspect_database(paths.database, versions.is_known)
        if is_read_only(paths.database):
            raise DatabaseIsReadOnly(
                paths.database,
                "the database is healthy but read-only (the file or its folder can't be "
                "written); make it writable to open it, `prepdesk backup --to FILE` can copy it",
            )
        try:
            paths.ensure()
        except OSError as exc:  # a read-only parent, a full disk, a file in the way
            raise explain_write_error(exc, paths.root) from exc
        if revision is not None and revision != versions.head:
            write_backup(paths.database, paths.backups / backup_file_name("pre-migration"))
        engine = make_engine(paths.database)
        try:
            if revision != versions.head:
                versions.upgrade(engine)
            db = cls(paths, engine)
            if seed:
                with db.transaction() as session:
                    if not seeded_now(session.connection()):
                        seed_builtin_content(session)
                    if data_version.version_in(session.connection()) == data_version.UNKNOWN:
                        data_version.stamp(session.connection())  # written before versions
        except BaseException:
            engine.dispose()
            raise
        return db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed as a whole on success, rolled back on any error."""
        try:
            with self._sessions.begin() as session, write_tracking.tracking(session) as written:
                yield session
                session.flush()  # inside tracking: the flush's writes are recorded too
                if written:  # a new state of the data: a new version, in the same commit
                    data_version.stamp(session.connection())
        except OperationalError as exc:
            if "full" in str(exc.orig):  # SQLITE_FULL: the disk (or the page limit) is full
                raise DiskFull(
                    f"the disk holding {self.paths.database} is full: nothing from this "
                    "change was saved, and everything saved before is intact"
                ) from exc
            raise

    def backup_to(self, destination: Path) -> Path:
        return write_backup(self.paths.database, destination)

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()


def move_aside(paths: DataPaths, into: Path | None = None) -> Path:
    """Move the database (and its WAL/SHM) out of the way, by default into damaged/.

    prepdesk never deletes a database file; this is how it makes room for another.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    folder = into or paths.quarantine
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{paths.database.stem}-{stamp}{paths.database.suffix}"
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(paths.database) + suffix)
        if source.exists():
            shutil.move(source, Path(str(target) + suffix))
    return target
