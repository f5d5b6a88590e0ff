"""File names prepdesk suggests: the item's title in full words, never a database id.

"interview-brief-acme-onsite-2026-12-03.pdf", "threshold-tuning-for-fraud-alerts.md".
Dates in file names are ISO (year-month-day) so that files sort by day.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

MAX_NAME_LENGTH = 80  # before the extension; cut between words, never inside one
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = MAX_NAME_LENGTH) -> str:
    """`text` as lower-case words joined by hyphens, cut at a word boundary within `limit`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in _NOT_WORD.split(plain.lower().replace("&", " and ")) if w]
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    return "-".join(kept)


def unique_stem(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`… when it is in `taken` (case-insensitively); the result
    is added to `taken`. Two items with the same title get distinct names, never their ids."""
    candidate, number = stem, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{stem}-{number}"
    taken.add(candidate.lower())
    return candidate


def suggested_file_name(
    *parts: str | date | datetime | None, extension: str, fallback: str = "prepdesk"
) -> str:
    """A file name from words and days.

    ("interview brief", "Acme", "Onsite", date(2026, 12, 3)), extension="pdf" ->
    "interview-brief-acme-onsite-2026-12-03.pdf".

    Empty parts are left out; a name with no words at all is `fallback`.
    """
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, datetime):
            local = part.astimezone() if part.tzinfo is not None else part
            pieces.append(local.date().isoformat())
        elif isinstance(part, date):
            pieces.append(part.isoformat())
        elif part:
            pieces.append(slug(part))
    name = "-".join(p for p in pieces if p)
    return f"{name or slug(fallback)}.{extension.lstrip('.')}"
