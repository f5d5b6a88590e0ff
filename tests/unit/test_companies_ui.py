"""The Companies and Checklist pages and the checklist window, clicked like a user would."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from prepdesk.store import models as m
from prepdesk.ui.brief_export import write_brief
from prepdesk.ui.checklist_window import ChecklistWindow
from prepdesk.ui.companies.new_stage_dialog import NewStageDialog
from prepdesk.ui.companies.technical_question_dialog import TechnicalQuestionDialog
from tests.helpers import run_cli
from tests.unit.companies_data import NOW, make_company, make_stage, make_story


def evidence_of(window: ChecklistWindow, text: str) -> tuple[bool, str]:
    item = window.tree_item(text)
    return item.checkState(0) == Qt.CheckState.Checked, item.text(1)


def add_stage_by_dialog(qtbot, pipeline, type_name: str, stage_format: str) -> None:
    """Clicks Add stage and answers its dialog as a person would."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewStageDialog)
        dialog.stage_type.setCurrentText(type_name)
        dialog.format.setCurrentText(stage_format)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    before = pipeline.list.count()
    qtbot.mouseClick(pipeline.add_button, Qt.MouseButton.LeftButton)
    assert pipeline.list.count() == before + 1


def test_create_a_company_with_stages_from_the_page(main_window, qtbot, db):
    page = main_window.show_page("companies")
    assert page.right.currentWidget() is page.empty
    company_id = page.add_company("Acme AI")
    assert page.current_company_id() == company_id
    page.tabs.setCurrentWidget(page.pipeline)
    add_stage_by_dialog(qtbot, page.pipeline, "Recruiter screen", "Phone call")
    add_stage_by_dialog(qtbot, page.pipeline, "Behavioral", "Video call")
    form = page.pipeline.form
    assert form.stage_type.currentText() == "Behavioral"  # the new stage is shown

    qtbot.keyClicks(form.when.text, f"{NOW.year + 1}-03-05 14:30")
    form.zone.setFocus()
    qtbot.keyClicks(form.zone, "Asia/Tokyo")
    assert form.zone.currentText() == "Asia/Tokyo"
    qtbot.keyClicks(form.location, "Shibuya office, 3F")
    form.format.setCurrentText("On-site")
    main_window.show_page("checklist")  # leaving the page saves

    with db.transaction() as s:
        stages = s.scalars(
            select(m.InterviewStage).where(m.InterviewStage.company_id == company_id)
        ).all()
        assert len(stages) == 2
        screen = next(st for st in stages if st.stage_type.name == "Recruiter screen")
        assert screen.format == "phone" and screen.scheduled_at is None
        saved = next(st for st in stages if st.stage_type.name == "Behavioral")
        assert saved.timezone == "Asia/Tokyo" and saved.location == "Shibuya office, 3F"
        assert saved.format == "onsite"
        tokyo = saved.scheduled_at.astimezone(ZoneInfo("Asia/Tokyo"))
        assert (tokyo.year, tokyo.month, tokyo.day, tokyo.hour) == (NOW.year + 1, 3, 5, 14)
        texts = {item.text for item in saved.checklist}
        assert "ID ready" in texts and "Link checked" not in texts  # it followed the format
    checklist_page = main_window.show_page("checklist")
    assert checklist_page.tree.topLevelItemCount() == 1  # the scheduled one


def test_questions_to_ask_from_the_bank_ticked_ready(main_window, qtbot, db):
    company = make_company(db)
    page = main_window.show_page("companies")
    page.tabs.setCurrentWidget(page.questions)
    tab = page.questions
    first_bank = tab.bank.itemText(0).split(": ", 1)[1]
    qtbot.mouseClick(tab.add_bank_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.own, "What does on-call look like?")
    qtbot.mouseClick(tab.add_own_button, Qt.MouseButton.LeftButton)
    tab.question_item(first_bank).setCheckState(1, Qt.CheckState.Checked)
    headings = lambda: [  # noqa: E731
        tab.tree.topLevelItem(i).text(0) for i in range(tab.tree.topLevelItemCount())
    ]
    qtbot.waitUntil(lambda: any("(1 of" in text for text in headings()))
    with db.transaction() as s:
        rows = {q.text: q for q in s.get(m.Company, company).questions}
        assert rows[first_bank].ready and rows[first_bank].bank_id is not None
        assert not rows["What does on-call look like?"].ready


def test_checklist_window_auto_ticks_when_a_story_is_rehearsed(qtbot, ops, db):
    company = make_company(db, values=("Ownership",))
    stage = make_stage(db, company, "Behavioral", at=NOW + timedelta(days=2, hours=5))
    story = make_story(db, "Migrating the feature store", "Ownership")
    window = ChecklistWindow(ops, stage, clock=lambda: NOW + timedelta(minutes=1))
    qtbot.addWidget(window)
    window.show()  # as a person sees it: it follows changes while shown
    window.show()
    label = "Stories for the company's values rehearsed this week"
    checked, evidence = evidence_of(window, label)
    assert not checked and "Ownership" in evidence
    before = window.progress.value()

    # Rehearsing happens elsewhere (the Stories page); the window hears about it.
    ops.write(
        lambda s: s.add(m.PracticeRun(story_id=story, practised_at=NOW, duration_seconds=100))
    )
    checked, evidence = evidence_of(window, label)
    assert checked and "'Migrating the feature store' rehearsed today" in evidence
    assert window.progress.value() == before + 1
    assert window.countdown.text() == "in 2 days 4 h"


def test_manual_override_by_keyboard_and_back_to_automatic(qtbot, ops, db):
    company = make_company(db)
    stage = make_stage(db, company, "Coding challenge")
    window = ChecklistWindow(ops, stage, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()  # as a person sees it: it follows changes while shown
    qtbot.waitExposed(window)
    label = "At least three questions to ask ready"
    window.tree.setCurrentItem(window.tree_item(label))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: evidence_of(window, label)[1].startswith("Set by you"))
    checked, evidence = evidence_of(window, label)
    assert checked and evidence.startswith("Set by you")
    with db.transaction() as s:
        item = s.scalar(select(m.ChecklistItem).where(m.ChecklistItem.text == label))
        assert item.override is True
    window.tree.setCurrentItem(window.tree_item(label))
    qtbot.mouseClick(window.auto_button, Qt.MouseButton.LeftButton)
    assert evidence_of(window, label) == (False, "0 questions ready")


def test_add_and_remove_own_item(qtbot, ops, db):
    stage = make_stage(db, make_company(db), "Behavioral")
    window = ChecklistWindow(ops, stage, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()  # as a person sees it: it follows changes while shown
    window.section.setCurrentIndex(window.section.findData("logistics"))
    qtbot.keyClicks(window.new_text, "Charge the headphones")
    qtbot.keyClick(window.new_text, Qt.Key.Key_Return)
    assert window.tree_item("Charge the headphones").parent().text(0) == "Logistics"
    window.tree.setCurrentItem(window.tree_item("Charge the headphones"))
    qtbot.mouseClick(window.remove_button, Qt.MouseButton.LeftButton)
    assert all(row.text != "Charge the headphones" for row in window.rows)


def test_debrief_question_sent_to_the_bank_in_one_click(main_window, qtbot, db):
    company = make_company(db)
    make_stage(db, company, "Behavioral", at=NOW - timedelta(days=1))
    page = main_window.show_page("companies")
    page.tabs.setCurrentWidget(page.pipeline)
    panel = page.pipeline.debrief
    qtbot.keyClicks(panel.new_text, "Tell me about a disagreement with a PM.")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.to_bank_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        question = s.scalar(
            select(m.BehavioralQuestion).where(
                m.BehavioralQuestion.text == "Tell me about a disagreement with a PM."
            )
        )
        assert question is not None and question.source == "debrief"
    assert "in the behavioral bank" in panel.list.item(0).text()
    assert not panel.to_bank_button.isEnabled()


def test_debrief_question_sent_to_the_technical_bank_under_its_topic(main_window, qtbot, db):
    company = make_company(db)
    make_stage(db, company, "ML concepts", at=NOW - timedelta(days=1))
    with db.transaction() as s:
        topic = s.scalar(select(m.Topic).where(m.Topic.key == "ml.model-evaluation"))
        topic_id, label = topic.id, f"{topic.area.name}: {topic.name}"
    asked = "Why can accuracy mislead on a 1% positive class?"
    page = main_window.show_page("companies")
    page.tabs.setCurrentWidget(page.pipeline)
    panel = page.pipeline.debrief
    qtbot.keyClicks(panel.new_text, asked)
    qtbot.keyClick(panel.new_text, Qt.Key.Key_Return)
    panel.list.setCurrentRow(0)
    assert panel.to_technical_button.isEnabled()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TechnicalQuestionDialog)
        dialog.topic.setCurrentIndex(dialog.topic.findText(label))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(panel.to_technical_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        question = s.scalar(select(m.TechQuestion).where(m.TechQuestion.text == asked))
        assert question is not None and not question.builtin
        assert [t.id for t in question.topics] == [topic_id]
        card = s.scalar(select(m.ReviewCard).where(m.ReviewCard.question_id == question.id))
        assert card is not None and card.last_review is None  # a new question to drill
        debrief = s.scalar(select(m.DebriefQuestion).where(m.DebriefQuestion.text == asked))
        assert debrief.tech_question_id == question.id
    assert "in technical questions" in panel.list.item(0).text()
    assert not panel.to_technical_button.isEnabled()
    assert panel.to_bank_button.isEnabled()  # the other banks are still open to it

    # It is in the bank on the ML practice page, under its topic.
    design = main_window.show_page("design")
    design.tabs.setCurrentWidget(design.questions)
    bank = design.questions
    qtbot.keyClicks(bank.filter, "1% positive class")
    [item] = [bank.tree.topLevelItem(i) for i in range(bank.tree.topLevelItemCount())]
    assert item.text(0) == asked and item.text(2) == topic.name and item.text(4) == "new"


def test_open_checklist_from_the_pipeline(main_window, qtbot, db, monkeypatch):
    company = make_company(db)
    make_stage(db, company, "ML system design")
    page = main_window.show_page("companies")
    page.tabs.setCurrentWidget(page.pipeline)
    window = page.pipeline.open_checklist()
    # The window belongs to the main window (which qtbot closes); it closes with its stage.
    assert window.isWindow() and window.isVisible()
    assert window.tree_item("Weak system-design topics reviewed")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.pipeline.delete_button, Qt.MouseButton.LeftButton)
    assert page.pipeline.list.count() == 0


def test_brief_pdf_written_and_non_empty(ops, db, tmp_path):
    stage = make_stage(db, make_company(db), "Coding challenge")
    out = tmp_path / "briefs"
    path = write_brief(ops, stage, out / "brief.pdf", clock=lambda: NOW)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert [p.name for p in out.iterdir()] == ["brief.pdf"]  # no temporary left behind


def test_cli_brief_and_export_ics(paths, db, tmp_path):
    make_stage(db, make_company(db, "Quanta"), "Behavioral")
    db.close()
    result = run_cli("brief", "--out", str(tmp_path / "next.md"), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "next.md").read_text().startswith("# Quanta: Behavioral")
    result = run_cli("brief", "--out", str(tmp_path / "next.pdf"), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "next.pdf").read_bytes().startswith(b"%PDF")
    result = run_cli("export-ics", str(tmp_path / "all.ics"), data_dir=paths.root)
    assert result.returncode == 0, result.stderr
    assert b"SUMMARY:Quanta: Behavioral" in (tmp_path / "all.ics").read_bytes()


def test_cli_brief_without_stages_says_what_to_do(paths, db, tmp_path):
    db.close()
    result = run_cli("brief", "--out", str(tmp_path / "x.md"), data_dir=paths.root)
    assert result.returncode == 1
    assert "no upcoming interview stage" in result.stderr
