"""The presentation module: every stored value has words, plurals, dates and file names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import CheckConstraint

from prepdesk.core import presentation
from prepdesk.core.backup_rotation import BACKUP_REASONS
from prepdesk.core.checklist_rules import SECTIONS
from prepdesk.core.design_practice import PHASE_KEYS
from prepdesk.core.rehearsal import PICK_MODES
from prepdesk.core.star import PARTS
from prepdesk.io.json_format import CHOICES
from prepdesk.store.models import Base

_IN = re.compile(r"^\s*(\w+)\s+IN\s*\((.*)\)\s*$", re.IGNORECASE | re.DOTALL)


def _stored_choice_sets() -> dict[str, tuple[str, ...]]:
    """Every "table.column" the database limits to a fixed set, with the set, read from the
    models' CHECK constraints (so a new constraint or value shows up here by itself)."""
    found: dict[str, tuple[str, ...]] = {}
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if not isinstance(constraint, CheckConstraint):
                continue
            match = _IN.match(str(constraint.sqltext))
            if match:
                values = tuple(v.strip().strip("'") for v in match[2].split(","))
                found[f"{table.name}.{match[1]}"] = values
    for (table_name, column), values in CHOICES.items():
        found.setdefault(f"{table_name}.{column}", tuple(values))
    return found


def _core_choice_sets() -> dict[str, tuple[str, ...]]:
    from prepdesk.ui.theme import THEMES

    return {
        "backup_reason": BACKUP_REASONS,
        "checklist_section": SECTIONS,
        "design_phase": PHASE_KEYS,
        "pick_mode": PICK_MODES,
        "star_part": PARTS,
        "theme": THEMES,
    }


def _assert_has_words(vocabulary: str, raw: str) -> None:
    words = presentation.vocabularies()[vocabulary].get(raw)
    assert words, f"{vocabulary} value {raw!r} has no words in core.presentation"
    assert words.strip() == words and words[0].isupper(), (vocabulary, raw, words)
    if raw.islower() or "_" in raw or "-" in raw:
        assert words != raw, f"{vocabulary} value {raw!r} is shown as stored"
    assert presentation.label(vocabulary, raw) == words


def test_every_stored_choice_set_is_found_and_has_a_vocabulary() -> None:
    stored = _stored_choice_sets()
    assert len(stored) >= 10  # the constraints were read, not silently missed
    missing = sorted(set(stored) - set(presentation.COLUMN_VOCABULARY))
    assert not missing, f"stored choice sets with no words: {missing}"


@pytest.mark.parametrize("column", sorted(_stored_choice_sets()))
def test_every_value_the_database_accepts_has_words(column: str) -> None:
    vocabulary = presentation.COLUMN_VOCABULARY[column]
    for raw in _stored_choice_sets()[column]:
        _assert_has_words(vocabulary, raw)


@pytest.mark.parametrize("vocabulary", sorted(_core_choice_sets()))
def test_every_core_choice_has_words(vocabulary: str) -> None:
    for raw in _core_choice_sets()[vocabulary]:
        _assert_has_words(vocabulary, raw)


def test_choices_pair_stored_values_with_their_words() -> None:
    assert presentation.choices("stage_format")[0] == ("video", "Video call")
    assert ("ml practice", "ML practice") in presentation.choices("ask_category")
    assert presentation.label("card_state", 2) == "Review"


def test_a_value_without_words_is_still_shown_as_words() -> None:
    assert presentation.label("stage_category", "take_home_ml") == "Take home ML"
    assert presentation.humanize("ml_concepts") == "ML concepts"
    assert presentation.label("backup_reason", "") == "Backup"


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (0, "stage", "0 stages"),
        (1, "stage", "1 stage"),
        (6, "stage", "6 stages"),
        (1, "upcoming stage", "1 upcoming stage"),
        (6, "upcoming stage", "6 upcoming stages"),
        (2, "story", "2 stories"),
        (2, "day", "2 days"),
        (3, "match", "3 matches"),
        (2, "box", "2 boxes"),
        (2, "person", "2 people"),
        (1, "person", "1 person"),
        (4, "analysis", "4 analyses"),
        (5, "company", "5 companies"),
        (2, "row", "2 rows"),
        (-1, "minute", "-1 minutes"),
    ],
)
def test_count_noun(count: int, noun: str, expected: str) -> None:
    assert presentation.count_noun(count, noun) == expected


def test_count_noun_takes_a_plural_no_rule_gives() -> None:
    assert presentation.count_noun(2, "mouse", "mice") == "2 mice"
    assert presentation.noun_for(1, "mouse", "mice") == "mouse"
    assert presentation.plural("Person") == "People"


def test_one_date_and_one_date_time_format() -> None:
    assert presentation.date_text(date(2026, 11, 30)) == "30 Nov 2026"
    moment = datetime(2026, 11, 30, 14, 5)
    assert presentation.datetime_text(moment) == "30 Nov 2026, 14:05"
    assert presentation.time_text(moment) == "14:05"
    assert presentation.weekday_date_text(date(2026, 10, 20)) == "Tue 20 Oct 2026"
    aware = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)
    assert presentation.date_text(aware) == presentation.date_text(aware.astimezone())


def test_the_locale_sets_the_patterns_once() -> None:
    try:
        presentation.use_patterns(presentation.date_pattern_for("mdy"), "h:mm AP")
        assert presentation.date_text(date(2026, 3, 4)) == "Mar 4, 2026"
        assert presentation.datetime_text(datetime(2026, 3, 4, 15, 7)) == "Mar 4, 2026, 3:07 PM"
        presentation.use_patterns("dd.MM.yyyy", "HH:mm")
        assert presentation.date_text(date(2026, 3, 4)) == "04.03.2026"
    finally:
        presentation.use_patterns()
    assert presentation.date_text(date(2026, 3, 4)) == "4 Mar 2026"


def test_format_pattern_keeps_quoted_text() -> None:
    day = date(2026, 1, 5)
    assert presentation.format_pattern(day, "dddd d MMMM 'of' yyyy") == "Monday 5 January of 2026"


def test_backups_read_as_words() -> None:
    taken = datetime(2026, 11, 30, 14, 5)
    assert presentation.backup_text(taken) == "Backup from 30 Nov 2026, 14:05"
    assert presentation.backup_text(taken, in_sentence=True) == "backup from 30 Nov 2026, 14:05"
    assert presentation.backup_kind("startup") == "Automatic backup at start-up"


def test_suggested_file_names_are_titles_in_full_words_never_ids() -> None:
    name = presentation.suggested_file_name(
        "interview brief", "Acme", "Onsite", date(2026, 12, 3), extension="pdf"
    )
    assert name == "interview-brief-acme-onsite-2026-12-03.pdf"
    title = (
        "Threshold tuning for fraud alerts when precision matters more than recall "
        "in a very long title indeed"
    )
    stem = presentation.suggested_file_name(title, extension=".md").removesuffix(".md")
    assert stem.startswith("threshold-tuning-for-fraud-alerts")
    words = title.lower().split(" ")
    assert all(part in words for part in stem.split("-")), stem  # cut between words
    assert presentation.suggested_file_name("Ünïcode & Co.", extension="md") == "unicode-and-co.md"
    assert presentation.suggested_file_name("", "  ", extension="md") == "prepdesk.md"
