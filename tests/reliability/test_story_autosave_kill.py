"""SIGKILL while typing a story: everything typed more than two seconds before is saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from prepdesk.store.database import Database
from prepdesk.store.repositories.stories import StoryRepository
from tests.helpers import REPO

# The child opens the real Stories page offscreen, types with QTest like a person,
# says what it has typed and when, and keeps typing until it is killed.
TYPIST = """
import sys
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from prepdesk.store.database import Database
from prepdesk.store.paths import DataPaths
from prepdesk.ui.operations import Operations
from prepdesk.ui.pages.stories_page import StoriesPage

app = QApplication([])
db = Database.open(DataPaths.resolve(sys.argv[1]))
ops = Operations(db)
page = StoriesPage(ops)

page.show()
page.new_story()
editor = page.story_editor
QTest.keyClicks(editor.title, "Kill test story")
QTest.keyClicks(editor.parts["situation"], "Typed before the pause.")
QTest.keyClicks(editor.parts["result"], "Saved 40 percent.")
QTest.qWait(2500)  # longer than the two seconds the promise allows
print(f"story {editor.story_id}", flush=True)
print("phase-one-typed", flush=True)
n = 0
while True:
    n += 1
    QTest.keyClicks(editor.parts["action"], f" word{n}")
    if n % 20 == 0:
        print(f"typed {n}", flush=True)
    QTest.qWait(5)
"""


@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_two_seconds(paths):
    Database.open(paths).close()
    typed_at: list[tuple[float, int]] = []  # (when the parent heard it, words typed)
    with subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(paths.root)],
        stdout=subprocess.PIPE,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ) as child:
        try:
            assert child.stdout is not None
            story_line = child.stdout.readline().decode().split()
            assert story_line[0] == "story", story_line
            story_id = int(story_line[1])
            assert child.stdout.readline().strip() == b"phase-one-typed"
            # Let it type for about four seconds, then kill it in the middle of a word.
            started = time.monotonic()
            while time.monotonic() - started < 4.0:
                line = child.stdout.readline().split()
                assert line[0] == b"typed"
                typed_at.append((time.monotonic(), int(line[1])))
            os.kill(child.pid, signal.SIGKILL)
            killed_at = time.monotonic()
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert child.returncode == -signal.SIGKILL

    db = Database.open(paths)
    try:
        with db.transaction() as session:
            story = StoryRepository(session).get(story_id)
    finally:
        db.close()
    assert story.title == "Kill test story"
    assert story.situation == "Typed before the pause."
    assert story.result == "Saved 40 percent."
    # What was typed later may be cut, but only at its end, and never more than the
    # last two seconds: every word reported typed before that is in the database.
    expected_action = "".join(f" word{n}" for n in range(1, 100_000))
    assert expected_action.startswith(story.action)
    older = [n for when, n in typed_at if when < killed_at - 2.0]
    assert older, "the child typed too slowly for the test to mean anything"
    assert f" word{max(older)} " in story.action + " "
