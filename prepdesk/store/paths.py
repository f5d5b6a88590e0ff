"""Where prepdesk keeps its files: one data folder holds the database, lock and backups."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "PREPDESK_DATA_DIR"
DATABASE_NAME = "prepdesk.sqlite3"


def default_data_dir() -> Path:
    """The data folder: $PREPDESK_DATA_DIR if set, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("prepdesk", appauthor=False, roaming=True))


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        root = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return cls(root.absolute())

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def lock(self) -> Path:
        return self.root / "prepdesk.lock"

    @property
    def log_file(self) -> Path:
        """Where details of an unexpected error (a bug) are appended."""
        return self.root / "logs" / "prepdesk.log"

    @property
    def quarantine(self) -> Path:
        """Where damaged databases are moved aside (never deleted)."""
        return self.root / "damaged"

    def ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.backups.mkdir(exist_ok=True)
