"""CSV export for spreadsheets: one file per table in a folder.

A cell starting with =, +, - or @ would be run as a formula by spreadsheet
programs; such cells get a leading apostrophe (the OWASP advice), which those
programs hide and treat as "this is text".
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.io.atomic_file import write_atomically
from prepdesk.io.json_export import _plain
from prepdesk.io.json_format import export_tables

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> str:
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, bool):
        return "true" if plain else "false"
    cell = str(plain)
    if isinstance(plain, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def export_csv_folder(session: Session, folder: Path) -> list[Path]:
    """Write <table>.csv for every table into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in export_tables():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow([c.name for c in table.columns])
        result = session.execute(select(table).order_by(*table.primary_key.columns))
        for row in result:
            writer.writerow([neutralise(v) for v in row])
        # utf-8-sig: spreadsheet programs then read non-ASCII text correctly.
        data = buffer.getvalue().encode("utf-8-sig")
        written.append(write_atomically(folder / f"{table.name}.csv", data))
    return written
