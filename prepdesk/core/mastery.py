"""An area's mastery: the one definition used on Topics, the dashboard and in the brief.

Mastery of an area = the weighted mean of its topics' latest self-ratings, each topic
weighted by its weight; a topic never rated counts as level 0. Its target is the
weighted mean of the same topics' target levels. Archived topics are left out by the
callers (they are not part of the preparation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TopicLevel:
    level: int | None  # latest self-rating; None when never rated
    target: int
    weight: float


@dataclass(frozen=True)
class AreaMastery:
    level: float
    target: float
    topics: int

    def label(self) -> str:
        return area_label(self.level, self.target)


def area_label(level: float, target: float) -> str:
    """'2.0 / 4.0': the same text wherever an area's mastery is shown."""
    return f"{level:.1f} / {target:.1f}"


def area_mastery(topics: Iterable[TopicLevel]) -> AreaMastery:
    rows = list(topics)
    weight = sum(t.weight for t in rows)
    if not rows or weight <= 0:
        return AreaMastery(0.0, 0.0, len(rows))
    level = sum((t.level or 0) * t.weight for t in rows) / weight
    target = sum(t.target * t.weight for t in rows) / weight
    return AreaMastery(level, target, len(rows))
