"""Indexes for reading topic history fast on years of data: a topic's latest rating (and
its latest before a date) is one seek on rating (topic_id, rated_at); each topic's total
minutes and last session are read from study_session (topic_id, started_at, minutes)
alone. They replace the single-column topic_id indexes, of which they are extensions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 15:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_rating_topic_id_rated_at", "rating", ["topic_id", "rated_at"])
    op.drop_index("ix_rating_topic_id", table_name="rating")
    op.create_index(
        "ix_study_session_topic_id_started_at",
        "study_session",
        ["topic_id", "started_at", "minutes"],
    )
    op.drop_index("ix_study_session_topic_id", table_name="study_session")


def downgrade() -> None:
    op.create_index("ix_study_session_topic_id", "study_session", ["topic_id"])
    op.drop_index("ix_study_session_topic_id_started_at", table_name="study_session")
    op.create_index("ix_rating_topic_id", "rating", ["topic_id"])
    op.drop_index("ix_rating_topic_id_rated_at", table_name="rating")
