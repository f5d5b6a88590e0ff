"""Role profiles applied to the curriculum: each built-in topic's target and weight."""

from __future__ import annotations

from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.role_profiles import RoleProfile, parse_profiles
from prepdesk.resources import load_json_resource
from prepdesk.store.models import Area, Topic
from prepdesk.store.repositories.settings import SettingsRepository

PROFILE_SETTING = "role_profile"


@cache
def role_profiles() -> tuple[RoleProfile, ...]:
    """The profiles of resources/role-profiles.json, checked."""
    return parse_profiles(load_json_resource("role-profiles.json"))


@cache
def curriculum_weights() -> dict[str, float]:
    """Each built-in topic's weight in the curriculum, before a role scales it."""
    data = load_json_resource("curriculum.json")
    return {
        topic["key"]: float(topic.get("weight", 1.0))
        for area in data["areas"]
        for topic in area["topics"]
    }


def role_profile(key: str) -> RoleProfile:
    for profile in role_profiles():
        if profile.key == key:
            return profile
    raise ValueError(f"no role profile called {key!r}")


class RoleProfileRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def current(self) -> RoleProfile | None:
        key = SettingsRepository(self._session).get(PROFILE_SETTING)
        return next((p for p in role_profiles() if p.key == key), None)

    def apply(self, key: str) -> int:
        """Set every built-in topic's target and weight from the profile; how many topics.

        Topics the person added (no curriculum key) keep theirs; applying the same
        profile again gives the same values (weights start from the curriculum's).
        """
        profile = role_profile(key)
        weights = curriculum_weights()
        count = 0
        rows = self._session.execute(
            select(Topic, Area.key)
            .join(Area, Topic.area_id == Area.id)
            .where(Topic.key.is_not(None))
        )
        for topic, area_key in rows:
            topic.target_level = profile.target_for(topic.key)
            base = weights.get(topic.key or "", topic.weight)
            topic.weight = profile.weight_for(area_key, base)
            count += 1
        SettingsRepository(self._session).set(PROFILE_SETTING, key)
        return count
