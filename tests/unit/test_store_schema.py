"""The schema the migrations build is exactly the models' schema, with durable pragmas."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from prepdesk.store.engine import APPLICATION_ID
from prepdesk.store.models import Base
from prepdesk.store.search_schema import INDEX_TABLE


def _not_search_index(obj, name, type_, reflected, compare_to) -> bool:
    # The FTS5 index and its shadow tables live only in migrations, not in the models.
    return not (type_ == "table" and name and name.startswith(INDEX_TABLE))


def test_migrations_produce_the_models_schema(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _not_search_index})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_every_connection_has_durable_settings(db):
    with db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") >= 1000


def test_file_is_marked_as_prepdesk(db, paths):
    conn = sqlite3.connect(paths.database)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()


def test_transactions_are_real_and_roll_back_as_a_whole(db):
    from prepdesk.store.models import Area

    try:
        with db.transaction() as session:
            session.add(Area(key="temp", name="Temp"))
            session.flush()
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with db.transaction() as session:
        assert session.query(Area).filter_by(key="temp").count() == 0


def test_foreign_keys_are_enforced(db):
    import pytest
    from sqlalchemy.exc import IntegrityError

    from prepdesk.store.models import Rating

    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Rating(topic_id=999_999, level=3))


def test_schema_versions_agree_with_alembic():
    # SchemaVersions reads revision ids without importing Alembic (start-up speed);
    # it must see exactly what Alembic sees.
    from alembic.script import ScriptDirectory

    from prepdesk.store.migration import SchemaVersions, alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    versions = SchemaVersions()
    assert versions.head == script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    assert known == set(versions._parents)
    assert all(versions.is_known(rev) for rev in known)
    assert not versions.is_known("ffff_from_the_future")
