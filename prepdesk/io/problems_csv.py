"""Coding problems as CSV: validate a whole file, then write it in one transaction; export safely.

Columns are documented in docs/problems-csv.md. Row numbers in messages count the
header as row 1, as a spreadsheet does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from prepdesk.core.limits import date_in_range, date_range_text
from prepdesk.core.practice import DIFFICULTIES, MAX_MINUTES, canonical_platform
from prepdesk.core.presentation import count_noun, noun_for
from prepdesk.store.atomic_write import write_file
from prepdesk.store.database import Database
from prepdesk.store.errors import StoreError
from prepdesk.store.models import Problem
from prepdesk.store.repositories.problems import (
    AttemptInput,
    ImportCounts,
    ImportedProblem,
    ProblemInput,
    ProblemRepository,
    TopicChoice,
)
from prepdesk.store.snapshot import ReadOnlyDatabase

COLUMNS = (
    "title",
    "platform",
    "url",
    "difficulty",
    "patterns",
    "topics",
    "notes",
    "date",
    "minutes",
    "solved",
    "attempt_notes",
)
REQUIRED = ("title", "difficulty")
# What each column means, for the app's own help (docs/problems-csv.md says the same).
COLUMN_HELP: tuple[tuple[str, str], ...] = (
    ("title", "The problem's name. Required."),
    ("platform", "LeetCode, HackerRank, Kaggle or another name; blank means Other."),
    ("url", "A link to the problem."),
    ("difficulty", "easy, medium or hard. Required."),
    ("patterns", "Techniques it uses, separated by commas: BFS, DFS, grid."),
    ("topics", "Curriculum topics it practises, separated by semicolons: Graphs; Trees."),
    ("notes", "Notes on the problem."),
    ("date", "When you attempted it: 2026-11-24, or 2026-11-24T18:30. Blank: no attempt."),
    ("minutes", "How long the attempt took, 0 to 1440. Needed with a date."),
    ("solved", "yes or no; blank means no."),
    ("attempt_notes", "Notes on the attempt."),
)
# Text limits are the schema's (one place): the problem table's column lengths.
TITLE_LENGTH: int = Problem.__table__.c.title.type.length  # type: ignore[attr-defined]
PLATFORM_LENGTH: int = Problem.__table__.c.platform.type.length  # type: ignore[attr-defined]
ATTEMPT_COLUMNS = ("date", "minutes", "solved", "attempt_notes")
# Spreadsheets run cells starting with these as formulas; exported cells get a quote.
FORMULA_STARTS = ("=", "+", "-", "@")
YES = {"yes", "y", "true", "1", "solved"}
NO = {"no", "n", "false", "0", "unsolved", ""}


class ProblemCsvRefused(StoreError):
    """The file was not imported; nothing was written. The message says where and why."""


@dataclass(frozen=True)
class ImportReport:
    path: Path
    rows: int
    counts: ImportCounts

    def message(self) -> str:
        c = self.counts
        text = (
            f"Imported {count_noun(self.rows, 'row')} from {self.path.name}: "
            f"{count_noun(c.new_problems, 'new problem')}, "
            f"{count_noun(c.new_attempts, 'new attempt')}"
        )
        if c.existing_problems:
            were = noun_for(c.existing_problems, "was")
            text += f"; {count_noun(c.existing_problems, 'problem')} {were} already in your log"
        if c.skipped_attempts:
            were = noun_for(c.skipped_attempts, "was")
            text += f"; {count_noun(c.skipped_attempts, 'attempt')} already recorded {were} skipped"
        return text + "."


@dataclass
class _Pending:
    row_number: int
    fields: ProblemInput
    attempts: list[AttemptInput] = field(default_factory=list)


# reading --------------------------------------------------------------------------------


def import_problems_csv(db: Database, path: Path, text: str | None = None) -> ImportReport:
    """Validate the whole file, then write it in one transaction; ProblemCsvRefused if bad.

    `text` is the file's content when the caller has read it already (read_csv_text).
    """
    text = read_csv_text(path) if text is None else text
    with db.transaction() as session:
        repository = ProblemRepository(session)
        items, rows = parse_problems_csv(text, repository.topic_choices())
        counts = repository.import_problems(items)
    return ImportReport(path, rows, counts)


def read_csv_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # -sig: Excel writes a BOM
    except FileNotFoundError:
        raise ProblemCsvRefused(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ProblemCsvRefused(
            f"{path}: not UTF-8 text (byte {exc.start}); save the file as CSV UTF-8"
        ) from None
    except OSError as exc:
        raise ProblemCsvRefused(f"{path}: cannot be read: {exc.strerror}") from None


def parse_problems_csv(
    text: str, topics: Sequence[TopicChoice]
) -> tuple[list[ImportedProblem], int]:
    """The problems of a CSV text and its number of data rows; raises on the first bad cell."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error as exc:
        raise ProblemCsvRefused(f"row {reader.line_num}: {exc}") from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ProblemCsvRefused("the file is empty: the first row must name the columns")
    columns = _header(records[0])
    topic_ids = _topic_lookup(topics)
    pending: dict[tuple[str, str], _Pending] = {}
    rows = 0
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines are allowed
        if len(record) > len(columns):
            raise ProblemCsvRefused(
                f"row {index}: {len(record)} cells but only {len(columns)} columns in the header"
            )
        cells = {name: _unquote(record[i]) if i < len(record) else "" for i, name in columns}
        _add_row(pending, _Row(index, cells), topic_ids)
        rows += 1
    if rows == 0:
        raise ProblemCsvRefused("the file has a header but no problems")
    items = [ImportedProblem(p.fields, tuple(p.attempts)) for p in pending.values()]
    return items, rows


def _header(cells: list[str]) -> list[tuple[int, str]]:
    columns: list[tuple[int, str]] = []
    seen: set[str] = set()
    for position, cell in enumerate(cells):
        name = cell.strip().lower().replace(" ", "_")
        if not name:
            continue
        if name not in COLUMNS:
            raise ProblemCsvRefused(
                f"row 1: unknown column {cell.strip()!r}; the columns are: {', '.join(COLUMNS)}"
            )
        if name in seen:
            raise ProblemCsvRefused(f"row 1: column {name!r} appears twice")
        seen.add(name)
        columns.append((position, name))
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        raise ProblemCsvRefused(f"row 1: the required column {missing[0]!r} is missing")
    return columns


def _topic_lookup(topics: Sequence[TopicChoice]) -> dict[str, list[int]]:
    lookup: dict[str, list[int]] = {}
    for topic in topics:
        names = {topic.name.lower()} | ({topic.key.lower()} if topic.key else set())
        for name in names:
            lookup.setdefault(name, []).append(topic.id)
    return lookup


class _Row:
    def __init__(self, number: int, cells: dict[str, str]) -> None:
        self.number = number
        self.cells = cells

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def refuse(self, column: str, problem: str) -> ProblemCsvRefused:
        return ProblemCsvRefused(f"row {self.number}, column {column!r}: {problem}")


def _add_row(
    pending: dict[tuple[str, str], _Pending], row: _Row, topic_ids: dict[str, list[int]]
) -> None:
    fields = _problem_fields(row, topic_ids)
    key = (fields.platform, fields.title)
    entry = pending.get(key)
    if entry is None:
        entry = pending[key] = _Pending(row.number, fields)
    else:
        _check_same_problem(entry, fields, row)
    attempt = _attempt(row)
    if attempt is not None:
        entry.attempts.append(attempt)


def _problem_fields(row: _Row, topic_ids: dict[str, list[int]]) -> ProblemInput:
    title = row.get("title")
    if not title:
        raise row.refuse("title", "a problem needs a title")
    if len(title) > TITLE_LENGTH:
        raise row.refuse("title", f"at most {TITLE_LENGTH} characters, got {len(title)}")
    platform = canonical_platform(row.get("platform")) or "Other"
    if len(platform) > PLATFORM_LENGTH:
        raise row.refuse("platform", f"at most {PLATFORM_LENGTH} characters, got {len(platform)}")
    difficulty = row.get("difficulty").lower()
    if difficulty not in DIFFICULTIES:
        raise row.refuse(
            "difficulty", f"expected easy, medium or hard, got {row.get('difficulty')!r}"
        )
    return ProblemInput(
        title=title,
        platform=platform,
        difficulty=difficulty,
        url=row.get("url"),
        patterns=row.get("patterns"),
        notes=row.cells.get("notes", "").strip(),
        topic_ids=_topics(row, topic_ids),
    )


def _topics(row: _Row, topic_ids: dict[str, list[int]]) -> tuple[int, ...]:
    found: list[int] = []
    for name in (part.strip() for part in row.get("topics").split(";")):
        if not name:
            continue
        ids = topic_ids.get(name.lower())
        if not ids:
            raise row.refuse("topics", f"no curriculum topic has the name or key {name!r}")
        if len(ids) > 1:
            raise row.refuse("topics", f"{name!r} names {len(ids)} topics; use its key")
        if ids[0] not in found:
            found.append(ids[0])
    return tuple(found)


def _check_same_problem(entry: _Pending, fields: ProblemInput, row: _Row) -> None:
    """Later rows of a problem may repeat its fields or leave them blank, not contradict them."""
    first = entry.fields
    for column in ("difficulty", "url", "patterns", "notes"):
        value = getattr(fields, column)
        if value and value != getattr(first, column):
            raise row.refuse(
                column,
                f"{first.title!r} ({first.platform}) was given {getattr(first, column)!r} "
                f"on row {entry.row_number}, here {value!r}",
            )
    if fields.topic_ids and set(fields.topic_ids) != set(first.topic_ids):
        raise row.refuse(
            "topics", f"{first.title!r} was given other topics on row {entry.row_number}"
        )


def _attempt(row: _Row) -> AttemptInput | None:
    when_text = row.get("date")
    if not when_text:
        for column in ("minutes", "solved", "attempt_notes"):
            if row.get(column):
                raise row.refuse("date", f"an attempt needs a date (its {column} is filled in)")
        return None
    when = _parse_when(when_text)
    if when is None:
        raise row.refuse(
            "date",
            f"expected an ISO date such as 2026-11-24 or 2026-11-24T18:30, got {when_text!r}",
        )
    if not date_in_range(when.date()):
        raise row.refuse("date", f"{when_text!r} is outside {date_range_text()}")
    minutes_text = row.get("minutes")
    if not (minutes_text.isascii() and minutes_text.isdigit()):
        raise row.refuse(
            "minutes", f"expected whole minutes from 0 to {MAX_MINUTES}, got {minutes_text!r}"
        )
    minutes = int(minutes_text[:12])  # more digits than that is out of range anyway
    if len(minutes_text) > 12 or minutes > MAX_MINUTES:
        raise row.refuse(
            "minutes", f"expected whole minutes from 0 to {MAX_MINUTES}, got {minutes_text[:20]}"
        )
    solved_text = row.get("solved").lower()
    if solved_text not in YES | NO:
        raise row.refuse("solved", f"expected yes or no, got {row.get('solved')!r}")
    return AttemptInput(
        when, minutes, solved_text in YES, row.cells.get("attempt_notes", "").strip()
    )


def _parse_when(text: str) -> datetime | None:
    """An ISO date (noon, local time) or date-time (local time unless it has an offset)."""
    try:
        if len(text) == 10:
            when = datetime.combine(date.fromisoformat(text), time(12, 0))
        else:
            when = datetime.fromisoformat(text)
        if not date_in_range(when.date()):
            return when  # refused by the caller, with the range
        return when if when.tzinfo is not None else when.astimezone()
    except (ValueError, OverflowError):
        return None


def _unquote(cell: str) -> str:
    """Undo export's neutralisation, so an exported file imports to the same text."""
    if cell.startswith("'") and cell[1:2] in FORMULA_STARTS:
        return cell[1:]
    return cell


# writing --------------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula, made plain text with a leading quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def export_problems_csv(db: Database | ReadOnlyDatabase, path: Path) -> int:
    """Write every problem (one row per attempt) atomically; returns the number of rows."""
    with db.transaction() as session:
        repository = ProblemRepository(session)
        keys = {c.id: c.key or c.name for c in repository.topic_choices()}
        records = list(_export_records(repository, keys))
    text = io.StringIO(newline="")
    csv.writer(text).writerows([list(COLUMNS), *records])
    write_file(path, text.getvalue())  # the one atomic writer: never a half-written file
    return len(records)


def _export_records(repository: ProblemRepository, keys: dict[int, str]) -> Iterable[list[str]]:
    for detail in repository.all_details():
        row = detail.row
        problem = [
            row.title,
            row.platform,
            row.url,
            row.difficulty,
            row.patterns,
            "; ".join(keys[i] for i in detail.topic_ids if i in keys),
            detail.notes,
        ]
        if not detail.attempts:
            yield [neutralise(cell) for cell in [*problem, "", "", "", ""]]
        for attempt in detail.attempts:
            when = attempt.attempted_at.astimezone().strftime("%Y-%m-%dT%H:%M")
            cells = [*problem, when, str(attempt.minutes), "yes" if attempt.solved else "no"]
            yield [neutralise(cell) for cell in [*cells, attempt.notes]]
