"""Role profiles: what a role's interviews ask of each area and topic, as targets and weights.

The profiles are data (resources/role-profiles.json); this module reads and checks them
and says what a profile asks of one topic. A profile gives every topic a target level
(its default unless the profile names the topic) and scales the curriculum's weight of
a topic by the profile's weight for its area.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prepdesk.core.levels import check_level
from prepdesk.core.limits import TOPIC_WEIGHT


@dataclass(frozen=True)
class RoleProfile:
    key: str
    name: str
    description: str
    default_target: int
    area_weights: Mapping[str, float] = field(default_factory=dict)
    targets: Mapping[str, int] = field(default_factory=dict)  # topic key -> target level

    def target_for(self, topic_key: str | None) -> int:
        return self.targets.get(topic_key or "", self.default_target)

    def weight_for(self, area_key: str, curriculum_weight: float) -> float:
        """The curriculum's weight of a topic scaled by the role's weight of its area."""
        scaled = round(curriculum_weight * self.area_weights.get(area_key, 1.0), 2)
        return TOPIC_WEIGHT.clamp(scaled)


def parse_profiles(data: Any) -> tuple[RoleProfile, ...]:
    """The profiles of role-profiles.json; a ValueError naming the first bad entry."""
    try:
        entries = data["profiles"]
    except (TypeError, KeyError) as exc:
        raise ValueError("role profiles: no 'profiles' list") from exc
    profiles = []
    for index, entry in enumerate(entries):
        where = f"role profile {index + 1} ({entry.get('key', '?')})"
        try:
            profile = RoleProfile(
                key=str(entry["key"]),
                name=str(entry["name"]),
                description=str(entry.get("description", "")),
                default_target=check_level(int(entry["default_target"]), "a target"),
                area_weights={
                    str(k): TOPIC_WEIGHT.check(float(v))
                    for k, v in entry.get("area_weights", {}).items()
                },
                targets={
                    str(k): check_level(int(v), "a target")
                    for k, v in entry.get("targets", {}).items()
                },
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{where}: {exc}") from exc
        profiles.append(profile)
    if len({p.key for p in profiles}) != len(profiles):
        raise ValueError("role profiles: two profiles share a key")
    return tuple(profiles)
