"""A migration step that raises leaves the old schema and version; a backup is taken first."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap

import pytest

from prepdesk.store.database import Database
from prepdesk.store.errors import MigrationFailed
from prepdesk.store.migration import MIGRATIONS_DIR, SchemaVersions

FAILING_STEP = textwrap.dedent(
    '''
    """A step that changes the schema, then fails."""
    import sqlalchemy as sa
    from alembic import op

    revision = "0999"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None


    def upgrade():
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
        with op.batch_alter_table("topic") as batch:
            batch.add_column(sa.Column("extra", sa.Text(), nullable=True))
        op.execute("DELETE FROM rating")
        raise RuntimeError("simulated failure in the middle of a migration")


    def downgrade():
        pass
    '''
)


def schema_of(path):
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
    finally:
        conn.close()


def test_failed_step_leaves_old_schema_and_version(paths, tmp_path):
    db = Database.open(paths)
    with db.transaction() as session:
        from prepdesk.store.models import Rating, Topic

        topic = session.query(Topic).first()
        session.add(Rating(topic_id=topic.id, level=3))
    head = SchemaVersions().head
    db.close()
    before = schema_of(paths.database)

    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0999_failing.py").write_text(FAILING_STEP.format(head=head))
    future = SchemaVersions(scripts)
    assert future.head == "0999"

    with pytest.raises(MigrationFailed, match="simulated failure"):
        Database.open(paths, versions=future)

    assert schema_of(paths.database) == before
    conn = sqlite3.connect(paths.database)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    assert conn.execute("SELECT count(*) FROM rating").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # The upgrade was attempted only after a verified copy was written.
    assert list(paths.backups.glob("*pre-migration*.sqlite3"))
    # And the app still opens with the build it has.
    Database.open(paths).close()


def test_successful_upgrade_keeps_data_and_backs_up_first(paths, tmp_path):
    db = Database.open(paths)
    head = SchemaVersions().head
    db.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    step = FAILING_STEP.format(head=head).replace(
        '    op.execute("DELETE FROM rating")\n    raise RuntimeError('
        '"simulated failure in the middle of a migration")\n',
        "",
    )
    (scripts / "versions" / "0999_ok.py").write_text(step)
    db = Database.open(paths, versions=SchemaVersions(scripts))
    db.close()
    conn = sqlite3.connect(paths.database)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0999"
    columns = [row[1] for row in conn.execute("PRAGMA table_info(topic)")]
    assert "extra" in columns
    assert conn.execute("SELECT count(*) FROM topic").fetchone()[0] > 0
    conn.close()
    backups = list(paths.backups.glob("*pre-migration*.sqlite3"))
    assert len(backups) == 1
    assert schema_of(backups[0]) != schema_of(paths.database)
