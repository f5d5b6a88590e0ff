"""The Topics page on a refresh: its topic detail is read once; the "Review due (N)" count
is read off the GUI thread (with the Today panel's read) and keeps its last text, and the
toolbar its layout, while a read runs."""

from __future__ import annotations

import threading

from prepdesk.ui import today_panel
from prepdesk.ui.topics import review_dialog


def test_due_count_is_read_off_the_gui_thread_and_kept_while_pending(
    qtbot, main_window, monkeypatch
):
    threads: list[threading.Thread] = []

    def recording(real):
        def due_cards(*args, **kwargs):
            threads.append(threading.current_thread())
            return real(*args, **kwargs)

        return due_cards

    # Every way the count could be read: the Today panel's read and the review dialog's.
    monkeypatch.setattr(today_panel, "due_cards", recording(today_panel.due_cards))
    monkeypatch.setattr(review_dialog, "due_cards", recording(review_dialog.due_cards))

    page = main_window.show_page("topics")
    action = page.review_action
    button = page.toolbar.widgetForAction(page.add_action)
    qtbot.waitUntil(lambda: action.text() == "Review due (10)", timeout=30_000)
    x_with_count = button.x()

    main_window.refresh_action.trigger()  # F5: everything is read again
    assert action.text() == "Review due (10)"  # the last count stays while the read runs
    qtbot.waitUntil(page.today.is_current, timeout=30_000)
    assert action.text() == "Review due (10)"
    assert threads and threading.main_thread() not in threads
    assert button.x() == x_with_count


def test_a_refresh_reads_the_shown_topic_once(qtbot, main_window, monkeypatch):
    from prepdesk.store.repositories.topics import TopicRepository

    page = main_window.show_page("topics")
    qtbot.waitUntil(page.today.is_current, timeout=30_000)
    shown = page.tree.current_topic_id()
    assert shown is not None
    reads: list[int] = []
    real = TopicRepository.detail

    def detail(self, topic_id, *args, **kwargs):
        reads.append(topic_id)
        return real(self, topic_id, *args, **kwargs)

    monkeypatch.setattr(TopicRepository, "detail", detail)
    main_window.refresh_action.trigger()  # F5
    qtbot.waitUntil(page.today.is_current, timeout=30_000)
    assert reads == [shown]
    assert page.detail.topic is not None and page.detail.topic.id == shown
