"""ML system design practice: the phases of a design answer, their time budgets, the
self-scoring rubric, the session clock's arithmetic and the weakest-phase rule.

Pure Python: the store keeps sessions, the UI shows them, the rules live here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Phase:
    key: str
    name: str
    minutes: int  # default budget within a 45-minute session
    hint: str


PHASES: tuple[Phase, ...] = (
    Phase(
        "requirements",
        "Requirements & success metrics",
        6,
        "Ask the clarifying questions; fix scope, scale, latency; name the business metric "
        "and the ML metric that stands in for it.",
    ),
    Phase(
        "data",
        "Data & labels",
        7,
        "Where the training data comes from, how labels are made, their delay and noise, "
        "sampling and leakage.",
    ),
    Phase(
        "features",
        "Features",
        6,
        "Entities and their signals, freshness, embeddings, what is computed online "
        "versus offline.",
    ),
    Phase(
        "model",
        "Model",
        8,
        "A simple baseline first, then the model you would ship; the loss, why it fits, "
        "and what it costs.",
    ),
    Phase(
        "evaluation",
        "Offline & online evaluation",
        7,
        "Offline metrics and splits that match production; the A/B test, guardrails, "
        "how long and for whom.",
    ),
    Phase(
        "serving",
        "Serving & scale",
        6,
        "Latency budget, candidate generation then ranking, caching, batch versus "
        "online inference, cost.",
    ),
    Phase(
        "monitoring",
        "Monitoring & iteration",
        5,
        "Drift, data quality, feedback loops, retraining cadence, what you would try next.",
    ),
)
PHASE_KEYS = tuple(p.key for p in PHASES)
PHASE_NAMES = {p.key: p.name for p in PHASES}
DEFAULT_TOTAL_MINUTES = sum(p.minutes for p in PHASES)  # 45
MIN_TOTAL_MINUTES, MAX_TOTAL_MINUTES = 10, 180

SCORES: dict[int, str] = {
    1: "Missed: skipped it, or said something wrong an interviewer would stop you on.",
    2: "Thin: named the parts without reasons, trade-offs or numbers.",
    3: "Solid: a sound choice with its reasons and one trade-off weighed.",
    4: "Strong: drove it yourself, with numbers, alternatives compared and risks named.",
}

# Interview stages that ask for an ML design answer: their checklist and readiness count
# recent design sessions.
DESIGN_STAGE_CATEGORIES = ("system_design", "onsite")
DESIGN_RECENT_DAYS = 30  # scored sessions this recent make the readiness part
DESIGN_TARGET_SCORE = 3  # "Solid" on the rubric: a mean at or above it counts in full

PROMPT_CATEGORIES = (
    "Ranking & recommendation",
    "Search",
    "Ads",
    "Trust & safety",
    "Forecasting",
    "Maps & logistics",
    "Anomaly detection",
    "Language models",
    "Vision",
    "Other",
)


def phase_budgets(total_minutes: int) -> dict[str, int]:
    """Seconds per phase for a session of `total_minutes`, in the default proportions.

    The budgets add up to exactly `total_minutes` * 60.
    """
    if not MIN_TOTAL_MINUTES <= total_minutes <= MAX_TOTAL_MINUTES:
        raise ValueError(
            f"a session lasts {MIN_TOTAL_MINUTES} to {MAX_TOTAL_MINUTES} minutes, "
            f"got {total_minutes}"
        )
    total = total_minutes * 60
    budgets = {p.key: total * p.minutes // DEFAULT_TOTAL_MINUTES for p in PHASES}
    budgets[PHASES[-1].key] += total - sum(budgets.values())
    return budgets


def checked_items(text: str) -> list[str]:
    """The items of a one-per-line list, bullets and blank lines dropped."""
    items = []
    for line in text.splitlines():
        item = line.strip().lstrip("-*•").strip()
        if item:
            items.append(item)
    return items


def clock_text(seconds: float) -> str:
    """'12:05', or '-0:30' once over."""
    whole = int(seconds) if seconds >= 0 else -int(-seconds + 0.999)
    sign = "-" if whole < 0 else ""
    minutes, rest = divmod(abs(whole), 60)
    return f"{sign}{minutes}:{rest:02d}"


class SessionTimer:
    """Where a running session is: the phase on now and the time spent in each.

    Time comes in as `now` arguments, so the UI's clock (and tests) drive it.
    """

    def __init__(self, budgets: dict[str, int], started_at: datetime) -> None:
        self.budgets = dict(budgets)
        self.started_at = started_at
        self.index = 0
        self._phase_started = started_at
        self.spent: dict[str, float] = {key: 0.0 for key in PHASE_KEYS}
        self.finished_at: datetime | None = None

    @property
    def phase(self) -> Phase:
        return PHASES[self.index]

    @property
    def is_last(self) -> bool:
        return self.index == len(PHASES) - 1

    @property
    def total_budget(self) -> int:
        return sum(self.budgets.values())

    def phase_elapsed(self, now: datetime) -> float:
        running = 0.0 if self.finished_at else (now - self._phase_started).total_seconds()
        return self.spent[self.phase.key] + max(running, 0.0)

    def elapsed(self, now: datetime) -> float:
        end = self.finished_at or now
        return max((end - self.started_at).total_seconds(), 0.0)

    def phase_left(self, now: datetime) -> float:
        return self.budgets[self.phase.key] - self.phase_elapsed(now)

    def total_left(self, now: datetime) -> float:
        return self.total_budget - self.elapsed(now)

    def advance(self, now: datetime) -> bool:
        """Closes the current phase; False (and the session finished) after the last."""
        if self.finished_at is not None:
            return False
        self.spent[self.phase.key] = self.phase_elapsed(now)
        self._phase_started = now
        if self.is_last:
            self.finished_at = now
            return False
        self.index += 1
        return True

    def finish(self, now: datetime) -> None:
        if self.finished_at is None:
            self.spent[self.phase.key] = self.phase_elapsed(now)
            self.finished_at = now


@dataclass(frozen=True)
class PhaseAverage:
    key: str
    name: str
    average: float
    count: int


def phase_averages(scores: Iterable[tuple[str, int]]) -> list[PhaseAverage]:
    """Mean self-score of each phase that has scores, weakest first (ties in phase order)."""
    totals: dict[str, list[int]] = {}
    for key, score in scores:
        if key in PHASE_NAMES and score in SCORES:
            totals.setdefault(key, []).append(score)
    averages = [
        PhaseAverage(key, PHASE_NAMES[key], sum(v) / len(v), len(v))
        for key in PHASE_KEYS
        if (v := totals.get(key))
    ]
    return sorted(averages, key=lambda a: a.average)


def weakest_phase(scores: Iterable[tuple[str, int]]) -> PhaseAverage | None:
    averages = phase_averages(scores)
    return averages[0] if averages else None


def session_score(scores: Iterable[int | None]) -> float | None:
    """A scored session's mean phase self-score (1–4); None when no phase was scored."""
    given = [s for s in scores if s in SCORES]
    return sum(given) / len(given) if given else None


def review_grade(scores: Iterable[int | None]) -> int | None:
    """The review grade (1-4) a scored session gives its prompt: the rounded-down mean."""
    mean = session_score(scores)
    return None if mean is None else max(1, min(4, int(mean)))


MIN_DAYS_BETWEEN_SESSIONS = 1  # a 45-minute answer is never re-practised the same day


def next_practice_due(scheduled: datetime, practised_at: datetime) -> datetime:
    """When a prompt comes back: fsrs's date, but no sooner than a day after practice
    (fsrs's learning steps are minutes, made for flash cards, not for whole sessions)."""
    return max(scheduled, practised_at + timedelta(days=MIN_DAYS_BETWEEN_SESSIONS))
