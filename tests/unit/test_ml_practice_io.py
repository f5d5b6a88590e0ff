"""ML practice data in the JSON export and import, and in search."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from prepdesk.io.json_export import export_json
from prepdesk.io.json_import import import_file
from prepdesk.store.database import Database
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.models import DesignPhase, DesignSession, ReviewCard, TechQuestion
from prepdesk.store.paths import DataPaths
from prepdesk.store.repositories.search import SearchRepository

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
        }


def test_round_trip_and_merge_keep_sessions_and_drills(db, tmp_path):
    with db.transaction() as s:
        fill_demo_data(s, date(2026, 3, 2))
    before = counts(db)
    assert before["sessions"] == 4 and before["phases"] == 28 and before["design_cards"] == 3
    assert before["drilled"] == 30 and before["answered"] >= 1
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
