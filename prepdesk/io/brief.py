"""The interview-day brief of one stage, as Markdown: everything to reread the night before."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from prepdesk.core.checklist_rules import AREAS_FOR_CATEGORY, SECTION_TITLES, SECTIONS
from prepdesk.core.mastery import area_label
from prepdesk.core.presentation import label
from prepdesk.io.export_target import data_paths_of, write_export
from prepdesk.store.repositories.checklist import ChecklistRepository
from prepdesk.store.repositories.companies import CompanyRepository
from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.stages import StageRepository, StageRow

WEAK_TOPICS_SHOWN = 8


class NoStageError(LookupError):
    pass


def default_stage_id(session: Session, now: datetime) -> int:
    """The next upcoming stage, the brief's subject unless the user picks another."""
    upcoming = StageRepository(session).upcoming(now)
    if not upcoming:
        raise NoStageError("no upcoming interview stage: add one with a date on a company's page")
    return upcoming[0].id


def brief_markdown(session: Session, stage_id: int, now: datetime) -> str:
    stage = StageRepository(session).get(stage_id)
    company = CompanyRepository(session).detail(stage.company_id)
    lines = [f"# {company.name}: {stage.type_name}", ""]
    if company.role:
        lines += [
            f"**Role:** {company.role}  ",
            f"**Status:** {label('company_status', company.status)}",
            "",
        ]
    lines += _logistics(stage)
    lines += ["## The company", ""]
    for title, text in (
        ("Products", company.products),
        ("How they use ML", company.ml_usage),
        ("Values and culture", company.culture),
    ):
        lines += [f"**{title}:** {text.strip() or '(not noted yet)'}", ""]
    if stage.prep_notes.strip():
        lines += ["## Prep notes", "", stage.prep_notes.strip(), ""]
    lines += ["## Questions to ask", ""]
    ready = [q for q in company.questions if q.ready] or list(company.questions)
    lines += [f"- {q.text}" for q in ready] or ["No questions yet: pick some on the company page."]
    lines += ["", "## Stories to tell", ""]
    stories = CompanyRepository(session).stories_by_value(company.id)
    if not stories:
        lines.append("No company values set: add them on the company page to map your stories.")
    for value, titles in stories.items():
        told = ", ".join(f"'{t}'" for t in titles) if titles else "no story tagged yet"
        lines.append(f"- **{value}:** {told}")
    lines += ["", *_mastery(session), "", *_weak_topics(session, stage), "", "## Checklist", ""]
    lines += _checklist(session, stage.id, now)
    lines += ["", f"_Written by prepdesk on {now.astimezone():%A %d %B %Y at %H:%M}._", ""]
    return "\n".join(lines)


def _logistics(stage: StageRow) -> list[str]:
    lines = ["## Logistics", ""]
    start = stage.local_start()
    if start is None:
        lines.append("- **When:** not scheduled yet")
    else:
        lines.append(
            f"- **When:** {start:%A %d %B %Y, %H:%M} ({stage.timezone}), "
            f"{stage.duration_minutes} minutes"
        )
        mine = stage.scheduled_at.astimezone() if stage.scheduled_at else None
        if mine is not None and mine.utcoffset() != start.utcoffset():
            lines.append(f"- **Your time:** {mine:%A %d %B, %H:%M}")
    lines.append(f"- **Format:** {label('stage_format', stage.format)}")
    lines.append(f"- **Where:** {stage.location.strip() or 'not set yet'}")
    if stage.interviewers:
        lines.append(f"- **Interviewers:** {', '.join(stage.interviewers)}")
    return [*lines, ""]


def _mastery(session: Session) -> list[str]:
    """Each area's mastery against its target (core.mastery: as on Topics and the dashboard)."""
    lines = ["## Mastery by area", "", "| Area | Level / target |", "|---|---|"]
    for area in DashboardStatsRepository(session).mastery_by_area():
        lines.append(f"| {area.name} | {area_label(area.level, area.target)} |")
    return lines


def _weak_topics(session: Session, stage: StageRow) -> list[str]:
    lines = ["## Weakest topics for this stage", ""]
    areas = AREAS_FOR_CATEGORY.get(stage.category, ())
    if not areas:
        return [*lines, "This stage type does not test curriculum topics."]
    weak = ChecklistRepository(session).weak_topics(areas)[:WEAK_TOPICS_SHOWN]
    if not weak:
        return [*lines, "No topic for this stage is rated 2 or below. Well done."]
    when = stage.scheduled_at
    ids = [t.topic_id for t in weak if t.topic_id is not None]
    recall = ReviewRepository(session).recall_at("topic", ids, when) if when else {}
    lines += ["| Topic | Level | Recall at the interview |", "|---|---|---|"]
    for topic in weak:
        chance = recall.get(topic.topic_id or 0)
        shown = f"{chance:.0%}" if chance is not None else "not reviewed yet"
        lines.append(f"| {topic.name} | {topic.level}/5 | {shown} |")
    return lines


def _checklist(session: Session, stage_id: int, now: datetime) -> list[str]:
    rows = ChecklistRepository(session).rows(stage_id, now)
    if not rows:
        return ["No checklist for this stage."]
    lines = []
    for section in SECTIONS:
        for row in (r for r in rows if r.section == section):
            mark = "x" if row.checked else " "
            evidence = f" ({row.evidence})" if row.evidence else ""
            lines.append(f"- [{mark}] {SECTION_TITLES[section]}: {row.text}{evidence}")
    return lines


def write_brief_markdown(session: Session, stage_id: int, now: datetime, path: str) -> None:
    write_export(path, brief_markdown(session, stage_id, now), data_paths_of(session))
