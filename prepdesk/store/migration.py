"""Schema upgrades with Alembic, all steps in one transaction."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from prepdesk.store.engine import APPLICATION_ID
from prepdesk.store.errors import MigrationFailed

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


class SchemaVersions:
    """The revisions this build of prepdesk knows."""

    def __init__(self, script_location: Path = MIGRATIONS_DIR) -> None:
        self.script_location = script_location
        self._script = ScriptDirectory.from_config(alembic_config(script_location))

    @property
    def head(self) -> str:
        head = self._script.get_current_head()
        assert head is not None, "prepdesk ships at least one migration"
        return head

    def is_known(self, revision: str) -> bool:
        try:
            return self._script.get_revision(revision) is not None
        except CommandError:
            return False

    def upgrade(self, engine: Engine) -> None:
        """Bring the database to head in one transaction, or leave it untouched.

        Foreign keys are switched off for the duration (batch mode rebuilds tables,
        and dropping a referenced table must not cascade), and checked before commit.
        The pragma is a no-op inside a transaction, so it is set before BEGIN.
        """
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
            except MigrationFailed:
                raise
            except Exception as exc:
                raise MigrationFailed(f"the database upgrade failed and was undone: {exc}") from exc
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
