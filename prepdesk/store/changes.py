"""The kinds of data a write can change; the UI refreshes only what depends on them.

Callers never name the kinds themselves: `store/write_tracking.py` records the tables a
transaction wrote, and `changes_for_tables` turns them into these flags.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Change(enum.Flag):
    NONE = 0
    TOPICS = enum.auto()  # curriculum: areas, topics, notes, targets
    RATINGS = enum.auto()
    SESSIONS = enum.auto()
    REVIEWS = enum.auto()  # review cards and logs
    PROBLEMS = enum.auto()  # coding problems and attempts
    STORIES = enum.auto()  # projects, stories, competencies, questions, links
    PRACTICE = enum.auto()  # story practice runs
    COMPANIES = enum.auto()  # companies, people, questions to ask
    STAGES = enum.auto()  # interview stages and debriefs
    CHECKLIST = enum.auto()
    SETTINGS = enum.auto()
    ALL = (
        TOPICS
        | RATINGS
        | SESSIONS
        | REVIEWS
        | PROBLEMS
        | STORIES
        | PRACTICE
        | COMPANIES
        | STAGES
        | CHECKLIST
        | SETTINGS
    )


# Every table of the schema and the kind of data it holds. A table missing here is
# reported as Change.ALL (refresh everything), so a new table can never go unnoticed;
# tests/unit/test_write_tracking.py fails until it is listed.
TABLE_CHANGES: dict[str, Change] = {
    "area": Change.TOPICS,
    "topic": Change.TOPICS,
    "rating": Change.RATINGS,
    "study_session": Change.SESSIONS,
    "review_card": Change.REVIEWS,
    "review_log": Change.REVIEWS,
    "problem": Change.PROBLEMS,
    "attempt": Change.PROBLEMS,
    "problem_topic": Change.PROBLEMS,
    "project": Change.STORIES,
    "story": Change.STORIES,
    "competency": Change.STORIES,
    "behavioral_question": Change.STORIES,
    "story_competency": Change.STORIES,
    "story_question": Change.STORIES,
    "follow_up": Change.STORIES,
    "practice_run": Change.PRACTICE,
    "company": Change.COMPANIES,
    "person": Change.COMPANIES,
    "company_question": Change.COMPANIES,
    "company_value": Change.COMPANIES,
    "ask_question": Change.COMPANIES,
    "interview_stage": Change.STAGES,
    "stage_type": Change.STAGES,
    "stage_interviewer": Change.STAGES,
    "debrief_question": Change.STAGES,
    "checklist_item": Change.CHECKLIST,
    "setting": Change.SETTINGS,
}

# Tables that only mirror others (the full-text search index and its shadow tables).
UNTRACKED_PREFIXES = ("search_index",)


def changes_for_tables(tables: Iterable[str]) -> Change:
    """The kinds of data behind `tables`; an unknown table means everything."""
    changes = Change.NONE
    for table in tables:
        if table.startswith(UNTRACKED_PREFIXES):
            continue
        changes |= TABLE_CHANGES.get(table, Change.ALL)
    return changes
