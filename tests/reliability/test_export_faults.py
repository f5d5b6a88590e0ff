"""Items 9, 10 and 11: a killed export, a bad row deep in an import, round trips."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from prepdesk.io.json_export import export_json
from prepdesk.io.json_import import import_file
from prepdesk.io.json_validate import ImportRefused
from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.models import Company, Problem, Story, StudySession
from prepdesk.store.paths import DataPaths
from tests.helpers import REPO

EXPORTER = """
import sys
from pathlib import Path
from prepdesk.io.json_export import export_json
from prepdesk.store.database import Database
from prepdesk.store.paths import DataPaths

db = Database.open(DataPaths.resolve(sys.argv[1]))
print("ready", flush=True)
while True:
    with db.transaction() as s:
        export_json(s, Path(sys.argv[2]))
"""


@pytest.mark.slow
def test_kill_during_export_leaves_old_or_complete_file(db, paths, tmp_path):
    from datetime import date

    with db.transaction() as session:
        fill_demo_data(session, date(2026, 3, 2))
    complete = tmp_path / "complete.json"
    with db.transaction() as session:
        export_json(session, complete)
    target = tmp_path / "export.json"
    old = b'{"format": "prepdesk", "old": true}\n'
    rng = random.Random(99)
    for _trial in range(8):
        target.write_bytes(old)
        with subprocess.Popen(
            [sys.executable, "-c", EXPORTER, str(paths.root), str(target)],
            stdout=subprocess.PIPE,
            cwd=REPO,
        ) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == b"ready"
            time.sleep(rng.uniform(0.0, 0.6))
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        assert target.read_bytes() in (old, complete.read_bytes())
    # Temporary files may remain after a kill; they never carry the export's name.
    assert all(p.name.endswith(".partial") for p in tmp_path.glob(".export.json.*"))


def write_sessions_file(path: Path, bad_at: int, bad_value: object) -> None:
    source = Database.open(DataPaths.resolve(path.parent / "source"))
    try:
        with source.transaction() as session:
            export_json(session, path)
    finally:
        source.close()
    document = json.loads(path.read_text())
    topic_id = document["topic"][0]["id"]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    document["study_session"] = [
        {
            "id": i + 1,
            "topic_id": topic_id,
            "started_at": (start + timedelta(minutes=i)).isoformat(),
            "minutes": 25,
            "note": f"session {i}",
        }
        for i in range(10_000)
    ]
    document["study_session"][bad_at]["minutes"] = bad_value
    path.write_text(json.dumps(document))


@pytest.mark.parametrize("merge", [False, True])
def test_bad_row_at_9999_writes_nothing_and_is_named(db, tmp_path, merge):
    source = tmp_path / "big.json"
    write_sessions_file(source, 9999, "twenty")
    with pytest.raises(ImportRefused) as refused, db.transaction() as session:
        import_file(session, source, merge=merge)
    assert refused.value.problems == [
        "study_session[9999].minutes: expected a whole number, got text"
    ]
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(StudySession)) == 0


def test_row_refused_by_the_database_at_9999_rolls_back_everything(db, tmp_path):
    source = tmp_path / "problems.json"
    with db.transaction() as session:
        export_json(session, source)
    document = json.loads(source.read_text())
    document["problem"] = [
        {
            "id": i + 1,
            "title": f"Problem {i}",
            "platform": "LeetCode",
            "url": "",
            "difficulty": "easy",
            "patterns": "",
            "notes": "",
            "created_at": "2026-01-01T00:00:00+00:00",
        }
        for i in range(10_000)
    ]
    document["problem"][9999]["title"] = "Problem 5"  # the same platform and title twice
    source.write_text(json.dumps(document))
    target = Database.open(DataPaths.resolve(tmp_path / "target"))
    try:
        refused = pytest.raises(ImportRefused, match=r"problem\[9999\]: rejected by the database")
        with refused, target.transaction() as session:
            import_file(session, source, merge=False)
        with target.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Problem)) == 0
    finally:
        target.close()


awkward_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("=+-@\"'\n\r\t,;é漢😀\\"), max_size=40),
    st.builds(lambda s: "=" + s, st.text(max_size=20)),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(2000, 20000)),
)


@pytest.fixture(scope="module")
def unseeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the current schema, without built-in content (made once:
    every migration runs for it)."""
    paths = DataPaths.resolve(tmp_path_factory.mktemp("unseeded"))
    Database.open(paths, seed=False).close()
    return paths.database


def open_copy(template: Path, root: Path) -> Database:
    paths = DataPaths.resolve(root)
    paths.ensure()
    shutil.copyfile(template, paths.database)
    return Database.open(paths, seed=False)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=st.text(min_size=1, max_size=300),
    parts=st.lists(awkward_text, min_size=4, max_size=4),
    company=awkward_text.filter(lambda s: len(s) <= 200),
)
def test_round_trip_keeps_awkward_text(unseeded_template, title, parts, company):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first_db = open_copy(unseeded_template, root / "a")
        try:
            with first_db.transaction() as session:
                session.add(
                    Story(
                        title=title,
                        situation=parts[0],
                        task=parts[1],
                        action=parts[2],
                        result=parts[3],
                    )
                )
                session.add(Company(name=company, notes=parts[0]))
            with first_db.transaction() as session:
                export_json(session, root / "first.json")
        finally:
            first_db.close()
        second_db = open_copy(unseeded_template, root / "b")
        try:
            with second_db.transaction() as session:
                import_file(session, root / "first.json", merge=False)
            with second_db.transaction() as session:
                story = session.scalars(select(Story)).one()
                assert (story.title, story.situation, story.result) == (title, parts[0], parts[3])
                assert session.scalars(select(Company.name)).one() == company
                export_json(session, root / "second.json")
        finally:
            second_db.close()
        assert (root / "first.json").read_bytes() == (root / "second.json").read_bytes()
