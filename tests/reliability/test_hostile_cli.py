"""Property-based: the real commands, in process, on generated paths and hostile files.

Whatever comes in, a command either succeeds (the database passes integrity_check and
holds the rows it should) or refuses with exactly one line on stderr, no traceback,
no bug logged, and the database byte-for-byte as it was.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepdesk.core.limits import EARLIEST_DATE, LARGEST_INTEGER, LATEST_DATE
from prepdesk.io.json_export import export_document
from prepdesk.io.json_format import export_tables
from prepdesk.io.problems_csv import COLUMNS
from prepdesk.store.database import Database
from prepdesk.store.demo_setup import install_demo
from prepdesk.store.paths import DataPaths
from tests.reliability.cli_driver import Outcome, database_state, integrity, run

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Names with what a URI, a shell or a careless parser might trip on. The data folder's
# own name keeps to spaces and Unicode (its URI handling is tested with the store).
URI_CHARACTERS = "#?%&=;+@!$'()[]"
NAME = st.text(
    alphabet=st.sampled_from([*"abcXYZ019 -_.", *URI_CHARACTERS, "é", "日", "本", "😀", "ß", "Ω"]),
    min_size=1,
    max_size=12,
).filter(lambda name: name.strip(". ") != "" and "/" not in name)
FOLDER_NAME = st.text(
    alphabet=st.sampled_from([*"abc019 -_", "é", "日", "Ω"]), min_size=1, max_size=10
).filter(lambda name: name.strip() != "")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A demo database (copied for each example) and its JSON export."""
    paths = DataPaths.resolve(tmp_path_factory.mktemp("template") / "data")
    install_demo(paths, force=False)
    db = Database.open(paths)
    with db.transaction() as session:
        document = json.loads(json.dumps(export_document(session), default=str))
    db.checkpoint()
    db.close()
    return paths.database, document


@pytest.fixture
def workspace(template: tuple[Path, dict[str, Any]]) -> Iterator[Any]:
    """Each call gives a fresh folder holding a copy of the demo database."""
    made: list[str] = []

    def fresh(folder_name: str = "data") -> tuple[DataPaths, Path]:
        base = Path(tempfile.mkdtemp(prefix="hostile-"))
        made.append(str(base))
        paths = DataPaths.resolve(base / folder_name)
        paths.ensure()
        shutil.copyfile(template[0], paths.database)
        return paths, base

    yield fresh
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


def counts(paths: DataPaths) -> dict[str, int]:
    """Rows per table of the person's data (not the search index, which is derived)."""
    conn = sqlite3.connect(paths.database)
    try:
        tables = [t.name for t in export_tables()]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def check_invariants(outcome: Outcome, paths: DataPaths, before: str) -> None:
    assert outcome.code in (0, 1, 2), outcome.err  # 3 would be a bug
    assert not paths.log_file.exists(), paths.log_file.read_text()
    if outcome.code != 0:
        outcome.assert_one_line_refusal()
        assert database_state(paths) == before
    else:
        assert "Traceback" not in outcome.err
        assert integrity(paths) == "ok"


# paths ------------------------------------------------------------------------------

READERS = [
    ["export"],
    ["export", "--format", "csv"],
    ["export", "--format", "markdown"],
    ["export-problems"],
    ["export-stories"],
    ["export-ics"],
    ["brief", "--out"],
]


@st.composite
def target_paths(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """(kind of target, its name, folders on the way) for an export."""
    kind = draw(st.sampled_from(["new", "new-in-new-folder", "folder", "below-a-file", "proc"]))
    return kind, draw(NAME), draw(st.lists(NAME, max_size=2))


@SETTINGS
@given(command=st.sampled_from(READERS), target=target_paths(), folder=FOLDER_NAME)
def test_exports_to_generated_paths(capsys, workspace, command, target, folder):
    paths, base = workspace(folder)
    kind, name, parents = target
    if command[0] == "brief":
        name += ".md"
    where = base.joinpath("out", *parents)
    if kind == "new":
        where.mkdir(parents=True)
    elif kind == "folder":
        (where / name).mkdir(parents=True)
    elif kind == "below-a-file":
        where.mkdir(parents=True)
        (where / name).write_text("a file of mine")
        where = where / name
    elif kind == "proc":
        where = Path("/proc")
    file = where / name
    before = database_state(paths)
    before_counts = counts(paths)
    outcome = run(capsys, paths, *command, str(file))
    check_invariants(outcome, paths, before)
    assert counts(paths) == before_counts
    assert database_state(paths) == before  # a reader never writes
    if kind in ("folder", "below-a-file", "proc") and command[-1] not in ("csv", "markdown"):
        assert outcome.code == 1
    if kind == "below-a-file":
        assert where.read_text() == "a file of mine"


@SETTINGS
@given(swap=st.sampled_from(["data-dir-is-a-file", "data-dir-below-a-file", "missing"]))
def test_data_folders_of_the_wrong_kind(capsys, workspace, swap):
    _, base = workspace()
    file = base / "plain file"
    file.write_text("mine")
    root = {"data-dir-is-a-file": file, "data-dir-below-a-file": file / "data"}.get(
        swap, base / "nothing here"
    )
    paths = DataPaths.resolve(root)
    (base / "x.csv").write_text("title,difficulty\nA,easy\n")
    commands = [["export", str(base / "x.json")], ["import-problems", str(base / "x.csv")]]
    for command in commands[:1] if swap == "missing" else commands:  # importing may create it
        run(capsys, paths, *command).assert_one_line_refusal()
        assert not paths.log_file.exists()
    assert file.read_text() == "mine"


# hostile JSON ---------------------------------------------------------------------

BOUNDARY_DATES = [
    EARLIEST_DATE.isoformat(),
    LATEST_DATE.isoformat(),
    "1899-12-31",
    "3000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2026-02-29",
    "2024-02-29",
]
HOSTILE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from([0, -1, 1, 5, 6, 1440, 1441, LARGEST_INTEGER, LARGEST_INTEGER + 1, -(2**64)]),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a\udfffb", "x" * 301, "", " ", "=SUM(A1)"]),
    st.sampled_from(BOUNDARY_DATES),
    st.sampled_from([f"{d}T12:00:00+14:00" for d in BOUNDARY_DATES] + ["2026-01-01T12:00:00"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def hostile_documents(draw: st.DrawFn, document: dict[str, Any]) -> str:
    """The demo export with one hostile change, as JSON text."""
    tables = [name for name, rows in document.items() if isinstance(rows, list) and rows]
    table = draw(st.sampled_from(tables))
    rows = document[table]
    index = draw(st.integers(0, len(rows) - 1))
    field = draw(st.sampled_from(sorted(rows[index])))
    change = draw(st.sampled_from(["value", "deep", "twin", "new-twin", "truncate", "drop"]))
    edited = json.loads(json.dumps(document))
    if change == "value":
        edited[table][index][field] = draw(HOSTILE_VALUES)
    elif change == "deep":
        edited[table][index][field] = "__DEEP__"
    elif change == "twin":
        edited[table].append(dict(edited[table][index]))
    elif change == "new-twin" and "id" in rows[index]:
        twin = dict(edited[table][index])
        twin["id"] = max(r["id"] for r in rows) + 1
        edited[table].append(twin)
    elif change == "drop":
        del edited[table][index][field]
    text = json.dumps(edited, ensure_ascii=True)
    if change == "deep":
        depth = draw(st.sampled_from([50, 5_000, 200_000]))
        text = text.replace('"__DEEP__"', "[" * depth + "]" * depth)
    if change == "truncate":
        text = text[: draw(st.integers(0, len(text) - 1))]
    return text


@SETTINGS
@given(data=st.data(), merge=st.booleans())
def test_hostile_json_imports(capsys, workspace, template, data, merge):
    paths, base = workspace()
    text = data.draw(hostile_documents(template[1]))
    source = base / data.draw(NAME)
    source.write_text(text, encoding="utf-8")
    before, before_counts = database_state(paths), counts(paths)
    outcome = run(capsys, paths, "import", *(["--merge"] if merge else []), str(source))
    check_invariants(outcome, paths, before)
    if outcome.code == 0:
        added = int(re.search(r"(\d+) added", outcome.out)[1])  # type: ignore[index]
        after = counts(paths)
        assert sum(after.values()) == sum(before_counts.values()) + added
    else:
        assert str(source) in outcome.err


# hostile CSV ----------------------------------------------------------------------

CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "easy",
            "medium",
            "hard",
            "HARD",
            "extreme",
            "yes",
            "no",
            "maybe",
            "0",
            "1440",
            "1441",
            "-1",
            "1.5",
            "²",
            "9" * 5000,
            "=cmd()",
            "'=quoted",
            "LeetCode",
            "arrays; graphs",
            "no such topic",
            'a "quoted", cell',
            "two\nlines",
        ]
    ),
    st.sampled_from(BOUNDARY_DATES + [f"{d}T23:59+14:00" for d in BOUNDARY_DATES]),
    st.text(max_size=15),
)


@st.composite
def hostile_csv(draw: st.DrawFn) -> bytes:
    header = draw(st.lists(st.sampled_from([*COLUMNS, "unknown", "Title"]), min_size=1, max_size=8))
    if draw(st.booleans()):
        header = ["title", "difficulty", *header]
    rows = draw(
        st.lists(st.lists(CELLS, min_size=0, max_size=len(header) + 1), min_size=0, max_size=6)
    )
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    text = buffer.getvalue()
    if draw(st.booleans()):
        position = draw(st.integers(0, len(text)))
        text = (
            text[:position] + draw(st.sampled_from(['"', "\x00", "\ufeff", ","])) + text[position:]
        )
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8


@SETTINGS
@given(content=hostile_csv(), name=NAME)
def test_hostile_csv_imports(capsys, workspace, content, name):
    paths, base = workspace()
    source = base / f"{name}.csv"
    source.write_bytes(content)
    before, before_counts = database_state(paths), counts(paths)
    outcome = run(capsys, paths, "import-problems", str(source))
    check_invariants(outcome, paths, before)
    if outcome.code == 0:
        found = re.search(r"(\d+) new problem\(s\), (\d+) new attempt\(s\)", outcome.out)
        assert found, outcome.out
        after = counts(paths)
        assert after["problem"] == before_counts["problem"] + int(found[1])
        assert after["attempt"] == before_counts["attempt"] + int(found[2])
