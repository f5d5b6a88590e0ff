"""SIGKILL in the middle of 1,000-row transactions: integrity holds, each batch all or nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from prepdesk.store.database import Database
from tests.helpers import REPO

WRITER = """
import sys
from datetime import UTC, datetime
from sqlalchemy import insert
from prepdesk.store.database import Database
from prepdesk.store.models import StudySession, Topic
from prepdesk.store.paths import DataPaths

db = Database.open(DataPaths.resolve(sys.argv[1]))
with db.transaction() as s:
    topic_id = s.query(Topic.id).first()[0]
batch = 0
print("ready", flush=True)
while True:
    batch += 1
    now = datetime.now(UTC)
    rows = [
        {"topic_id": topic_id, "started_at": now, "minutes": 1 + i % 60, "note": f"batch-{batch}"}
        for i in range(1000)
    ]
    print(f"begin {batch}", flush=True)
    with db.transaction() as s:
        s.execute(insert(StudySession), rows)
    print(f"done {batch}", flush=True)
"""

TRIALS = 30


@pytest.mark.slow
def test_kill_during_writes_leaves_whole_batches(paths):
    Database.open(paths).close()
    rng = random.Random(1234)
    committed_total = 0
    killed_inside = 0
    for _trial in range(TRIALS):
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(paths.root)],
            stdout=subprocess.PIPE,
            cwd=REPO,
        ) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == b"ready"
            time.sleep(rng.uniform(0.0, 0.25))
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            said = child.stdout.read().decode().split()
        last_begun = int(said[-1]) if said and said[-2] == "begin" else None

        conn = sqlite3.connect(paths.database)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            counts = conn.execute(
                "SELECT note, count(*) FROM study_session GROUP BY note"
            ).fetchall()
        finally:
            conn.close()
        for note, count in counts:
            assert count == 1000, f"{note} has {count} rows: a batch was half written"
        committed_total += len(counts)
        if last_begun is not None:
            # Killed between BEGIN and the commit's return: that batch may or may not
            # have reached the disk, but never in part (checked above).
            killed_inside += 1
        # Clear for the next trial so each trial's batches are judged on their own.
        conn = sqlite3.connect(paths.database)
        conn.execute("DELETE FROM study_session")
        conn.commit()
        conn.close()
    # The test means something only if kills landed inside transactions and
    # between them, with batches committed before the kill.
    assert killed_inside >= TRIALS // 3
    assert committed_total > 0
