"""A backup as a person reads it: when it was taken and why, never its file name."""

from __future__ import annotations

from datetime import datetime

from prepdesk.core.presentation.moments import datetime_text
from prepdesk.core.presentation.words import label


def backup_text(taken_at: datetime, *, in_sentence: bool = False) -> str:
    """ "Backup from 30 Nov 2026, 14:05" ("backup from …" within a sentence)."""
    return f"{'b' if in_sentence else 'B'}ackup from {datetime_text(taken_at)}"


def backup_kind(reason: str) -> str:
    """Why a backup was taken, in words: "startup" -> "Automatic backup at start-up"."""
    return label("backup_reason", reason)
