"""core.star: counts, spoken time and the gentle warnings; core.rehearsal: score to grade."""

from __future__ import annotations

import random

import pytest

from prepdesk.core.rehearsal import grade_for_score, pick
from prepdesk.core.star import analyse, count_words, format_duration, has_number, spoken_seconds


def test_word_counts_per_part_and_total():
    result = analyse(
        {
            "situation": "Our fraud model was slow.",
            "task": "Cut latency.",
            "action": "I profiled it, then cached features.",
            "result": "p99 fell from 480 ms to 95 ms.",
        }
    )
    assert result.words == {"situation": 5, "task": 2, "action": 6, "result": 8}
    assert result.total_words == 21
    assert result.warnings == ()


def test_spoken_time_at_140_words_a_minute():
    assert spoken_seconds(140) == 60
    assert spoken_seconds(70) == 30
    assert format_duration(125) == "2:05"
    assert format_duration(-5) == "-0:05"
    words = " ".join(["word"] * 280)
    assert analyse({"situation": words}).spoken == "2:00"


def test_counts_hyphens_and_apostrophes_as_one_word():
    assert count_words("the team’s end-to-end pipeline") == 4
    assert count_words("  \n ") == 0


def test_warns_about_empty_parts_by_name():
    result = analyse({"situation": "Context.", "action": "Did things."})
    assert result.warnings[0] == "Still to write: Task, Result."


def test_warns_when_the_answer_runs_past_the_target():
    long = " ".join(["word"] * 300)  # about 2:09 spoken
    parts = {"situation": long, "task": "t", "action": "a", "result": "saved 3 hours"}
    assert any("past the 2:00" in w for w in analyse(parts).warnings)
    assert not any("past" in w for w in analyse(parts, target_seconds=180).warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Latency fell by 40%.", True),
        ("We doubled conversions.", True),
        ("Three teams adopted it.", True),
        ("Everyone was happier.", False),
    ],
)
def test_result_without_a_number_is_flagged(text, expected):
    assert has_number(text) is expected
    warned = any("no number" in w for w in analyse({"result": text}).warnings)
    assert warned is not expected


def test_score_maps_to_fsrs_grade():
    assert [grade_for_score(s) for s in (1, 2, 3, 4, 5)] == [1, 1, 2, 3, 4]
    with pytest.raises(ValueError):
        grade_for_score(0)


def test_pick_avoids_the_question_just_shown():
    rng = random.Random(3)
    assert {pick([1, 2], rng, avoid=1) for _ in range(20)} == {2}
    assert pick([1], rng, avoid=1) == 1
    assert pick([], rng) is None
