"""The pages of the main window, in navigation order.

Each entry builds its page lazily, so start-up pays only for the page shown first.
A page is a QWidget; it may define `on_data_changed(changes: Change)` to refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from prepdesk.ui.icons import icon
from prepdesk.ui.pages.empty_state import EmptyState

if TYPE_CHECKING:  # the start-up shell lists the pages before the store is imported
    from prepdesk.ui.operations import Operations

PageFactory = Callable[["Operations"], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon_name: str
    factory: PageFactory


def _placeholder(title: str, message: str, icon_name: str) -> PageFactory:
    return lambda _ops: EmptyState(title, message, icon(icon_name))


def _topics_page(ops: Operations) -> QWidget:
    from prepdesk.ui.pages.topics_page import TopicsPage

    return TopicsPage(ops)


def _practice_page(ops: Operations) -> QWidget:
    from prepdesk.ui.pages.practice_page import PracticePage

    return PracticePage(ops)


def _stories_page(ops: Operations) -> QWidget:
    from prepdesk.ui.pages.stories_page import StoriesPage

    return StoriesPage(ops)


def _companies_page(ops: Operations) -> QWidget:
    from prepdesk.ui.pages.companies_page import CompaniesPage

    return CompaniesPage(ops)


def _checklist_page(ops: Operations) -> QWidget:
    from prepdesk.ui.pages.checklist_page import ChecklistPage

    return ChecklistPage(ops)


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
    PageSpec("topics", "Topics", "topics", _topics_page),
    PageSpec("practice", "Practice", "practice", _practice_page),
    PageSpec("stories", "Stories", "stories", _stories_page),
    PageSpec("companies", "Companies", "companies", _companies_page),
    PageSpec("checklist", "Checklist", "checklist", _checklist_page),
]
