"""The command line's one error path: every expected failure becomes one line on stderr.

What went wrong and where (file, row, field) in one line, and an exit code:
0 done, 1 refused (nothing was changed), 2 wrong usage, 3 a bug (its traceback is
appended to the data folder's log, named in the line), 130 interrupted (Ctrl+C:
the open transaction is rolled back, nothing is printed).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from prepdesk import __version__
from prepdesk.store.errors import StoreError
from prepdesk.store.paths import DataPaths

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

# What an OSError's errno means to a person, after the file it is about.
OS_ERRORS: dict[int, str] = {
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would be too large",
    errno.EISDIR: "this is a folder; a file is needed here",
    errno.ENOTDIR: "a part of this path is a file, not a folder",
    errno.ELOOP: "too many symbolic links (a link loop?)",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EEXIST: "already exists, and is not a folder",
    errno.ENOTEMPTY: "the folder is not empty",
    errno.EXDEV: "cannot move a file across disks",
    errno.EBUSY: "the file is busy",
    errno.EIO: "input/output error (a failing disk?)",
    errno.EINVAL: "the name is not allowed here",
}

# SQLite's own messages (sqlite3.Error text) for the same kinds of failure.
SQLITE_ERRORS: tuple[tuple[str, str], ...] = (
    ("readonly", "the database is read-only (a read-only file or folder?)"),
    ("disk is full", "the disk is full"),
    ("unable to open", "the database could not be opened (missing, unreadable or a folder?)"),
    ("locked", "the database is busy in another program; try again"),
    ("disk i/o", "input/output error (a failing disk?)"),
    ("not a database", "the file is not an SQLite database"),
    ("malformed", "the database is damaged; run `prepdesk check`"),
)


class CommandRefused(StoreError):
    """A command declined to act; its message already says what and where."""


def about(path: object, message: object) -> CommandRefused:
    """A refusal about the file `path`, naming it once."""
    text = str(message)
    return CommandRefused(text if str(path) in text else f"{path}: {text}")


def one_line(text: str) -> str:
    """Several lines (as some refusals list their problems) folded into one."""
    parts = [part.strip() for part in str(text).splitlines() if part.strip()]
    return "; ".join(parts).replace(":;", ":")


def os_error_message(exc: OSError) -> str:
    what = OS_ERRORS.get(exc.errno or 0) or exc.strerror or exc.__class__.__name__
    # A rename names its target second: that is the path the person gave.
    name = exc.filename2 if exc.filename2 is not None else exc.filename
    return f"{name}: {what}" if name is not None else what


def describe(exc: BaseException, paths: DataPaths) -> str | None:
    """The one-line message of an expected failure; None for a bug."""
    if isinstance(exc, StoreError):
        return one_line(str(exc))
    if isinstance(exc, OSError):
        return os_error_message(exc)
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, sqlite3.Error):
        exc = exc.orig
    if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
        text = str(exc).lower()
        for needle, meaning in SQLITE_ERRORS:
            if needle in text:
                return f"{paths.database}: {meaning}"
        return None
    if isinstance(exc, UnicodeError):
        return f"text that is not valid Unicode (a lone surrogate?): {one_line(str(exc))}"
    return None


def log_bug(exc: BaseException, paths: DataPaths, argv: list[str]) -> Path | None:
    """Append the traceback to the data folder's log (or a temporary one); its path, or None."""
    entry = (
        f"--- {datetime.now(UTC).isoformat(timespec='seconds')} prepdesk {__version__} "
        f"argv={argv!r}\n" + "".join(traceback.format_exception(exc))
    )
    fallback = Path(tempfile.gettempdir()) / f"prepdesk-{os.getuid()}.log"
    for log in (paths.log_file, fallback):
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8", errors="backslashreplace") as out:
                out.write(entry)
            return log
        except OSError:
            continue
    return None


def run_command(work: Callable[[], int], paths: DataPaths, argv: list[str]) -> int:
    """Run a command handler through the one error path; returns the exit code."""
    try:
        return work()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED  # transactions roll back on the way out; quietly
    except RecursionError as exc:  # before describe(): it is a RuntimeError, not a bug here
        return refuse(f"the input is nested too deeply to read ({exc})")
    except Exception as exc:
        message = describe(exc, paths)
        if message is not None:
            return refuse(message)
        log = log_bug(exc, paths, argv)
        where = f"details were appended to {log}" if log else "the log could not be written"
        return refuse(
            f"internal error ({type(exc).__name__}: {one_line(str(exc))[:200]}); {where}; "
            "please report it",
            EXIT_BUG,
        )


def refuse(message: str, code: int = EXIT_REFUSED) -> int:
    # A lone surrogate from a hostile file is shown escaped, never crashes the message.
    shown = one_line(message).encode("utf-8", "backslashreplace").decode("utf-8")
    print(f"prepdesk: {shown}", file=sys.stderr)
    return code
