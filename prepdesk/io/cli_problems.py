"""`prepdesk import-problems FILE.csv` and `prepdesk export-problems FILE.csv`."""

from __future__ import annotations

import argparse
from pathlib import Path

from prepdesk.core.presentation import count_noun
from prepdesk.store.paths import DataPaths


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import_problems = commands.add_parser("import-problems", help="import coding problems (CSV)")
    import_problems.add_argument("file", metavar="FILE.csv", type=Path)
    import_problems.set_defaults(handler=cmd_import_problems)
    export_problems = commands.add_parser("export-problems", help="export coding problems (CSV)")
    export_problems.add_argument("file", metavar="FILE.csv", type=Path)
    export_problems.set_defaults(handler=cmd_export_problems)


def cmd_import_problems(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.cli_errors import about
    from prepdesk.io.cli_lock import run_locked
    from prepdesk.io.problems_csv import ProblemCsvRefused, import_problems_csv, read_csv_text
    from prepdesk.store.database import Database

    try:
        text = read_csv_text(args.file)  # a file that can't be read never opens the database
    except ProblemCsvRefused as exc:
        raise about(args.file, f"nothing imported: {exc}") from exc

    def work() -> int:
        db = Database.open(paths)
        try:
            report = import_problems_csv(db, args.file, text)
        except ProblemCsvRefused as exc:
            raise about(args.file, f"nothing imported: {exc}") from exc
        finally:
            db.close()
        print(report.message())
        return 0

    # A write: never behind the back of a running window.
    return run_locked(paths, work, hint=", or use Import… on the Practice page")


def cmd_export_problems(args: argparse.Namespace, paths: DataPaths) -> int:
    """Only reads: runs beside an open window, from one consistent snapshot."""
    from prepdesk.io.problems_csv import export_problems_csv
    from prepdesk.store.safe_target import check_file_target
    from prepdesk.store.snapshot import ReadOnlyDatabase

    target = check_file_target(args.file, paths)  # never onto the data prepdesk keeps
    db = ReadOnlyDatabase.open(paths)
    try:
        rows = export_problems_csv(db, target)
    finally:
        db.close()
    print(f"Exported {count_noun(rows, 'row')} to {args.file}")
    return 0
