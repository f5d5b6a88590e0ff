"""Stored values as the words a person reads: statuses, kinds, formats, categories.

Every fixed vocabulary the database, the settings or the backups store is listed
here once with its words. `label(vocabulary, value)` is how the rest of prepdesk
asks for them; `choices(vocabulary)` gives (value, words) pairs for a combo box.
A value with no words (a vocabulary grew) is still shown as words, never as the
raw token: the fallback turns "take_home" into "Take home", and a test fails until
the new value has its proper words here.
"""

from __future__ import annotations

from functools import cache

# The stored token -> the words. Keys are the values as stored (ints as their digits).
# Vocabularies whose words live beside their rules (design phases, checklist sections,
# STAR parts, rehearsal pick modes) are added by `vocabularies()`: importing them here
# would tie this module into those modules' imports of it.
_WORDS: dict[str, dict[str, str]] = {
    "company_status": {
        "researching": "Researching",
        "applied": "Applied",
        "interviewing": "Interviewing",
        "offer": "Offer",
        "rejected": "Rejected",
        "withdrawn": "Withdrawn",
    },
    "stage_format": {
        "video": "Video call",
        "phone": "Phone call",
        "onsite": "On-site",
        "take-home": "Take-home",
    },
    "stage_category": {
        "screen": "Screen",
        "assessment": "Assessment",
        "coding": "Coding",
        "ml_concepts": "ML concepts",
        "system_design": "System design",
        "behavioral": "Behavioral",
        "onsite": "On-site",
        "offer": "Offer",
        "other": "Other",
    },
    "ask_category": {
        "team": "Team",
        "projects": "Projects",
        "ml practice": "ML practice",
        "growth": "Growth",
        "process": "Process",
    },
    "difficulty": {"easy": "Easy", "medium": "Medium", "hard": "Hard"},
    "question_source": {
        "builtin": "Built-in",
        "user": "Your own",
        "debrief": "From a debrief",
    },
    "card_kind": {
        "topic": "Topic",
        "problem": "Problem",
        "story": "Story",
        "design": "Design prompt",
        "question": "ML question",
    },
    "card_state": {"1": "Learning", "2": "Review", "3": "Relearning"},
    "theme": {"system": "Follow the system", "light": "Light", "dark": "Dark"},
    "person_role": {
        "recruiter": "Recruiter",
        "interviewer": "Interviewer",
        "hiring manager": "Hiring manager",
        "referrer": "Referrer",
    },
    # A stage's outcome is free text; these are the values older versions suggested.
    "stage_outcome": {
        "pending": "Pending",
        "passed": "Passed",
        "rejected": "Rejected",
        "withdrew": "Withdrew",
        "offer": "Offer",
    },
    # Why a backup was taken (the last part of its file name), as the Kind a person reads.
    "backup_reason": {
        "manual": "Backed up by you",
        "startup": "Automatic backup at start-up",
        "periodic": "Automatic backup while working",
        "quit": "Automatic backup on quit",
        "before-import": "Safety copy before an import",
        "before-restore": "Safety copy before a restore",
        "before-demo": "Safety copy before the demo data",
        "pre-migration": "Safety copy before an upgrade",
        "": "Backup",
    },
}

# Which stored column holds which vocabulary ("table.column"), so a test can check that
# every value the database accepts has words.
COLUMN_VOCABULARY: dict[str, str] = {
    "company.status": "company_status",
    "interview_stage.format": "stage_format",
    "stage_type.category": "stage_category",
    "ask_question.category": "ask_category",
    "problem.difficulty": "difficulty",
    "tech_question.difficulty": "difficulty",
    "behavioral_question.source": "question_source",
    "review_card.kind": "card_kind",
    "review_card.state": "card_state",
    "design_phase.phase": "design_phase",
}

# Acronyms kept in capitals when a value without words of its own is turned into words.
_ACRONYMS = {"ml": "ML", "ai": "AI", "llm": "LLM", "nlp": "NLP", "sql": "SQL", "api": "API"}


@cache
def vocabularies() -> dict[str, dict[str, str]]:
    """Every vocabulary by name: the stored token -> the words."""
    from prepdesk.core.checklist_rules import SECTION_TITLES
    from prepdesk.core.design_practice import PHASE_NAMES
    from prepdesk.core.rehearsal import PICK_MODE_LABELS
    from prepdesk.core.star import PART_LABELS

    return {
        **_WORDS,
        "design_phase": dict(PHASE_NAMES),
        "checklist_section": dict(SECTION_TITLES),
        "star_part": dict(PART_LABELS),
        "pick_mode": dict(PICK_MODE_LABELS),
    }


def label(vocabulary: str, value: object) -> str:
    """The words for a stored `value` of `vocabulary` ("company_status", "stage_format", …)."""
    key = "" if value is None else str(value)
    words = vocabularies()[vocabulary].get(key)
    return words if words is not None else humanize(key)


def label_or_text(vocabulary: str, value: str) -> str:
    """Free text that may hold one of the vocabulary's tokens (a stage's outcome): the
    token's words, or the text as the person typed it."""
    return vocabularies()[vocabulary].get(value, value)


def choices(vocabulary: str, values: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(stored value, words) pairs in the vocabulary's order (or `values`' order)."""
    keys = values if values is not None else tuple(vocabularies()[vocabulary])
    return [(key, label(vocabulary, key)) for key in keys if key != ""]


def humanize(token: str) -> str:
    """A token with no words of its own as words: "take_home" -> "Take home", "ml" -> "ML"."""
    parts = token.replace("_", " ").replace("-", " ").split()
    if not parts:
        return ""
    words = [_ACRONYMS.get(part.lower(), part) for part in parts]
    first = words[0]
    words[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(words)
