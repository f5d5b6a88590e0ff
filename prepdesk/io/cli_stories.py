"""`prepdesk export-stories FILE.md`: every STAR story in one Markdown file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prepdesk.store.paths import DataPaths


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser(
        "export-stories", help="export every STAR story as one Markdown file"
    )
    export.add_argument("file", metavar="FILE.md", type=Path)
    export.set_defaults(handler=cmd_export_stories)


def cmd_export_stories(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.export_target import write_export
    from prepdesk.io.stories_markdown import stories_markdown
    from prepdesk.store.database import Database
    from prepdesk.store.repositories.stories import StoryRepository

    if not paths.database.exists():
        print(f"prepdesk: no database in {paths.root} to export from", file=sys.stderr)
        return 1
    db = Database.open(paths)
    try:
        with db.transaction() as session:
            stories = StoryRepository(session).all_views()
    finally:
        db.close()
    try:
        write_export(args.file, stories_markdown(stories), paths)
    except OSError as exc:
        print(f"prepdesk: cannot write {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Exported {len(stories)} stor{'y' if len(stories) == 1 else 'ies'} to {args.file}")
    return 0
