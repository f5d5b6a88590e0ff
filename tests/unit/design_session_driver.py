"""Driving the ML practice page as a person does, on a clock the test moves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from prepdesk.core.design_practice import PHASES
from prepdesk.ui.pages.design_page import DesignPage


class FakeClock:
    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=5)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def open_page(qtbot, ops, clock: FakeClock) -> DesignPage:
    page = DesignPage(ops, clock)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # window shortcuts need the active window
    return page


def select_prompt(page: DesignPage, title: str) -> int:
    tree = page.library.tree
    for group in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(group)
        for index in range(parent.childCount()):
            item = parent.child(index)
            if item.toolTip(0) == title:
                tree.setCurrentItem(item)
                return int(item.data(0, Qt.ItemDataRole.UserRole))
    raise AssertionError(f"no prompt {title!r}")


def practise_and_score(
    qtbot, page: DesignPage, clock: FakeClock, title: str, scores: Sequence[int]
) -> int:
    """A whole timed session on `title`: Start, each phase closed with Ctrl+Return after
    its minutes pass, then a score per phase and Done. Returns the prompt id."""
    prompt_id = select_prompt(page, title)
    qtbot.mouseClick(page.library.start_button, Qt.MouseButton.LeftButton)
    view = page.session_view
    for phase in PHASES:
        clock.advance(phase.minutes * 60)
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.design_stack.currentWidget() is page.scoring
    scoring = page.scoring
    for phase, score in zip(PHASES, scores, strict=True):
        qtbot.mouseClick(scoring.scores[phase.key].buttons[score], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(scoring.done_button, Qt.MouseButton.LeftButton)
    assert not scoring.done_button.isEnabled()
    qtbot.mouseClick(scoring.back_button, Qt.MouseButton.LeftButton)
    return prompt_id
