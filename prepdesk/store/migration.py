"""Schema upgrades with Alembic, all steps in one transaction.

Alembic is imported only when an upgrade runs: a normal start just compares the
database's revision with the ids declared in the migration files, and importing
Alembic would add a fifth of a second to every start for nothing.
"""

from __future__ import annotations

import ast
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from prepdesk.store import data_version
from prepdesk.store.engine import APPLICATION_ID
from prepdesk.store.errors import MigrationFailed

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# `revision = "0001"` or `down_revision: str | None = None` at the top of a migration file.
_DECLARATION = re.compile(r"^(revision|down_revision)\s*(?::[^=]+)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


class SchemaVersions:
    """The revisions this build of prepdesk knows."""

    def __init__(self, script_location: Path = MIGRATIONS_DIR) -> None:
        self.script_location = script_location

    @cached_property
    def _parents(self) -> dict[str, str | None]:
        """Each revision id declared in the versions folder, with the one it follows."""
        parents: dict[str, str | None] = {}
        for path in sorted((self.script_location / "versions").glob("*.py")):
            found = dict(_DECLARATION.findall(path.read_text(encoding="utf-8")))
            if "revision" in found:
                parents[ast.literal_eval(found["revision"])] = ast.literal_eval(
                    found.get("down_revision", "None")
                )
        return parents

    @property
    def head(self) -> str:
        followed = set(self._parents.values())
        heads = [rev for rev in self._parents if rev not in followed]
        assert len(heads) == 1, f"migrations must form one line, found heads {heads}"
        return heads[0]

    def is_known(self, revision: str) -> bool:
        return revision in self._parents

    def upgrade(self, engine: Engine) -> None:
        """Bring the database to head in one transaction, or leave it untouched.

        Foreign keys are switched off for the duration (batch mode rebuilds tables,
        and dropping a referenced table must not cascade), and checked before commit.
        The pragma is a no-op inside a transaction, so it is set before BEGIN.
        """
        from alembic import command

        config = alembic_config(self.script_location)
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationFailed(
                            f"the upgrade would leave {len(broken)} broken references "
                            f"(first in table {broken[0][0]})"
                        )
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                    data_version.stamp(conn)  # migrated data is a new state of the data
            except MigrationFailed:
                raise
            except Exception as exc:
                raise MigrationFailed(f"the database upgrade failed and was undone: {exc}") from exc
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
