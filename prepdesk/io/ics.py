"""Upcoming interview stages as an iCalendar file that calendar applications import."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import icalendar
from sqlalchemy.orm import Session

from prepdesk.core.presentation import label
from prepdesk.io.export_target import data_paths_of, write_export
from prepdesk.store.repositories.stages import StageRepository, StageRow


def upcoming_calendar(session: Session, now: datetime) -> tuple[icalendar.Calendar, int]:
    """The calendar of all upcoming stages, and how many events it holds."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//prepdesk//interview stages//EN")
    calendar.add("version", "2.0")
    stages = StageRepository(session).upcoming(now)
    for stage in stages:
        calendar.add_component(_event(stage, now))
    # VTIMEZONE blocks, so calendars that do not know the IANA names still get it right.
    calendar.add_missing_timezones()
    return calendar, len(stages)


def _event(stage: StageRow, now: datetime) -> icalendar.Event:
    start = stage.local_start()
    assert start is not None  # upcoming stages are scheduled
    event = icalendar.Event()
    event.add("uid", f"prepdesk-stage-{stage.id}@prepdesk.local")
    event.add("dtstamp", now)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=stage.duration_minutes))
    event.add("summary", f"{stage.company}: {stage.type_name}")
    location = stage.location.strip()
    if location:
        event.add("location", location)
        if location.startswith(("http://", "https://")):
            event.add("url", location)
    details = [
        f"Company: {stage.company}",
        f"Stage: {stage.type_name} ({label('stage_format', stage.format)})",
    ]
    if stage.interviewers:
        details.append(f"Interviewers: {', '.join(stage.interviewers)}")
    if location:
        details.append(f"Link or place: {location}")
    if stage.prep_notes.strip():
        details += ["", stage.prep_notes.strip()]
    event.add("description", "\n".join(details))
    return event


def export_ics(session: Session, now: datetime, path: str | os.PathLike[str]) -> int:
    """Write the upcoming stages to `path` atomically; returns the number of events."""
    calendar, count = upcoming_calendar(session, now)
    write_export(path, calendar.to_ical(), data_paths_of(session))
    return count
