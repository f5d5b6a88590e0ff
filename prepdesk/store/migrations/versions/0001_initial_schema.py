"""Initial schema: the whole prepdesk domain.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 22:56:00.026300
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area")),
        sa.UniqueConstraint("key", name=op.f("uq_area_key")),
    )
    op.create_table(
        "ask_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "category IN ('team', 'projects', 'ml practice', 'growth', 'process')",
            name=op.f("ck_ask_question_category_valid"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ask_question")),
        sa.UniqueConstraint("text", name=op.f("uq_ask_question_text")),
    )
    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("products", sa.Text(), nullable=False),
        sa.Column("ml_usage", sa.Text(), nullable=False),
        sa.Column("culture", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('researching', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn')",
            name=op.f("ck_company_status_valid"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
    )
    op.create_table(
        "competency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competency")),
        sa.UniqueConstraint("name", name=op.f("uq_competency_name")),
    )
    op.create_table(
        "problem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("platform", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("difficulty", sa.String(length=16), nullable=False),
        sa.Column("patterns", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "difficulty IN ('easy', 'medium', 'hard')", name=op.f("ck_problem_difficulty_valid")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problem")),
        sa.UniqueConstraint("platform", "title", name="uq_problem_platform_title"),
    )
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("approach", sa.Text(), nullable=False),
        sa.Column("challenges", sa.Text(), nullable=False),
        sa.Column("results", sa.Text(), nullable=False),
        sa.Column("tech_stack", sa.Text(), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "stage_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "category IN ('screen', 'assessment', 'coding', 'ml_concepts', 'system_design', 'behavioral', 'onsite', 'offer', 'other')",
            name=op.f("ck_stage_type_category_valid"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_type")),
        sa.UniqueConstraint("name", name=op.f("uq_stage_type_name")),
    )
    op.create_table(
        "attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("solved", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "minutes >= 0 AND minutes <= 1440", name=op.f("ck_attempt_minutes_range")
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problem.id"],
            name=op.f("fk_attempt_problem_id_problem"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempt")),
    )
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attempt_attempted_at"), ["attempted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_attempt_problem_id"), ["problem_id"], unique=False)

    op.create_table(
        "behavioral_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "source IN ('builtin', 'user', 'debrief')",
            name=op.f("ck_behavioral_question_source_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competency.id"],
            name=op.f("fk_behavioral_question_competency_id_competency"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_behavioral_question")),
        sa.UniqueConstraint("text", name=op.f("uq_behavioral_question_text")),
    )
    with op.batch_alter_table("behavioral_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_behavioral_question_competency_id"), ["competency_id"], unique=False
        )

    op.create_table(
        "company_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("bank_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("ready", sa.Boolean(), nullable=False),
        sa.Column("asked", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bank_id"],
            ["ask_question.id"],
            name=op.f("fk_company_question_bank_id_ask_question"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_company_question_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_question")),
    )
    with op.batch_alter_table("company_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_company_question_company_id"), ["company_id"], unique=False
        )

    op.create_table(
        "company_value",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_company_value_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competency.id"],
            name=op.f("fk_company_value_competency_id_competency"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("company_id", "competency_id", name=op.f("pk_company_value")),
    )
    with op.batch_alter_table("company_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_company_value_competency_id"), ["competency_id"], unique=False
        )

    op.create_table(
        "interview_stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("stage_type_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("prep_notes", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("debrief", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "format IN ('video', 'phone', 'onsite', 'take-home')",
            name=op.f("ck_interview_stage_format_valid"),
        ),
        sa.CheckConstraint(
            "duration_minutes > 0", name=op.f("ck_interview_stage_duration_positive")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_interview_stage_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_type_id"],
            ["stage_type.id"],
            name=op.f("fk_interview_stage_stage_type_id_stage_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_stage")),
    )
    with op.batch_alter_table("interview_stage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_stage_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_stage_scheduled_at"), ["scheduled_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_stage_stage_type_id"), ["stage_type_id"], unique=False
        )

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_person_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_company_id"), ["company_id"], unique=False)

    op.create_table(
        "story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("metrics", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_story_project_id_project"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story")),
    )
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_project_id"), ["project_id"], unique=False)

    op.create_table(
        "topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("resources", sa.Text(), nullable=False),
        sa.Column("target_level", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("hours_per_level", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "target_level BETWEEN 0 AND 5", name=op.f("ck_topic_target_level_range")
        ),
        sa.CheckConstraint("weight > 0", name=op.f("ck_topic_weight_positive")),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_topic_area_id_area"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["topic.id"], name=op.f("fk_topic_parent_id_topic"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
        sa.UniqueConstraint("key", name=op.f("uq_topic_key")),
    )
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_topic_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "checklist_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=True),
        sa.Column("checked", sa.Boolean(), nullable=False),
        sa.Column("override", sa.Boolean(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["interview_stage.id"],
            name=op.f("fk_checklist_item_stage_id_interview_stage"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_item")),
    )
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_item_stage_id"), ["stage_id"], unique=False)

    op.create_table(
        "debrief_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("behavioral_question_id", sa.Integer(), nullable=True),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["behavioral_question_id"],
            ["behavioral_question.id"],
            name=op.f("fk_debrief_question_behavioral_question_id_behavioral_question"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["interview_stage.id"],
            name=op.f("fk_debrief_question_stage_id_interview_stage"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_debrief_question_topic_id_topic"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debrief_question")),
    )
    with op.batch_alter_table("debrief_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_debrief_question_stage_id"), ["stage_id"], unique=False
        )

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer_notes", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["story.id"], name=op.f("fk_follow_up_story_id_story"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_story_id"), ["story_id"], unique=False)

    op.create_table(
        "practice_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("practised_at", sa.DateTime(), nullable=False),
        sa.Column("target_seconds", sa.Integer(), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("duration_seconds >= 0", name=op.f("ck_practice_run_duration_positive")),
        sa.CheckConstraint(
            "score IS NULL OR score BETWEEN 1 AND 5", name=op.f("ck_practice_run_score_range")
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["behavioral_question.id"],
            name=op.f("fk_practice_run_question_id_behavioral_question"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["story.id"],
            name=op.f("fk_practice_run_story_id_story"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_run")),
    )
    with op.batch_alter_table("practice_run", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_practice_run_practised_at"), ["practised_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_practice_run_question_id"), ["question_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_practice_run_story_id"), ["story_id"], unique=False)

    op.create_table(
        "problem_topic",
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problem.id"],
            name=op.f("fk_problem_topic_problem_id_problem"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_problem_topic_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("problem_id", "topic_id", name=op.f("pk_problem_topic")),
    )
    with op.batch_alter_table("problem_topic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_problem_topic_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("level BETWEEN 0 AND 5", name=op.f("ck_rating_level_range")),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topic.id"], name=op.f("fk_rating_topic_id_topic"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating")),
    )
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rating_rated_at"), ["rated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_rating_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "review_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("problem_id", sa.Integer(), nullable=True),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('topic', 'problem', 'story')", name=op.f("ck_review_card_kind_valid")
        ),
        sa.CheckConstraint(
            "(topic_id IS NOT NULL) + (problem_id IS NOT NULL) + (story_id IS NOT NULL) = 1",
            name=op.f("ck_review_card_one_owner"),
        ),
        sa.CheckConstraint("state IN (1, 2, 3)", name=op.f("ck_review_card_state_valid")),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problem.id"],
            name=op.f("fk_review_card_problem_id_problem"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["story.id"],
            name=op.f("fk_review_card_story_id_story"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_review_card_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_card")),
        sa.UniqueConstraint("problem_id", name=op.f("uq_review_card_problem_id")),
        sa.UniqueConstraint("story_id", name=op.f("uq_review_card_story_id")),
        sa.UniqueConstraint("topic_id", name=op.f("uq_review_card_topic_id")),
    )
    with op.batch_alter_table("review_card", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_card_due"), ["due"], unique=False)

    op.create_table(
        "stage_interviewer",
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_stage_interviewer_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["interview_stage.id"],
            name=op.f("fk_stage_interviewer_stage_id_interview_stage"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("stage_id", "person_id", name=op.f("pk_stage_interviewer")),
    )
    with op.batch_alter_table("stage_interviewer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stage_interviewer_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "story_competency",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competency.id"],
            name=op.f("fk_story_competency_competency_id_competency"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["story.id"],
            name=op.f("fk_story_competency_story_id_story"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", "competency_id", name=op.f("pk_story_competency")),
    )
    with op.batch_alter_table("story_competency", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_story_competency_competency_id"), ["competency_id"], unique=False
        )

    op.create_table(
        "story_question",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["behavioral_question.id"],
            name=op.f("fk_story_question_question_id_behavioral_question"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["story.id"],
            name=op.f("fk_story_question_story_id_story"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", "question_id", name=op.f("pk_story_question")),
    )
    with op.batch_alter_table("story_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_story_question_question_id"), ["question_id"], unique=False
        )

    op.create_table(
        "study_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "minutes > 0 AND minutes <= 1440", name=op.f("ck_study_session_minutes_range")
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_study_session_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_session")),
    )
    with op.batch_alter_table("study_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_study_session_started_at"), ["started_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_study_session_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.CheckConstraint("rating BETWEEN 1 AND 4", name=op.f("ck_review_log_rating_range")),
        sa.ForeignKeyConstraint(
            ["card_id"],
            ["review_card.id"],
            name=op.f("fk_review_log_card_id_review_card"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_log")),
    )
    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_log_card_id"), ["card_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_review_log_reviewed_at"), ["reviewed_at"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_log_reviewed_at"))
        batch_op.drop_index(batch_op.f("ix_review_log_card_id"))

    op.drop_table("review_log")
    with op.batch_alter_table("study_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_study_session_topic_id"))
        batch_op.drop_index(batch_op.f("ix_study_session_started_at"))

    op.drop_table("study_session")
    with op.batch_alter_table("story_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_question_question_id"))

    op.drop_table("story_question")
    with op.batch_alter_table("story_competency", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_competency_competency_id"))

    op.drop_table("story_competency")
    with op.batch_alter_table("stage_interviewer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_interviewer_person_id"))

    op.drop_table("stage_interviewer")
    with op.batch_alter_table("review_card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_card_due"))

    op.drop_table("review_card")
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_topic_id"))
        batch_op.drop_index(batch_op.f("ix_rating_rated_at"))

    op.drop_table("rating")
    with op.batch_alter_table("problem_topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_topic_topic_id"))

    op.drop_table("problem_topic")
    with op.batch_alter_table("practice_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_run_story_id"))
        batch_op.drop_index(batch_op.f("ix_practice_run_question_id"))
        batch_op.drop_index(batch_op.f("ix_practice_run_practised_at"))

    op.drop_table("practice_run")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_story_id"))

    op.drop_table("follow_up")
    with op.batch_alter_table("debrief_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_debrief_question_stage_id"))

    op.drop_table("debrief_question")
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_item_stage_id"))

    op.drop_table("checklist_item")
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_parent_id"))
        batch_op.drop_index(batch_op.f("ix_topic_area_id"))

    op.drop_table("topic")
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_project_id"))

    op.drop_table("story")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_company_id"))

    op.drop_table("person")
    with op.batch_alter_table("interview_stage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_stage_stage_type_id"))
        batch_op.drop_index(batch_op.f("ix_interview_stage_scheduled_at"))
        batch_op.drop_index(batch_op.f("ix_interview_stage_company_id"))

    op.drop_table("interview_stage")
    with op.batch_alter_table("company_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_value_competency_id"))

    op.drop_table("company_value")
    with op.batch_alter_table("company_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_question_company_id"))

    op.drop_table("company_question")
    with op.batch_alter_table("behavioral_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_behavioral_question_competency_id"))

    op.drop_table("behavioral_question")
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attempt_problem_id"))
        batch_op.drop_index(batch_op.f("ix_attempt_attempted_at"))

    op.drop_table("attempt")
    op.drop_table("stage_type")
    op.drop_table("setting")
    op.drop_table("project")
    op.drop_table("problem")
    op.drop_table("competency")
    op.drop_table("company")
    op.drop_table("ask_question")
    op.drop_table("area")
