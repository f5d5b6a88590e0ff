"""Open a database file read-only with the standard library alone (no SQLAlchemy).

Used to look at a file before opening it, to copy it, and at start-up to read the data's
version before the ORM is imported.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


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
