"""ML practice data in the JSON export and import, and in search."""

from __future__ import annotations

import csv
import json
from datetime import date

from sqlalchemy import func, select

from prepdesk.io.csv_export import export_csv_folder
from prepdesk.io.json_export import export_json
from prepdesk.io.json_import import import_file
from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.models import (
    DebriefQuestion,
    DesignPhase,
    DesignSession,
    ReviewCard,
    TechQuestion,
    Topic,
)
from prepdesk.store.paths import DataPaths
from prepdesk.store.repositories.search import SearchRepository
from prepdesk.store.repositories.stages import StageRepository

TABLES = ("design_prompt", "design_session", "design_phase", "tech_question", "tech_question_topic")


def counts(db: Database) -> dict[str, int]:
    with db.transaction() as s:
        return {
            "sessions": s.scalar(select(func.count()).select_from(DesignSession)),
            "phases": s.scalar(select(func.count()).select_from(DesignPhase)),
            "design_cards": s.scalar(select(func.count()).where(ReviewCard.kind == "design")),
            "drilled": s.scalar(
                select(func.count()).where(
                    ReviewCard.kind == "question", ReviewCard.last_review.is_not(None)
                )
            ),
            "answered": s.scalar(select(func.count()).where(TechQuestion.answer != "")),
            "sent_to_technical": s.scalar(
                select(func.count()).where(DebriefQuestion.tech_question_id.is_not(None))
            ),
        }


def send_a_debrief_question_to_the_technical_bank(db: Database) -> None:
    with db.transaction() as s:
        asked = s.scalars(
            select(DebriefQuestion).where(DebriefQuestion.behavioral_question_id.is_(None))
        ).first()
        topic = s.scalar(select(Topic.id).where(Topic.key == "ml.model-evaluation"))
        StageRepository(s).send_to_technical_bank(asked.id, topic)


def test_round_trip_and_merge_keep_sessions_and_drills(db, tmp_path):
    with db.transaction() as s:
        fill_demo_data(s, date(2026, 3, 2))
    send_a_debrief_question_to_the_technical_bank(db)
    before = counts(db)
    assert before["sessions"] == 4 and before["phases"] == 28 and before["design_cards"] == 3
    assert before["drilled"] == 30 and before["answered"] >= 1
    assert before["sent_to_technical"] == 1
    path = tmp_path / "export.json"
    with db.transaction() as s:
        export_json(s, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert all(document[table] for table in TABLES)

    other = Database.open(DataPaths.resolve(tmp_path / "other"))
    try:
        with other.transaction() as s:
            import_file(s, path, merge=False)
        assert counts(other) == before
        with other.transaction() as s:  # merging the same file again adds nothing
            summary = import_file(s, path, merge=True)
        assert summary.added == 0
        assert counts(other) == before
        again = tmp_path / "again.json"
        with other.transaction() as s:
            export_json(s, again)
        assert again.read_bytes() == path.read_bytes()
    finally:
        other.close()


def test_a_file_from_before_debriefs_went_to_the_technical_bank_still_imports(db, tmp_path):
    with db.transaction() as s:
        fill_demo_data(s, date(2026, 3, 2))
    path = tmp_path / "export.json"
    with db.transaction() as s:
        export_json(s, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["debrief_question"]
    for row in document["debrief_question"]:
        del row["tech_question_id"]  # as prepdesk wrote it before the field existed
    path.write_text(json.dumps(document), encoding="utf-8")
    other = Database.open(DataPaths.resolve(tmp_path / "other"))
    try:
        with other.transaction() as s:
            import_file(s, path, merge=False)
        with other.transaction() as s:
            asked = s.scalars(select(DebriefQuestion)).all()
            assert len(asked) == len(document["debrief_question"])
            assert all(a.tech_question_id is None for a in asked)
    finally:
        other.close()


def test_search_finds_prompts_sessions_and_questions(db):
    with db.transaction() as s:
        fill_demo_data(s, date(2026, 3, 2))
    with db.transaction() as s:
        search = SearchRepository(s)
        assert any(h.kind == "design_prompt" for h in search.search("chargeback"))
        hits = search.search("downsampling corrected")
        assert any(
            h.kind == "design_session" and h.title == "Predict click-through for ads" for h in hits
        )
        notes = search.search("deflect tickets")
        assert any(h.kind == "design_phase" for h in notes)
        assert any(h.kind == "tech_question" for h in search.search("eigenvectors PCA"))


def test_csv_export_has_prompts_sessions_phases_and_questions(db, tmp_path):
    with db.transaction() as s:
        fill_demo_data(s, date(2026, 3, 2))
    send_a_debrief_question_to_the_technical_bank(db)
    with db.transaction() as s:
        export_csv_folder(s, tmp_path / "csv")

    def rows(table: str) -> list[dict[str, str]]:
        with (tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))

    assert len(rows("design_session")) == 4 and len(rows("design_phase")) == 28
    assert any(r["title"] == "Predict click-through for ads" for r in rows("design_prompt"))
    assert any("$" in r["answer"] for r in rows("tech_question"))
    sent = [r for r in rows("debrief_question") if r["tech_question_id"]]
    assert len(sent) == 1
    assert sent[0]["text"] in {r["text"] for r in rows("tech_question")}
