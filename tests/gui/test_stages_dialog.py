"""Programme ▸ Career stages…: the list edited, guessed stages confirmed, unknown ones listed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import ACADEMIC_STAGES, STAFF_SCHEME_STAGES
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.stages_dialog import StagesDialog
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.career_stages import (
    guess_missing_stages,
    ladder_of,
    set_stages,
    stage_problems,
)
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import create_programme, strand_choices
from mentordesk.store.models import Person
from mentordesk.store.programme_file import ProgrammeFile

#: Applicants' positions: three guessed, two unknown.
POSITIONS = {
    "Ana Postdoc": "Postdoctoral researcher",
    "Ben Assistant": "Assistant Professor",
    "Cleo Wizard": "Wizard of the north",
    "Dora Maitre": "Maître de conférences",
    "Eli Nobody": "",
}


@pytest.fixture
def academic_id(programme_file: ProgrammeFile) -> int:
    """A three-strands programme whose applicants' stages were guessed from their positions."""
    with programme_file.session() as session:
        programme_id = create_programme(session, TEMPLATES["three-strands"].input("ADVANCE 2026"))
        strand_id = strand_choices(session, programme_id)[0].id
        for number, (name, position) in enumerate(POSITIONS.items()):
            first, last = name.split()
            add_applicant(
                session,
                PersonInput(first, last, f"person{number}@uni.example", position=position),
                ApplicationInput(strand_id, Role.MENTEE, ApplicationStatus.ACCEPTED),
            )
        guess_missing_stages(session, programme_id)
        return programme_id


@pytest.fixture
def stages_dialog(
    qtbot: QtBot, window: MainWindow, programme_file: ProgrammeFile, academic_id: int
) -> Iterator[StagesDialog]:
    """The Career stages dialog of the window on that programme, its rows loaded."""
    window.show()
    with qtbot.waitSignal(window.programme_shown, timeout=10_000):
        window.show_file(programme_file)
    window.stages_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(StagesDialog) is not None, timeout=10_000)
    dialog = window.findChild(StagesDialog)
    assert isinstance(dialog, StagesDialog)
    qtbot.waitUntil(lambda: dialog.guessed.rowCount() > 0, timeout=10_000)
    yield dialog
    dialog.modified = False
    dialog.reject()
    window.close()


def _column(table: object, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_the_list_and_the_applicants_to_check_are_shown(stages_dialog: StagesDialog) -> None:
    assert [s.name for s in stages_dialog.stages()] == [s.name for s in ACADEMIC_STAGES]
    assert stages_dialog.stages() == list(ACADEMIC_STAGES)
    assert sorted(_column(stages_dialog.guessed, 0)) == [
        "Ana Postdoc",
        "Ben Assistant",
        "Dora Maitre",
    ]
    names = _column(stages_dialog.guessed, 0)
    guessed = dict(zip(names, _column(stages_dialog.guessed, 2), strict=True))
    assert guessed["Ben Assistant"] == "Assistant professor"
    assert sorted(_column(stages_dialog.unknown, 0)) == ["Cleo Wizard", "Eli Nobody"]
    assert "Wizard of the north" in _column(stages_dialog.unknown, 1)
    assert not stages_dialog.save_button.isEnabled()


def test_confirming_selected_then_all_guesses(
    qtbot: QtBot, stages_dialog: StagesDialog, programme_file: ProgrammeFile, academic_id: int
) -> None:
    assert not stages_dialog.confirm_button.isEnabled()
    stages_dialog.guessed.selectRow(0)
    first = stages_dialog.guessed.item(0, 0).text()
    assert stages_dialog.confirm_button.isEnabled()
    stages_dialog.confirm_selected()
    qtbot.waitUntil(lambda: stages_dialog.guessed.rowCount() == 2, timeout=10_000)
    assert first not in _column(stages_dialog.guessed, 0)
    stages_dialog.confirm_all()
    qtbot.waitUntil(lambda: stages_dialog.guessed.rowCount() == 0, timeout=10_000)
    assert "confirmed" in stages_dialog.status.text()
    with programme_file.session() as session:
        report = stage_problems(session, academic_id)
    assert report.guessed == []
    assert len(report.unknown) == 2


def test_the_list_is_reordered_renamed_extended_and_saved(
    qtbot: QtBot, stages_dialog: StagesDialog, programme_file: ProgrammeFile, academic_id: int
) -> None:
    table = stages_dialog.table
    table.setCurrentCell(1, stages_dialog.NAME)  # Research assistant
    stages_dialog.move_stage(-1)
    assert table.currentRow() == 0
    table.item(0, stages_dialog.NAME).setText("Research or teaching assistant")
    assert stages_dialog.modified
    table.setCurrentCell(3, stages_dialog.NAME)  # Research scientist
    stages_dialog.add_stage()
    table.item(4, stages_dialog.NAME).setText("Senior research scientist")
    stages_dialog.wordings.setPlainText("senior scientist\nchercheur senior")
    # Removing a stage people hold: their stage becomes unknown, never rewritten.
    removed = next(
        r for r in range(table.rowCount()) if table.item(r, 1).text() == "Assistant professor"
    )
    table.setCurrentCell(removed, stages_dialog.NAME)
    stages_dialog.remove_stage()
    assert stages_dialog.save_button.isEnabled()
    stages_dialog.save_stages()
    qtbot.waitUntil(lambda: not stages_dialog.modified, timeout=10_000)
    with programme_file.session() as session:
        ladder = ladder_of(session, academic_id)
        report = stage_problems(session, academic_id)
    names = [s.name for s in ladder.stages]
    assert names[:2] == ["Research or teaching assistant", "Doctoral candidate"]
    assert "Assistant professor" not in names
    senior = ladder.find("Senior research scientist")
    assert senior is not None
    assert senior.level == 5
    assert senior.wordings == ("senior scientist", "chercheur senior")
    # The applicants to check are those of the saved list.
    assert sorted(_column(stages_dialog.unknown, 0)) == sorted(r[1] for r in report.unknown)
    assert sorted(_column(stages_dialog.guessed, 2)) == sorted(r[3] for r in report.guessed)
    assert "Assistant professor" not in _column(stages_dialog.guessed, 2)


def test_a_list_with_a_name_twice_is_refused_in_plain_words(
    qtbot: QtBot, stages_dialog: StagesDialog, programme_file: ProgrammeFile, academic_id: int
) -> None:
    stages_dialog.table.item(1, stages_dialog.NAME).setText("Doctoral candidate")
    stages_dialog.save_stages()
    qtbot.waitUntil(lambda: stages_dialog.findChild(QMessageBox, "error_message") is not None)
    box = stages_dialog.findChild(QMessageBox, "error_message")
    assert "Doctoral candidate" in box.text()
    box.close()
    assert stages_dialog.save_button.isEnabled()
    with programme_file.session() as session:
        assert ladder_of(session, academic_id).stages == ACADEMIC_STAGES


def test_the_stages_names_are_shown_whole(stages_dialog: StagesDialog) -> None:
    table = stages_dialog.table
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(name) for name in _column(table, StagesDialog.NAME))
    assert table.columnWidth(StagesDialog.NAME) > widest + 8  # "Research scientist" …


def test_confirming_a_stage_read_from_a_grade_number_gives_the_lists_stage(
    qtbot: QtBot, programme_file: ProgrammeFile, academic_id: int
) -> None:
    # A list of UK grades, and an applicant who typed only "7" as their stage.
    with programme_file.session() as session:
        set_stages(session, academic_id, STAFF_SCHEME_STAGES)
        strand_id = strand_choices(session, academic_id)[0].id
        lee = PersonInput("Lee", "Fellow", "lee@uni.example", position="Research Fellow")
        lee.stage = "7"
        add_applicant(
            session, lee, ApplicationInput(strand_id, Role.MENTEE, ApplicationStatus.ACCEPTED)
        )
    dialog = StagesDialog(None, programme_file, academic_id, "ADVANCE 2026")
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: "Lee Fellow" in _column(dialog.guessed, 0), timeout=10_000)
    dialog.confirm_all()
    qtbot.waitUntil(lambda: "confirmed" in dialog.status.text(), timeout=10_000)
    assert _column(dialog.guessed, 0) == []
    with programme_file.session() as session:
        stage = session.execute(
            select(Person.stage, Person.stage_guessed).where(Person.first_name == "Lee")
        ).one()
        assert tuple(stage) == ("Research fellow (grade 7)", False)
        assert stage_problems(session, academic_id).guessed == []


def test_enter_in_a_level_box_adds_no_stage_and_unsaved_changes_are_said(
    qtbot: QtBot, stages_dialog: StagesDialog
) -> None:
    pushed = [b for b in stages_dialog.findChildren(QPushButton) if b.isVisible()]
    assert pushed
    assert not [b.text() for b in pushed if b.autoDefault() or b.isDefault()]
    rows = stages_dialog.table.rowCount()
    level = stages_dialog.table.cellWidget(2, StagesDialog.LEVEL)
    assert isinstance(level, QSpinBox)
    level.setFocus()
    level.setValue(level.value() + 1)
    qtbot.keyClick(level, Qt.Key.Key_Return)
    assert stages_dialog.table.rowCount() == rows
    assert "New stage" not in _column(stages_dialog.table, StagesDialog.NAME)
    assert stages_dialog.isVisible()
    assert stages_dialog.modified
    assert "not saved" in stages_dialog.status.text()
    stages_dialog.save_stages()
    qtbot.waitUntil(lambda: not stages_dialog.modified, timeout=10_000)
    assert stages_dialog.status.text().startswith("The list is saved.")
    stages_dialog.table.item(0, StagesDialog.NAME).setText("Research or teaching assistant")
    assert "The list is saved." not in stages_dialog.status.text()
    assert "not saved" in stages_dialog.status.text()
