"""Global search over the FTS5 index: prefix matching, results grouped by kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from prepdesk.core.search_text import MATCH_END, MATCH_START, marked_plain
from prepdesk.store.search_schema import INDEX_TABLE, rebuild_statements

# Words as FTS5's unicode61 tokenizer sees them; anything else is a separator.
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_id: int
    title: str
    snippet: str  # plain text around the match; fields apart, Markdown marks dropped
    title_matches: tuple[tuple[int, int], ...] = ()  # (start, end) of each match
    snippet_matches: tuple[tuple[int, int], ...] = ()


def fts_query(typed: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed: every word, as a prefix.

    Words are quoted, so input like `AND`, `"` or `title:` is searched for, never parsed.
    """
    words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


class SearchRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def search(self, typed: str, per_kind: int = 8) -> list[SearchHit]:
        """Best matches first within each kind, at most `per_kind` of each."""
        query = fts_query(typed)
        if query is None:
            return []
        # snippet() cannot sit under a window function, so grouping happens here.
        rows = self._session.execute(
            text(
                "SELECT kind, ref_id,"
                f" highlight({INDEX_TABLE}, 2, :start, :end),"
                f" snippet({INDEX_TABLE}, 3, :start, :end, '…', 14)"
                f" FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :query"
                " ORDER BY rank LIMIT :limit"
            ),
            {"query": query, "limit": per_kind * 40, "start": MATCH_START, "end": MATCH_END},
        )
        grouped: dict[str, list[SearchHit]] = {}
        for kind, ref_id, title, snippet in rows:
            group = grouped.setdefault(str(kind), [])
            if len(group) < per_kind:
                plain_title, title_matches = marked_plain(str(title))
                body, matches = marked_plain(str(snippet))
                group.append(
                    SearchHit(str(kind), int(ref_id), plain_title, body, title_matches, matches)
                )
        return [hit for kind in sorted(grouped) for hit in grouped[kind]]

    def rebuild(self) -> int:
        """Refill the index from the source tables; returns how many rows it holds."""
        for statement in rebuild_statements():
            self._session.execute(text(statement))
        return int(self._session.scalar(text(f"SELECT count(*) FROM {INDEX_TABLE}")) or 0)
