"""Item 12: the disk fills up during a write (SQLite's max_page_count stands in for it)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select

from prepdesk.store.models import Company, StudySession, Topic
from prepdesk.ui.operations import WriteFailed
from tests.helpers import limit_pages


def test_a_full_disk_is_a_clear_error_and_loses_nothing(qtbot, ops):
    db = ops.db
    with db.transaction() as session:
        session.add(Company(name="Saved before the disk filled"))
        topic_id = session.scalar(select(Topic.id))
    limit_pages(db, 5)
    rows = [
        {"topic_id": topic_id, "started_at": datetime.now(UTC), "minutes": 30, "note": "x" * 2000}
        for _ in range(500)
    ]
    failures = []
    ops.write_failed.connect(failures.append)
    with pytest.raises(WriteFailed, match="was not saved: the disk holding your data folder"):
        ops.write(lambda s: s.execute(insert(StudySession), rows))
    assert [f.reason for f in failures] == ["the disk holding your data folder is full"]
    # The app keeps running: reads work, and a small write still fits.
    assert ops.read(lambda s: s.scalar(select(func.count()).select_from(StudySession))) == 0
    ops.write(lambda s: s.add(Company(name="Small")))
    names = ops.read(lambda s: sorted(s.scalars(select(Company.name))))
    assert names == ["Saved before the disk filled", "Small"]
    db.checkpoint()
    conn = sqlite3.connect(db.paths.database)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
