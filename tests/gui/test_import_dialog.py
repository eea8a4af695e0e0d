"""Importing applications through the dialog: real .xlsx files into the encrypted demo."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicantField, Role
from mentordesk.gui.form_values import select_value
from mentordesk.gui.import_dialog import ImportDialog
from mentordesk.gui.import_models import REJECTED_BACKGROUND
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.ops import run_op
from mentordesk.services.applicants import applicant_rows, person_detail
from mentordesk.services.demo import DEMO_PROGRAMME
from mentordesk.services.programmes import count_people, find_programme
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.workbooks import plain_workbook

HEADERS = [
    "Timestamp",
    "Email address",
    "First name",
    "Last name",
    "Department",
    "Which strand?",
    "I would like to participate as",
]
NEW_PEOPLE = 5


def _write_xlsx(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    return plain_workbook(path, headers, rows, title="Form responses")


@pytest.fixture
def applications_xlsx(tmp_path: Path, demo_window: MainWindow) -> Path:
    """A form export: five new mentees, one bad email, and someone already in the demo."""
    known = demo_window.tabs[0].model.row_at(0)
    rows: list[list[object]] = [
        [dt.datetime(2025, 11, 3, 9, n), f"new.person{n}@example.org", f"Newcomer{n}", "Zed",
         "Chemistry", "Fellows", "Mentee"]
        for n in range(NEW_PEOPLE)
    ]  # fmt: skip
    rows.append([dt.datetime(2025, 11, 4), "not an email", "Bad", "Row", "", "Fellows", "Mentee"])
    first, _, last = known.name.partition(" ")
    rows.append([dt.datetime(2025, 11, 5), known.email, first, last, "Moved department",
                 known.strand, known.role.label])  # fmt: skip
    return _write_xlsx(tmp_path / "spring form.xlsx", HEADERS, rows)


def _open_dialog(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    window.import_applications_from(path)
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=10_000)
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    assert dialog.isVisible()
    return dialog


def _preview(qtbot: QtBot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.ui.preview_button.click()


def _counts(programme_file: ProgrammeFile) -> tuple[int, int]:
    """Applications in the demo programme, and people in the file."""
    with programme_file.session() as session:
        programme_id = find_programme(session, DEMO_PROGRAMME).id
        return len(applicant_rows(session, programme_id)), count_people(session)


def test_import_end_to_end_prefills_previews_and_adds_the_rows(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, applications_xlsx: Path
) -> None:
    tab = demo_window.tabs[0]
    before = tab.model.rowCount()
    dialog = _open_dialog(qtbot, demo_window, applications_xlsx)
    assert dialog.mapping() == {
        0: ApplicantField.SUBMITTED_ON,
        1: ApplicantField.EMAIL,
        2: ApplicantField.FIRST_NAME,
        3: ApplicantField.LAST_NAME,
        4: ApplicantField.DEPARTMENT,
        5: ApplicantField.STRAND,
        6: ApplicantField.ROLE,
    }
    assert dialog.ui.columns_table.item(1, 2).text().startswith("new.person0@example.org")
    # The file names each row's strand and role, so the defaults are not asked for.
    assert not dialog.ui.default_strand.isEnabled()
    assert not dialog.ui.default_role.isEnabled()
    assert "spring form.xlsx" in dialog.ui.source_label.text()

    _preview(qtbot, dialog)
    assert dialog.ui.preview_counts.text() == (
        f"{NEW_PEOPLE} to add, 1 to update, 0 skipped, 1 rejected"
    )
    model = dialog.preview_model
    first = model.row_at(0)
    assert model.index(0, model.ACTION).data() == "Rejected"
    assert first.row_number == NEW_PEOPLE + 2
    assert "not an email" in model.index(0, model.WHY).data()
    background = model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == REJECTED_BACKGROUND
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert _counts(demo_file)[0] == before  # a preview writes nothing

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        dialog.ui.import_button.click()
    assert dialog.summary is not None
    assert (dialog.summary.added, dialog.summary.updated) == (NEW_PEOPLE, 1)
    assert "5 added, 1 updated, 0 skipped, 1 rejected" in dialog.ui.status_label.text()
    assert [b.reason for b in list_backups(demo_file.path)] == ["import"]
    summary_box = dialog.findChild(QMessageBox, "import_summary")
    assert summary_box is not None
    summary_box.close()
    assert not dialog.ui.import_button.isEnabled()
    assert tab.model.rowCount() == before + NEW_PEOPLE
    tab.search.setText("Newcomer")
    assert tab.proxy.rowCount() == NEW_PEOPLE
    assert f"{before + NEW_PEOPLE} applications" in demo_window.counts_label.text()
    dialog.ui.close_button.click()
    assert demo_window.import_dialog is None


def test_rejected_rows_are_saved_with_their_reason(
    qtbot: QtBot, demo_window: MainWindow, applications_xlsx: Path, tmp_path: Path
) -> None:
    dialog = _open_dialog(qtbot, demo_window, applications_xlsx)
    _preview(qtbot, dialog)
    assert dialog.ui.save_rejected_button.isEnabled()
    target = tmp_path / "rejected.xlsx"
    with qtbot.waitSignal(dialog.rejected_saved, timeout=10_000):
        dialog.save_rejected_to(target)
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (*HEADERS, "Problem")
    assert len(rows) == 2
    assert rows[1][1] == "not an email"
    assert "not an email" in rows[1][-1]


def test_cancelling_the_import_writes_nothing(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, applications_xlsx: Path
) -> None:
    before = _counts(demo_file)
    dialog = _open_dialog(qtbot, demo_window, applications_xlsx)
    _preview(qtbot, dialog)
    # Hold the worker so that Cancel is surely pressed before the import begins.
    gate = threading.Event()
    run_op(demo_file, lambda _session: gate.wait(10), parent=None)
    dialog.ui.import_button.click()
    # The newest progress dialog is the import's (earlier ones may await deletion).
    progress = dialog.findChildren(QProgressDialog)[-1]
    assert progress.labelText() == "Importing applications…"
    progress.findChild(QPushButton).click()  # its Cancel button
    gate.set()
    qtbot.waitUntil(lambda: "cancelled" in dialog.ui.status_label.text(), timeout=10_000)
    assert dialog.ui.status_label.text() == "The import was cancelled; nothing was written."
    qtbot.waitUntil(lambda: dialog.ui.import_button.isEnabled(), timeout=5000)
    assert dialog.summary is None
    assert _counts(demo_file) == before


def test_an_unreadable_file_is_explained_and_nothing_opens(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    before = _counts(demo_file)
    broken = tmp_path / "applications.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook" * 20)
    demo_window.import_applications_from(broken)
    qtbot.waitUntil(
        lambda: demo_window.findChild(QMessageBox, "error_message") is not None, timeout=10_000
    )
    box = demo_window.findChild(QMessageBox, "error_message")
    assert box.windowTitle() == "Cannot import this file"
    assert "applications.xlsx" in box.text()
    assert "Traceback" not in box.text()
    assert demo_window.import_dialog is None
    box.close()
    assert _counts(demo_file) == before


def test_default_strand_and_role_apply_when_no_column_gives_them(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    path = _write_xlsx(
        tmp_path / "mentors.xlsx",
        ["Email", "Full name"],
        [[f"mentor{n}@example.org", f"Mentor Number{n}"] for n in range(3)],
    )
    dialog = _open_dialog(qtbot, demo_window, path)
    assert dialog.ui.default_strand.isEnabled()
    assert dialog.ui.default_role.isEnabled()
    _preview(qtbot, dialog)
    assert dialog.ui.preview_counts.text() == "0 to add, 0 to update, 0 skipped, 3 rejected"
    assert not dialog.ui.import_button.isEnabled()

    dialog.ui.back_button.click()
    dialog.ui.default_strand.setCurrentText("Faculty")
    select_value(dialog.ui.default_role, Role.MENTOR)
    _preview(qtbot, dialog)
    assert dialog.ui.preview_counts.text() == "3 to add, 0 to update, 0 skipped, 0 rejected"
    strands = {dialog.preview_model.index(r, 4).data() for r in range(3)}
    assert strands == {"Faculty"}


def test_a_saved_mapping_is_offered_and_restores_the_columns(
    qtbot: QtBot, demo_window: MainWindow, applications_xlsx: Path
) -> None:
    dialog = _open_dialog(qtbot, demo_window, applications_xlsx)
    department = dialog.combos[4]
    select_value(department, ApplicantField.FIELD)
    with qtbot.waitSignal(dialog.mapping_saved, timeout=5000):
        dialog.save_mapping_as("Spring form")
    assert dialog.ui.saved_mapping.currentText() == "Spring form"
    saved = dialog.mapping()

    dialog.ui.saved_mapping.setCurrentIndex(0)  # back to the guess
    assert dialog.mapping()[4] is ApplicantField.DEPARTMENT
    dialog.ui.saved_mapping.setCurrentText("Spring form")
    qtbot.waitUntil(lambda: dialog.mapping()[4] is ApplicantField.FIELD, timeout=5000)
    assert dialog.mapping() == saved


def test_the_preview_and_the_import_say_the_late_applications_stages_and_line_managers(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    manager = demo_window.tabs[0].model.row_at(0)
    headers = [
        "Timestamp",
        "Email address",
        "First name",
        "Last name",
        "Position",
        "Line manager",
        "Which strand?",
        "I would like to participate as",
    ]
    rows: list[list[object]] = [
        # The demo's applications close on 30 November 2025: the second row is late.
        [dt.datetime(2025, 11, 3, 9), "ana.lopes@example.org", "Ana", "Lopes",
         "Postdoctoral researcher", manager.email, "Fellows", "Mentee"],
        [dt.datetime(2025, 12, 2, 9), "ben.kroll@example.org", "Ben", "Kroll",
         "Assistant professor", manager.email, "Fellows", "Mentee"],
        [dt.datetime(2025, 11, 4, 9), "cy.moreau@example.org", "Cy", "Moreau",
         "Beekeeper", "", "Fellows", "Mentee"],
    ]  # fmt: skip
    path = _write_xlsx(tmp_path / "late form.xlsx", headers, rows)
    before = _counts(demo_file)
    dialog = _open_dialog(qtbot, demo_window, path)
    dialog.set_mapping({4: ApplicantField.POSITION, 5: ApplicantField.LINE_MANAGER})
    _preview(qtbot, dialog)
    said = dialog.ui.preview_people
    assert not said.isHidden()
    lines = said.text().splitlines()
    assert lines[0] == (
        "1 application arrived after applications closed on 30 November 2025: "
        "it would be imported and marked late, not refused."
    )
    assert lines[1] == (
        "2 career stages would be guessed from positions; confirm them in "
        "Programme ▸ Career stages."
    )
    assert "“Beekeeper” (1 person)" in lines[2]
    assert "in their applicant form (Applicants tab)" in lines[2]
    assert "mentordesk-cli" not in said.text()  # the window names its own places
    assert lines[-1] == "2 people would be linked to their line manager."
    assert _counts(demo_file) == before  # a preview writes nothing

    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.ui.import_button.click()
    lines = said.text().splitlines()
    assert "it was imported and marked late" in lines[0]
    assert lines[1].startswith("2 career stages were guessed from positions")
    assert "mentordesk-cli" not in said.text()
    assert lines[-1] == "Linked 2 people to their line manager."
    box = dialog.findChild(QMessageBox, "import_summary")
    assert "Linked 2 people to their line manager." in box.text()
    box.close()
    with demo_file.session() as session:
        programme_id = find_programme(session, DEMO_PROGRAMME).id
        imported = {r.email: r for r in applicant_rows(session, programme_id)}
        details = [person_detail(session, imported[e].person_id) for e in
                   ("ana.lopes@example.org", "ben.kroll@example.org")]  # fmt: skip
    assert [d.line_manager for d in details] == [f"{manager.name} <{manager.email}>"] * 2
    assert [(d.stage, d.stage_guessed) for d in details] == [
        ("Postdoctoral researcher", True),
        ("Assistant professor", True),
    ]


def test_an_import_with_nothing_to_say_about_people_hides_the_line(
    qtbot: QtBot, demo_window: MainWindow, applications_xlsx: Path
) -> None:
    dialog = _open_dialog(qtbot, demo_window, applications_xlsx)
    _preview(qtbot, dialog)
    assert dialog.ui.preview_people.isHidden()
    assert dialog.ui.preview_people.text() == ""
