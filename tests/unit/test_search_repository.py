"""The FTS5 index follows every insert, update and delete, and matches prefixes."""

from __future__ import annotations

from sqlalchemy import text

from prepdesk.store.models import Company, Problem, Story
from prepdesk.store.repositories.search import SearchRepository, fts_query


def search(db, typed):
    with db.transaction() as session:
        return SearchRepository(session).search(typed)


def test_prefix_matching_and_grouping(db):
    with db.transaction() as session:
        session.add(Story(title="Shipping the ranker", result="Click-through rose 12%"))
        session.add(Company(name="Rankly", notes="Uses learning to rank"))
    hits = search(db, "rank")
    kinds = {hit.kind for hit in hits}
    assert {"story", "company"} <= kinds
    assert [h.kind for h in hits] == sorted(h.kind for h in hits)  # grouped by kind
    stories = [hit for hit in search(db, "click thro") if hit.kind == "story"]
    assert stories[0].title == "Shipping the ranker"


def test_updates_and_deletes_are_followed(db):
    with db.transaction() as session:
        problem = Problem(title="Two Sum", platform="LeetCode", notes="hash map")
        session.add(problem)
    assert [h.title for h in search(db, "hash") if h.kind == "problem"] == ["Two Sum"]
    with db.transaction() as session:
        session.get(Problem, problem.id).notes = "sorting and zebrapointers"
    assert not [h for h in search(db, "hash") if h.kind == "problem"]
    assert [h.ref_id for h in search(db, "zebrapoint")] == [problem.id]
    with db.transaction() as session:
        session.delete(session.get(Problem, problem.id))
    assert search(db, "zebrapoint") == []


def test_diacritics_and_syntax_are_harmless(db):
    with db.transaction() as session:
        session.add(Story(title="Café recommender", action='He said "AND" OR: NOT'))
    assert search(db, "cafe")[0].title == "Café recommender"
    assert search(db, '"AND OR: NOT') != []
    assert search(db, "  ") == []
    assert fts_query("a-b") == '"a"* "b"*'


def test_rebuild_gives_the_same_index_as_the_triggers(db):
    with db.transaction() as session:
        session.add(Story(title="Feature store", situation="Stale features"))
    query = "SELECT rowid, kind, ref_id, title, body FROM search_index ORDER BY rowid"
    with db.transaction() as session:
        before = session.execute(text(query)).all()
        count = SearchRepository(session).rebuild()
        after = session.execute(text(query)).all()
    assert before == after
    assert count == len(before) > 50
