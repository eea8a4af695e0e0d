"""The Surveys tab on the demo: the list, items, a typed-in response, importing a form export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import SurveyItemType, SurveyKind
from mentordesk.gui.form_values import select_value
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs import survey_panel as survey_panel_module
from mentordesk.gui.tabs import surveys as surveys_module
from mentordesk.gui.tabs.survey_dialogs import ItemDialog, SurveyDialog, TemplateDialog
from mentordesk.gui.tabs.survey_import_dialog import ResponseImportDialog
from mentordesk.gui.tabs.survey_response_dialog import ResponseDialog
from mentordesk.gui.tabs.surveys import SurveysTab, SurveyTableModel
from mentordesk.services.survey_import import RESPONDENT_EMAIL
from mentordesk.services.survey_templates import OVERALL_RATING, TEMPLATES, WOULD_RECOMMEND
from mentordesk.services.surveys import SurveyRow, item_rows, response_rows
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile


def _surveys_tab(window: MainWindow) -> SurveysTab:
    tab = next(t for t in window.tabs if isinstance(t, SurveysTab))
    window.tab_widget.setCurrentWidget(tab)
    return tab


def _rows(tab: SurveysTab) -> list[SurveyRow]:
    return [tab.model.row_at(r) for r in range(tab.model.rowCount())]


def _show(qtbot: QtBot, tab: SurveysTab, title: str) -> SurveyRow:
    """Select the survey with this title and wait for its questions and responses."""
    row = next(r for r in _rows(tab) if r.title == title)
    tab.select_survey(row.survey_id)
    _wait_loaded(qtbot, tab, title)
    return row


def _wait_loaded(qtbot: QtBot, tab: SurveysTab, title: str) -> SurveyRow:
    """Wait until the panel holds the questions and responses of the survey with this title."""

    def shown() -> bool:
        loaded = tab.panel.loaded_survey
        return loaded is not None and loaded.title == title and loaded == tab.current_row()

    qtbot.waitUntil(shown, timeout=10_000)
    assert tab.panel.loaded_survey is not None
    return tab.panel.loaded_survey


def _shown_titles(tab: SurveysTab) -> list[str]:
    return [tab.proxy.index(r, SurveyTableModel.TITLE).data() for r in range(tab.proxy.rowCount())]


def test_the_tab_lists_the_demo_surveys_by_kind_and_shows_the_first(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _surveys_tab(demo_window)
    titles = _shown_titles(tab)
    assert sorted(titles) == sorted(t.title for t in TEMPLATES.values())
    assert titles[:3] == [
        "Mentee self-assessment (before)",
        "Mentee self-assessment (after)",
        "Programme feedback",
    ]
    assert titles[-1] == "Mentor self-assessment"
    assert tab.proxy.index(3, SurveyTableModel.KIND).data() == "Pulse check (day 30)"
    assert tab.proxy.index(0, SurveyTableModel.WHO).data() == "Mentees"
    assert "7 surveys" in demo_window.counts_label.text()
    _wait_loaded(qtbot, tab, "Mentee self-assessment (before)")
    assert tab.panel.item_model.rowCount() == 12
    assert "answered by mentees" in tab.panel.heading.text()
    assert tab.panel.pages.tabText(0) == "Questions (12)"
    responses = tab.panel.response_model
    assert tab.panel.pages.tabText(1) == f"Responses ({responses.rowCount()})"
    assert responses.headerData(4, Qt.Orientation.Horizontal).startswith("1. I have clear goals")
    tab.search.setText("pulse")
    assert tab.proxy.rowCount() == 3


def test_adding_an_item_through_its_form(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _surveys_tab(demo_window)
    survey = _show(qtbot, tab, "Programme feedback")
    panel = tab.panel
    panel.add_item()
    dialog = panel.dialog
    assert isinstance(dialog, ItemDialog)
    dialog.ui.text.setPlainText("Did you attend the closing ceremony?")
    select_value(dialog.ui.answer_type, SurveyItemType.YES_NO)
    dialog.ui.area.setEditText("Events")
    assert "yes or no" in dialog.ui.type_hint.text()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        dialog.accept()
    last = panel.item_model.row_at(panel.item_model.rowCount() - 1)
    assert (last.position, last.code, last.answer_type, last.area) == (
        10,
        "did_you_attend_the_closing_ceremony",
        SurveyItemType.YES_NO,
        "Events",
    )
    assert panel.pages.tabText(0) == "Questions (10)"
    row = next(r for r in _rows(tab) if r.survey_id == survey.survey_id)
    assert row.items == 10
    with demo_file.session() as s:
        assert item_rows(s, survey.survey_id)[-1].text == "Did you attend the closing ceremony?"
    # An answered item keeps its type: the form says so and does not offer the choice.
    panel.item_view.selectRow(0)
    panel.edit_item()
    edit = panel.dialog
    assert isinstance(edit, ItemDialog)
    assert not edit.ui.answer_type.isEnabled()
    assert "so its type stays" in edit.ui.type_hint.text()
    edit.reject()


def test_moving_an_item_keeps_it_selected(qtbot: QtBot, demo_window: MainWindow) -> None:
    tab = _surveys_tab(demo_window)
    _show(qtbot, tab, "Pulse check: day 30")
    panel = tab.panel
    panel.item_view.selectRow(0)
    first = panel.current_item()
    assert first is not None
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.item_buttons[4].click()  # Move down
    qtbot.waitUntil(lambda: panel.current_item() is not None, timeout=10_000)
    moved = panel.current_item()
    assert moved is not None
    assert (moved.code, moved.position) == (first.code, 2)


def test_a_new_survey_and_one_from_a_template_are_selected_once_added(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = _surveys_tab(demo_window)
    tab.add()
    dialog = tab.dialog
    assert isinstance(dialog, SurveyDialog)
    assert not dialog.ui.day.isEnabled()
    dialog.ui.title.setText("Mid-point check")
    select_value(dialog.ui.kind, SurveyKind.PULSE)
    assert dialog.ui.day.isEnabled()
    dialog.ui.day.setValue(180)
    dialog.accept()
    shown = _wait_loaded(qtbot, tab, "Mid-point check")
    assert (shown.kind_label, shown.items) == ("Pulse check (day 180)", 0)
    assert not tab.panel.response_buttons[0].isEnabled()  # nothing to answer yet
    tab.add_from_template()
    chooser = tab.dialog
    assert isinstance(chooser, TemplateDialog)
    chooser.templates.setCurrentRow(list(TEMPLATES).index("mentor_self_assessment"))
    # The programme has that title already, so another is offered.
    assert chooser.title.text() == "Mentor self-assessment (2)"
    assert "Equity and inclusion" in chooser.details.text()
    chooser.accept()
    assert _wait_loaded(qtbot, tab, "Mentor self-assessment (2)").items == 19


def test_typing_in_a_response_on_the_form_made_from_the_items(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile
) -> None:
    tab = _surveys_tab(demo_window)
    survey = _show(qtbot, tab, "Programme feedback")
    panel = tab.panel
    before = panel.response_model.rowCount()
    panel.type_in_response()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, ResponseDialog), timeout=10_000)
    dialog = panel.dialog
    assert isinstance(dialog, ResponseDialog)
    assert list(dialog.answer_widgets) == [i.code for i in TEMPLATES["programme_feedback"].items]
    answered = {panel.response_model.row_at(r).person_id for r in range(before)}
    person = next(
        i for i in range(dialog.person.count()) if dialog.person.itemData(i) not in answered
    )
    dialog.person.setCurrentIndex(person)
    person_id = dialog.person.itemData(person)
    dialog.answer_widgets[OVERALL_RATING].set_value(5)
    dialog.answer_widgets[WOULD_RECOMMEND].group.button(1).click()
    dialog.answer_widgets["what_worked"].setPlainText("Meeting people from the other institutes")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.response_model.rowCount() == before + 1, timeout=10_000)
    with demo_file.session() as s:
        mine = next(r for r in response_rows(s, survey.survey_id) if r.person_id == person_id)
    assert mine.answers == {
        OVERALL_RATING: 5,
        WOULD_RECOMMEND: True,
        "what_worked": "Meeting people from the other institutes",
    }
    assert mine.source == "typed in"


def test_deleting_a_survey_names_its_responses(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _surveys_tab(demo_window)
    row = _show(qtbot, tab, "Pulse check: day 60")
    asked: list[str] = []

    def answer(_parent: object, _title: str, question: str, _action: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(surveys_module, "confirm", answer)
    tab.view.setFocus()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        demo_window.delete_action.trigger()
    assert asked == [
        f"Delete the survey “Pulse check: day 60” and its {row.responses} responses? "
        "This cannot be undone."
    ]
    assert "Pulse check: day 60" not in _shown_titles(tab)


@pytest.fixture
def feedback_export(tmp_path: Path, demo_file: ProgrammeFile, demo_programme_id: int) -> Path:
    """A Forms export of the feedback: two demo people, a stranger and an anonymous answer."""
    from mentordesk.services.surveys import respondent_choices, survey_rows

    with demo_file.session() as s:
        feedback = next(
            r for r in survey_rows(s, demo_programme_id) if r.title == "Programme feedback"
        )
        answered = {r.person_id for r in response_rows(s, feedback.survey_id)}
        fresh = [p for p in respondent_choices(s, feedback.survey_id) if p.id not in answered]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        ["ID", "Start time", "Completion time", "Email", "Name",
         "Overall, how would you rate the programme?", "Would you recommend the programme?",
         "Your comments"]
    )  # fmt: skip
    t = dt.datetime(2026, 11, 30, 10, 0)
    sheet.append([1, t, t, fresh[0].email.upper(), fresh[0].name, "5 - Excellent", "Yes", "Great"])
    sheet.append([2, t, t, fresh[1].email, fresh[1].name, 4, "No", ""])
    sheet.append([3, t, t, "stranger@elsewhere.example", "Stranger", 3, "Yes", ""])
    sheet.append([4, t, t, "anonymous", "", 2, "No", ""])
    path = tmp_path / "Programme feedback(1-4).xlsx"
    workbook.save(path)
    return path


def test_the_import_dialog_previews_before_writing_and_imports_on_request(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, feedback_export: Path
) -> None:
    tab = _surveys_tab(demo_window)
    survey = _show(qtbot, tab, "Programme feedback")
    panel = tab.panel
    before = panel.response_model.rowCount()
    panel.import_responses_from(feedback_export)
    qtbot.waitUntil(lambda: panel.import_dialog is not None, timeout=10_000)
    dialog = panel.import_dialog
    assert isinstance(dialog, ResponseImportDialog)
    assert dialog.isVisible()
    assert [dialog.read_as(c) for c in range(8)] == [
        None, None, "<submitted>", RESPONDENT_EMAIL, None, OVERALL_RATING, None, None
    ]  # fmt: skip
    statuses = [dialog.lines.item(r, dialog.STATUS).text() for r in range(4)]
    assert statuses == ["Import", "Import", "Not matched", "Not matched"]
    assert "nobody in the file has the email" in dialog.lines.item(2, dialog.REASON).text()
    assert dialog.import_button.text() == "Import 2 responses"
    assert "2</b>&nbsp;not matched" in dialog.counts.text()
    assert not dialog.skip_rejected.isVisible()
    # The shortened question is not recognised: the coordinator says what it is.
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_read_as(6, WOULD_RECOMMEND)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_read_as(7, "what_worked")
    assert dialog.columns.item(6, dialog.WHY).text() == "chosen by you"
    assert dialog.plan.lines[1].answers == {OVERALL_RATING: 4, WOULD_RECOMMEND: False}
    with demo_file.session() as s:
        assert len(response_rows(s, survey.survey_id)) == before  # nothing written yet
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: panel.response_model.rowCount() == before + 2, timeout=10_000)
    box = demo_window.findChild(QMessageBox, "survey_import_summary")
    assert box is not None
    assert "Imported 2 responses" in box.text()
    assert "Not matched: 2" in box.text()
    box.close()
    with demo_file.session() as s:
        rows = [r for r in response_rows(s, survey.survey_id) if r.source.startswith("Programme")]
    assert sorted((r.answers[OVERALL_RATING], r.answers[WOULD_RECOMMEND]) for r in rows) == [
        (4, False),
        (5, True),
    ]
    assert next(r for r in rows if r.answers[OVERALL_RATING] == 5).answers["what_worked"] == "Great"
    assert [b.reason for b in list_backups(demo_file.path)] == ["import"]


def test_a_row_that_cannot_be_read_blocks_the_import_until_left_out(
    qtbot: QtBot, demo_window: MainWindow, feedback_export: Path
) -> None:
    workbook = openpyxl.load_workbook(feedback_export)
    sheet = workbook.active
    assert sheet is not None
    sheet["F3"] = "Superb"
    workbook.save(feedback_export)
    tab = _surveys_tab(demo_window)
    _show(qtbot, tab, "Programme feedback")
    tab.panel.import_responses_from(feedback_export)
    qtbot.waitUntil(lambda: tab.panel.import_dialog is not None, timeout=10_000)
    dialog = tab.panel.import_dialog
    assert isinstance(dialog, ResponseImportDialog)
    assert dialog.lines.item(1, dialog.STATUS).text() == "Problem"
    assert "“Superb” is not a rating from 1 to 5" in dialog.lines.item(1, dialog.REASON).text()
    assert dialog.skip_rejected.isVisible()
    assert not dialog.import_button.isEnabled()
    dialog.skip_rejected.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 1 response"
    dialog.reject()


def test_the_survey_models_pass_the_qt_model_checks(
    qtbot: QtBot, qtmodeltester: ModelTester, demo_window: MainWindow
) -> None:
    tab = _surveys_tab(demo_window)
    _show(qtbot, tab, "Programme feedback")
    for model in (tab.model, tab.panel.item_model, tab.panel.response_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    assert tab.panel.response_model.columnCount() == 4 + 9


def test_delete_acts_on_the_response_in_focus_not_the_survey(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _surveys_tab(demo_window)
    row = _show(qtbot, tab, "Pulse check: day 30")
    panel = tab.panel
    panel.pages.setCurrentIndex(1)
    demo_window.activateWindow()
    panel.response_view.selectRow(0)
    panel.response_view.setFocus()
    qtbot.waitUntil(panel.response_view.hasFocus, timeout=5_000)
    gone = panel.current_response()
    assert gone is not None
    asked: list[str] = []

    def answer(_parent: object, _title: str, question: str, _action: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(survey_panel_module, "confirm", answer)
    demo_window.delete_action.trigger()
    assert asked == [f"Delete the response of {gone.name}? This cannot be undone."]
    qtbot.waitUntil(lambda: panel.response_model.rowCount() == row.responses - 1, timeout=10_000)
    assert row.title in _shown_titles(tab)
