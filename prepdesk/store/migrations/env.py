"""Alembic environment: always runs on the connection prepdesk hands in, in its transaction."""

from alembic import context

from prepdesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("prepdesk runs migrations through prepdesk.store.migration only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
