"""The readiness score: one number 0–100 for "how ready am I for the next stage".

It is a weighted mean of four parts, each a fraction 0–1:

- **mastery**: for every topic, min(current level / target level, 1), averaged with
  weight = topic weight × the relevance of its area to the next stage's category
  (a coding stage counts algorithms three times, a system-design stage counts
  ML system design three times, ...). A topic never rated counts as level 0.
- **recall**: the predicted chance (FSRS retrievability) of recalling each topic at the
  interview time, averaged with the same weights. A topic never reviewed counts as 0:
  there is nothing to remember yet.
- **stories**: the share of the company's values (competencies) that at least one STAR
  story covers. Without a company (only a target date) every competency counts.
- **checklist**: the share of the stage's checklist items that are ticked.
- **design** (ML system design and onsite stages only): the mean self-score of the
  timed ML design sessions scored in the last 30 days, against "Solid" (3 of 4):
  min(mean / 3, 1). No recent scored session counts 0. Other stages leave it out.

The part weights depend on the stage: behavioral stages lean on stories, technical
ones on mastery and recall (PART_WEIGHTS). A part with nothing to measure (no
checklist yet, no competencies) is left out and the other weights are rescaled, so
the score never punishes what cannot be measured.

    score = round(100 × Σ weight_p × part_p / Σ weight_p)   over the measurable parts
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from prepdesk.core.design_practice import (
    DESIGN_RECENT_DAYS,
    DESIGN_STAGE_CATEGORIES,
    DESIGN_TARGET_SCORE,
)

# How much each curriculum area matters for a stage category (1 = ordinary).
AREA_RELEVANCE: dict[str, dict[str, float]] = {
    "coding": {"algorithms": 3.0, "programming": 2.0},
    "assessment": {"algorithms": 2.0, "programming": 2.0, "math": 1.5},
    "ml_concepts": {"ml": 3.0, "math": 2.0},
    "system_design": {"system-design": 3.0, "ml": 2.0},
    "onsite": {"algorithms": 1.5, "ml": 1.5, "system-design": 1.5},
}

DEFAULT_PART_WEIGHTS = {"mastery": 0.4, "recall": 0.25, "stories": 0.2, "checklist": 0.15}
PART_WEIGHTS: dict[str, dict[str, float]] = {
    "system_design": {
        "mastery": 0.3,
        "recall": 0.2,
        "stories": 0.1,
        "checklist": 0.1,
        "design": 0.3,
    },
    "onsite": {"mastery": 0.35, "recall": 0.2, "stories": 0.2, "checklist": 0.1, "design": 0.15},
    "behavioral": {"mastery": 0.15, "recall": 0.1, "stories": 0.6, "checklist": 0.15},
    "screen": {"mastery": 0.25, "recall": 0.15, "stories": 0.4, "checklist": 0.2},
}

PART_LABELS = {
    "mastery": "Mastery vs target",
    "recall": "Recall at interview",
    "stories": "Story coverage",
    "checklist": "Checklist",
    "design": "Design practice",
}


@dataclass(frozen=True)
class TopicStanding:
    area_key: str
    level: float | None  # latest self-rating 0–5 (fractional in a projection); None: never
    target: int  # target level 0–5
    weight: float
    recall: float | None  # predicted recall at the interview; None if never reviewed
    topic_id: int | None = None  # lets a plan's projection find the topic


@dataclass(frozen=True)
class ReadinessInputs:
    category: str | None  # the next stage's category; None for a bare target date
    topics: tuple[TopicStanding, ...]
    values_total: int  # competencies the company values (or all competencies)
    values_covered: int  # of those, covered by at least one story
    checklist_total: int
    checklist_done: int
    # Mean phase self-score (1–4) of each design session scored in the last
    # DESIGN_RECENT_DAYS days.
    design_scores: tuple[float, ...] = ()


@dataclass(frozen=True)
class ReadinessPart:
    key: str
    label: str
    value: float | None  # 0–1; None when there is nothing to measure
    weight: float  # share of the score, after rescaling (0 when left out)
    detail: str
    applies: bool = True  # False: this part never counts for the stage (design for a coding one)


@dataclass(frozen=True)
class Readiness:
    score: int  # 0–100
    parts: tuple[ReadinessPart, ...]


def area_relevance(category: str | None, area_key: str) -> float:
    return AREA_RELEVANCE.get(category or "", {}).get(area_key, 1.0)


def _weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    total = weight_sum = 0.0
    for value, weight in pairs:
        total += value * weight
        weight_sum += weight
    return total / weight_sum if weight_sum > 0 else None


def mastery_part(
    inputs: ReadinessInputs, levels: Mapping[int, float] | None = None
) -> float | None:
    """`levels` (topic id -> level), if given, stand in for those topics' own levels."""
    levels = levels or {}
    return _weighted_mean(
        (
            min((_level(t, levels) or 0) / t.target, 1.0),
            t.weight * area_relevance(inputs.category, t.area_key),
        )
        for t in inputs.topics
        if t.target > 0
    )


def _level(topic: TopicStanding, levels: Mapping[int, float]) -> float | None:
    if topic.topic_id is not None and topic.topic_id in levels:
        return levels[topic.topic_id]
    return topic.level


def recall_part(inputs: ReadinessInputs) -> float | None:
    return _weighted_mean(
        (t.recall or 0.0, t.weight * area_relevance(inputs.category, t.area_key))
        for t in inputs.topics
        if t.target > 0
    )


def _recall_detail(inputs: ReadinessInputs) -> str:
    reviewed = sum(1 for t in inputs.topics if t.recall is not None)
    if reviewed == 0:
        return "not yet reviewed: counts 0"
    return f"{reviewed} topics in review"


def design_applies(category: str | None) -> bool:
    return category in DESIGN_STAGE_CATEGORIES


def design_part(inputs: ReadinessInputs) -> float | None:
    if not design_applies(inputs.category):
        return None
    scores = inputs.design_scores
    return min(sum(scores) / len(scores) / DESIGN_TARGET_SCORE, 1.0) if scores else 0.0


def _design_detail(inputs: ReadinessInputs) -> str:
    scores = inputs.design_scores
    if not design_applies(inputs.category):
        return "counts for ML system design stages"
    if not scores:
        return f"no design session scored in the last {DESIGN_RECENT_DAYS} days: counts 0"
    noun = "session" if len(scores) == 1 else "sessions"
    return (
        f"{len(scores)} {noun} in the last {DESIGN_RECENT_DAYS} days, "
        f"mean {sum(scores) / len(scores):.1f} of 4"
    )


def _share(done: int, total: int) -> float | None:
    return min(done / total, 1.0) if total > 0 else None


def readiness(inputs: ReadinessInputs) -> Readiness:
    values = _part_values(inputs)
    shares, measured = _part_shares(inputs.category, values)
    details = {
        "mastery": f"{sum(1 for t in inputs.topics if t.target > 0 and (t.level or 0) >= t.target)}"
        f" of {sum(1 for t in inputs.topics if t.target > 0)} topics at target",
        "recall": _recall_detail(inputs),
        "stories": f"{inputs.values_covered} of {inputs.values_total} values covered",
        "checklist": f"{inputs.checklist_done} of {inputs.checklist_total} items done",
        "design": _design_detail(inputs),
    }
    parts = tuple(
        ReadinessPart(
            key=key,
            label=PART_LABELS[key],
            value=value,
            weight=shares[key],
            detail=details[key],
            applies=key != "design" or design_applies(inputs.category),
        )
        for key, value in values.items()
    )
    return Readiness(score=round(_exact(values, shares, measured)), parts=parts)


def exact_score(inputs: ReadinessInputs, levels: Mapping[int, float] | None = None) -> float:
    """The score before rounding (0–100), for comparing projections: `levels` (topic id
    -> level), if given, stand in for those topics' own levels (the plan's projection)."""
    values = _part_values(inputs, levels)
    shares, measured = _part_shares(inputs.category, values)
    return _exact(values, shares, measured)


def _part_values(
    inputs: ReadinessInputs, levels: Mapping[int, float] | None = None
) -> dict[str, float | None]:
    return {
        "mastery": mastery_part(inputs, levels),
        "recall": recall_part(inputs),
        "stories": _share(inputs.values_covered, inputs.values_total),
        "checklist": _share(inputs.checklist_done, inputs.checklist_total),
        "design": design_part(inputs),
    }


def _part_shares(
    category: str | None, values: dict[str, float | None]
) -> tuple[dict[str, float], float]:
    """Each part's share of the score, the measurable parts' weights rescaled to 1."""
    weights = PART_WEIGHTS.get(category or "", DEFAULT_PART_WEIGHTS)
    measured = sum(weights.get(key, 0.0) for key, value in values.items() if value is not None)
    shares = {
        key: weights.get(key, 0.0) / measured if value is not None and measured else 0.0
        for key, value in values.items()
    }
    return shares, measured


def _exact(values: dict[str, float | None], shares: dict[str, float], measured: float) -> float:
    exact = (
        100 * sum((value or 0.0) * shares[key] for key, value in values.items())
        if measured
        else 0.0
    )
    return max(0.0, min(100.0, exact))


def tooltip_text(result: Readiness) -> str:
    """The explanation shown on hover: every part, its value and its share of the score."""
    lines = [f"Readiness {result.score} / 100 is a weighted mean of:"]
    for part in result.parts:
        if not part.applies:
            continue
        if part.value is None:
            lines.append(f"• {part.label}: nothing to measure yet (left out)")
        else:
            lines.append(
                f"• {part.label}: {part.value * 100:.0f}% × {part.weight * 100:.0f}% "
                f"({part.detail})"
            )
    lines.append(
        "Mastery and recall weigh each topic by its weight and by how much its area "
        "matters for the next stage."
    )
    return "\n".join(lines)
