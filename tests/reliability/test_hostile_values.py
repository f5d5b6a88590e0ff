"""Out-of-range, mistyped and malformed CSV and JSON values: refused, named, nothing written."""

from __future__ import annotations

import json

import pytest

from prepdesk.core.limits import EARLIEST_DATE, LATEST_DATE
from tests.reliability.cli_driver import database_state, demo_with_export, run

CSV_HEADER = "title,difficulty,date,minutes,solved\n"


@pytest.fixture
def demo(capsys, paths, tmp_path):
    return demo_with_export(capsys, paths, tmp_path)


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ("A,easy,0001-01-01,3,yes", "row 2, column 'date'"),
        ("A,easy,9999-12-31T23:59,3,yes", "row 2, column 'date'"),
        ("A,easy,0001-01-01T00:00+01:00,3,yes", "row 2, column 'date'"),
        ("A,easy,2026-01-01,²,yes", "row 2, column 'minutes'"),
        ("A,easy,2026-01-01," + "9" * 5000 + ",yes", "row 2, column 'minutes'"),
        ("A,easy,2026-01-01,1441,yes", "row 2, column 'minutes'"),
        ("A,easy,2026-01-01,-1,yes", "row 2, column 'minutes'"),
        ("A,extreme,2026-01-01,3,yes", "row 2, column 'difficulty'"),
        ("A,easy,2026-01-01,3,maybe", "row 2, column 'solved'"),
        ("A,easy,2026-02-30,3,yes", "row 2, column 'date'"),
    ],
)
def test_csv_out_of_range_and_wrong_type(capsys, demo, tmp_path, row, where):
    paths, _ = demo
    source = tmp_path / "problems.csv"
    source.write_text(CSV_HEADER + row + "\n", encoding="utf-8")
    before = database_state(paths)
    line = run(capsys, paths, "import-problems", str(source)).assert_one_line_refusal()
    assert str(source) in line and where in line
    assert database_state(paths) == before


def test_csv_dates_at_the_edges_of_the_range_import(capsys, demo, tmp_path):
    paths, _ = demo
    source = tmp_path / "problems.csv"
    source.write_text(
        CSV_HEADER + f"A,easy,{EARLIEST_DATE}T12:00+00:00,0,yes\nB,hard,{LATEST_DATE},1440,no\n"
    )
    outcome = run(capsys, paths, "import-problems", str(source))
    assert outcome.code == 0, outcome.err


def _set(table: str, field: str, value: object):
    def change(document: dict) -> None:
        document[table][0][field] = value

    return change


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (_set("rating", "level", 10**30), "rating[0].level"),
        (_set("story", "id", 2**63), "story[0].id"),
        (_set("rating", "rated_at", "0001-01-01T00:00:00+05:00"), "rating[0].rated_at"),
        (_set("rating", "rated_at", "9999-12-31T23:59:59-05:00"), "rating[0].rated_at"),
        (_set("project", "started_on", "0001-01-01"), "project[0].started_on"),
        (_set("story", "title", "\ud800 lone"), "story[0].title"),
        (_set("story", "result", 7), "story[0].result"),
        (_set("rating", "level", "3"), "rating[0].level"),
        (_set("topic", "weight", float("nan")), "topic[0].weight"),
    ],
)
def test_json_out_of_range_and_wrong_type(capsys, demo, tmp_path, change, where):
    paths, document = demo
    change(document)
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    before = database_state(paths)
    line = run(capsys, paths, "import", "--merge", str(source)).assert_one_line_refusal()
    assert str(source) in line and where in line
    assert database_state(paths) == before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "prepdesk", "version": ' + "9" * 5000 + "}", "too many digits"),
        ('{"format": "prepdesk", "format": "prepdesk", "version": 1}', "appears twice"),
        ('{"format": "prepdesk", "version": 1, "story": [{"title": "\\udc00"}]}', "story[0]"),
    ],
)
def test_json_that_cannot_be_read_safely(capsys, demo, tmp_path, text, words):
    paths, _ = demo
    source = tmp_path / "hostile.json"
    source.write_text(text, encoding="utf-8")
    before = database_state(paths)
    line = run(capsys, paths, "import", "--merge", str(source)).assert_one_line_refusal()
    assert words in line
    assert database_state(paths) == before
