"""Markdown export: topic notes and STAR stories as a folder of plain-text files."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.io.atomic_file import write_atomically
from prepdesk.store.models import Area, Project, Story, Topic

_UNSAFE = re.compile(r"[^\w\- ]+", re.UNICODE)


def file_stem(title: str, ref_id: int) -> str:
    """A file name that is safe everywhere and unique (the id breaks ties)."""
    cleaned = "-".join(_UNSAFE.sub(" ", title).split())[:60].strip("-") or "untitled"
    return f"{cleaned}-{ref_id}"


def _section(heading: str, body: str) -> str:
    return f"## {heading}\n\n{body.strip()}\n\n" if body.strip() else ""


def export_markdown_folder(session: Session, folder: Path) -> list[Path]:
    """topics/<area>/<topic>.md for topics with notes; stories/<story>.md for every story."""
    written = []
    topics = session.execute(
        select(Topic, Area.name)
        .join(Area, Topic.area_id == Area.id)
        .where(Topic.notes != "")
        .order_by(Area.position, Topic.position, Topic.id)
    )
    for topic, area_name in topics:
        text = f"# {topic.name}\n\n*{area_name}*\n\n"
        text += _section("Notes", topic.notes) + _section("Resources", topic.resources)
        path = (
            folder
            / "topics"
            / file_stem(area_name, topic.area_id)
            / f"{file_stem(topic.name, topic.id)}.md"
        )
        written.append(write_atomically(path, text.encode("utf-8")))
    stories = session.execute(
        select(Story, Project.name)
        .outerjoin(Project, Story.project_id == Project.id)
        .order_by(Story.id)
    )
    for story, project_name in stories:
        text = f"# {story.title}\n\n"
        if project_name:
            text += f"*Project: {project_name}*\n\n"
        for heading, body in (
            ("Situation", story.situation),
            ("Task", story.task),
            ("Action", story.action),
            ("Result", story.result),
            ("Metrics", story.metrics),
        ):
            text += _section(heading, body)
        path = folder / "stories" / f"{file_stem(story.title, story.id)}.md"
        written.append(write_atomically(path, text.encode("utf-8")))
    return written
