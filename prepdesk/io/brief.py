"""The interview-day brief of one stage: everything to reread the night before.

`brief_content` gathers it once; `brief_markdown` writes it as Markdown and
prepdesk.io.brief_pdf lays the same content out as a one- or two-page PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from prepdesk.core.checklist_rules import AREAS_FOR_CATEGORY, SECTION_TITLES, SECTIONS
from prepdesk.core.mastery import area_label
from prepdesk.core.presentation import count_noun, label, weekday_datetime_text
from prepdesk.io.export_target import data_paths_of, write_export
from prepdesk.store.repositories.checklist import ChecklistRepository, ChecklistRow
from prepdesk.store.repositories.companies import (
    CompanyDetail,
    CompanyRepository,
    ValueStory,
)
from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.stages import StageRepository, StageRow

WEAK_TOPICS_SHOWN = 8
NOT_NOTED = "(not noted yet)"


class NoStageError(LookupError):
    pass


@dataclass(frozen=True)
class BriefItem:
    """One checklist line: its tick, and a note only when it adds to the item's text."""

    section: str
    text: str
    checked: bool
    note: str


@dataclass(frozen=True)
class Interviewer:
    name: str
    about: str  # their role and the person's notes on them, "" when none


@dataclass(frozen=True)
class Brief:
    title: str
    facts: tuple[tuple[str, str], ...]  # role, status
    logistics: tuple[tuple[str, str], ...]
    interviewers: tuple[Interviewer, ...]
    company: tuple[tuple[str, str], ...]  # products, ML use, culture
    research_notes: str  # Markdown, as typed on the company's Notes tab
    prep_notes: str
    questions: tuple[str, ...]
    stories: tuple[tuple[str, tuple[ValueStory, ...]], ...]  # each company value's stories
    mastery: tuple[tuple[str, str], ...]  # area, level / target
    weak_topics: tuple[tuple[str, str, str], ...]  # topic, level, recall at the interview
    weak_topics_note: str  # why there is no table, "" with one
    checklist: tuple[BriefItem, ...]
    written: str


def default_stage_id(session: Session, now: datetime) -> int:
    """The next upcoming stage, the brief's subject unless the user picks another."""
    upcoming = StageRepository(session).upcoming(now)
    if not upcoming:
        raise NoStageError("no upcoming interview stage: add one with a date on a company's page")
    return upcoming[0].id


def brief_content(session: Session, stage_id: int, now: datetime) -> Brief:
    stage = StageRepository(session).get(stage_id)
    company = CompanyRepository(session).detail(stage.company_id)
    facts = (
        (("Role", company.role), ("Status", label("company_status", company.status)))
        if company.role
        else ()
    )
    ready = [q for q in company.questions if q.ready] or list(company.questions)
    weak, weak_note = _weak_topics(session, stage)
    return Brief(
        title=f"{company.name}: {stage.type_name}",
        facts=facts,
        logistics=_logistics(stage),
        interviewers=_interviewers(stage, company),
        company=tuple(
            (title, text.strip() or NOT_NOTED)
            for title, text in (
                ("Products", company.products),
                ("How they use ML", company.ml_usage),
                ("Values and culture", company.culture),
            )
        ),
        research_notes=company.notes.strip(),
        prep_notes=stage.prep_notes.strip(),
        questions=tuple(q.text for q in ready),
        stories=tuple(
            (value, tuple(stories))
            for value, stories in CompanyRepository(session).stories_by_value(company.id).items()
        ),
        mastery=tuple(
            (area.name, area_label(area.level, area.target))
            for area in DashboardStatsRepository(session).mastery_by_area()
        ),
        weak_topics=weak,
        weak_topics_note=weak_note,
        checklist=tuple(
            _item(row)
            for row in _in_section_order(ChecklistRepository(session).rows(stage_id, now))
        ),
        written=f"Written by prepdesk on {weekday_datetime_text(now)}.",
    )


def _logistics(stage: StageRow) -> tuple[tuple[str, str], ...]:
    start = stage.local_start()
    if start is None:
        lines = [("When", "not scheduled yet")]
    else:
        lines = [
            (
                "When",
                f"{weekday_datetime_text(start, in_zone=True)} ({stage.timezone}), "
                f"{count_noun(stage.duration_minutes, 'minute')}",
            )
        ]
        mine = stage.scheduled_at.astimezone() if stage.scheduled_at else None
        if mine is not None and mine.utcoffset() != start.utcoffset():
            lines.append(("Your time", weekday_datetime_text(mine)))
    lines.append(("Format", label("stage_format", stage.format)))
    lines.append(("Where", stage.location.strip() or "not set yet"))
    return tuple(lines)


def _interviewers(stage: StageRow, company: CompanyDetail) -> tuple[Interviewer, ...]:
    people = {person.name: person for person in company.people}
    found = []
    for name in stage.interviewers:
        person = people.get(name)
        role = person.role.strip() if person else ""
        if role.casefold() == "interviewer":  # the heading says so already
            role = ""
        about = [role, person.notes.strip()] if person else []
        found.append(Interviewer(name, " · ".join(part for part in about if part)))
    return tuple(found)


def _weak_topics(session: Session, stage: StageRow) -> tuple[tuple[tuple[str, str, str], ...], str]:
    areas = AREAS_FOR_CATEGORY.get(stage.category, ())
    if not areas:
        return (), "This stage type does not test curriculum topics."
    weak = ChecklistRepository(session).weak_topics(areas)[:WEAK_TOPICS_SHOWN]
    if not weak:
        return (), "No topic for this stage is rated 2 or below. Well done."
    when = stage.scheduled_at
    ids = [t.topic_id for t in weak if t.topic_id is not None]
    recall = ReviewRepository(session).recall_at("topic", ids, when) if when else {}
    rows = []
    for topic in weak:
        chance = recall.get(topic.topic_id or 0)
        shown = f"{chance:.0%}" if chance is not None else "not reviewed yet"
        rows.append((topic.name, f"{topic.level}/5", shown))
    return tuple(rows), ""


def _in_section_order(rows: list[ChecklistRow]) -> list[ChecklistRow]:
    return [row for section in SECTIONS for row in rows if row.section == section]


def _item(row: ChecklistRow) -> BriefItem:
    note = row.evidence.strip()
    if row.rule and not row.automatic:
        note = "set by you"
    elif _restates(note, row.text):
        note = ""
    return BriefItem(SECTION_TITLES[row.section], row.text, row.checked, note)


def _restates(note: str, text: str) -> bool:
    """True when the note only says the item again (in other words or the same ones)."""
    words = set(re.findall(r"\w+", note.casefold()))
    return not words or words <= set(re.findall(r"\w+", text.casefold()))


def demoted_headings(markdown_text: str, top: int = 3) -> str:
    """The person's Markdown headings nested under the brief's own sections: the highest
    of them becomes level `top` (###), the rest keep their steps below it."""
    heading = re.compile(r"(?m)^(#{1,6})(?=\s)")
    levels = [len(m[1]) for m in heading.finditer(markdown_text)]
    if not levels:
        return markdown_text
    shift = max(0, top - min(levels))
    return heading.sub(lambda m: "#" * min(6, len(m[1]) + shift), markdown_text)


def render_markdown(brief: Brief) -> str:
    lines = [f"# {brief.title}", ""]
    if brief.facts:
        lines += [f"**{name}:** {value}  " for name, value in brief.facts] + [""]
    lines += ["## Logistics", ""]
    lines += [f"- **{name}:** {value}" for name, value in brief.logistics] + [""]
    if brief.interviewers:
        lines += ["## Interviewers", ""]
        for person in brief.interviewers:
            lines.append(f"- **{person.name}**" + (f": {person.about}" if person.about else ""))
        lines.append("")
    lines += ["## The company", ""]
    for name, text in brief.company:
        lines += [f"**{name}:** {text}", ""]
    if brief.research_notes:
        lines += ["## Research notes", "", demoted_headings(brief.research_notes), ""]
    if brief.prep_notes:
        lines += ["## Prep notes", "", brief.prep_notes, ""]
    lines += ["## Questions to ask", ""]
    lines += [f"- {q}" for q in brief.questions] or [
        "No questions yet: pick some on the company page."
    ]
    lines += ["", "## Stories to tell", ""]
    if not brief.stories:
        lines.append("No company values set: add them on the company page to map your stories.")
    for value, stories in brief.stories:
        told = "; ".join(_story_markdown(s) for s in stories) if stories else "no story tagged yet"
        lines.append(f"- **{value}:** {told}")
    lines += ["", "## Mastery by area", "", "| Area | Level / target |", "|---|---|"]
    lines += [f"| {area} | {label} |" for area, label in brief.mastery]
    lines += ["", "## Weakest topics for this stage", ""]
    if brief.weak_topics:
        lines += ["| Topic | Level | Recall at the interview |", "|---|---|---|"]
        lines += [f"| {name} | {level} | {recall} |" for name, level, recall in brief.weak_topics]
    else:
        lines.append(brief.weak_topics_note)
    lines += ["", "## Checklist", ""]
    for item in brief.checklist:
        note = f" ({item.note})" if item.note else ""
        lines.append(f"- [{'x' if item.checked else ' '}] {item.section}: {item.text}{note}")
    if not brief.checklist:
        lines.append("No checklist for this stage.")
    lines += ["", f"_{brief.written}_", ""]
    return "\n".join(lines)


def _story_markdown(story: ValueStory) -> str:
    metrics = f" ({story.metrics.strip()})" if story.metrics.strip() else ""
    return f"'{story.title}'{metrics}"


def brief_markdown(session: Session, stage_id: int, now: datetime) -> str:
    return render_markdown(brief_content(session, stage_id, now))


def write_brief_markdown(session: Session, stage_id: int, now: datetime, path: str) -> None:
    write_export(path, brief_markdown(session, stage_id, now), data_paths_of(session))
