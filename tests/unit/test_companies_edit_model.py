"""Issue 11 on the Companies side: what a person types stays, is saved by itself, and a
stage's checklist follows the stage. Typed with the keyboard into real widgets, on a
real SQLite file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from sqlalchemy import event, select

from prepdesk.io.brief import brief_markdown
from prepdesk.store import models as m
from prepdesk.store.repositories.companies import CompanyRepository
from prepdesk.ui.main_window import MainWindow
from tests.reliability.test_disk_full import limit_pages
from tests.unit.companies_data import NOW, make_company, make_stage

NOTES = "# Why them\n\n- search at scale"
SLEEP = "A good night's sleep"
OVERVIEW = {
    "links": "https://acme.example/careers",
    "products": "; ads ranking",
    "ml_usage": "; two-tower retrieval",
    "culture": "Writing culture, small teams",
}
STAGE = {
    "location": "Room 4, Market St",
    "prep_notes": "Revise ANN indexes",
    "debrief": "Went well; slow on the second question",
}


def type_into(qtbot, widget, text: str) -> None:
    """Clicks into the field, goes to its end and types, as a person adds to a field."""
    widget.setFocus()
    if isinstance(widget, QPlainTextEdit):
        qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_End)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def app_wide_change(ops) -> None:
    """A write elsewhere in the app, of another kind of data the page also shows."""
    ops.write(lambda s: s.add(m.Story(title="Written elsewhere")))


def tick(qtbot, view, item) -> None:
    view.setCurrentItem(item)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)


def test_every_field_keeps_what_was_typed_through_refreshes_and_is_stored(
    main_window, qtbot, ops, db
):
    company = make_company(db)
    stage = make_stage(db, company, "ML system design")
    with db.transaction() as s:
        CompanyRepository(s).add_person(company, "Dana Lee", "recruiter", "")
    page = main_window.show_page("companies")
    overview, people, form = page.overview, page.people, page.pipeline.form

    # Overview: every field, then a write on the same page (the research notes).
    type_into(qtbot, overview.role, " (Search)")
    for name, text in OVERVIEW.items():
        type_into(qtbot, getattr(overview, name), text)
    app_wide_change(ops)  # while the last field is still being typed in
    assert overview.culture.toPlainText() == OVERVIEW["culture"]
    assert overview.role.text() == "ML Engineer (Search)"
    tick(qtbot, overview.values, overview.values.item_named("Technical depth"))
    page.tabs.setCurrentWidget(page.notes)
    type_into(qtbot, page.notes.editor, NOTES)
    qtbot.waitUntil(lambda: "search at scale" in page.notes.view.toPlainText())
    page.notes.editor.clearFocus()  # saved on leaving the field
    qtbot.waitUntil(lambda: page.notes.save_status.text() == "All changes saved")

    # People: the selected person's fields, then add someone (a write on the page).
    page.tabs.setCurrentWidget(people)
    people.table.setCurrentCell(0, 0)
    type_into(qtbot, people.notes, "Ex-Google, cares about testing")
    type_into(qtbot, people.name, " (recruiter)")
    type_into(qtbot, people.new_name, "Sam Ortiz")
    qtbot.keyClick(people.new_name, Qt.Key.Key_Return)
    assert people.table.rowCount() == 2
    assert people.name.text() == "Sam Ortiz"  # the new person is selected, ready to fill in
    type_into(qtbot, people.notes, "Hiring manager's peer")

    # Questions: one typed but not added yet survives adding one from the bank.
    page.tabs.setCurrentWidget(page.questions)
    type_into(qtbot, page.questions.own, "How is on-call shared?")
    qtbot.mouseClick(page.questions.add_bank_button, Qt.MouseButton.LeftButton)

    # Pipeline: the stage form, then a question they asked (a write on the page).
    page.tabs.setCurrentWidget(page.pipeline)
    form.location.clear()
    for name, text in STAGE.items():
        type_into(qtbot, getattr(form, name), text)
    type_into(qtbot, form.outcome.lineEdit(), "Pending")
    form.duration.setFocus()
    form.duration.selectAll()
    qtbot.keyClicks(form.duration, "90")
    tick(qtbot, form.interviewers, form.interviewers.item_named("Dana Lee (recruiter)"))
    type_into(qtbot, page.pipeline.debrief.new_text, "Design a feed ranker")
    qtbot.keyClick(page.pipeline.debrief.new_text, Qt.Key.Key_Return)
    assert page.pipeline.debrief.list.item(0).text() == "Design a feed ranker"

    # The checklist window: an item typed but not added survives a tick.
    window = page.pipeline.open_checklist()
    type_into(qtbot, window.new_text, "Charge the headphones")
    tick(qtbot, window.tree, window.tree_item(SLEEP))
    qtbot.waitUntil(lambda: window.tree_item(SLEEP).checkState(0) == Qt.CheckState.Checked)

    # An app-wide change: every typed text is still in its field.
    app_wide_change(ops)
    assert window.new_text.text() == "Charge the headphones"
    assert overview.role.text() == "ML Engineer (Search)"
    for name, text in OVERVIEW.items():
        assert getattr(overview, name).toPlainText().endswith(text)
    assert page.notes.editor.toPlainText() == NOTES
    assert people.notes.toPlainText() == "Hiring manager's peer"
    shown = {people.table.item(row, 0).text(): people.table.item(row, 2).text() for row in (0, 1)}
    assert shown["Dana Lee (recruiter)"] == "Ex-Google, cares about testing"
    assert page.questions.own.text() == "How is on-call shared?"
    assert form.location.text() == STAGE["location"]
    assert form.prep_notes.toPlainText() == STAGE["prep_notes"]
    assert form.debrief.toPlainText() == STAGE["debrief"]
    assert form.outcome.currentText() == "Pending" and form.duration.value() == 90

    # Closed and opened again on the same data folder: it was all stored.
    window.close()
    main_window.close()
    reopened = MainWindow(ops)
    qtbot.addWidget(reopened)
    reopened.show()
    page = reopened.show_page("companies")
    assert page.overview.role.text() == "ML Engineer (Search)"
    assert page.overview.products.toPlainText() == "Search for shops; ads ranking"
    assert page.overview.culture.toPlainText() == OVERVIEW["culture"]
    assert page.notes.editor.toPlainText() == NOTES
    assert page.pipeline.form.debrief.toPlainText() == STAGE["debrief"]
    with db.transaction() as s:
        saved = s.get(m.InterviewStage, stage)
        assert (saved.location, saved.prep_notes, saved.debrief) == tuple(STAGE.values())
        assert saved.outcome == "Pending" and saved.duration_minutes == 90
        assert [p.name for p in saved.interviewers] == ["Dana Lee (recruiter)"]
        person = s.scalar(select(m.Person).where(m.Person.name == "Dana Lee (recruiter)"))
        assert person.notes == "Ex-Google, cares about testing"
        values = sorted(v.name for v in s.get(m.Company, company).values)
        assert values == ["Ownership", "Technical depth"]


def visible_texts(window) -> set[str]:
    return {row.text for row in window.rows}


def test_a_stage_changed_to_a_technical_onsite_gets_its_checklist(main_window, qtbot, db):
    company = make_company(db)
    stage = make_stage(db, company, "Recruiter screen")  # by video
    page = main_window.show_page("companies")
    page.tabs.setCurrentWidget(page.pipeline)
    window = page.pipeline.open_checklist()
    assert {"Link checked", "Camera, microphone and connection tested"} <= visible_texts(window)
    window.section.setCurrentIndex(window.section.findData("logistics"))
    type_into(qtbot, window.new_text, "Charge the headphones")
    qtbot.keyClick(window.new_text, Qt.Key.Key_Return)
    for text in ("Charge the headphones", SLEEP):
        tick(qtbot, window.tree, window.tree_item(text))
        qtbot.waitUntil(lambda t=text: any(r.text == t and r.checked for r in window.rows))

    form = page.pipeline.form
    form.stage_type.setFocus()
    qtbot.keyClicks(form.stage_type, "Onsite")
    form.format.setFocus()
    qtbot.keyClicks(form.format, "onsite")
    assert (form.stage_type.currentText(), form.format.currentText()) == ("Onsite loop", "On-site")
    page.tabs.setCurrentWidget(page.overview)  # switching tab saves

    texts = visible_texts(window)
    assert "A timed problem solved in the last 3 days" in texts
    assert {
        "Weak algorithm topics reviewed",
        "Weak ML concept topics reviewed",
        "Weak system-design topics reviewed",
        "Address and route checked",
        "ID ready",
    } <= texts
    assert not texts & {"Link checked", "Camera, microphone and connection tested"}
    for text in ("Charge the headphones", SLEEP):  # the person's item and tick stay
        assert window.tree_item(text).checkState(0) == Qt.CheckState.Checked
    with db.transaction() as s:
        brief = brief_markdown(s, stage, NOW)
    assert "- [ ] Coding: A timed problem solved in the last 3 days" in brief
    assert "- [x] Logistics: Charge the headphones" in brief
    assert "Link checked" not in brief and "Camera, microphone" not in brief


def test_a_full_disk_keeps_the_text_says_so_and_saves_once_there_is_room(main_window, qtbot, db):
    stage = make_stage(db, make_company(db), "Behavioral")
    page = main_window.show_page("companies")
    page.tabs.setCurrentWidget(page.pipeline)
    debrief = page.pipeline.form.debrief
    limit_pages(db, 0)
    long_debrief = (
        "They asked about a migration that went wrong. " * 1000
    )  # more than the free pages
    QApplication.clipboard().setText(long_debrief)
    debrief.setFocus()
    qtbot.keyClick(debrief, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(debrief, "Next time: lead with the numbers.")
    typed = long_debrief + "Next time: lead with the numbers."

    status = page.pipeline.save_status
    qtbot.waitUntil(lambda: status.text().startswith("Not saved"), timeout=5000)
    assert "disk" in status.text() and "full" in status.text()
    notice = main_window.failure_notice
    assert notice.box is not None and notice.box.isVisible()
    assert "the interview stage was not saved" in notice.box.text().lower()
    assert debrief.toPlainText() == typed

    lift_page_limit(db)
    qtbot.waitUntil(lambda: status.text() == "All changes saved", timeout=10_000)
    assert debrief.toPlainText() == typed
    with db.transaction() as s:
        assert s.get(m.InterviewStage, stage).debrief == typed


def lift_page_limit(db) -> None:
    """There is room again: new connections get a limit far above what is used."""
    event.listen(
        db.engine,
        "connect",
        lambda connection, _record: connection.execute("PRAGMA max_page_count = 1073741823"),
    )
    db.engine.dispose()


def test_switching_company_or_stage_saves_first_and_shows_the_other(main_window, qtbot, db):
    first = make_company(db, "Acme AI")
    second = make_company(db, "Borealis")
    stages = [make_stage(db, second, name) for name in ("Recruiter screen", "Behavioral")]
    page = main_window.show_page("companies")
    page.select_company(first)
    type_into(qtbot, page.overview.products, "; maps")
    rows = [page.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.list.count())]
    page.list.setCurrentRow(rows.index(second))  # straight away, before the autosave
    assert page.overview.products.toPlainText() == "Search for shops"  # Borealis's own
    page.tabs.setCurrentWidget(page.pipeline)
    pipeline = page.pipeline
    pipeline.select_stage(stages[0])
    type_into(qtbot, pipeline.form.prep_notes, "Salary range first")
    pipeline.list.setCurrentRow(1)
    assert pipeline.form.prep_notes.toPlainText() == ""
    assert pipeline.form.stage_type.currentText() == "Behavioral"
    with db.transaction() as s:
        assert s.get(m.Company, first).products == "Search for shops; maps"
        assert s.get(m.Company, second).products == "Search for shops"
        assert s.get(m.InterviewStage, stages[0]).prep_notes == "Salary range first"
        assert s.get(m.InterviewStage, stages[1]).prep_notes == ""
