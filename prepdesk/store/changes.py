"""The kinds of data a write can change; the UI refreshes only what depends on them."""

from __future__ import annotations

import enum


class Change(enum.Flag):
    NONE = 0
    TOPICS = enum.auto()  # curriculum: areas, topics, notes, targets
    RATINGS = enum.auto()
    SESSIONS = enum.auto()
    REVIEWS = enum.auto()  # review cards and logs
    PROBLEMS = enum.auto()  # coding problems and attempts
    STORIES = enum.auto()  # projects, stories, competencies, questions, links
    PRACTICE = enum.auto()  # story practice runs
    COMPANIES = enum.auto()  # companies, people, questions to ask
    STAGES = enum.auto()  # interview stages and debriefs
    CHECKLIST = enum.auto()
    SETTINGS = enum.auto()
    ALL = (
        TOPICS
        | RATINGS
        | SESSIONS
        | REVIEWS
        | PROBLEMS
        | STORIES
        | PRACTICE
        | COMPANIES
        | STAGES
        | CHECKLIST
        | SETTINGS
    )
