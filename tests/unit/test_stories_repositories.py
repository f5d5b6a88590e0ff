"""Story, project, question and rehearsal repositories against the real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from prepdesk.store.models import ReviewCard
from prepdesk.store.repositories.projects import ProjectRepository
from prepdesk.store.repositories.questions import QuestionRepository
from prepdesk.store.repositories.rehearsals import RehearsalRepository
from prepdesk.store.repositories.stories import StoryRepository


def a_minute_from_now() -> datetime:
    """New cards are due from the moment they are made; judge them a minute later."""
    return datetime.now(UTC) + timedelta(minutes=1)


def test_story_round_trip_with_links_and_follow_ups(db):
    with db.transaction() as s:
        project_id = ProjectRepository(s).create("Fraud model")
        story_id = StoryRepository(s).create("Latency", project_id)
        repo = StoryRepository(s)
        repo.update_text(story_id, {"situation": "Slow.", "result": "95 ms p99"})
        teamwork = QuestionRepository(s).competencies()[0]
        repo.set_competency(story_id, teamwork.id, True)
        question = QuestionRepository(s).questions()[0]
        repo.link_question(story_id, question.id)
        follow_up = repo.add_follow_up(story_id, "Why not a GPU?")
        repo.update_follow_up(follow_up, {"answer_notes": "Cost."})
    with db.transaction() as s:
        story = StoryRepository(s).get(story_id)
    assert story.project_name == "Fraud model"
    assert story.situation == "Slow." and story.result == "95 ms p99"
    assert story.competencies == (teamwork.name,)
    assert [q.id for q in story.questions] == [question.id]
    assert [(f.question, f.answer_notes) for f in story.follow_ups] == [("Why not a GPU?", "Cost.")]
    with db.transaction() as s, pytest.raises(ValueError):
        StoryRepository(s).update_text(story_id, {"id": "1"})


def test_deleting_a_project_keeps_its_stories(db):
    with db.transaction() as s:
        project_id = ProjectRepository(s).create("Old project")
        story_id = StoryRepository(s).create("Kept", project_id)
    with db.transaction() as s:
        ProjectRepository(s).delete(project_id)
    with db.transaction() as s:
        assert StoryRepository(s).get(story_id).project_id is None


def test_coverage_matrix_follows_tags_and_question_links(db):
    with db.transaction() as s:
        questions = QuestionRepository(s)
        before = questions.coverage()
        story_id = StoryRepository(s).create("Feature store")
        ownership = next(c for c in questions.competencies() if c.name == "Ownership")
        teamwork = next(c for c in questions.competencies() if c.name == "Teamwork")
        StoryRepository(s).set_competency(story_id, ownership.id, True)
        teamwork_question = next(q for q in questions.questions() if q.competency_id == teamwork.id)
        StoryRepository(s).link_question(story_id, teamwork_question.id)
    with db.transaction() as s:
        after = QuestionRepository(s).coverage()
    assert len(before.uncovered_competencies()) == len(before.competencies) == 10
    assert (ownership.id, story_id) in after.tagged
    assert (teamwork.id, story_id) in after.via_question
    gaps = {c.name for c in after.uncovered_competencies()}
    assert "Ownership" not in gaps and "Teamwork" not in gaps and len(gaps) == 8
    assert teamwork_question.id not in {q.id for q in after.uncovered_questions}
    assert len(after.uncovered_questions) == len(before.uncovered_questions) - 1


def test_user_questions_and_competencies(db):
    with db.transaction() as s:
        repo = QuestionRepository(s)
        competency_id = repo.add_competency("Customer focus")
        question_id = repo.add_question(
            "  Tell me about  a customer you surprised. ", competency_id
        )
        with pytest.raises(ValueError):
            repo.add_competency("customer FOCUS")
        with pytest.raises(ValueError):
            repo.add_question("tell me about a customer you surprised.", None)
        builtin = next(q for q in repo.questions() if q.source == "builtin")
        with pytest.raises(ValueError):
            repo.delete_question(builtin.id)
    with db.transaction() as s:
        added = next(q for q in QuestionRepository(s).questions() if q.id == question_id)
        assert added.text == "Tell me about a customer you surprised."
        assert (added.competency, added.source) == ("Customer focus", "user")
        QuestionRepository(s).delete_question(question_id)


def test_a_scored_run_reschedules_the_story(db):
    now = a_minute_from_now()
    with db.transaction() as s:
        story_id = StoryRepository(s).create("Mentoring")
        assert [d.story_id for d in RehearsalRepository(s).due_rehearsals(now)] == [story_id]
    with db.transaction() as s:
        RehearsalRepository(s).record(
            story_id=story_id,
            question_id=None,
            when=now,
            target_seconds=120,
            duration_seconds=110,
            score=5,
            note="Good pace",
        )
    with db.transaction() as s:
        card = s.query(ReviewCard).filter_by(story_id=story_id).one()
        assert card.due > now
        assert [log.rating for log in card.logs] == [4]  # 5 -> Easy
        rehearsals = RehearsalRepository(s)
        assert rehearsals.due_rehearsals(now) == []
        status = rehearsals.status(story_id, now)
        assert status.runs == 1 and status.due == card.due
        assert [r.note for r in rehearsals.history(story_id=story_id)] == ["Good pace"]


def test_recall_at_the_next_interview_is_predicted(db):
    now = a_minute_from_now()
    with db.transaction() as s:
        from prepdesk.store.repositories.settings import SettingsRepository

        SettingsRepository(s).set("target_date", (now + timedelta(days=20)).date().isoformat())
        story_id = StoryRepository(s).create("Conflict")
        assert RehearsalRepository(s).status(story_id, now).recall_at_interview is None
        RehearsalRepository(s).record(
            story_id=story_id,
            question_id=None,
            when=now,
            target_seconds=120,
            duration_seconds=100,
            score=4,
        )
    with db.transaction() as s:
        status = RehearsalRepository(s).status(story_id, now)
    assert status.interview_label == "your target date"
    assert status.recall_at_interview is not None and 0 < status.recall_at_interview < 1
