"""Every test gets its own data and config folders; nothing touches the user's real files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from prepdesk.store.database import Database
from prepdesk.store.paths import DATA_DIR_ENV, DataPaths
from prepdesk.ui.qt_settings import CONFIG_DIR_ENV


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataPaths:
    data = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    return DataPaths.resolve(data)


@pytest.fixture
def paths(isolated_folders: DataPaths) -> DataPaths:
    return isolated_folders


@pytest.fixture(scope="session")
def new_database_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database as prepdesk creates it on first start (migrated, built-in content seeded),
    made once per test session: creating one runs every migration, about a second."""
    paths = DataPaths.resolve(tmp_path_factory.mktemp("new-database"))
    database = Database.open(paths)
    try:
        database.checkpoint()  # everything in the one file
    finally:
        database.close()
    return paths.database


@pytest.fixture
def db(paths: DataPaths, new_database_template: Path) -> Iterator[Database]:
    """This test's own database file, as a first start creates it (tests of the creation
    itself open a fresh folder with Database.open)."""
    paths.ensure()
    shutil.copyfile(new_database_template, paths.database)
    database = Database.open(paths)
    yield database
    database.close()


@pytest.fixture
def ops(qapp, db: Database):
    from prepdesk.ui.operations import Operations

    return Operations(db)


@pytest.fixture
def main_window(qtbot, ops):
    from PySide6.QtCore import QThreadPool

    from prepdesk.ui.main_window import MainWindow

    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # Pages load off the GUI thread (the dashboard's charts): let that work end here
    # rather than run on into the next test.
    QThreadPool.globalInstance().waitForDone(30_000)
