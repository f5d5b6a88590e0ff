"""The Topics page filtered to one area: from the dashboard, from the toolbar, cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from prepdesk.store.models import Area, Topic
from prepdesk.ui.pages.dashboard_page import DashboardPage
from prepdesk.ui.pages.topics_page import TopicsPage

ALL_AREAS = ["math", "programming", "algorithms", "ml", "system-design"]


def visible_topic_ids(page: TopicsPage) -> set[int]:
    tree = page.tree
    return {
        area.child(j).data(0, Qt.ItemDataRole.UserRole)
        for area in tree.area_items()
        if not area.isHidden()
        for j in range(area.childCount())
    }


def topic_ids(db, area_key: str | None = None) -> set[int]:
    with db.transaction() as s:
        query = select(Topic.id).join(Area).where(Topic.archived.is_(False))
        if area_key:
            query = query.where(Area.key == area_key)
        return set(s.scalars(query))


def test_the_dashboard_opens_topics_filtered_to_an_area_and_the_filter_clears(
    qtbot, main_window, db
):
    dashboard = main_window.show_page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.topics_requested.emit("algorithms")

    assert main_window.current_page_key() == "topics"
    page = main_window.page("topics")
    assert isinstance(page, TopicsPage)
    assert page.tree.visible_area_keys() == ["algorithms"]
    assert visible_topic_ids(page) == topic_ids(db, "algorithms")
    assert page.area_filter.currentText() == "Algorithms and data structures"
    assert page.area_filter.isVisible()
    current = page.tree.currentItem()
    assert current.parent().data(0, Qt.ItemDataRole.UserRole + 1) == "algorithms"
    assert current.parent().isExpanded()
    assert page.detail.topic is not None and page.detail.topic.area_name.startswith("Algorithms")

    # The user clears the filter from the toolbar combo box.
    page.area_filter.setFocus()
    qtbot.keyClick(page.area_filter, Qt.Key.Key_Home)
    assert page.area_filter.currentText() == "All areas"
    assert page.tree.visible_area_keys() == ALL_AREAS
    assert visible_topic_ids(page) == topic_ids(db)


def test_the_filter_survives_a_reload_and_an_empty_key_shows_all(qtbot, main_window, db):
    page = main_window.show_page("topics")
    assert isinstance(page, TopicsPage)
    assert page.tree.visible_area_keys() == ALL_AREAS
    page.area_filter.setFocus()
    qtbot.keyClick(page.area_filter, Qt.Key.Key_End)  # the last area
    assert page.tree.visible_area_keys() == ["system-design"]
    page.reload()  # e.g. after a rating: the tree is rebuilt, still filtered
    assert page.tree.visible_area_keys() == ["system-design"]
    assert page.area_filter.currentText() == "ML system design"
    page.show_area("no-such-area")
    assert page.tree.visible_area_keys() == ALL_AREAS
    page.show_area("math")
    assert visible_topic_ids(page) == topic_ids(db, "math")
    page.show_area("")
    assert page.area_filter.currentText() == "All areas"
    assert visible_topic_ids(page) == topic_ids(db)
