"""`prepdesk demo`: a living sample data folder, without ever destroying user data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from prepdesk.store.backup import backup_file_name, write_backup
from prepdesk.store.database import Database, move_aside
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.errors import StoreError
from prepdesk.store.paths import DataPaths
from prepdesk.store.user_data import USER_DATA_TABLES


class DemoRefused(StoreError):
    pass


def holds_user_data(db: Database) -> bool:
    with db.transaction() as session:
        return any(
            session.scalar(select(func.count()).select_from(model)) for model in USER_DATA_TABLES
        )


def install_demo(paths: DataPaths, *, force: bool, today: date | None = None) -> str:
    """Fill the folder with sample data; returns what was done, in a sentence."""
    db = Database.open(paths)
    moved_to = None
    try:
        if holds_user_data(db):
            if not force:
                raise DemoRefused(
                    f"{paths.root} already holds your data; `prepdesk demo --force` "
                    "replaces it after backing it up"
                )
            db.close()
            write_backup(paths.database, paths.backups / backup_file_name("before-demo"))
            moved_to = move_aside(paths, into=paths.replaced)
            db = Database.open(paths)
        with db.transaction() as session:
            fill_demo_data(session, today or date.today())
    finally:
        db.close()
    message = f"Sample data written to {paths.database}."
    if moved_to is not None:
        message += f" Your previous data was moved to {moved_to} and backed up."
    return message
