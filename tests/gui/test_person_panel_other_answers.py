"""The Applicants tab: availability and other answers, shown in the panel, searched, typed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.applicants import ApplicantDialog, ApplicantsTab
from mentordesk.services.applicants import ApplicantRow, application_input
from mentordesk.services.other_answers import OtherAnswer, other_answers_of, set_other_answers
from mentordesk.store.models import Application
from mentordesk.store.programme_file import ProgrammeFile

ANSWERS = (
    OtherAnswer("Which areas would you like support with?", "Leadership;Kintsugi workshops;"),
    OtherAnswer("How did you hear about the programme?", "From a colleague <b>in Physics</b>"),
)
AVAILABILITY = "Alternate Wednesdays, after the Ravel seminar"


def _tab(window: MainWindow) -> ApplicantsTab:
    tab = window.tabs[0]
    assert isinstance(tab, ApplicantsTab)
    return tab


def _proxy_row(tab: ApplicantsTab, application_id: int) -> int:
    for r in range(tab.proxy.rowCount()):
        row = tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row())
        if row.application_id == application_id:
            return r
    raise AssertionError("the application is not shown")


def _answered(qtbot: QtBot, window: MainWindow, demo_file: ProgrammeFile) -> ApplicantRow:
    """The second application of the table, given other answers and availability in the file."""
    tab = _tab(window)
    chosen = tab.model.row_at(1)
    with demo_file.session() as session:
        set_other_answers(session, chosen.application_id, ANSWERS)
        application = session.get(Application, chosen.application_id)
        assert application is not None
        application.availability = AVAILABILITY
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.reload()
    return chosen


def test_the_panel_shows_the_selected_applications_availability_and_other_answers(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    chosen = _answered(qtbot, demo_window, demo_file)
    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.view.selectRow(_proxy_row(tab, chosen.application_id))
    text = tab.panel.toPlainText()
    assert f"Availability {AVAILABILITY}" in " ".join(text.split())
    assert "Other answers (2)" in text
    for answer in ANSWERS:
        # The question on its own line, the answer on the next one.
        assert f"{answer.question}\n{answer.answer}" in text
    html = tab.panel.toHtml()
    assert "font-weight:700" in html.split(ANSWERS[0].question)[0][-200:]  # the question in bold
    assert "<b>in Physics</b>" not in html  # an answer is text, never markup

    # Another application without any: the panel says so rather than showing stale answers.
    other = next(
        tab.model.row_at(r)
        for r in range(tab.model.rowCount())
        if tab.model.row_at(r).person_id != chosen.person_id
    )
    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.view.selectRow(_proxy_row(tab, other.application_id))
    text = tab.panel.toPlainText()
    assert ANSWERS[0].answer not in text
    assert "No other answers kept with this application." in text


def test_the_search_finds_a_word_of_an_other_answer_or_of_the_availability(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    chosen = _answered(qtbot, demo_window, demo_file)
    tab.search.setText("kintsugi")
    assert tab.proxy.rowCount() == 1
    found = tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(0, 0)).row())
    assert found.application_id == chosen.application_id
    tab.search.setText("fortnightly")
    assert tab.proxy.rowCount() == 0
    tab.search.setText("ravel seminar")
    assert [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())] == [chosen.name]


def test_the_form_saves_the_availability_and_keeps_the_other_answers(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _tab(demo_window)
    chosen = _answered(qtbot, demo_window, demo_file)
    tab.view.selectRow(_proxy_row(tab, chosen.application_id))
    tab.edit()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=5000)
    dialog = tab.dialog
    assert isinstance(dialog, ApplicantDialog)
    assert dialog.ui.availability.toPlainText() == AVAILABILITY
    dialog.ui.availability.setPlainText("Mondays 9–11,\nonline only")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    with demo_file.session() as session:
        assert application_input(session, chosen.application_id).availability == (
            "Mondays 9–11,\nonline only"
        )
        assert other_answers_of(session, chosen.application_id) == list(ANSWERS)
