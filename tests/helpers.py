"""Small helpers shared by tests: file digests and child processes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(
    *args: str, data_dir: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m prepdesk ...` as a real child process."""
    command = [sys.executable, "-m", "prepdesk"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO,
    )


def limit_pages(db, extra_pages: int) -> None:
    """A full disk, for real: SQLite may grow the file by only `extra_pages` more pages."""
    from sqlalchemy import event

    with db.engine.connect() as conn:
        used = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def on_connect(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {used + extra_pages}")

    event.listen(db.engine, "connect", on_connect)
    db.engine.dispose()  # new connections get the limit
    return on_connect


def unlimit_pages(db, listener) -> None:
    """Room on the disk again."""
    from sqlalchemy import event

    event.remove(db.engine, "connect", listener)
    db.engine.dispose()
