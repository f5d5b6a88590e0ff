"""Where prepdesk keeps its files: one data folder holds the database, lock and backups."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "PREPDESK_DATA_DIR"
DATABASE_NAME = "prepdesk.sqlite3"
LOCK_NAME = "prepdesk.lock"
BACKUP_PATTERN = "prepdesk-*.sqlite3"


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
        return self.root / LOCK_NAME

    @property
    def cache(self) -> Path:
        """What is kept only to start faster (the last numbers): safe to delete."""
        return self.root / "cache"

    @property
    def log_file(self) -> Path:
        """Where details of an unexpected error (a bug) are appended."""
        return self.root / "logs" / "prepdesk.log"

    @property
    def quarantine(self) -> Path:
        """Where damaged databases are moved aside (never deleted)."""
        return self.root / "damaged"

    @property
    def replaced(self) -> Path:
        """Where `prepdesk demo --force` moves the data it replaces (never deleted)."""
        return self.root / "replaced-by-demo"

    def managed_files(self) -> dict[Path, str]:
        """Every file prepdesk keeps in the folder, with what it is, for refusals."""
        db = str(self.database)
        return {
            self.database: "the live database",
            Path(db + "-wal"): "the live database's write-ahead log",
            Path(db + "-shm"): "the live database's shared-memory file",
            Path(db + "-journal"): "the live database's journal",
            self.lock: "the data folder's lock file",
        }

    def managed_folders(self) -> dict[Path, str]:
        """Folders whose every file prepdesk keeps (backups, damaged and replaced copies)."""
        return {
            self.backups: "a backup",
            self.quarantine: "a damaged database moved aside",
            self.replaced: "data replaced by the demo",
        }

    def looks_like_data_folder(self) -> bool:
        return self.database.is_file() or self.lock.exists()

    def has_backups(self) -> bool:
        return self.backups.is_dir() and any(self.backups.glob(BACKUP_PATTERN))

    def ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.backups.mkdir(exist_ok=True)
