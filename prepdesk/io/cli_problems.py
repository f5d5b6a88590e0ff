"""`prepdesk import-problems FILE.csv` and `prepdesk export-problems FILE.csv`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prepdesk.store.paths import DataPaths


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    import_problems = commands.add_parser("import-problems", help="import coding problems (CSV)")
    import_problems.add_argument("file", metavar="FILE.csv", type=Path)
    import_problems.set_defaults(handler=cmd_import_problems)
    export_problems = commands.add_parser("export-problems", help="export coding problems (CSV)")
    export_problems.add_argument("file", metavar="FILE.csv", type=Path)
    export_problems.set_defaults(handler=cmd_export_problems)


def cmd_import_problems(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.cli_lock import run_locked
    from prepdesk.io.problems_csv import ProblemCsvRefused, import_problems_csv
    from prepdesk.store.database import Database

    def work() -> int:
        db = Database.open(paths)
        try:
            report = import_problems_csv(db, args.file)
        except ProblemCsvRefused as exc:
            print(f"prepdesk: {args.file}: nothing imported: {exc}", file=sys.stderr)
            return 1
        finally:
            db.close()
        print(report.message())
        return 0

    # A write: never behind the back of a running window.
    return run_locked(paths, work, hint=", or use Import… on the Practice page")


def cmd_export_problems(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.problems_csv import export_problems_csv
    from prepdesk.store.database import Database
    from prepdesk.store.safe_target import check_file_target

    if not paths.database.exists():
        print(f"prepdesk: no database in {paths.root} to export from", file=sys.stderr)
        return 1
    db = Database.open(paths)
    try:
        rows = export_problems_csv(db, check_file_target(args.file, paths))
    except OSError as exc:
        print(f"prepdesk: cannot write {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"Exported {rows} row(s) to {args.file}")
    return 0
