"""Practice mode with a driven clock, and the Markdown export of stories."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from prepdesk.io.stories_markdown import stories_markdown
from prepdesk.store.models import PracticeRun, ReviewCard
from prepdesk.store.repositories.projects import ProjectRepository
from prepdesk.store.repositories.questions import QuestionRepository
from prepdesk.store.repositories.stories import StoryRepository
from prepdesk.ui.pages.stories_page import StoriesPage


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(minutes=5)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def make_story(db) -> tuple[int, int]:
    with db.transaction() as s:
        project_id = ProjectRepository(s).create("Fraud model")
        story_id = StoryRepository(s).create("Cutting fraud latency", project_id)
        StoryRepository(s).update_text(
            story_id,
            {
                "situation": "Payments waited on the model.",
                "task": "Make it fast.",
                "action": "I cached features.",
                "result": "p99 fell from 480 ms to 95 ms.",
                "metrics": "p99 480 to 95 ms",
            },
        )
        question_id = QuestionRepository(s).questions()[0].id
        StoryRepository(s).link_question(story_id, question_id)
        StoryRepository(s).add_follow_up(story_id, "Why not a GPU?")
    return story_id, question_id


def test_a_timed_practice_round_reschedules_the_story(qtbot, ops, db):
    story_id, question_id = make_story(db)
    clock = FakeClock()
    page = StoriesPage(ops, clock)
    pass  # the page follows changes itself
    qtbot.addWidget(page)
    page.show()
    panel = page.practice
    page.tabs.setCurrentWidget(panel)
    assert panel.due_list.count() == 1  # a new story is due for its first rehearsal
    assert not panel.start_button.isEnabled()

    panel.mode.setCurrentIndex(panel.mode.findData("due"))
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    question = ops.read(lambda s: QuestionRepository(s).questions()[0])
    assert panel.question.text() == question.text
    assert panel.story.currentData() == story_id
    assert panel.story_text.isHidden()
    qtbot.mouseClick(panel.reveal, Qt.MouseButton.LeftButton)
    assert "p99 fell from 480 ms to 95 ms." in panel.story_text.text()

    assert panel.target.value() == 120  # settings: answer_seconds
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.countdown.text() == "2:00"
    clock.advance(75)
    qtbot.waitUntil(lambda: panel.countdown.text() == "0:45")
    clock.advance(55)
    qtbot.waitUntil(lambda: panel.countdown.text() == "+0:10")
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert panel.spoke.text() == "You spoke for 2:10, 0:10 over the target."
    assert not panel.save_button.isEnabled()  # a score first
    qtbot.mouseClick(panel.scores.button(4), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.note, "Say the numbers earlier")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    with db.transaction() as s:
        run = s.query(PracticeRun).one()
        assert (run.story_id, run.question_id) == (story_id, question_id)
        assert (run.duration_seconds, run.target_seconds, run.score) == (130, 120, 4)
        assert run.note == "Say the numbers earlier"
        card = s.query(ReviewCard).filter_by(story_id=story_id).one()
        assert card.due > clock.now
        assert [log.rating for log in card.logs] == [3]  # 4 -> Good
    assert panel.due_list.count() == 1
    assert panel.due_list.item(0).text().startswith("Cutting fraud latency\nnext ")
    assert panel.history.topLevelItem(0).text(4) == "4"
    qtbot.waitUntil(page.is_idle)  # the story shown is read again on a worker thread
    assert "Practised 1 time." in page.story_editor.rehearsal.text()


def test_uncovered_mode_only_offers_questions_without_a_story(qtbot, ops, db):
    _story_id, linked_question = make_story(db)
    page = StoriesPage(ops, FakeClock())
    qtbot.addWidget(page)
    panel = page.practice
    panel._rng = random.Random(1)
    panel.mode.setCurrentIndex(panel.mode.findData("uncovered"))
    seen = set()
    for _ in range(30):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        seen.add(panel.question_id)
        assert panel.story.currentData() is None
    assert linked_question not in seen and len(seen) > 5


def test_markdown_export_of_one_story_and_all(qtbot, ops, db, tmp_path):
    story_id, _ = make_story(db)
    page = StoriesPage(ops)
    qtbot.addWidget(page)
    out = tmp_path / "export"
    out.mkdir()
    one = out / "story.md"
    assert page.export_to(one, story_ids=[story_id])
    text = one.read_text(encoding="utf-8")
    assert text.startswith("# Cutting fraud latency\n")
    assert "*Project:* Fraud model" in text
    assert "## Result\n\np99 fell from 480 ms to 95 ms.\n" in text
    assert "> **Metrics:** p99 480 to 95 ms" in text
    assert "- **Why not a GPU?**" in text

    everything = out / "all.md"
    everything.write_text("old content", encoding="utf-8")
    assert page.export_to(everything)
    text = everything.read_text(encoding="utf-8")
    assert text.startswith("# My STAR stories\n\n## Fraud model\n\n### Cutting fraud latency")
    assert sorted(p.name for p in out.iterdir()) == ["all.md", "story.md"]  # no temp left


def test_markdown_of_no_stories_says_so():
    assert "No stories written yet." in stories_markdown([])


def test_export_stories_command(paths, tmp_path):
    from prepdesk.store.database import Database
    from tests.helpers import run_cli

    db = Database.open(paths)
    make_story(db)
    db.close()
    target = tmp_path / "out" / "stories.md"
    result = run_cli("export-stories", str(target), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Exported 1 story to {target}"
    assert "### Cutting fraud latency" in target.read_text(encoding="utf-8")
