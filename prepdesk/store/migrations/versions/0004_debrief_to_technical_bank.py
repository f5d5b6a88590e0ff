"""A question asked in an interview can go to the technical question bank
(debrief_question.tech_question_id); existing ML system design and onsite stages with a
checklist get its new item, a timed ML design session practised in the last 7 days.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 12:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As the checklist rules had them at this revision (prepdesk/core/checklist_rules.py).
DESIGN_RULE = "design_session"
DESIGN_TEXT = "A timed ML design session practised in the last 7 days"
DESIGN_CATEGORIES = "('system_design', 'onsite')"


def upgrade() -> None:
    with op.batch_alter_table("debrief_question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tech_question_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_debrief_question_tech_question_id_tech_question"),
            "tech_question",
            ["tech_question_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.execute(
        sa.text(
            "INSERT INTO checklist_item (stage_id, section, text, rule, checked, position) "
            "SELECT s.id, 'design', :text, :rule, 0, "
            "(SELECT MAX(c.position) + 1 FROM checklist_item c WHERE c.stage_id = s.id) "
            "FROM interview_stage s JOIN stage_type t ON t.id = s.stage_type_id "
            f"WHERE t.category IN {DESIGN_CATEGORIES} "
            "AND EXISTS (SELECT 1 FROM checklist_item c WHERE c.stage_id = s.id) "
            "AND NOT EXISTS (SELECT 1 FROM checklist_item c "
            "WHERE c.stage_id = s.id AND c.rule = :rule)"
        ).bindparams(text=DESIGN_TEXT, rule=DESIGN_RULE)
    )


def downgrade() -> None:
    op.execute(
        sa.text("DELETE FROM checklist_item WHERE rule = :rule").bindparams(rule=DESIGN_RULE)
    )
    with op.batch_alter_table("debrief_question", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_debrief_question_tech_question_id_tech_question"), type_="foreignkey"
        )
        batch_op.drop_column("tech_question_id")
