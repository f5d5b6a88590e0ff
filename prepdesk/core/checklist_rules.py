"""The pre-interview checklist: which items a stage gets, and how automatic items are decided.

Pure Python: the store gathers plain facts (`ChecklistFacts`), this module turns them
into ticks with an evidence sentence the user can check for themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

from prepdesk.core.design_practice import DESIGN_STAGE_CATEGORIES
from prepdesk.core.interview_pipeline import STAGE_CATEGORIES, STAGE_FORMATS
from prepdesk.core.presentation import count_noun, date_text

SECTIONS = ("research", "behavioral", "coding", "design", "topics", "logistics", "day-before")
SECTION_TITLES = {
    "research": "Research",
    "behavioral": "Stories",
    "coding": "Coding",
    "design": "ML system design",
    "topics": "Weak topics",
    "logistics": "Logistics",
    "day-before": "The day before",
}

REHEARSAL_DAYS = 7  # a story rehearsed within this many days counts as fresh
TIMED_PROBLEM_DAYS = 3
DESIGN_SESSION_DAYS = 7  # a timed ML design session within this many days counts as recent
REVIEW_DAYS = 7  # a weak topic studied or reviewed within this many days counts as reviewed
QUESTIONS_NEEDED = 3
WEAK_LEVEL = 2  # a topic rated at or below this level is weak

# Curriculum areas whose weak topics each stage category should review.
AREAS_FOR_CATEGORY = {
    "coding": ("algorithms",),
    "assessment": ("ml", "algorithms"),
    "ml_concepts": ("ml",),
    "system_design": ("system-design",),
    "onsite": ("algorithms", "ml", "system-design"),
}
BEHAVIORAL_CATEGORIES = ("behavioral", "onsite", "screen")
CODING_CATEGORIES = ("coding", "assessment", "onsite")
DESIGN_ITEM_TEXT = "A timed ML design session practised in the last 7 days"


@dataclass(frozen=True)
class ItemTemplate:
    section: str
    text: str
    rule: str | None  # None: only the user can tick it


@dataclass(frozen=True)
class ValueRehearsal:
    """A company value and the most recent rehearsal of a story tagged with it."""

    value: str
    story: str | None = None
    practised_at: datetime | None = None


@dataclass(frozen=True)
class WeakTopic:
    name: str
    area_key: str
    level: int
    last_studied: datetime | None = None  # latest review or study session
    topic_id: int | None = None


@dataclass(frozen=True)
class TimedSolve:
    title: str
    attempted_at: datetime
    minutes: int


@dataclass(frozen=True)
class DesignPractice:
    """The latest finished timed ML design session."""

    prompt: str
    practised_at: datetime
    score: float | None  # mean phase self-score 1–4; None until scored


@dataclass(frozen=True)
class ChecklistFacts:
    now: datetime
    products: str = ""
    ml_usage: str = ""
    questions_ready: int = 0
    values: tuple[ValueRehearsal, ...] = ()
    last_solve: TimedSolve | None = None
    last_design: DesignPractice | None = None
    weak_topics: tuple[WeakTopic, ...] = field(default_factory=tuple)
    area_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    checked: bool
    evidence: str


def items_for(category: str, stage_format: str) -> list[ItemTemplate]:
    """The generated items of a stage of this category and format, in display order."""
    items = [
        ItemTemplate("research", "Products reviewed", "products_reviewed"),
        ItemTemplate("research", "How they use ML noted", "ml_usage_noted"),
        ItemTemplate("research", "At least three questions to ask ready", "questions_ready"),
    ]
    if category in BEHAVIORAL_CATEGORIES:
        items.append(
            ItemTemplate(
                "behavioral",
                "Stories for the company's values rehearsed this week",
                "value_stories_rehearsed",
            )
        )
    if category in CODING_CATEGORIES:
        items.append(
            ItemTemplate("coding", "A timed problem solved in the last 3 days", "timed_problem")
        )
    if category in DESIGN_STAGE_CATEGORIES:
        items.append(ItemTemplate("design", DESIGN_ITEM_TEXT, "design_session"))
    for area in AREAS_FOR_CATEGORY.get(category, ()):
        items.append(ItemTemplate("topics", _area_item_text(area), f"weak_topics:{area}"))
    remote = stage_format in ("video", "phone", "take-home")
    items += [
        ItemTemplate("logistics", "Link checked" if remote else "Address and route checked", None),
        ItemTemplate(
            "logistics",
            "Camera, microphone and connection tested" if remote else "ID ready",
            None,
        ),
        ItemTemplate("day-before", "Rest: no new material crammed", None),
        ItemTemplate("day-before", "A good night's sleep", None),
    ]
    return items


def item_key(section: str, text: str, rule: str | None) -> str:
    """What makes two items the same item across a regeneration: the rule, else the text."""
    return f"rule:{rule}" if rule else f"{section}:{text}"


@cache
def _generated_keys() -> frozenset[str]:
    return frozenset(
        item_key(t.section, t.text, t.rule)
        for category in STAGE_CATEGORIES
        for stage_format in STAGE_FORMATS
        for t in items_for(category, stage_format)
    )


def is_generated(section: str, text: str, rule: str | None) -> bool:
    """True for an item the rules give some stage; False for the person's own items."""
    return item_key(section, text, rule) in _generated_keys()


def _area_item_text(area: str) -> str:
    names = {"algorithms": "algorithm", "ml": "ML concept", "system-design": "system-design"}
    return f"Weak {names.get(area, area)} topics reviewed"


def evaluate(rule: str, facts: ChecklistFacts) -> Verdict:
    """Decide an automatic item from the facts; the evidence says why."""
    if rule == "products_reviewed":
        return _noted(facts.products, "products")
    if rule == "ml_usage_noted":
        return _noted(facts.ml_usage, "how they use ML")
    if rule == "questions_ready":
        count = facts.questions_ready
        return Verdict(count >= QUESTIONS_NEEDED, f"{count_noun(count, 'question')} ready")
    if rule == "value_stories_rehearsed":
        return _values_rehearsed(facts)
    if rule == "timed_problem":
        return _timed_problem(facts)
    if rule == "design_session":
        return _design_session(facts)
    if rule.startswith("weak_topics:"):
        return _weak_topics(facts, rule.split(":", 1)[1])
    raise ValueError(f"unknown checklist rule {rule!r}")


def _noted(text: str, what: str) -> Verdict:
    # The item already names what: the evidence says where, never the item again.
    if text.strip():
        return Verdict(True, "Noted on the company page")
    return Verdict(False, f"Nothing noted yet about {what}")


def _values_rehearsed(facts: ChecklistFacts) -> Verdict:
    if not facts.values:
        return Verdict(False, "No company values set: add them on the company page")
    since = facts.now - timedelta(days=REHEARSAL_DAYS)
    fresh, missing = [], []
    for value in facts.values:
        if value.practised_at is not None and value.practised_at >= since:
            fresh.append(
                f"{value.value}: '{value.story}' rehearsed {_when(value.practised_at, facts.now)}"
            )
        else:
            missing.append(value.value)
    if missing:
        return Verdict(False, "Not rehearsed in the last 7 days: " + ", ".join(missing))
    return Verdict(True, "; ".join(fresh))


def _timed_problem(facts: ChecklistFacts) -> Verdict:
    solve = facts.last_solve
    if solve is None:
        return Verdict(False, "No problem solved yet")
    fresh = solve.attempted_at >= facts.now - timedelta(days=TIMED_PROBLEM_DAYS)
    evidence = (
        f"'{solve.title}' solved {_when(solve.attempted_at, facts.now)} in {solve.minutes} min"
    )
    return Verdict(fresh, evidence)


def _design_session(facts: ChecklistFacts) -> Verdict:
    design = facts.last_design
    if design is None:
        return Verdict(
            False, "No timed ML design session yet: practise one on the ML practice page"
        )
    fresh = design.practised_at >= facts.now - timedelta(days=DESIGN_SESSION_DAYS)
    scored = "not scored yet" if design.score is None else f"scored {design.score:.1f} of 4"
    evidence = f"Last: '{design.prompt}', {days_ago(design.practised_at, facts.now)}, {scored}"
    return Verdict(fresh, evidence)


def _weak_topics(facts: ChecklistFacts, area: str) -> Verdict:
    area_name = facts.area_names.get(area, area)
    weak = [t for t in facts.weak_topics if t.area_key == area]
    if not weak:
        return Verdict(True, f"No weak topics in {area_name}")
    since = facts.now - timedelta(days=REVIEW_DAYS)
    stale = [t.name for t in weak if t.last_studied is None or t.last_studied < since]
    if stale:
        shown = ", ".join(stale[:3]) + (f" and {len(stale) - 3} more" if len(stale) > 3 else "")
        return Verdict(False, f"Not reviewed in the last 7 days: {shown}")
    return Verdict(True, f"All {len(weak)} weak topics reviewed in the last 7 days")


def days_ago(moment: datetime, now: datetime) -> str:
    """'today', 'yesterday' or 'N days ago', counted in local calendar days."""
    days = (now.astimezone().date() - moment.astimezone().date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def _when(moment: datetime, now: datetime) -> str:
    """'today', 'yesterday' or the weekday name, in local time, for recent moments."""
    local, today = moment.astimezone(), now.astimezone().date()
    days = (today - local.date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return local.strftime("%A")
    return f"on {date_text(local)}"
