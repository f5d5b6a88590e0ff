"""What the Today panel shows, as plain text and numbers: the plan's topics for today,
what is done, the reviews and ML design prompts due.

Built from the plan and the due cards by the live read, and kept in the dashboard's
numbers snapshot, so the panel is filled the same way from either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prepdesk.core.planner import Plan, PlanBlock, format_day
from prepdesk.core.presentation import count_noun

NO_DATE_YET = (
    "No interview date yet: add an interview stage on the Companies page, or set "
    "a target date in Edit > Preferences, to get a day-by-day plan."
)


@dataclass(frozen=True)
class TodayNumbers:
    on_track: str
    progress: str
    blocks: tuple[PlanBlock, ...]  # today's planned topics, each with a Start button
    nothing_planned: str  # shown instead when there are no blocks
    reviews: str
    due_count: int  # cards due now (reviews and new questions)
    design_count: int
    design_titles: tuple[str, ...]  # the first few ML design prompts due

    def design_text(self) -> str:
        titles = ", ".join(self.design_titles) + ("…" if self.design_count > 3 else "")
        return (
            f"{count_noun(self.design_count, 'ML design prompt')} due for a timed "
            f"re-practice (ML practice page): {titles}"
        )


def today_numbers(
    today: date,
    plan: Plan | None,
    interview: tuple[str | None, str | None] | None,
    due_recall: list[float | None],
    minutes_done: int,
    design_titles: list[str],
) -> TodayNumbers:
    """`interview` is (stage, company) of the next interview; `due_recall` each due card's
    recall now (None: a new question, never drilled)."""
    if plan is None or interview is None:
        on_track = NO_DATE_YET
    else:
        stage, company = interview
        where = f" ({stage}, {company})" if company else ""
        on_track = f"Next interview {format_day(plan.interview_day)}{where}. {plan.summary()}"
    day = plan.day(today) if plan else None
    blocks = tuple(day.blocks) if day else ()
    nothing = "Nothing planned for today."
    if day is not None and not day.blocks and day.light:
        nothing = "The day before the interview: light reviews, the checklist, then rest."
    # New question cards are drilled for the first time, not reviewed (like Anki's new
    # cards): counted apart, so "reviews due" means only what was learnt before.
    new = sum(1 for recall in due_recall if recall is None)
    count = len(due_recall) - new
    reviews = f"{count_noun(count, 'review')} due today" if count else ""
    fresh = f"{count_noun(new, 'new question')} to drill" if new else ""
    return TodayNumbers(
        on_track=on_track,
        progress=_progress_text(plan, today, minutes_done),
        blocks=blocks,
        nothing_planned=nothing,
        reviews=" · ".join(part for part in (reviews, fresh) if part) or "No reviews due today.",
        due_count=len(due_recall),
        design_count=len(design_titles),
        design_titles=tuple(design_titles[:3]),
    )


def _progress_text(plan: Plan | None, today: date, done: int) -> str:
    """'Done today: 45 of 126 min' (study sessions plus reviews against the plan)."""
    day = plan.day(today) if plan else None
    if day is None or plan is None:
        return f"Done today: {done} min" if done else ""
    new_ids = {t.topic_id for t in plan.kept if t.new}
    new = sum(1 for b in day.blocks if b.topic_id in new_ids)
    started = f"; {count_noun(new, 'new topic')} to start" if new else ""
    return f"Done today: {done} of {day.planned_minutes} min planned{started}."
