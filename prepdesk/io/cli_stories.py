"""`prepdesk export-stories FILE.md`: every STAR story in one Markdown file."""

from __future__ import annotations

import argparse
from pathlib import Path

from prepdesk.core.presentation import count_noun
from prepdesk.store.paths import DataPaths


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export-stories", help="export every STAR story as one Markdown file"
    )
    export.add_argument("file", metavar="FILE.md", type=Path)
    export.set_defaults(handler=cmd_export_stories)


def cmd_export_stories(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.export_target import write_export
    from prepdesk.io.stories_markdown import stories_markdown
    from prepdesk.store.repositories.stories import StoryRepository
    from prepdesk.store.snapshot import ReadOnlyDatabase

    db = ReadOnlyDatabase.open(paths)  # only reads: runs beside an open window
    try:
        with db.transaction() as session:
            stories = StoryRepository(session).all_views()
    finally:
        db.close()
    write_export(args.file, stories_markdown(stories), paths)
    print(f"Exported {count_noun(len(stories), 'story')} to {args.file}")
    return 0
