"""Command-line handlers: `prepdesk brief` and `prepdesk export-ics`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from prepdesk.core.presentation import count_noun
from prepdesk.store.paths import DataPaths


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    brief = commands.add_parser("brief", help="write the interview-day brief (PDF or Markdown)")
    brief.add_argument(
        "--out", metavar="FILE", type=Path, required=True, help="FILE.pdf or FILE.md"
    )
    brief.add_argument(
        "--stage", metavar="ID", type=_stage_id, help="the stage (default: the next one)"
    )
    brief.set_defaults(handler=cmd_brief)
    ics = commands.add_parser("export-ics", help="write upcoming interview stages as .ics")
    ics.add_argument("file", metavar="FILE.ics", type=Path)
    ics.set_defaults(handler=cmd_export_ics)


def _stage_id(text: str) -> int:
    from prepdesk.core.limits import LARGEST_INTEGER

    if not (text.isascii() and text.isdigit()) or not 0 < int(text[:20]) <= LARGEST_INTEGER:
        raise argparse.ArgumentTypeError(f"a stage id is a positive whole number, not {text!r}")
    return int(text)


def cmd_brief(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.brief import NoStageError, brief_content, default_stage_id, render_markdown
    from prepdesk.io.brief_pdf import ensure_gui_application, write_pdf
    from prepdesk.io.cli_errors import EXIT_USAGE, refuse
    from prepdesk.io.export_target import write_export
    from prepdesk.store.safe_target import check_file_target
    from prepdesk.store.snapshot import ReadOnlyDatabase

    out: Path = args.out.absolute()
    if out.suffix.lower() not in (".pdf", ".md"):
        return refuse(f"{args.out}: --out must end in .pdf or .md", EXIT_USAGE)
    check_file_target(out, paths)  # refused before any work, and before Qt starts
    now = datetime.now(UTC)
    db = ReadOnlyDatabase.open(paths)  # only reads: runs beside an open window
    try:
        with db.transaction() as session:
            try:
                stage_id = args.stage if args.stage is not None else default_stage_id(session, now)
                brief = brief_content(session, stage_id, now)
            except (NoStageError, LookupError) as exc:
                return refuse(str(exc.args[0] if exc.args else exc))
    finally:
        db.close()
    if out.suffix.lower() == ".md":
        write_export(out, render_markdown(brief), paths)
    else:
        ensure_gui_application()
        write_pdf(brief, out, paths)
    print(f"Brief written to {out}")
    return 0


def cmd_export_ics(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.ics import export_ics
    from prepdesk.store.snapshot import ReadOnlyDatabase

    db = ReadOnlyDatabase.open(paths)  # only reads: runs beside an open window
    try:
        with db.transaction() as session:
            count = export_ics(session, datetime.now(UTC), args.file.absolute())
    finally:
        db.close()
    print(f"{count_noun(count, 'upcoming stage')} written to {args.file}")
    return 0
