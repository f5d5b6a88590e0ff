"""Problem CSV import/export: validate all, write once, neutralise formulas, round trip."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from prepdesk.io.problems_csv import (
    ProblemCsvRefused,
    export_problems_csv,
    import_problems_csv,
    neutralise,
)
from prepdesk.store.database import Database
from prepdesk.store.models import Attempt, Problem, ReviewCard
from prepdesk.store.repositories.problems import ProblemInput, ProblemRepository
from tests.helpers import REPO

SAMPLE = REPO / "docs" / "sample-problems.csv"
HEADER = "title,platform,difficulty,topics,date,minutes,solved\n"


def counts(db: Database) -> tuple[int, int, int]:
    with db.transaction() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) for m in (Problem, Attempt, ReviewCard)
        )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "problems.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_file_imports_with_cards_topics_and_attempts(db):
    report = import_problems_csv(db, SAMPLE)
    assert report.counts.new_problems == 5
    assert report.counts.new_attempts == 5
    assert counts(db)[:2] == (5, 5)
    with db.transaction() as s:
        problem_cards = s.scalar(
            select(func.count()).select_from(ReviewCard).where(ReviewCard.kind == "problem")
        )
    assert problem_cards == 5
    with db.transaction() as s:
        rows = {r.title: r for r in ProblemRepository(s).list_problems()}
    coin = rows["Coin Change"]
    assert (coin.attempt_count, coin.solved, coin.best_minutes, coin.last_minutes) == (
        2,
        True,
        26,
        26,
    )
    assert coin.topics == ("Dynamic programming",)
    assert rows["Climbing the Leaderboard"].attempt_count == 0
    titanic = rows["Titanic - Machine Learning from Disaster"]
    assert len(titanic.topics) == 2 and "NumPy and pandas" in titanic.topics


def test_importing_the_same_file_twice_adds_nothing(db):
    import_problems_csv(db, SAMPLE)
    before = counts(db)
    report = import_problems_csv(db, SAMPLE)
    assert counts(db) == before
    assert report.counts.skipped_attempts == 5 and report.counts.new_problems == 0


def test_a_bad_row_at_the_end_writes_nothing_and_names_row_and_column(db, tmp_path):
    good = "".join(f"Problem {i},LeetCode,easy,,2026-01-02,10,yes\n" for i in range(9997))
    path = write(tmp_path, HEADER + good + "Last one,LeetCode,extreme,,,,\n")
    with pytest.raises(ProblemCsvRefused) as refused:
        import_problems_csv(db, path)
    assert str(refused.value) == (
        "row 9999, column 'difficulty': expected easy, medium or hard, got 'extreme'"
    )
    assert counts(db)[:2] == (0, 0)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("A,LeetCode,easy,,2026-13-01,10,yes\n", "row 2, column 'date': expected an ISO date"),
        ("A,LeetCode,easy,,2026-01-01,ten,yes\n", "row 2, column 'minutes': expected whole"),
        ("A,LeetCode,easy,,2026-01-01,1441,yes\n", "row 2, column 'minutes'"),
        ("A,LeetCode,easy,,2026-01-01,10,maybe\n", "row 2, column 'solved': expected yes or no"),
        ("A,LeetCode,easy,no such topic,,,\n", "row 2, column 'topics': no curriculum topic"),
        (",LeetCode,easy,,,,\n", "row 2, column 'title': a problem needs a title"),
        ("A,LeetCode,easy,,,10,\n", "row 2, column 'date': an attempt needs a date"),
        ("A,LeetCode,easy,,,,\nA,LeetCode,hard,,,,\n", "row 3, column 'difficulty'"),
        ("A,LeetCode,easy,,,,,extra\n", "row 2: 8 cells but only 7 columns"),
    ],
)
def test_each_kind_of_bad_cell_is_refused_with_its_place(db, tmp_path, body, message):
    with pytest.raises(ProblemCsvRefused) as refused:
        import_problems_csv(db, write(tmp_path, HEADER + body))
    assert str(refused.value).startswith(message)
    assert counts(db)[:2] == (0, 0)


def test_headers_are_matched_case_insensitively_and_checked(db, tmp_path):
    path = write(tmp_path, "TITLE,Difficulty,Attempt Notes,Date,Minutes\nA,Easy,ok,2026-01-01,5\n")
    import_problems_csv(db, path)
    assert counts(db)[:2] == (1, 1)
    with pytest.raises(ProblemCsvRefused, match="row 1: unknown column 'dificulty'"):
        import_problems_csv(db, write(tmp_path, "title,dificulty\nA,easy\n"))
    with pytest.raises(ProblemCsvRefused, match="required column 'difficulty' is missing"):
        import_problems_csv(db, write(tmp_path, "title\nA\n"))


def test_export_neutralises_formula_cells(db, tmp_path):
    with db.transaction() as s:
        ProblemRepository(s).add_problem(
            ProblemInput(
                title='=HYPERLINK("http://evil")',
                platform="Other",
                difficulty="easy",
                patterns="+sum",
                notes="-1 is the answer",
                url="@home",
            )
        )
    out = tmp_path / "out.csv"
    export_problems_csv(db, out)
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["patterns"] == "'+sum"
    assert rows[0]["notes"] == "'-1 is the answer"
    assert rows[0]["url"] == "'@home"
    assert neutralise("plain") == "plain"
    assert not list(tmp_path.glob(".out.csv.*"))  # no temp file left behind


def test_export_then_import_into_a_fresh_folder_gives_the_same_problems(db, tmp_path):
    import_problems_csv(db, SAMPLE)
    with db.transaction() as s:
        ProblemRepository(s).add_problem(
            ProblemInput(title="-tricky title", platform="Kaggle", difficulty="hard")
        )
    out = tmp_path / "round.csv"
    export_problems_csv(db, out)
    from prepdesk.store.paths import DataPaths

    other = Database.open(DataPaths.resolve(tmp_path / "other"))
    try:
        import_problems_csv(other, out)

        def snapshot(database: Database) -> list[tuple]:
            with database.transaction() as s:
                return [
                    (
                        d.row.title,
                        d.row.platform,
                        d.row.url,
                        d.row.difficulty,
                        d.row.patterns,
                        d.row.topics,
                        d.notes,
                        tuple(
                            (a.attempted_at.replace(second=0), a.minutes, a.solved, a.notes)
                            for a in d.attempts
                        ),
                    )
                    for d in ProblemRepository(s).all_details()
                ]

        assert snapshot(other) == snapshot(db)
    finally:
        other.close()
    shutil.rmtree(tmp_path / "other")
