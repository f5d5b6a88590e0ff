"""Full export to JSON: every table, stable ordering, no timestamp, written atomically.

The same data always gives the same bytes, so export → import → export round-trips
to an identical file.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.io.export_target import data_paths_of, write_export
from prepdesk.io.json_format import FORMAT_NAME, FORMAT_VERSION, export_tables


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_document(session: Session) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    for table in export_tables():
        result = session.execute(select(table).order_by(*table.primary_key.columns))
        document[table.name] = [
            {key: _plain(value) for key, value in row.items()} for row in result.mappings()
        ]
    return document


def encode_document(document: dict[str, Any]) -> bytes:
    text = json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def export_json(session: Session, path: Path) -> int:
    """Write the whole database to `path`; returns the number of rows written."""
    document = export_document(session)
    write_export(path, encode_document(document), data_paths_of(session))
    return sum(len(v) for v in document.values() if isinstance(v, list))
