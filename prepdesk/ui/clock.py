"""The current time for the UI; tests pass their own clock instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from prepdesk.core.presentation import count_noun

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def countdown_text(until: datetime | None, now: datetime) -> str:
    """'in 2 days 4 h', 'in 35 min', 'started' — short enough for a header."""
    if until is None:
        return "not scheduled"
    seconds = int((until - now).total_seconds())
    if seconds <= 0:
        return "started"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"in {count_noun(days, 'day')} {hours} h"
    if hours:
        return f"in {hours} h {minutes} min"
    return f"in {minutes} min"
