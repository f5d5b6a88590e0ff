"""Screenshots of the Stories page's parts for `make screenshots` (see ui/screenshots.py)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QWidget

SIZE = (1280, 820)


class _StoppedClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def _page(window: QWidget, clock: _StoppedClock | None = None) -> QWidget:
    from prepdesk.ui.pages.stories_page import StoriesPage

    ops = window.ops  # type: ignore[attr-defined]
    page = StoriesPage(ops, clock) if clock is not None else StoriesPage(ops)
    page.setWindowTitle("prepdesk: Stories")
    page.resize(*SIZE)
    page.show()
    return page


def editor_new(window: QWidget) -> QWidget:
    """A brand-new, empty story: the hints a new user sees first."""
    page = _page(window)
    page.new_story()  # type: ignore[attr-defined]
    return page


def coverage(window: QWidget) -> QWidget:
    page = _page(window)
    page.tabs.setCurrentWidget(page.coverage)  # type: ignore[attr-defined]
    return page


def practice(window: QWidget) -> QWidget:
    """Mid-answer: a question, the story revealed, 47 seconds into the countdown."""
    clock = _StoppedClock()
    page = _page(window, clock)
    panel = page.practice  # type: ignore[attr-defined]
    page.tabs.setCurrentWidget(panel)  # type: ignore[attr-defined]
    panel._rng = random.Random(4)
    story = panel.story
    if story.count() > 1:
        panel.choose_story(story.itemData(1))
        panel.reveal.setChecked(True)
        panel.start()
        clock.now += timedelta(seconds=47)
        panel.tick()
    return page


def project(window: QWidget) -> QWidget:
    page = _page(window)
    first = page.tree.first_of("project")  # type: ignore[attr-defined]
    if first is not None:
        page.tree.select_entry(*first)  # type: ignore[attr-defined]
    return page


STORY_SHOTS = [
    ("stories-project", project),
    ("stories-coverage", coverage),
    ("stories-practice", practice),
    ("stories-editor-new", editor_new),  # last: it adds a story to the screenshot data
]
