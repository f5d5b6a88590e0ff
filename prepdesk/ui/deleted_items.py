"""What a delete took away, in words: "story 'Feature store'", "3 follow-ups"."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from prepdesk.core.presentation import date_text
from prepdesk.store.deletion import Deletion

# table -> (one, many); a table not listed reads as its name with spaces.
NOUNS: dict[str, tuple[str, str]] = {
    "area": ("area", "areas"),
    "topic": ("topic", "topics"),
    "rating": ("rating", "ratings"),
    "study_session": ("study session", "study sessions"),
    "review_card": ("review card", "review cards"),
    "review_log": ("review", "reviews"),
    "problem": ("problem", "problems"),
    "attempt": ("attempt", "attempts"),
    "problem_topic": ("topic link", "topic links"),
    "project": ("project", "projects"),
    "story": ("story", "stories"),
    "competency": ("competency", "competencies"),
    "behavioral_question": ("question", "questions"),
    "story_competency": ("competency link", "competency links"),
    "story_question": ("question link", "question links"),
    "follow_up": ("follow-up", "follow-ups"),
    "practice_run": ("rehearsal", "rehearsals"),
    "company": ("company", "companies"),
    "person": ("person", "people"),
    "company_question": ("question to ask", "questions to ask"),
    "company_value": ("value", "values"),
    "ask_question": ("question to ask", "questions to ask"),
    "interview_stage": ("stage", "stages"),
    "stage_type": ("stage type", "stage types"),
    "stage_interviewer": ("interviewer link", "interviewer links"),
    "debrief_question": ("asked question", "asked questions"),
    "checklist_item": ("checklist item", "checklist items"),
    "setting": ("setting", "settings"),
}
NAME_COLUMNS = ("name", "title", "text", "question")
WHEN_COLUMNS = ("attempted_at", "started_at", "scheduled_at", "practised_at", "rated_at")
LONGEST_NAME = 40


def noun(table: str, count: int = 1) -> str:
    one, many = NOUNS.get(table, (table.replace("_", " "),) * 2)
    return one if count == 1 else many


def counted(table: str, count: int) -> str:
    return f"{count} {noun(table, count)}"


def describe(deletion: Deletion) -> str:
    """The deleted item: "story 'Feature store'", "attempt of 12 Mar 2026", "stage"."""
    return f"{noun(deletion.table)}{_identity(deletion.row)}"


def summary(deletion: Deletion) -> str:
    """What an undo brought back: the item, what went with it, what was linked again."""
    text = describe(deletion)
    removed = [counted(table, n) for table, n in deletion.counts().items()]
    if removed:
        text += " with " + _listed(removed)
    relinked = [counted(table, n) for table, n in deletion.unlinked_counts().items()]
    if relinked:
        text += "; linked again: " + _listed(relinked)
    return text


def _identity(row: dict[str, Any]) -> str:
    for column in NAME_COLUMNS:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            name = " ".join(value.split())
            if len(name) > LONGEST_NAME:
                name = name[: LONGEST_NAME - 1] + "…"
            return f" '{name}'"
    for column in WHEN_COLUMNS:
        value = row.get(column)
        if isinstance(value, datetime):
            return f" of {date_text(value)}"
        if isinstance(value, date):
            return f" of {date_text(value)}"
    return ""


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
