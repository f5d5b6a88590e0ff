"""The plan's projected score, computed with levels standing in for the topics' own,
is exactly the score of the inputs with those levels written into them."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from prepdesk.core.readiness import (
    AREA_RELEVANCE,
    PART_WEIGHTS,
    ReadinessInputs,
    TopicStanding,
    exact_score,
    readiness,
)

AREAS = sorted({area for relevance in AREA_RELEVANCE.values() for area in relevance} | {"x"})
CATEGORIES = [None, "behavioral", *sorted(set(AREA_RELEVANCE) | set(PART_WEIGHTS))]

topics = st.lists(
    st.builds(
        TopicStanding,
        area_key=st.sampled_from(AREAS),
        level=st.none() | st.integers(0, 5).map(float),
        target=st.integers(0, 5),
        weight=st.sampled_from([0.5, 1.0, 1.7, 3.0]),
        recall=st.none() | st.floats(0, 1),
    ),
    max_size=12,
).map(lambda ts: tuple(replace(t, topic_id=i if i % 5 else None) for i, t in enumerate(ts)))

inputs_strategy = st.builds(
    ReadinessInputs,
    category=st.sampled_from(CATEGORIES),
    topics=topics,
    values_total=st.integers(0, 6),
    values_covered=st.integers(0, 6),
    checklist_total=st.integers(0, 6),
    checklist_done=st.integers(0, 6),
    design_scores=st.lists(st.floats(1, 4), max_size=3).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(inputs=inputs_strategy, data=st.data())
def test_projected_levels_score_as_the_inputs_with_those_levels(inputs, data):
    ids = [t.topic_id for t in inputs.topics if t.topic_id is not None]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    levels = {i: data.draw(st.floats(0, 5)) for i in chosen}
    projected = replace(
        inputs,
        topics=tuple(
            replace(t, level=levels[t.topic_id]) if t.topic_id in levels else t
            for t in inputs.topics
        ),
    )
    assert exact_score(inputs, levels) == exact_score(projected)
    assert round(exact_score(inputs)) == readiness(inputs).score
    shares = sum(part.weight for part in readiness(inputs).parts)
    assert shares == 0.0 or abs(shares - 1.0) < 1e-9  # the measured parts' weights, rescaled
