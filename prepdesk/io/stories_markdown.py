"""STAR stories as Markdown: one story, or all of them grouped by project."""

from __future__ import annotations

from collections.abc import Sequence

from prepdesk.core.star import PART_LABELS, PARTS, analyse
from prepdesk.store.repositories.stories import StoryView


def story_markdown(story: StoryView, heading_level: int = 1) -> str:
    hashes = "#" * heading_level
    sub = "#" * (heading_level + 1)
    lines = [f"{hashes} {story.title.strip() or 'Untitled story'}", ""]
    facts = []
    if story.project_name:
        facts.append(f"*Project:* {story.project_name}")
    if story.competencies:
        facts.append(f"*Competencies:* {', '.join(story.competencies)}")
    analysis = analyse({p: story.text(p) for p in PARTS})
    facts.append(f"*Length:* {analysis.total_words} words, about {analysis.spoken} spoken")
    lines += [f"{fact}  " for fact in facts[:-1]] + [facts[-1], ""]
    if story.metrics.strip():
        lines += [f"> **Metrics:** {story.metrics.strip()}", ""]
    for part in PARTS:
        text = story.text(part).strip()
        lines += [f"{sub} {PART_LABELS[part]}", "", text or "*(not written yet)*", ""]
    if story.questions:
        lines += [f"{sub} Answers these questions", ""]
        lines += [f"- {q.text}" for q in story.questions] + [""]
    if story.follow_ups:
        lines += [f"{sub} Likely follow-ups", ""]
        for follow_up in story.follow_ups:
            lines.append(f"- **{follow_up.question.strip() or 'Follow-up'}**")
            notes = follow_up.answer_notes.strip()
            if notes:
                lines += [f"  {line}" for line in notes.splitlines()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def stories_markdown(stories: Sequence[StoryView], title: str = "My STAR stories") -> str:
    if not stories:
        return f"# {title}\n\nNo stories written yet.\n"
    parts = [f"# {title}", ""]
    by_project: dict[str, list[StoryView]] = {}
    for story in stories:
        by_project.setdefault(story.project_name or "", []).append(story)
    for project, group in sorted(by_project.items(), key=lambda kv: (kv[0] == "", kv[0])):
        parts += [f"## {project or 'Standalone stories'}", ""]
        parts += [story_markdown(story, heading_level=3) for story in group]
    return "\n".join(parts).rstrip() + "\n"
