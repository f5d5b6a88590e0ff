"""The data's version in the database header: every write, migration and first open
after an upgrade gives it a new one; reads and a start on unchanged data never do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prepdesk.store import data_version
from prepdesk.store.database import Database
from prepdesk.store.repositories.settings import SettingsRepository

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_opening_the_data_again_keeps_its_version(db, paths):
    # Every start opens (and would seed) the data: that must not look like a change.
    version = data_version.version_of(paths.database)
    assert version != data_version.UNKNOWN
    db.close()
    Database.open(paths).close()
    assert data_version.version_of(paths.database) == version


def test_only_a_transaction_that_writes_changes_the_version(db, paths):
    version = data_version.version_of(paths.database)
    with db.transaction() as session:
        SettingsRepository(session).all()  # a read
    assert data_version.version_of(paths.database) == version
    with pytest.raises(RuntimeError), db.transaction() as session:
        SettingsRepository(session).set("daily_minutes", 45)
        raise RuntimeError("rolled back")
    assert data_version.version_of(paths.database) == version
    with db.transaction() as session:
        SettingsRepository(session).set("daily_minutes", 45)
    assert data_version.version_of(paths.database) not in (version, data_version.UNKNOWN)


def test_a_database_written_before_versions_gets_one_when_opened(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema-0001.sqlite3", paths.database)
    assert data_version.version_of(paths.database) == data_version.UNKNOWN
    Database.open(paths).close()
    assert data_version.version_of(paths.database) != data_version.UNKNOWN
