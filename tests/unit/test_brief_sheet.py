"""The interview-day brief as a designed PDF sheet, written from the checklist window's button.

The PDF's text is read back with pypdf: research notes, interviewers and story metrics are
in it, tick boxes are drawn (no raw `[x]`), evidence never repeats its item, the table
headers sit where their columns start, and it is one or two pages.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from prepdesk.store import models as m
from prepdesk.store.repositories.companies import CompanyRepository
from prepdesk.store.repositories.stages import StageRepository
from prepdesk.store.repositories.stories import StoryRepository
from prepdesk.ui.checklist_window import ChecklistWindow
from tests.unit.companies_data import NOW, make_company, make_stage, make_story

RESEARCH = "## Why them\n\n- Robots on real hardware: **latency** matters\n"


def prepared_stage(db) -> int:
    company = make_company(db, "Northwind Robotics", values=("Ownership",))
    story = make_story(db, "Migrating the feature store", "Ownership")
    with db.transaction() as s:
        StoryRepository(s).update_text(story, {"metrics": "312 to 140 definitions"})
        CompanyRepository(s).update(company, notes=RESEARCH)
        person = CompanyRepository(s).add_person(
            company, "Tomasz Nowak", notes="Wrote the quantisation blog post"
        )
        topic = s.scalar(select(m.Topic).where(m.Topic.key == "algorithms.dynamic-programming"))
        s.add(m.Rating(topic_id=topic.id, level=1, rated_at=NOW))
    stage = make_stage(db, company, "Coding challenge")
    with db.transaction() as s:
        StageRepository(s).update_fields(stage, {"interviewer_ids": [person]}, NOW)
    return stage


def write_from_the_window(qtbot, ops, stage: int, target: Path, monkeypatch) -> Path:
    from PySide6.QtWidgets import QFileDialog

    from prepdesk.ui import brief_export

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF (*.pdf)")
    )
    opened: list[object] = []
    monkeypatch.setattr(brief_export.QDesktopServices, "openUrl", opened.append)
    window = ChecklistWindow(ops, stage, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.brief_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)  # written off the GUI thread
    assert target.exists(), "the written brief is opened for the person"
    return target


def runs_with_x(page) -> list[tuple[str, float]]:
    runs: list[tuple[str, float]] = []

    def visit(text, _cm, tm, _font, _size) -> None:
        if text.strip():
            runs.append((" ".join(text.split()), tm[4]))  # words come tab-separated

    page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_brief_is_a_designed_sheet(qtbot, ops, db, tmp_path, monkeypatch):
    stage = prepared_stage(db)
    path = write_from_the_window(qtbot, ops, stage, tmp_path / "brief.pdf", monkeypatch)
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures as letters

    assert "Northwind Robotics: Coding challenge" in flat
    assert "Research notes" in flat and "Robots on real hardware: latency matters" in flat
    assert "**" not in flat and "##" not in flat  # the notes' Markdown is laid out
    assert "Interviewers" in flat and "Tomasz Nowak" in flat
    assert "Wrote the quantisation blog post" in flat
    assert "Migrating the feature store — 312 to 140 definitions" in flat
    # Drawn tick boxes, never raw task-list marks.
    assert "[x]" not in flat and "[ ]" not in flat
    assert sum(len(page.images) for page in reader.pages) >= 2
    # Evidence says something new, never the item again.
    assert "Products reviewed — Noted on the company page" in flat
    assert "Products noted" not in flat
    assert flat.count("Products reviewed") == 1
    assert f"Page 1 of {len(reader.pages)}" in flat

    # Headers are left-aligned: each starts where its column's cells start.
    page = next(p for p in reader.pages if "Weakest" in p.extract_text())
    runs = runs_with_x(page)
    header_x = next(x for t, x in runs if t.startswith("Topic"))
    cell_x = next(x for t, x in runs if t.startswith("Dynamic"))
    level_x = next(x for t, x in runs if t == "Level")
    assert abs(level_x - next(x for t, x in runs if t == "1/5")) < 1.0
    assert abs(header_x - cell_x) < 1.0


def test_a_short_brief_fits_one_page(qtbot, ops, db, tmp_path, monkeypatch):
    stage = make_stage(db, make_company(db), "Recruiter screen")
    path = write_from_the_window(qtbot, ops, stage, tmp_path / "short.pdf", monkeypatch)
    assert len(PdfReader(path).pages) == 1
