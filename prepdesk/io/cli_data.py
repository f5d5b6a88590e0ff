"""`prepdesk export`, `prepdesk import` and `prepdesk check --repair`: handlers for cli.py."""

from __future__ import annotations

import argparse

from prepdesk.io.cli_lock import run_locked
from prepdesk.store.paths import DataPaths


def cmd_export(args: argparse.Namespace, paths: DataPaths) -> int:
    """Only reads: runs beside an open window, from one consistent snapshot."""
    from prepdesk.io.csv_export import export_csv_folder
    from prepdesk.io.json_export import export_json
    from prepdesk.io.markdown_export import export_markdown_folder
    from prepdesk.store.snapshot import ReadOnlyDatabase

    target = args.file.absolute()
    db = ReadOnlyDatabase.open(paths)
    try:
        with db.transaction() as session:
            if args.format == "csv":
                count = len(export_csv_folder(session, target))
                print(f"Wrote {count} CSV files to {args.file}")
            elif args.format == "markdown":
                count = len(export_markdown_folder(session, target))
                print(f"Wrote {count} Markdown files to {args.file}")
            else:
                rows = export_json(session, target)
                print(f"Exported {rows} rows to {args.file}")
    finally:
        db.close()
    return 0


def cmd_import(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.cli_errors import about
    from prepdesk.io.json_import import ImportRefused, import_export, read_export
    from prepdesk.store.backup import backup_file_name
    from prepdesk.store.database import Database

    try:
        data = read_export(args.file)  # refuses before the database is even opened
    except ImportRefused as exc:
        raise about(args.file, exc) from exc

    def work() -> int:
        db = Database.open(paths)
        try:
            db.backup_to(paths.backups / backup_file_name("before-import"))
            with db.transaction() as session:
                summary = import_export(session, data, merge=args.merge)
        except ImportRefused as exc:
            raise about(args.file, exc) from exc
        finally:
            db.close()
        print(f"Imported {args.file}: {summary.describe()}")
        return 0

    return run_locked(paths, work)


def cmd_repair(paths: DataPaths) -> int:
    """Rebuild the search index (the only derived data prepdesk keeps)."""
    from prepdesk.store.database import Database
    from prepdesk.store.repositories.search import SearchRepository

    def work() -> int:
        db = Database.open(paths)
        try:
            with db.transaction() as session:
                count = SearchRepository(session).rebuild()
        finally:
            db.close()
        print(f"Rebuilt the search index: {count} items.")
        return 0

    return run_locked(paths, work)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from pathlib import Path

    export = commands.add_parser("export", help="export everything to a file or folder")
    export.add_argument("file", metavar="FILE", type=Path, help="the file (or folder) to write")
    export.add_argument(
        "--format",
        choices=("json", "csv", "markdown"),
        default="json",
        help="json: everything, for import (default); csv: a folder with one file per table; "
        "markdown: a folder of notes and stories",
    )
    export.set_defaults(handler=cmd_export)

    imp = commands.add_parser("import", help="import a prepdesk JSON export")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument(
        "--merge",
        action="store_true",
        help="add to the data already there, updating items that match",
    )
    imp.set_defaults(handler=cmd_import)
