"""The full-text search index (SQLite FTS5) and the triggers that keep it in step.

Every searchable row appears once in `search_index`, under a rowid derived from
its table and id (id * 16 + kind code), so triggers update or delete it without
scanning the index. Revision 0002 creates this; changing a source here needs a
new migration that recreates the triggers and rebuilds the index.
"""

from __future__ import annotations

from dataclasses import dataclass

INDEX_TABLE = "search_index"
KIND_SLOTS = 16


@dataclass(frozen=True)
class SearchSource:
    kind: str  # what search results call it; also the page contract's `kind`
    code: int  # 1..15, unique: the low bits of the index rowid
    table: str
    title: str  # a column of the source row, or SQL with {row} standing for the row
    body: tuple[str, ...]  # text columns joined into the searchable body


SOURCES_AT_0002: tuple[SearchSource, ...] = (
    SearchSource("topic", 1, "topic", "name", ("description", "notes", "resources")),
    SearchSource(
        "story", 2, "story", "title", ("situation", "task", "action", "result", "metrics")
    ),
    SearchSource(
        "project",
        3,
        "project",
        "name",
        ("role", "problem", "approach", "challenges", "results", "tech_stack"),
    ),
    SearchSource(
        "company", 4, "company", "name", ("role", "products", "ml_usage", "culture", "notes")
    ),
    SearchSource("behavioral_question", 5, "behavioral_question", "text", ()),
    SearchSource("ask_question", 6, "ask_question", "text", ("category",)),
    SearchSource("company_question", 7, "company_question", "text", ("category",)),
    SearchSource("problem", 8, "problem", "title", ("platform", "patterns", "notes")),
)
# Added by revision 0003 (ML design practice and technical questions).
SOURCES_AT_0003: tuple[SearchSource, ...] = (
    SearchSource(
        "design_prompt",
        9,
        "design_prompt",
        "title",
        ("category", "brief", "clarifying", "tradeoffs", "covers"),
    ),
    SearchSource(
        "design_session",
        10,
        "design_session",
        "(SELECT title FROM design_prompt WHERE id = {row}.prompt_id)",
        ("improve", "covered"),
    ),
    SearchSource(
        "design_phase",
        11,
        "design_phase",
        "(SELECT p.title FROM design_session AS s JOIN design_prompt AS p"
        " ON p.id = s.prompt_id WHERE s.id = {row}.session_id)",
        ("notes",),
    ),
    SearchSource("tech_question", 12, "tech_question", "text", ("answer",)),
)
SOURCES = SOURCES_AT_0002 + SOURCES_AT_0003


def _body_sql(source: SearchSource, row: str) -> str:
    if not source.body:
        return "''"
    return " || char(10) || ".join(f"coalesce({row}.{col}, '')" for col in source.body)


def _title_sql(source: SearchSource, row: str) -> str:
    if "{row}" in source.title:
        return source.title.format(row=row)
    return f"{row}.{source.title}"


def _insert_sql(source: SearchSource, row: str) -> str:
    return (
        f"INSERT INTO {INDEX_TABLE}(rowid, kind, ref_id, title, body) VALUES ("
        f"{row}.id * {KIND_SLOTS} + {source.code}, '{source.kind}', {row}.id, "
        f"coalesce({_title_sql(source, row)}, ''), {_body_sql(source, row)});"
    )


def _delete_sql(source: SearchSource, row: str) -> str:
    return f"DELETE FROM {INDEX_TABLE} WHERE rowid = {row}.id * {KIND_SLOTS} + {source.code};"


def create_statements(sources: tuple[SearchSource, ...] = SOURCES) -> list[str]:
    """The virtual table and three triggers per source."""
    return [
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5("
        "kind UNINDEXED, ref_id UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
        *trigger_statements(sources),
    ]


def trigger_statements(sources: tuple[SearchSource, ...]) -> list[str]:
    """Three triggers per source that keep the index in step with its table."""
    statements = []
    for s in sources:
        name = f"{INDEX_TABLE}_{s.table}"
        statements += [
            f"CREATE TRIGGER {name}_ai AFTER INSERT ON {s.table} BEGIN {_insert_sql(s, 'new')} END",
            f"CREATE TRIGGER {name}_au AFTER UPDATE ON {s.table} BEGIN "
            f"{_delete_sql(s, 'old')} {_insert_sql(s, 'new')} END",
            f"CREATE TRIGGER {name}_ad AFTER DELETE ON {s.table} BEGIN {_delete_sql(s, 'old')} END",
        ]
    return statements


def drop_statements(sources: tuple[SearchSource, ...] = SOURCES) -> list[str]:
    statements = []
    for s in sources:
        for suffix in ("ai", "au", "ad"):
            statements.append(f"DROP TRIGGER IF EXISTS {INDEX_TABLE}_{s.table}_{suffix}")
    statements.append(f"DROP TABLE IF EXISTS {INDEX_TABLE}")
    return statements


def rebuild_statements(sources: tuple[SearchSource, ...] = SOURCES) -> list[str]:
    """Empty the index and fill it from every source row (also used by the migration)."""
    return [f"DELETE FROM {INDEX_TABLE}", *fill_statements(sources)]


def fill_statements(sources: tuple[SearchSource, ...]) -> list[str]:
    """Index every row of `sources` (rows already indexed must have been deleted)."""
    statements = []
    for s in sources:
        statements.append(
            f"INSERT INTO {INDEX_TABLE}(rowid, kind, ref_id, title, body) "
            f"SELECT src.id * {KIND_SLOTS} + {s.code}, '{s.kind}', src.id, "
            f"coalesce({_title_sql(s, 'src')}, ''), {_body_sql(s, 'src')} FROM {s.table} AS src"
        )
    return statements
