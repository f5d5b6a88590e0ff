"""Time importing a 10,000-row problem CSV (one transaction) against a bare Core executemany.

Run: .venv/bin/python benchmarks/csv_import.py
Both use fresh data folders in a temporary directory; the CSV has 10,000 problems,
each with one attempt.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from prepdesk.io.problems_csv import import_problems_csv
from prepdesk.store.database import Database
from prepdesk.store.models import Attempt, Problem
from prepdesk.store.paths import DataPaths

ROWS = 10_000
DIFFICULTIES = ("easy", "medium", "hard")


def rows() -> list[dict]:
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    return [
        {
            "title": f"Problem {i:05d}",
            "platform": "LeetCode",
            "difficulty": DIFFICULTIES[i % 3],
            "patterns": "hash map, two pointers",
            "when": start + timedelta(minutes=i),
            "minutes": 10 + i % 50,
            "solved": i % 4 != 0,
        }
        for i in range(ROWS)
    ]


def write_csv(path: Path, data: list[dict]) -> None:
    lines = ["title,platform,difficulty,patterns,date,minutes,solved"]
    for r in data:
        when = r["when"].isoformat(timespec="minutes")
        solved = "yes" if r["solved"] else "no"
        lines.append(
            f'{r["title"]},{r["platform"]},{r["difficulty"]},"{r["patterns"]}",'
            f"{when},{r['minutes']},{solved}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def time_our_import(folder: Path, csv_path: Path) -> float:
    db = Database.open(DataPaths.resolve(folder))
    try:
        began = time.perf_counter()
        import_problems_csv(db, csv_path)
        elapsed = time.perf_counter() - began
        with db.transaction() as s:
            assert s.scalar(select(func.count()).select_from(Problem)) == ROWS
    finally:
        db.close()
    return elapsed


def time_core_executemany(folder: Path, data: list[dict]) -> float:
    db = Database.open(DataPaths.resolve(folder))
    try:
        began = time.perf_counter()
        with db.engine.begin() as conn:
            conn.execute(
                insert(Problem.__table__),
                [
                    {
                        "title": r["title"],
                        "platform": r["platform"],
                        "difficulty": r["difficulty"],
                        "patterns": r["patterns"],
                        "url": "",
                        "notes": "",
                        "created_at": r["when"],
                    }
                    for r in data
                ],
            )
            ids = dict(conn.execute(select(Problem.title, Problem.id)).all())
            conn.execute(
                insert(Attempt.__table__),
                [
                    {
                        "problem_id": ids[r["title"]],
                        "attempted_at": r["when"],
                        "minutes": r["minutes"],
                        "solved": r["solved"],
                        "notes": "",
                    }
                    for r in data
                ],
            )
        elapsed = time.perf_counter() - began
    finally:
        db.close()
    return elapsed


def main() -> None:
    data = rows()
    with tempfile.TemporaryDirectory(prefix="prepdesk-bench-") as tmp:
        root = Path(tmp)
        csv_path = root / "problems.csv"
        write_csv(csv_path, data)
        ours = time_our_import(root / "ours", csv_path)
        core = time_core_executemany(root / "core", data)
    print(f"{ROWS} rows: prepdesk import (validate + one transaction): {ours:.2f} s")
    print(f"{ROWS} rows: plain SQLAlchemy Core executemany (same rows): {core:.2f} s")
    print(f"ratio: {ours / core:.1f}x")


if __name__ == "__main__":
    main()
