"""Search results open the very item on the real pages (MainWindow.open_item's contract)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from prepdesk.store.models import Company, CompanyQuestion, Problem, Topic


def search_and_open(qtbot, window, text: str) -> None:
    dialog = window.data.open_search()
    dialog.box.clear()
    qtbot.keyClicks(dialog.box, text)
    assert dialog.current_hit() is not None, text
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)


def test_search_opens_topic_problem_company_and_question(qtbot, ops, main_window):
    with ops.db.transaction() as session:
        topic = session.scalars(select(Topic).where(Topic.key == "math.probability")).one()
        topic_id = topic.id
        problem = Problem(title="Zebra Stripes Counting", platform="LeetCode", difficulty="easy")
        company = Company(name="Quokka Vision")
        session.add_all([problem, company])
        session.flush()
        question = CompanyQuestion(company_id=company.id, text="How is the xylophone team run?")
        session.add(question)
        session.flush()
        problem_id, company_id = problem.id, company.id

    search_and_open(qtbot, main_window, "Probability")
    assert main_window.current_page_key() == "topics"
    assert main_window.page("topics").tree.current_topic_id() == topic_id

    search_and_open(qtbot, main_window, "zebra strip")
    assert main_window.current_page_key() == "practice"
    qtbot.waitUntil(main_window.page("practice").is_idle)  # the list is read, then selected
    assert main_window.page("practice").selected_problem_id() == problem_id

    search_and_open(qtbot, main_window, "xylophone")
    companies = main_window.page("companies")
    assert main_window.current_page_key() == "companies"
    assert companies.current_company_id() == company_id
    assert companies.tabs.currentWidget() is companies.questions
