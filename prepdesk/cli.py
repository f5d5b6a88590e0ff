"""Command line: `prepdesk [--data-dir DIR] [COMMAND]`; no command opens the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from prepdesk import __version__
from prepdesk.store.paths import DATA_DIR_ENV, DataPaths

Handler = Callable[[argparse.Namespace, DataPaths], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line like every other refusal (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="prepdesk",
        description="Get ready for machine-learning engineering interviews, offline.",
        epilog=f"The data folder can also be set with the {DATA_DIR_ENV} variable.",
    )
    parser.add_argument("--version", action="version", version=f"prepdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data folder to use (default: your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check the database for damage (read-only)")
    check.add_argument("--repair", action="store_true", help="rebuild the search index")
    check.set_defaults(handler=_cmd_check)

    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("--to", metavar="FILE", type=Path, help="where to write the copy")
    backup.set_defaults(handler=_cmd_backup)

    demo = commands.add_parser("demo", help="fill the data folder with realistic sample data")
    demo.add_argument(
        "--force",
        action="store_true",
        help="replace existing data (it is backed up first and moved aside, never deleted)",
    )
    demo.set_defaults(handler=_cmd_demo)

    # Feature commands live beside their feature; each module adds its own subcommands.
    from prepdesk.io import cli_companies, cli_data, cli_problems, cli_stories

    for module in (cli_data, cli_problems, cli_companies, cli_stories):
        module.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit codes are listed in prepdesk/io/cli_errors.py."""
    from prepdesk.io.cli_errors import CommandRefused, run_command

    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(arguments)
    except SystemExit as exc:  # --help, --version and usage errors (already printed)
        return exc.code if isinstance(exc.code, int) else 2
    paths = DataPaths.resolve(args.data_dir)
    handler: Handler | None = getattr(args, "handler", None)

    def start() -> int:
        if paths.root.exists() and not paths.root.is_dir():
            raise CommandRefused(f"{paths.root}: this is a file; the data folder must be a folder")
        if handler is None:
            from prepdesk.ui.app import run_gui

            return run_gui(paths)
        return handler(args, paths)

    return run_command(start, paths, arguments)


def _cmd_check(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.store.health import check_database

    if not paths.database.exists():
        from prepdesk.store.restore import newest_good_backup

        if paths.backups.is_dir() and newest_good_backup(paths) is not None:
            from prepdesk.io.cli_errors import refuse

            return refuse(
                f"{paths.database}: missing, but {paths.backups} holds backups of your data; "
                "open prepdesk to restore the newest one"
            )
        print(f"No database yet in {paths.root}: nothing to check.")
        return 0
    problems = check_database(paths.database)
    if not problems and args.repair:
        from prepdesk.io.cli_data import cmd_repair

        return cmd_repair(paths)
    if problems:
        from prepdesk.core.presentation import count_noun
        from prepdesk.io.cli_errors import refuse

        return refuse(
            f"{paths.database}: {count_noun(len(problems), 'problem')} found: {'; '.join(problems)}"
        )
    from prepdesk.store.engine import is_read_only

    read_only = is_read_only(paths.database)
    print(f"{paths.database}: ok" + (" (read-only: prepdesk can read it, not save)" * read_only))
    return 0


def _cmd_backup(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.store.backup import backup_file_name, write_backup
    from prepdesk.store.health import check_database

    if not paths.database.exists():
        print(f"prepdesk: no database in {paths.root} to back up", file=sys.stderr)
        return 1
    problems = check_database(paths.database)
    if problems:
        print(f"prepdesk: not backing up a damaged database: {problems[0]}", file=sys.stderr)
        return 1
    from prepdesk.store.safe_target import check_file_target

    destination = args.to or paths.backups / backup_file_name("manual")
    if args.to is not None:  # never onto the live data, a backup or a folder
        destination = check_file_target(args.to, paths, database_copy=True)
    write_backup(paths.database, destination.absolute())
    print(f"Backed up to {destination}")
    return 0


def _cmd_demo(args: argparse.Namespace, paths: DataPaths) -> int:
    from prepdesk.io.cli_lock import run_locked
    from prepdesk.store.demo_setup import install_demo

    def work() -> int:
        print(install_demo(paths, force=args.force))
        return 0

    return run_locked(paths, work)
