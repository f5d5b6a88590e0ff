"""What counts as the person's own data (not the built-in curriculum), and how much a file holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from prepdesk.store.engine import connect_read_only
from prepdesk.store.models import Company, Problem, Project, Rating, Story, StudySession

USER_DATA_TABLES = (Rating, StudySession, Problem, Project, Story, Company)


def count_user_rows(path: Path) -> int | None:
    """Rows of the person's data in the database file at `path`; None when it can't be read."""
    try:
        conn = connect_read_only(path)
        try:
            return sum(
                int(conn.execute(f'SELECT count(*) FROM "{model.__tablename__}"').fetchone()[0])
                for model in USER_DATA_TABLES
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return None
