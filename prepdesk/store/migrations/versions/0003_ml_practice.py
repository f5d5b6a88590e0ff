"""ML practice: design prompts, timed design sessions and their phases, technical
questions with their topics; review cards for prompts and questions; search over them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 09:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from prepdesk.store.search_schema import SOURCES_AT_0003, fill_statements, trigger_statements

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KIND = "kind IN ('topic', 'problem', 'story')"
OLD_OWNER = "(topic_id IS NOT NULL) + (problem_id IS NOT NULL) + (story_id IS NOT NULL) = 1"
NEW_KIND = "kind IN ('topic', 'problem', 'story', 'design', 'question')"
NEW_OWNER = (
    "(topic_id IS NOT NULL) + (problem_id IS NOT NULL) + (story_id IS NOT NULL)"
    " + (design_prompt_id IS NOT NULL) + (question_id IS NOT NULL) = 1"
)


def upgrade() -> None:
    op.create_table(
        "design_prompt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("brief", sa.Text(), nullable=False),
        sa.Column("clarifying", sa.Text(), nullable=False),
        sa.Column("tradeoffs", sa.Text(), nullable=False),
        sa.Column("covers", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_design_prompt")),
        sa.UniqueConstraint("key", name=op.f("uq_design_prompt_key")),
    )
    op.create_table(
        "tech_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("difficulty", sa.String(length=16), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "difficulty IN ('easy', 'medium', 'hard')",
            name=op.f("ck_tech_question_difficulty_valid"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_question")),
        sa.UniqueConstraint("key", name=op.f("uq_tech_question_key")),
    )
    op.create_table(
        "design_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prompt_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("total_minutes", sa.Integer(), nullable=False),
        sa.Column("covered", sa.Text(), nullable=False),
        sa.Column("improve", sa.Text(), nullable=False),
        sa.Column("scored", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "total_minutes BETWEEN 10 AND 180",
            name=op.f("ck_design_session_total_minutes_range"),
        ),
        sa.ForeignKeyConstraint(
            ["prompt_id"],
            ["design_prompt.id"],
            name=op.f("fk_design_session_prompt_id_design_prompt"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_design_session")),
    )
    with op.batch_alter_table("design_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_design_session_prompt_id"), ["prompt_id"])
        batch_op.create_index(batch_op.f("ix_design_session_started_at"), ["started_at"])
    op.create_table(
        "design_phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("budget_seconds", sa.Integer(), nullable=False),
        sa.Column("spent_seconds", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "phase IN ('requirements', 'data', 'features', 'model', 'evaluation', "
            "'serving', 'monitoring')",
            name=op.f("ck_design_phase_phase_valid"),
        ),
        sa.CheckConstraint(
            "score IS NULL OR score BETWEEN 1 AND 4", name=op.f("ck_design_phase_score_range")
        ),
        sa.CheckConstraint(
            "budget_seconds >= 0 AND spent_seconds >= 0",
            name=op.f("ck_design_phase_seconds_range"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["design_session.id"],
            name=op.f("fk_design_phase_session_id_design_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_design_phase")),
        sa.UniqueConstraint("session_id", "phase", name=op.f("uq_design_phase_session_id")),
    )
    op.create_table(
        "tech_question_topic",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["tech_question.id"],
            name=op.f("fk_tech_question_topic_question_id_tech_question"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_tech_question_topic_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", "topic_id", name=op.f("pk_tech_question_topic")),
    )
    with op.batch_alter_table("tech_question_topic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tech_question_topic_topic_id"), ["topic_id"])

    # Review cards may now belong to a design prompt or a technical question.
    with op.batch_alter_table("review_card", schema=None) as batch_op:
        batch_op.add_column(sa.Column("design_prompt_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("question_id", sa.Integer(), nullable=True))
        batch_op.drop_constraint(op.f("ck_review_card_kind_valid"), type_="check")
        batch_op.drop_constraint(op.f("ck_review_card_one_owner"), type_="check")
        batch_op.create_check_constraint(op.f("ck_review_card_kind_valid"), sa.text(NEW_KIND))
        batch_op.create_check_constraint(op.f("ck_review_card_one_owner"), sa.text(NEW_OWNER))
        batch_op.create_unique_constraint(
            op.f("uq_review_card_design_prompt_id"), ["design_prompt_id"]
        )
        batch_op.create_unique_constraint(op.f("uq_review_card_question_id"), ["question_id"])
        batch_op.create_foreign_key(
            op.f("fk_review_card_design_prompt_id_design_prompt"),
            "design_prompt",
            ["design_prompt_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_foreign_key(
            op.f("fk_review_card_question_id_tech_question"),
            "tech_question",
            ["question_id"],
            ["id"],
            ondelete="CASCADE",
        )

    for statement in trigger_statements(SOURCES_AT_0003):
        op.execute(statement)
    for statement in fill_statements(SOURCES_AT_0003):
        op.execute(statement)


def downgrade() -> None:
    for source in SOURCES_AT_0003:
        op.execute(f"DELETE FROM search_index WHERE kind = '{source.kind}'")
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_index_{source.table}_{suffix}")
    op.execute("DELETE FROM review_card WHERE kind IN ('design', 'question')")
    with op.batch_alter_table("review_card", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_review_card_question_id_tech_question"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            op.f("fk_review_card_design_prompt_id_design_prompt"), type_="foreignkey"
        )
        batch_op.drop_constraint(op.f("uq_review_card_question_id"), type_="unique")
        batch_op.drop_constraint(op.f("uq_review_card_design_prompt_id"), type_="unique")
        batch_op.drop_constraint(op.f("ck_review_card_one_owner"), type_="check")
        batch_op.drop_constraint(op.f("ck_review_card_kind_valid"), type_="check")
        batch_op.create_check_constraint(op.f("ck_review_card_kind_valid"), sa.text(OLD_KIND))
        batch_op.create_check_constraint(op.f("ck_review_card_one_owner"), sa.text(OLD_OWNER))
        batch_op.drop_column("question_id")
        batch_op.drop_column("design_prompt_id")
    op.drop_table("tech_question_topic")
    op.drop_table("design_phase")
    op.drop_table("design_session")
    op.drop_table("tech_question")
    op.drop_table("design_prompt")
