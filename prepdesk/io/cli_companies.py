"""Command-line handlers: `prepdesk brief` and `prepdesk export-ics`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from prepdesk.store.paths import DataPaths


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    brief = commands.add_parser("brief", help="write the interview-day brief (PDF or Markdown)")
    brief.add_argument(
        "--out", metavar="FILE", type=Path, required=True, help="FILE.pdf or FILE.md"
    )
    brief.add_argument("--stage", metavar="ID", type=int, help="the stage (default: the next one)")
    brief.set_defaults(handler=cmd_brief)
    ics = commands.add_parser("export-ics", help="write upcoming interview stages as .ics")
    ics.add_argument("file", metavar="FILE.ics", type=Path)
    ics.set_defaults(handler=cmd_export_ics)


def cmd_brief(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.brief import NoStageError, brief_markdown, default_stage_id
    from prepdesk.io.brief_pdf import ensure_gui_application, write_pdf
    from prepdesk.io.export_target import write_export
    from prepdesk.store.database import Database
    from prepdesk.store.safe_target import check_file_target

    out: Path = args.out.absolute()
    if out.suffix.lower() not in (".pdf", ".md"):
        print("prepdesk: --out must end in .pdf or .md", file=sys.stderr)
        return 2
    check_file_target(out, paths)  # refused before any work, and before Qt starts
    now = datetime.now(UTC)
    db = Database.open(paths)
    try:
        with db.transaction() as session:
            try:
                stage_id = args.stage if args.stage is not None else default_stage_id(session, now)
                text = brief_markdown(session, stage_id, now)
            except (NoStageError, LookupError) as exc:
                print(f"prepdesk: {exc.args[0] if exc.args else exc}", file=sys.stderr)
                return 1
    finally:
        db.close()
    if out.suffix.lower() == ".md":
        write_export(out, text, paths)
    else:
        ensure_gui_application()
        write_pdf(text, out, paths)
    print(f"Brief written to {out}")
    return 0


def cmd_export_ics(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.ics import export_ics
    from prepdesk.store.database import Database

    db = Database.open(paths)
    try:
        with db.transaction() as session:
            count = export_ics(session, datetime.now(UTC), args.file.absolute())
    finally:
        db.close()
    print(f"{count} upcoming stage(s) written to {args.file}")
    return 0
