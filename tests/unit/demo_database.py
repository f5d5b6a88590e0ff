"""The demo data, built once per test session and copied into each test's data folder.

Import both fixtures into a test module:
`from tests.unit.demo_database import demo_db_fixture, demo_template_fixture  # noqa: F401`
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.paths import DataPaths

DEMO_DAY = date(2026, 3, 2)


def build_demo_template(folder: Path, day: date) -> Path:
    """A database file holding the demo data dated from `day`."""
    paths = DataPaths.resolve(folder)
    db = Database.open(paths)
    try:
        with db.transaction() as session:
            fill_demo_data(session, day)
        db.checkpoint()  # everything in the one file
    finally:
        db.close()
    return paths.database


def open_copy(template: Path, paths: DataPaths) -> Iterator[Database]:
    """The template copied into `paths` and opened; closed when the test ends."""
    paths.ensure()
    shutil.copyfile(template, paths.database)
    db = Database.open(paths)
    yield db
    db.close()


@pytest.fixture(scope="session", name="demo_template")
def demo_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_template(tmp_path_factory.mktemp("demo-template"), DEMO_DAY)


@pytest.fixture(name="demo_db")
def demo_db_fixture(paths: DataPaths, demo_template: Path) -> Iterator[Database]:
    """A database holding the demo data, in this test's own data folder."""
    yield from open_copy(demo_template, paths)
