"""Coding targets per platform and difficulty: a Kaggle notebook is not a LeetCode easy.

A target is the minutes a solve should take in an interview-ready state. The defaults
below are changed in Preferences (stored as the `coding_targets` setting: platform ->
difficulty -> minutes); a platform not listed is judged by the "Other" targets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prepdesk.core.limits import CODING_TARGET_MINUTES
from prepdesk.core.practice import DIFFICULTIES, PLATFORMS

OTHER = "Other"
DEFAULT_CODING_TARGETS: dict[str, dict[str, int]] = {
    "LeetCode": {"easy": 15, "medium": 30, "hard": 45},
    "HackerRank": {"easy": 15, "medium": 30, "hard": 45},
    # A notebook: load, explore, build features, train and validate a model.
    "Kaggle": {"easy": 60, "medium": 120, "hard": 240},
    OTHER: {"easy": 20, "medium": 40, "hard": 60},
}
assert set(DEFAULT_CODING_TARGETS) == set(PLATFORMS)

CodingTargets = dict[str, dict[str, int]]


def resolve_coding_targets(stored: Any, legacy: Any = None) -> CodingTargets:
    """The defaults, overridden by what the person set (bad entries are ignored).

    `legacy` is the older single `target_minutes` mapping (difficulty -> minutes), which
    applied to every platform; it still applies to the puzzle platforms.
    """
    targets = {p: dict(m) for p, m in DEFAULT_CODING_TARGETS.items()}
    if isinstance(legacy, Mapping):
        for platform in ("LeetCode", "HackerRank"):
            _merge(targets[platform], legacy)
    if isinstance(stored, Mapping):
        for platform, minutes in stored.items():
            if isinstance(minutes, Mapping):
                _merge(targets.setdefault(str(platform), dict(targets[OTHER])), minutes)
    return targets


def _merge(into: dict[str, int], minutes: Mapping[Any, Any]) -> None:
    for difficulty, value in minutes.items():
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        if difficulty in DIFFICULTIES and numeric and CODING_TARGET_MINUTES.contains(value):
            into[str(difficulty)] = int(value)


def coding_target(platform: str, difficulty: str, targets: Mapping[str, Mapping[str, int]]) -> int:
    """The minutes a problem of `platform` and `difficulty` should take."""
    minutes = targets.get(platform) or targets.get(OTHER) or DEFAULT_CODING_TARGETS[OTHER]
    return int(minutes.get(difficulty, minutes.get("medium", 30)))
