"""A synthetic five-year prepdesk data folder, written with bulk Core inserts.

40,000 study sessions, 3,000 problems with 8,000 attempts, 60,000 review logs,
300 stories, 100 companies with 400 stages (plus ratings and checklists).
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from prepdesk.store import models as m
from prepdesk.store.database import Database
from prepdesk.store.models.companies import company_value
from prepdesk.store.models.practice import problem_topic
from prepdesk.store.models.stories import story_competency
from prepdesk.store.paths import DataPaths

DAYS = 5 * 365
COUNTS = {
    "study_session": 40_000,
    "problem": 3_000,
    "attempt": 8_000,
    "review_log": 60_000,
    "story": 300,
    "company": 100,
    "interview_stage": 400,
    "rating": 6_000,
}


def build(root: Path, seed: int = 5) -> dict[str, int]:
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=DAYS)

    def moment() -> datetime:
        return start + timedelta(seconds=rng.randrange(DAYS * 86_400))

    db = Database.open(DataPaths.resolve(root))
    with db.transaction() as s:
        topics = list(s.scalars(select(m.Topic.id)))
        competencies = list(s.scalars(select(m.Competency.id)))
        stage_types = list(s.scalars(select(m.StageType.id)))
        s.execute(
            insert(m.Rating),
            [
                {"topic_id": rng.choice(topics), "level": rng.randint(0, 5), "rated_at": moment()}
                for _ in range(COUNTS["rating"])
            ],
        )
        s.execute(
            insert(m.StudySession),
            [
                {
                    "topic_id": rng.choice(topics),
                    "started_at": moment(),
                    "minutes": rng.randint(15, 120),
                }
                for _ in range(COUNTS["study_session"])
            ],
        )
        s.execute(
            insert(m.Problem),
            [
                {
                    "title": f"Problem {i}",
                    "platform": "LeetCode",
                    "difficulty": rng.choice(("easy", "medium", "hard")),
                    "created_at": moment(),
                }
                for i in range(COUNTS["problem"])
            ],
        )
        problems = list(s.scalars(select(m.Problem.id)))
        s.execute(
            insert(problem_topic),
            [{"problem_id": p, "topic_id": rng.choice(topics)} for p in problems],
        )
        s.execute(
            insert(m.Attempt),
            [
                {
                    "problem_id": rng.choice(problems),
                    "attempted_at": moment(),
                    "minutes": rng.randint(5, 90),
                    "solved": rng.random() < 0.7,
                }
                for _ in range(COUNTS["attempt"])
            ],
        )
        s.execute(
            insert(m.Story),
            [
                {
                    "title": f"Story {i}: a project that mattered",
                    "created_at": moment(),
                    "updated_at": moment(),
                }
                for i in range(COUNTS["story"])
            ],
        )
        stories = list(s.scalars(select(m.Story.id)))
        s.execute(
            insert(story_competency),
            [
                {"story_id": story, "competency_id": c}
                for story in stories
                for c in rng.sample(competencies, 2)
            ],
        )
        cards = [
            {
                "kind": "problem",
                "problem_id": p,
                "state": 2,
                "stability": rng.uniform(1, 60),
                "difficulty": rng.uniform(2, 8),
                "due": now + timedelta(days=rng.randint(-5, 30)),
                "last_review": now - timedelta(days=rng.randint(1, 60)),
            }
            for p in problems
        ] + [
            {
                "kind": "story",
                "story_id": story,
                "state": 2,
                "stability": rng.uniform(1, 60),
                "difficulty": rng.uniform(2, 8),
                "due": now + timedelta(days=rng.randint(-5, 30)),
                "last_review": now - timedelta(days=rng.randint(1, 60)),
            }
            for story in stories
        ]
        s.execute(insert(m.ReviewCard), cards)
        card_ids = list(s.scalars(select(m.ReviewCard.id)))
        s.execute(
            insert(m.ReviewLog),
            [
                {
                    "card_id": rng.choice(card_ids),
                    "rating": rng.randint(1, 4),
                    "reviewed_at": moment(),
                    "duration_ms": rng.randint(2_000, 60_000),
                }
                for _ in range(COUNTS["review_log"])
            ],
        )
        s.execute(
            insert(m.Company),
            [{"name": f"Company {i}", "status": "interviewing"} for i in range(COUNTS["company"])],
        )
        companies = list(s.scalars(select(m.Company.id)))
        s.execute(
            insert(company_value),
            [
                {"company_id": c, "competency_id": v}
                for c in companies
                for v in rng.sample(competencies, 3)
            ],
        )
        s.execute(
            insert(m.InterviewStage),
            [
                {
                    "company_id": companies[i // 4],
                    "stage_type_id": rng.choice(stage_types),
                    "position": i % 4,
                    "scheduled_at": now + timedelta(days=rng.randint(-DAYS, 60), hours=1),
                }
                for i in range(COUNTS["interview_stage"])
            ],
        )
        stages = list(s.scalars(select(m.InterviewStage.id)))
        s.execute(
            insert(m.ChecklistItem),
            [
                {"stage_id": st, "text": f"Item {k}", "checked": rng.random() < 0.5, "position": k}
                for st in stages
                for k in range(6)
            ],
        )
    db.checkpoint()
    db.close()
    return COUNTS


if __name__ == "__main__":
    began = time.perf_counter()
    build(Path(sys.argv[1]))
    print(f"dataset written to {sys.argv[1]} in {time.perf_counter() - began:.1f} s")
