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

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from prepdesk.io.export_target import data_paths_of, export_folder
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
    """Write <table>.csv for every table into `folder`; returns the files written.

    All or nothing: the files appear in `folder` only once every one is whole.
    """
    written = []
    with export_folder(folder, data_paths_of(session)) as stage:
        for table in export_tables():
            (stage / f"{table.name}.csv").write_bytes(_table_csv(session, table))
            written.append(folder.absolute() / f"{table.name}.csv")
    return written


def _table_csv(session: Session, table: Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([c.name for c in table.columns])
    result = session.execute(select(table).order_by(*table.primary_key.columns))
    for row in result:
        writer.writerow([neutralise(v) for v in row])
    # utf-8-sig: spreadsheet programs then read non-ASCII text correctly.
    return buffer.getvalue().encode("utf-8-sig")
