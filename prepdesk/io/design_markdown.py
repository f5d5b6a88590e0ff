"""One ML system design session as Markdown: the prompt, each phase's notes, the scores."""

from __future__ import annotations

from prepdesk.core.design_practice import PHASE_NAMES, SCORES, clock_text
from prepdesk.core.presentation import datetime_text
from prepdesk.store.repositories.design_practice import SessionView


def session_markdown(view: SessionView) -> str:
    when = datetime_text(view.started_at)
    lines = [
        f"# {view.prompt_title}",
        "",
        f"Design practice session, {when}, {view.total_minutes} minutes planned.",
        "",
    ]
    for phase in view.phases:
        spent = clock_text(phase.spent_seconds)
        budget = clock_text(phase.budget_seconds)
        lines += [f"## {PHASE_NAMES[phase.phase]}", "", f"Time: {spent} of {budget}"]
        if phase.score is not None:
            lines.append(f"Self-score: {phase.score}/4 ({SCORES[phase.score]})")
        lines += ["", phase.notes.strip() or "_No notes._", ""]
    if view.covers:
        covered = set(view.covered_items)
        lines += ["## A strong answer covers", ""]
        lines += [f"- [{'x' if item in covered else ' '}] {item}" for item in view.covers]
        lines.append("")
    if view.improve.strip():
        lines += ["## To do better next time", "", view.improve.strip(), ""]
    return "\n".join(lines)
