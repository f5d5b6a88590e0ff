"""The pages of the main window, in navigation order.

Each entry builds its page lazily, so start-up pays only for the page shown first.
Every page is a `Page` (ui/pages/page.py), the one protocol the main window uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the start-up shell lists the pages before the store is imported
    from prepdesk.ui.operations import Operations
    from prepdesk.ui.pages.page import Page

PageFactory = Callable[["Operations"], "Page"]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon_name: str
    factory: PageFactory


def _topics_page(ops: Operations) -> Page:
    from prepdesk.ui.pages.topics_page import TopicsPage

    return TopicsPage(ops)


def _practice_page(ops: Operations) -> Page:
    from prepdesk.ui.pages.practice_page import PracticePage

    return PracticePage(ops)


def _stories_page(ops: Operations) -> Page:
    from prepdesk.ui.pages.stories_page import StoriesPage

    return StoriesPage(ops)


def _companies_page(ops: Operations) -> Page:
    from prepdesk.ui.pages.companies_page import CompaniesPage

    return CompaniesPage(ops)


def _checklist_page(ops: Operations) -> Page:
    from prepdesk.ui.pages.checklist_page import ChecklistPage

    return ChecklistPage(ops)


def _design_page(ops: Operations) -> Page:
    from prepdesk.ui.pages.design_page import DesignPage

    return DesignPage(ops)


def _dashboard(ops: Operations) -> Page:
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
    PageSpec("design", "ML practice", "design", _design_page),
]
