"""Targets, weights and hours per level on the Topics page: one topic or many at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from prepdesk.store.models import Topic


def topic_items(tree):
    return [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]


def test_many_topics_at_once_and_mixed_fields_are_kept(qtbot, main_window, db):
    page = main_window.show_page("topics")
    items = topic_items(page.tree)[:3]
    page.tree.setCurrentItem(items[0])
    for item in items:
        item.setSelected(True)
    ids = page.tree.selected_topic_ids()
    assert len(ids) == 3
    with db.transaction() as s:
        before = {t.id: t.weight for t in s.scalars(select(Topic).where(Topic.id.in_(ids)))}
    page.targets_action.trigger()
    dialog = page.targets_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Targets and weights of 3 topics"
    assert dialog.weight.text() == "mixed"  # the curriculum weights differ
    dialog.target.setFocus()
    dialog.target.selectAll()
    qtbot.keyClicks(dialog.target, "3")
    dialog.hours.selectAll()
    qtbot.keyClicks(dialog.hours, "2.5")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    with db.transaction() as s:
        rows = list(s.scalars(select(Topic).where(Topic.id.in_(ids))))
    assert {t.target_level for t in rows} == {3}
    assert {t.hours_per_level for t in rows} == {2.5}
    assert {t.id: t.weight for t in rows} == before  # "mixed" left as it was
    assert "3" in page.tree.currentItem().text(3)


def test_apply_a_role_profile_again(qtbot, main_window, db, monkeypatch):
    page = main_window.show_page("topics")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("Data scientist", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.profile_action.trigger()
    with db.transaction() as s:
        target = s.scalar(select(Topic.target_level).where(Topic.key == "programming.sql"))
    assert target == 4
