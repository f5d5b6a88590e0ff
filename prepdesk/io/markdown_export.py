"""Markdown export: topic notes and STAR stories as a folder of plain-text files."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.presentation import slug, unique_stem
from prepdesk.io.export_target import data_paths_of, export_folder
from prepdesk.store.models import Area, Project, Story, Topic


def file_stem(title: str, taken: set[str]) -> str:
    """A file name that is safe everywhere: the title in full words, unique within `taken`
    (a second item with the same title gets "-2"), never a database id."""
    return unique_stem(slug(title, limit=60) or "untitled", taken)


def _section(heading: str, body: str) -> str:
    return f"## {heading}\n\n{body.strip()}\n\n" if body.strip() else ""


def export_markdown_folder(session: Session, folder: Path) -> list[Path]:
    """topics/<area>/<topic>.md for topics with notes; stories/<story>.md for every story.

    All or nothing: the files appear in `folder` only once every one is whole.
    """
    files = _markdown_files(session)
    with export_folder(folder, data_paths_of(session)) as stage:
        for relative, text in files.items():
            (stage / relative).parent.mkdir(parents=True, exist_ok=True)
            (stage / relative).write_text(text, encoding="utf-8")
    return [folder.absolute() / relative for relative in files]


def _markdown_files(session: Session) -> dict[Path, str]:
    files: dict[Path, str] = {}
    areas: dict[str, str] = {}
    area_stems: set[str] = set()
    topic_stems: dict[str, set[str]] = {}
    story_stems: set[str] = set()
    topics = session.execute(
        select(Topic, Area.name)
        .join(Area, Topic.area_id == Area.id)
        .where(Topic.notes != "")
        .order_by(Area.position, Topic.position, Topic.id)
    )
    for topic, area_name in topics:
        text = f"# {topic.name}\n\n*{area_name}*\n\n"
        text += _section("Notes", topic.notes) + _section("Resources", topic.resources)
        if area_name not in areas:
            areas[area_name] = file_stem(area_name, area_stems)
        area = areas[area_name]
        stem = file_stem(topic.name, topic_stems.setdefault(area, set()))
        files[Path("topics", area, f"{stem}.md")] = text
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
        files[Path("stories", f"{file_stem(story.title, story_stems)}.md")] = text
    return files
