"""Global search: an FTS5 index over topics, stories, projects, companies, questions, problems.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 23:20:00
"""

from collections.abc import Sequence

from alembic import op

from prepdesk.store.search_schema import (
    SOURCES_AT_0002,
    create_statements,
    drop_statements,
    rebuild_statements,
)

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in create_statements(SOURCES_AT_0002):
        op.execute(statement)
    # Rows that existed before this revision are indexed here; triggers take over after.
    for statement in rebuild_statements(SOURCES_AT_0002):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(SOURCES_AT_0002):
        op.execute(statement)
