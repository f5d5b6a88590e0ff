"""Search results read as text: Markdown marks dropped, fields apart, the match marked; a
search that finds nothing says so in a compact box. Opened with Ctrl+K's action."""

from __future__ import annotations

from sqlalchemy import select

from prepdesk.core.search_text import marked_plain
from prepdesk.store.models import Topic
from prepdesk.ui.search_dialog import SearchDialog
from prepdesk.ui.search_hit_delegate import HTML_ROLE

NOTES = (
    "## Zanzibar trick\n\n- **Reservoir** sampling keeps _k_ items: see [the paper](https://x.org)"
)


def open_search(qtbot, window) -> SearchDialog:
    window.search_action.trigger()
    dialog = window.data.search_dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_results_are_plain_text_with_the_match_marked(qtbot, ops, main_window):
    with ops.db.transaction() as session:
        topic = session.scalars(select(Topic).where(Topic.key == "math.probability")).one()
        topic.description = "Chance and counting."
        topic.notes = NOTES
    dialog = open_search(qtbot, main_window)
    qtbot.keyClicks(dialog.box, "reservoir")
    hit = dialog.current_hit()
    assert hit is not None and hit.kind == "topic"
    for mark in ("**", "##", "](", "_k_"):
        assert mark not in hit.snippet
    assert "Chance and counting. · Zanzibar trick · Reservoir sampling keeps k items" in (
        hit.snippet
    )
    (start, end), *_ = hit.snippet_matches
    assert hit.snippet[start:end] == "Reservoir"
    item = dialog.results.currentItem()
    assert "background-color" in item.data(0, HTML_ROLE)
    assert ">Reservoir</span>" in item.data(0, HTML_ROLE)
    assert dialog.results.isVisible()
    assert dialog.hint.text().startswith("1 match.")


def test_no_match_is_a_compact_sentence_not_an_empty_box(qtbot, main_window):
    dialog = open_search(qtbot, main_window)
    qtbot.keyClicks(dialog.box, "qwzxv")
    assert dialog.hint.text().startswith("No matches for “qwzxv”")
    assert not dialog.results.isVisible()
    assert dialog.height() < 200
    dialog.box.clear()
    qtbot.keyClicks(dialog.box, "probab")
    assert dialog.results.isVisible() and dialog.height() >= 400


def test_marked_plain_keeps_fields_apart_and_spans_right():
    text, spans = marked_plain("Title line\n\n- a \x02match\x03 in *notes*\n| x | y |")
    assert text == "Title line · a match in notes · x y"
    assert [text[s:e] for s, e in spans] == ["match"]


def test_reopened_search_shows_the_data_as_it_is_now(qtbot, ops, main_window):
    from prepdesk.store.models import Problem

    with ops.db.transaction() as session:
        problem = Problem(title="Zebra Stripes", platform="LeetCode", difficulty="easy")
        session.add(problem)
        session.flush()
        problem_id = problem.id
    dialog = open_search(qtbot, main_window)
    qtbot.keyClicks(dialog.box, "zebra")
    assert dialog.current_hit().title == "Zebra Stripes"
    dialog.close()
    with ops.db.transaction() as session:
        session.get(Problem, problem_id).title = "Zebra Crossings"
    again = open_search(qtbot, main_window)
    assert again.box.text() == "zebra"
    assert again.current_hit().title == "Zebra Crossings"
