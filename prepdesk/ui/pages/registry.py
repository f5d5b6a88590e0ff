"""The pages of the main window, in navigation order.

Each entry builds its page lazily, so start-up pays only for the page shown first.
A page is a QWidget; it may define `on_data_changed(changes: Change)` to refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from prepdesk.ui.icons import icon
from prepdesk.ui.operations import Operations
from prepdesk.ui.pages.empty_state import EmptyState

PageFactory = Callable[[Operations], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon_name: str
    factory: PageFactory


def _placeholder(title: str, message: str, icon_name: str) -> PageFactory:
    return lambda _ops: EmptyState(title, message, icon(icon_name))


def _dashboard(ops: Operations) -> QWidget:
    from prepdesk.ui.pages.dashboard_page import DashboardPage

    return DashboardPage(ops)


PAGES: list[PageSpec] = [
    PageSpec(
        "dashboard",
        "Dashboard",
        "dashboard",
        _dashboard,
    ),
    PageSpec(
        "topics",
        "Topics",
        "topics",
        _placeholder(
            "Topic mastery",
            "The curriculum (mathematics, programming, algorithms, ML concepts and ML system "
            "design) with your ratings, study sessions and the reviews that are due.",
            "topics",
        ),
    ),
    PageSpec(
        "practice",
        "Practice",
        "practice",
        _placeholder(
            "Coding practice",
            "Log the problems you solve on LeetCode, HackerRank or Kaggle, with difficulty, "
            "pattern, time taken and attempts.",
            "practice",
        ),
    ),
    PageSpec(
        "stories",
        "Stories",
        "stories",
        _placeholder(
            "Project stories",
            "Write your projects as STAR stories (Situation, Task, Action, Result), link them "
            "to behavioral questions and rehearse them against a timer.",
            "stories",
        ),
    ),
    PageSpec(
        "companies",
        "Companies",
        "companies",
        _placeholder(
            "Companies and interviews",
            "Research notes, questions to ask the interviewer and each company's interview "
            "stages with their dates.",
            "companies",
        ),
    ),
    PageSpec(
        "checklist",
        "Checklist",
        "checklist",
        _placeholder(
            "Pre-interview checklist",
            "Before each interview stage: research done, stories rehearsed, weak topics "
            "reviewed, logistics checked, and a good night's sleep.",
            "checklist",
        ),
    ),
]
