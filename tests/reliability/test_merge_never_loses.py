"""`import --merge` never collapses two items, counts what it did; a no-op writes nothing."""

from __future__ import annotations

import copy
import json
import re

import pytest

from tests.reliability.cli_driver import database_state, demo_with_export, integrity, row_count, run


@pytest.fixture
def demo(capsys, paths, tmp_path):
    return demo_with_export(capsys, paths, tmp_path)


def counts(out: str) -> tuple[int, int, int]:
    found = re.search(r"(\d+) added, (\d+) updated, (\d+) unchanged", out)
    assert found, out
    return int(found[1]), int(found[2]), int(found[3])


def write(tmp_path, document) -> str:
    path = tmp_path / "merge.json"
    path.write_text(json.dumps(document))
    return str(path)


def test_a_merge_that_changes_nothing_writes_nothing(capsys, demo, tmp_path):
    paths, document = demo
    before = database_state(paths)
    outcome = run(capsys, paths, "import", "--merge", write(tmp_path, document))
    assert outcome.code == 0, outcome.err
    added, updated, unchanged = counts(outcome.out)
    assert (added, updated) == (0, 0) and unchanged > 100
    assert database_state(paths) == before


def test_one_changed_field_is_one_update(capsys, demo, tmp_path):
    paths, document = demo
    document["story"][0]["result"] += " And then some."
    outcome = run(capsys, paths, "import", "--merge", write(tmp_path, document))
    assert outcome.code == 0, outcome.err
    assert counts(outcome.out)[:2] == (0, 1)


def test_two_untitled_stories_in_the_file_are_both_kept(capsys, demo, tmp_path):
    paths, document = demo
    stories = row_count(paths, "story")
    first = copy.deepcopy(document["story"][0])
    ids = [s["id"] for s in document["story"]]
    for offset, situation in enumerate(("First untold story.", "Second untold story.")):
        story = {**first, "id": max(ids) + 1 + offset, "title": "", "situation": situation}
        story["project_id"] = None
        document["story"].append(story)
    outcome = run(capsys, paths, "import", "--merge", write(tmp_path, document))
    assert outcome.code == 0, outcome.err
    assert counts(outcome.out)[0] == 2
    assert row_count(paths, "story") == stories + 2
    assert integrity(paths) == "ok"


def test_a_name_that_is_not_unique_in_the_database_is_added_and_reported(capsys, demo, tmp_path):
    paths, document = demo
    project = document["project"][0]
    twin = {**project, "id": max(p["id"] for p in document["project"]) + 1, "role": "Other"}
    document["project"].append(twin)
    assert run(capsys, paths, "import", "--merge", write(tmp_path, document)).code == 0
    projects = row_count(paths, "project")  # now two projects share the name
    edited = {
        "format": document["format"],
        "version": document["version"],
        "project": [{**project, "role": "A third role"}],
    }
    outcome = run(capsys, paths, "import", "--merge", write(tmp_path, edited))
    assert outcome.code == 0, outcome.err
    assert "could not be matched safely" in outcome.out and "project[0]" in outcome.out
    assert row_count(paths, "project") == projects + 1  # added; neither twin overwritten
    assert integrity(paths) == "ok"


def test_the_window_shows_the_three_counts(qtbot, main_window, tmp_path):
    target = tmp_path / "out.json"
    with qtbot.waitSignal(main_window.data_task_finished, timeout=20_000):
        main_window.data.export_to("json", target)
    with qtbot.waitSignal(main_window.data_task_finished, timeout=20_000) as blocker:
        main_window.data.import_from(target, merge=True)
    assert re.search(r"0 added, 0 updated, \d+ unchanged", str(blocker.args[0]))
