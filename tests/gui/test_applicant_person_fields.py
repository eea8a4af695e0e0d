"""The applicant form's Career stage and Line manager, and how the window shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import STAFF_SCHEME_STAGES
from mentordesk.gui.import_models import preview_row_html
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.table_models import LATE_TIP, STAGE_GUESSED_TIP, ApplicantTableModel
from mentordesk.gui.tabs.applicants import ApplicantDialog, ApplicantsTab
from mentordesk.services.applicants import (
    ApplicantRow,
    ApplicationInput,
    PersonInput,
    add_applicant,
    applicant_rows,
    person_input,
)
from mentordesk.services.career_stages import set_stages
from mentordesk.services.import_people import StageOutcome
from mentordesk.services.importing import PreviewRow, RowAction
from mentordesk.services.line_managers import find_by_email
from mentordesk.services.programmes import strand_choices
from mentordesk.store.models import Programme
from mentordesk.store.programme_file import ProgrammeFile

GRACE = "grace.hopper@example.org"
ALAN = "alan.turing@example.org"
CLOSES = dt.date(2026, 3, 1)


@pytest.fixture
def staff_window(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> Iterator[MainWindow]:
    """The window on Pilot 2026 with the UK staff grades, closing on 1 March.

    Grace Hopper (head of computing, on time) is the line manager of Alan Turing
    (research fellow, stage guessed, a day late).
    """
    with programme_file.session() as session:
        set_stages(session, programme_id, STAFF_SCHEME_STAGES)
        programme = session.get(Programme, programme_id)
        assert programme is not None
        programme.applications_close_on = CLOSES
        fellows = next(s.id for s in strand_choices(session, programme_id) if s.name == "Fellows")
        add_applicant(
            session,
            PersonInput("Grace", "Hopper", GRACE, position="Head of Computing", stage="Grade 9"),
            ApplicationInput(fellows, Role.MENTOR, submitted_on=CLOSES),
        )
        add_applicant(
            session,
            PersonInput(
                "Alan",
                "Turing",
                ALAN,
                position="Research Fellow",
                stage="Research fellow (grade 7)",
                stage_guessed=True,
                line_manager_email=GRACE,
            ),
            ApplicationInput(fellows, Role.MENTEE, submitted_on=CLOSES + dt.timedelta(days=1)),
        )
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignals([tab.loaded for tab in window.tabs], timeout=10_000):
        window.show_file(programme_file)
    yield window
    window.close()


def _tab(window: MainWindow) -> ApplicantsTab:
    tab = window.tabs[0]
    assert isinstance(tab, ApplicantsTab)
    return tab


def _row_of(tab: ApplicantsTab, email: str) -> int:
    """The proxy row of the person with this email."""
    for r in range(tab.proxy.rowCount()):
        if tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).email == email:
            return r
    raise AssertionError(f"{email} is not shown")


def _add_dialog(qtbot: QtBot, tab: ApplicantsTab) -> ApplicantDialog:
    tab.add()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=5000)
    assert isinstance(tab.dialog, ApplicantDialog)
    return tab.dialog


def _edit_dialog(qtbot: QtBot, tab: ApplicantsTab, email: str) -> ApplicantDialog:
    tab.view.selectRow(_row_of(tab, email))
    tab.edit()
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=5000)
    assert isinstance(tab.dialog, ApplicantDialog)
    return tab.dialog


def _save(qtbot: QtBot, tab: ApplicantsTab, dialog: ApplicantDialog) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()


def _refused(qtbot: QtBot, dialog: ApplicantDialog) -> str:
    """Save, and return the message the dialog shows instead of closing."""
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "error_message") is not None)
    box = dialog.findChild(QMessageBox, "error_message")
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.close()
    box.setObjectName("closed")
    assert dialog.isVisible()
    return text


def _person(programme_file: ProgrammeFile, email: str) -> PersonInput:
    with programme_file.session() as session:
        person = find_by_email(session, email)
        assert person is not None
        return person_input(session, person.id)


def _label(name: str) -> str:
    """How lists show the staff scheme's stage of this name, with its track."""
    return next(s.label for s in STAFF_SCHEME_STAGES if s.name == name)


def _placeholder(dialog: ApplicantDialog) -> str:
    edit = dialog.ui.stage.lineEdit()
    assert edit is not None
    return edit.placeholderText()


def test_the_form_offers_the_stages_by_track_and_keeps_the_one_guessed_as_a_guess(
    qtbot: QtBot, staff_window: MainWindow, programme_file: ProgrammeFile
) -> None:
    tab = _tab(staff_window)
    dialog = _add_dialog(qtbot, tab)
    ui = dialog.ui
    offered = [ui.stage.itemText(i) for i in range(ui.stage.count())]
    assert offered == ["", *(s.label for s in STAFF_SCHEME_STAGES)]
    assert _label("Grade 4") in offered
    assert "Technical and professional services" in _label("Grade 4")
    assert _placeholder(dialog) == "Choose or type a career stage"
    ui.position.setText("Senior Lecturer in Physics")
    assert _placeholder(dialog) == "Guessed from the position: Senior lecturer (grade 8)"
    assert ui.stage.toolTip().startswith(
        f"Guessed from the position: {_label('Senior lecturer (grade 8)')}. Left "
        "blank, this guess is saved"
    )
    ui.position.setText("Gardener")
    assert _placeholder(dialog) == "No stage guessed from the position: choose one"
    # Left blank, the guess is saved, as a guess the table shows in italics.
    ui.position.setText("Lab technician")
    assert _placeholder(dialog) == "Guessed from the position: Grade 4"
    ui.first_name.setText("Ada")
    ui.email.setText("ada@example.org")
    _save(qtbot, tab, dialog)
    saved = _person(programme_file, "ada@example.org")
    assert (saved.stage, saved.stage_guessed) == ("Grade 4", True)
    stage = tab.proxy.index(_row_of(tab, "ada@example.org"), ApplicantTableModel.STAGE)
    assert stage.data() == "Grade 4"
    assert stage.data(Qt.ItemDataRole.FontRole).italic()
    assert stage.data(Qt.ItemDataRole.ToolTipRole) == STAGE_GUESSED_TIP


def test_a_stage_picked_or_typed_is_no_guess_and_an_untouched_guess_stays_one(
    qtbot: QtBot, staff_window: MainWindow, programme_file: ProgrammeFile
) -> None:
    tab = _tab(staff_window)
    # Alan's stage was guessed: the form suggests it rather than passing it for a choice.
    dialog = _edit_dialog(qtbot, tab, ALAN)
    assert dialog.ui.stage.currentText() == ""
    assert _placeholder(dialog) == "Guessed from the position: Research fellow (grade 7)"
    dialog.ui.department.setText("Mathematics")
    _save(qtbot, tab, dialog)
    saved = _person(programme_file, ALAN)
    assert (saved.stage, saved.stage_guessed, saved.department) == (
        "Research fellow (grade 7)",
        True,
        "Mathematics",
    )

    # Typed in another case, a stage of the list is saved under its own name.
    dialog = _edit_dialog(qtbot, tab, ALAN)
    dialog.ui.stage.setEditText("senior LECTURER (grade 8)")
    _save(qtbot, tab, dialog)
    saved = _person(programme_file, ALAN)
    assert (saved.stage, saved.stage_guessed) == ("Senior lecturer (grade 8)", False)

    # Picked from the list; shown as picked when the form opens again.
    dialog = _edit_dialog(qtbot, tab, ALAN)
    assert dialog.ui.stage.currentText() == _label("Senior lecturer (grade 8)")
    dialog.ui.stage.setCurrentText(_label("Professor"))
    _save(qtbot, tab, dialog)
    saved = _person(programme_file, ALAN)
    assert (saved.stage, saved.stage_guessed) == ("Professor", False)
    stage = tab.proxy.index(_row_of(tab, ALAN), ApplicantTableModel.STAGE)
    assert stage.data() == "Professor"
    assert stage.data(Qt.ItemDataRole.FontRole) is None


def test_a_guess_the_list_no_longer_makes_is_kept_a_guess_until_the_position_changes(
    qtbot: QtBot, staff_window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> None:
    # Alan's stage was guessed from "Research Fellow"; the list has since lost the wording
    # that guess came from, so his position alone suggests nothing now.
    with programme_file.session() as session:
        set_stages(
            session,
            programme_id,
            [replace(s, wordings=()) if s.name == "Research fellow (grade 7)" else s
             for s in STAFF_SCHEME_STAGES],
        )  # fmt: skip
    tab = _tab(staff_window)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.reload()
    dialog = _edit_dialog(qtbot, tab, ALAN)
    assert dialog.person_fields.guess() is None
    assert dialog.ui.stage.currentText() == ""
    assert _placeholder(dialog) == "Guessed from the position: Research fellow (grade 7)"
    dialog.ui.department.setText("Mathematics")
    _save(qtbot, tab, dialog)
    saved = _person(programme_file, ALAN)
    assert (saved.stage, saved.stage_guessed) == ("Research fellow (grade 7)", True)

    # A new position is guessed afresh: here nothing fits, so the stage is unknown.
    dialog = _edit_dialog(qtbot, tab, ALAN)
    dialog.ui.position.setText("Gardener")
    assert _placeholder(dialog) == "No stage guessed from the position: choose one"
    _save(qtbot, tab, dialog)
    saved = _person(programme_file, ALAN)
    assert (saved.stage, saved.stage_guessed) == ("", False)


def test_the_line_manager_is_found_by_name_or_typed_and_the_services_refusals_are_shown(
    qtbot: QtBot, staff_window: MainWindow, programme_file: ProgrammeFile
) -> None:
    tab = _tab(staff_window)
    dialog = _edit_dialog(qtbot, tab, ALAN)
    manager = dialog.ui.line_manager
    assert manager.currentText() == f"Grace Hopper <{GRACE}>"
    # Nobody is offered as their own manager.
    assert [manager.itemText(i) for i in range(manager.count())] == ["", f"Grace Hopper <{GRACE}>"]
    dialog.reject()

    dialog = _add_dialog(qtbot, tab)
    manager = dialog.ui.line_manager
    completer = manager.completer()
    assert completer is not None
    completer.setCompletionPrefix("HOPP")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == f"Grace Hopper <{GRACE}>"
    dialog.ui.first_name.setText("Ada")
    dialog.ui.email.setText("ada@example.org")
    manager.setEditText("someone.else@example.org")
    assert "someone.else@example.org is not in this file: add them first" in _refused(qtbot, dialog)
    # The name of one person in the file is enough.
    manager.setEditText("  grace   HOPPER ")
    _save(qtbot, tab, dialog)
    assert _person(programme_file, "ada@example.org").line_manager_email == GRACE

    # Alan reports to Grace: Grace cannot report to Alan.
    dialog = _edit_dialog(qtbot, tab, GRACE)
    dialog.ui.line_manager.setCurrentText(f"Alan Turing <{ALAN}>")
    refusal = _refused(qtbot, dialog)
    assert "cannot be Grace Hopper’s line manager" in refusal
    assert "loop" in refusal
    dialog.ui.line_manager.setEditText("")
    _save(qtbot, tab, dialog)
    assert _person(programme_file, GRACE).line_manager_email == ""
    assert _person(programme_file, ALAN).line_manager_email == GRACE


def test_the_table_marks_late_applications_and_the_panel_shows_stage_and_manager(
    qtbot: QtBot, staff_window: MainWindow, programme_file: ProgrammeFile, programme_id: int
) -> None:
    tab = _tab(staff_window)
    status = {
        email: tab.proxy.index(_row_of(tab, email), ApplicantTableModel.STATUS)
        for email in (ALAN, GRACE)
    }
    assert status[ALAN].data() == f"{ApplicationStatus.RECEIVED.label} (late)"
    assert status[ALAN].data(Qt.ItemDataRole.ToolTipRole) == LATE_TIP
    assert status[GRACE].data() == ApplicationStatus.RECEIVED.label  # on the closing day
    assert tab.model.headerData(ApplicantTableModel.STAGE, Qt.Orientation.Horizontal) == (
        "Career stage"
    )
    tab.search.setText("late")
    assert [tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(0, 0)).row()).email] == [ALAN]
    assert tab.proxy.rowCount() == 1
    tab.search.setText("")
    # The Career stage column sorts in the programme's order: research fellow before grade 9.
    tab.view.sortByColumn(ApplicantTableModel.STAGE, Qt.SortOrder.AscendingOrder)
    assert [_row_of(tab, ALAN), _row_of(tab, GRACE)] == [0, 1]
    tab.view.sortByColumn(ApplicantTableModel.STAGE, Qt.SortOrder.DescendingOrder)
    assert [_row_of(tab, ALAN), _row_of(tab, GRACE)] == [1, 0]

    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.view.selectRow(_row_of(tab, ALAN))
    text = " ".join(tab.panel.toPlainText().split())
    assert (
        "Career stage Research fellow (grade 7) (guessed from the position; confirm in "
        "Programme ▸ Career stages)"
    ) in text
    assert f"Line manager Grace Hopper <{GRACE}>" in text
    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.view.selectRow(_row_of(tab, GRACE))
    text = " ".join(tab.panel.toPlainText().split())
    assert "Career stage Grade 9 " in text
    assert "guessed" not in text
    assert "Line manager" not in text

    # The rows the table shows are the service's.
    with programme_file.session() as session:
        rows: list[ApplicantRow] = applicant_rows(session, programme_id)
    assert {r.email: (r.stage, r.stage_guessed, r.late) for r in rows} == {
        ALAN: ("Research fellow (grade 7)", True, True),
        GRACE: ("Grade 9", False, False),
    }


def test_the_import_preview_shows_a_rows_career_stage_and_line_manager(qapp: object) -> None:
    def row(stage: str, guessed: bool = False, kind: str = "") -> PreviewRow:
        person = PersonInput(
            "Ada", "Lovelace", "ada@example.org", stage=stage, stage_guessed=guessed
        )
        outcome = StageOutcome(kind, stage) if kind else None
        return PreviewRow(4, RowAction.ADD, person, None, line_manager=GRACE, stage_outcome=outcome)

    html = preview_row_html(row("Grade 4"), {})
    assert "Career stage</td><td>Grade 4</td>" in html
    assert f"Line manager</td><td>{GRACE}" in html
    html = preview_row_html(row("Grade 4", guessed=True), {})
    assert "Career stage</td><td>Grade 4 (guessed from the position; confirm in " in html
    html = preview_row_html(row("Grade 44", kind="unknown"), {})
    assert "Grade 44 (not in the programme’s list of career stages)" in html
