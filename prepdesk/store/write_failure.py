"""Why a write failed, in words a person can act on."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

from prepdesk.store.errors import DiskFull, StoreError


def explain_write_failure(exc: BaseException) -> str:
    """One sentence saying why nothing was saved; the data saved before is intact."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(original).lower()
    if isinstance(exc, DiskFull) or "full" in text:
        return "the disk holding your data folder is full"
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "the data folder or its database file is read-only"
    if "locked" in text or "busy" in text:
        return "another program is holding the database"
    if "malformed" in text or "not a database" in text or "disk i/o" in text:
        return "the database file is damaged or could not be read"
    if isinstance(exc, LookupError):
        return "it was deleted in the meantime"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, StoreError | ValueError | sqlite3.Error):
        return str(exc) or type(exc).__name__
    return f"an unexpected error ({type(exc).__name__}: {exc})"


def is_expected_write_failure(exc: BaseException) -> bool:
    """True for failures of the disk, the file or the data; False for a bug in prepdesk."""
    return isinstance(exc, StoreError | DBAPIError | sqlite3.Error | OSError | LookupError)
