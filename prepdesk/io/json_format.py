"""The prepdesk JSON export format, version 1 (described in docs/export-format.md).

One object: {"format": "prepdesk", "version": 1, "<table>": [row, ...], ...}, one
list per table, rows as objects keyed by column name, ordered by primary key.
The column list and types come from the models, so the format holds everything.
What the models' CHECK constraints say is given here as plain choices (and, from
core.limits, ranges), so an import can name the wrong field before writing anything.
"""

from __future__ import annotations

from sqlalchemy import Table

from prepdesk.core.design_practice import PHASE_KEYS
from prepdesk.core.interview_pipeline import (
    ASK_CATEGORIES,
    COMPANY_STATUSES,
    STAGE_CATEGORIES,
    STAGE_FORMATS,
)
from prepdesk.core.limits import COLUMN_RANGES
from prepdesk.core.practice import DIFFICULTIES
from prepdesk.core.question_drills import QUESTION_DIFFICULTIES
from prepdesk.store.models import Base

FORMAT_NAME = "prepdesk"
FORMAT_VERSION = 1


def export_tables() -> list[Table]:
    """Every table, parents before children (the order rows are written in)."""
    return list(Base.metadata.sorted_tables)


# Ranges live in core (one place); imported here for the validator.
RANGES = COLUMN_RANGES

CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("company", "status"): COMPANY_STATUSES,
    ("ask_question", "category"): ASK_CATEGORIES,
    ("stage_type", "category"): STAGE_CATEGORIES,
    ("interview_stage", "format"): STAGE_FORMATS,
    ("problem", "difficulty"): DIFFICULTIES,
    ("behavioral_question", "source"): ("builtin", "user", "debrief"),
    ("review_card", "kind"): ("topic", "problem", "story", "design", "question"),
    ("design_phase", "phase"): PHASE_KEYS,
    ("tech_question", "difficulty"): QUESTION_DIFFICULTIES,
}

# Fields added to a table after files of this format version were first written: a file
# without one is read as if it held null there (an export from an older prepdesk).
ADDED_FIELDS: frozenset[tuple[str, str]] = frozenset({("debrief_question", "tech_question_id")})

# How a merge recognises an item that is already there: the first alternative with
# any of its columns set in the incoming row (compared with IS, so NULL matches
# NULL). Tables not listed match on all their
# columns except the id (a study session with the same topic, time, minutes, note).
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "area": (("key",),),
    "topic": (("key",), ("area_id", "name")),
    "competency": (("name",),),
    "behavioral_question": (("text",),),
    "ask_question": (("text",),),
    "stage_type": (("name",),),
    "setting": (("key",),),
    "project": (("name",),),
    "story": (("title",),),
    "company": (("name",),),
    "problem": (("platform", "title"),),
    "person": (("company_id", "name"),),
    "company_question": (("company_id", "text"),),
    "interview_stage": (("company_id", "position"),),
    "follow_up": (("story_id", "question"),),
    "checklist_item": (("stage_id", "text"),),
    "debrief_question": (("stage_id", "text"),),
    "review_card": (("topic_id", "problem_id", "story_id", "design_prompt_id", "question_id"),),
    "design_prompt": (("key",), ("title",)),
    "design_session": (("prompt_id", "started_at"),),
    "design_phase": (("session_id", "phase"),),
    "tech_question": (("key",), ("text",)),
    "review_log": (("card_id", "reviewed_at"),),
    "rating": (("topic_id", "rated_at"),),
    "study_session": (("topic_id", "started_at"),),
    "attempt": (("problem_id", "attempted_at"),),
    "practice_run": (("practised_at", "story_id", "question_id"),),
}

# Tables that hold only what the user made: a database with rows in any of them is
# not "empty", and a plain (non-merge) import refuses to replace it.
USER_TABLES = (
    "rating",
    "study_session",
    "review_log",
    "problem",
    "attempt",
    "project",
    "story",
    "practice_run",
    "company",
    "design_session",
)
