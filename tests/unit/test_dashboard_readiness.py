"""The readiness formula in prepdesk/core/readiness.py, on hand-computed inputs."""

from __future__ import annotations

import pytest

from prepdesk.core.readiness import (
    ReadinessInputs,
    TopicStanding,
    area_relevance,
    readiness,
    tooltip_text,
)


def inputs(**overrides) -> ReadinessInputs:
    values = {
        "category": None,
        "topics": (
            TopicStanding("algorithms", 2, 4, 1.0, 0.8),
            TopicStanding("ml", 4, 4, 1.0, 0.6),
        ),
        "values_total": 4,
        "values_covered": 3,
        "checklist_total": 10,
        "checklist_done": 5,
    }
    return ReadinessInputs(**{**values, **overrides})


def part(result, key):
    return next(p for p in result.parts if p.key == key)


def test_default_weights_combine_all_four_parts():
    result = readiness(inputs())
    # mastery (0.5 + 1) / 2 = 0.75; recall 0.7; stories 0.75; checklist 0.5
    assert part(result, "mastery").value == pytest.approx(0.75)
    assert part(result, "recall").value == pytest.approx(0.7)
    expected = 0.4 * 0.75 + 0.25 * 0.7 + 0.2 * 0.75 + 0.15 * 0.5
    assert result.score == round(100 * expected) == 70


def test_stage_relevance_weighs_the_matching_area():
    coding = readiness(inputs(category="coding"))
    # algorithms counts 3×: (3 × 0.5 + 1 × 1) / 4 = 0.625
    assert part(coding, "mastery").value == pytest.approx(0.625)
    assert area_relevance("coding", "algorithms") == 3.0
    assert area_relevance(None, "algorithms") == 1.0


def test_unmeasurable_parts_are_left_out_and_weights_rescaled():
    result = readiness(inputs(checklist_total=0, checklist_done=0, values_total=0))
    assert part(result, "checklist").value is None
    assert part(result, "checklist").weight == 0
    assert sum(p.weight for p in result.parts) == pytest.approx(1.0)
    expected = (0.4 * 0.75 + 0.25 * 0.7) / 0.65
    assert result.score == round(100 * expected)


def test_never_rated_or_reviewed_topics_count_as_zero_and_levels_cap_at_target():
    result = readiness(
        inputs(
            topics=(
                TopicStanding("math", None, 4, 1.0, None),
                TopicStanding("math", 5, 4, 1.0, 1.0),
            )
        )
    )
    assert part(result, "mastery").value == pytest.approx(0.5)
    assert part(result, "recall").value == pytest.approx(0.5)


def test_behavioral_stage_leans_on_stories():
    weak_stories = inputs(category="behavioral", values_covered=0)
    strong_stories = inputs(category="behavioral", values_covered=4)
    assert readiness(strong_stories).score - readiness(weak_stories).score == 60


def test_empty_inputs_score_zero_and_the_tooltip_explains_every_part():
    result = readiness(inputs(topics=(), values_total=0, checklist_total=0))
    assert result.score == 0
    text = tooltip_text(readiness(inputs()))
    for label in ("Mastery vs target", "Recall at interview", "Story coverage", "Checklist"):
        assert label in text
    assert "70 / 100" in text


def test_a_design_stage_counts_recent_design_scores_against_solid():
    none_yet = readiness(inputs(category="system_design"))
    design = part(none_yet, "design")
    assert design.applies and design.value == 0.0 and design.weight > 0
    assert "no design session scored in the last 30 days" in design.detail
    practised = readiness(inputs(category="system_design", design_scores=(2.0, 2.5)))
    design = part(practised, "design")
    assert design.value == pytest.approx(2.25 / 3)  # the mean against 3 ("Solid")
    assert design.detail == "2 sessions in the last 30 days, mean 2.2 of 4"
    strong = readiness(inputs(category="system_design", design_scores=(3.5, 4.0)))
    assert part(strong, "design").value == 1.0  # above "Solid" counts in full
    assert none_yet.score < practised.score < strong.score
    # ML counts twice for a design stage: mastery (0.5 + 2 × 1) / 3, recall (0.8 + 2 × 0.6) / 3
    # weights: mastery 0.3, recall 0.2, stories 0.1, checklist 0.1, design 0.3
    expected = 0.3 * 2.5 / 3 + 0.2 * 2 / 3 + 0.1 * 0.75 + 0.1 * 0.5 + 0.3 * 0.75
    assert practised.score == round(100 * expected)
    assert "Design practice: 75%" in tooltip_text(practised)


def test_design_practice_never_counts_for_other_stages():
    coding = readiness(inputs(category="coding", design_scores=(4.0,)))
    design = part(coding, "design")
    assert not design.applies and design.value is None and design.weight == 0
    assert "Design practice" not in tooltip_text(coding)
    assert coding.score == readiness(inputs(category="coding")).score
