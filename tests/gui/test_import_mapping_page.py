"""The import dialog's mapping page on real form exports: every column, why, and answers to map.

Each test writes a form export as the tool does (tests/helpers/form_exports.py)
and imports it through the window into a real encrypted programme file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicantField, Role
from mentordesk.formats.columns import normalise
from mentordesk.gui.form_values import select_value
from mentordesk.gui.import_dialog import ImportDialog, first_size
from mentordesk.gui.import_mapping import NOT_MAPPED, ColumnsTable
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.tabs.applicants import ApplicantsTab
from mentordesk.services.applicants import applicant_rows
from mentordesk.services.import_mappings import saved_mappings
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers import form_exports
from tests.helpers.form_exports import EARLY_STRANDS, FormExport

F = ApplicantField
HEARD = "How did you hear about the programme?"


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    window.import_applications_from(path)
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=10_000)
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    return dialog


def _preview(qtbot: QtBot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.ui.preview_button.click()


def _import(qtbot: QtBot, window: MainWindow, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(window.tabs[0].loaded, timeout=20_000):
        dialog.ui.import_button.click()
    box = dialog.findChild(QMessageBox, "import_summary")
    assert box is not None
    box.close()


def _why(dialog: ImportDialog, column: int) -> str:
    item = dialog.ui.columns_table.item(column, ColumnsTable.WHY)
    assert item is not None
    return item.text()


def _choose(dialog: ImportDialog, column: int, field: ApplicantField) -> None:
    """Choose a field in a column's combo, as the coordinator does."""
    combo = dialog.combos[column]
    combo.setCurrentIndex(combo.findData(field))


def _applicants_tab(window: MainWindow) -> ApplicantsTab:
    tab = window.tabs[0]
    assert isinstance(tab, ApplicantsTab)
    return tab


def test_every_column_of_a_forms_export_is_listed_with_where_it_goes_and_why(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    export = form_exports.write_microsoft_forms(tmp_path / "Mentoring application(1-55).xlsx")
    dialog = _open(qtbot, pilot_window, export.path)
    table = dialog.ui.columns_table
    count = len(export.questions)
    assert count > 16
    assert table.rowCount() == count
    assert len(dialog.mapping()) == count
    for column in range(count):
        name = table.item(column, ColumnsTable.COLUMN)
        assert name is not None
        assert name.toolTip() == export.header(column)
        assert export.header(column)[:12] in name.text()
        assert _why(dialog, column), f"column {column} says nothing about why"
    # Nothing is dropped unseen: a question no field fits is kept, and says so.
    heard = export.questions.index(HEARD)
    assert dialog.combos[heard].currentText() == "Kept as other answers"
    assert dialog.mapping()[heard] is F.OTHER
    role = export.column(F.ROLE)
    assert dialog.mapping()[role] is F.ROLE
    assert "Mentor/Mentee" in _why(dialog, role)
    samples = table.item(role, ColumnsTable.SAMPLES)
    assert samples is not None
    assert set(samples.text().split(" · ")) == {"Mentor", "Mentee"}
    # The dialog fits a 1366×768 laptop's screen, less its taskbar and title bar.
    laptop = first_size(QSize(1366, 728))
    assert laptop.width() <= 1366 - 40
    assert laptop.height() <= 728 - 60
    assert dialog.minimumWidth() <= laptop.width()
    assert dialog.minimumHeight() <= laptop.height()


def test_a_weak_guess_is_shown_but_not_applied(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    # Two columns answered Mentor or Mentee: a tie, which MentorDesk does not settle itself.
    rows: list[list[object]] = [
        [f"person{n}@uni.example", f"Person Number{n}", "Fellows", ("Mentor", "Mentee")[n % 2],
         ("Mentee", "Mentor")[n % 3 == 0]]
        for n in range(12)
    ]  # fmt: skip
    headers = ["Email address", "Full name", "Which strand?", "Option 1", "Option 2"]
    path = tmp_path / "two roles.csv"
    path.write_text(
        "\n".join(",".join(map(str, row)) for row in [headers, *rows]) + "\n", encoding="utf-8"
    )
    dialog = _open(qtbot, pilot_window, path)
    assert dialog.mapping()[3] is F.OTHER
    assert dialog.mapping()[4] is F.OTHER
    for column in (3, 4):
        why = _why(dialog, column)
        assert why.startswith("Might be role (answers are Mentor/Mentee")
        assert "not applied" in why
    assert dialog.ui.default_role.isEnabled()  # no column gives the role
    _preview(qtbot, dialog)
    assert dialog.preview is not None
    assert dialog.preview.to_add == 0

    dialog.ui.back_button.click()
    _choose(dialog, 3, F.ROLE)
    assert dialog.mapping()[3] is F.ROLE
    assert dialog.mapping()[4] is F.OTHER
    assert _why(dialog, 3) == "Chosen by you."
    assert "The role is read from column D." in _why(dialog, 4)
    _preview(qtbot, dialog)
    assert dialog.preview is not None
    assert dialog.preview.to_add == len(rows)


def test_strand_answers_written_before_the_strands_had_names_are_mapped_once_and_saved(
    qtbot: QtBot, pilot_window: MainWindow, programme_file: ProgrammeFile, tmp_path: Path
) -> None:
    path = tmp_path / "Mentoring application (Responses) - Form responses 1.csv"
    export = form_exports.write_google_forms(path, strands=EARLY_STRANDS)
    dialog = _open(qtbot, pilot_window, export.path)
    strand = export.column(F.STRAND)
    _choose(dialog, strand, F.STRAND)
    values = dialog.values
    assert dialog.ui.value_map_box.isVisible()
    assert [a.text for a in values.answers] == sorted(
        EARLY_STRANDS.values(), key=lambda text: -sum(1 for a in export.answers
                                                      if a.cells[strand] == text)
    )  # fmt: skip
    assert "2 answers name no strand of “Pilot 2026”" in dialog.ui.value_map_help.text()
    _preview(qtbot, dialog)
    assert dialog.preview is not None
    assert len(dialog.preview.rejected) == len(export.answers)  # not mapped: rejected

    dialog.ui.back_button.click()
    for answer, combo in zip(values.answers, values.combos, strict=True):
        assert combo.currentText() == NOT_MAPPED
        meant = next(name for name, said in EARLY_STRANDS.items() if said == answer.text)
        combo.setCurrentText(meant)
    with qtbot.waitSignal(dialog.mapping_saved, timeout=5000):
        dialog.save_mapping_as("Google form, spring")
    _preview(qtbot, dialog)
    assert dialog.preview is not None
    assert dialog.preview.rejected == []
    _import(qtbot, pilot_window, dialog)
    assert dialog.summary is not None
    assert dialog.summary.added == len(export.kept)

    with programme_file.session() as session:
        (saved,) = saved_mappings(session)
        rows = applicant_rows(session, dialog.programme.id)
    assert saved.value_map == {
        F.STRAND: {normalise(said): name for name, said in EARLY_STRANDS.items()}
    }
    strands = {row.email.casefold(): row.strand for row in rows}
    assert strands == {a.applicant.email.casefold(): a.applicant.strand for a in export.kept}
    dialog.ui.close_button.click()

    # The next export of the same form: the saved mapping knows the column and the answers.
    again = _open(qtbot, pilot_window, export.path)
    again.ui.saved_mapping.setCurrentText("Google form, spring")
    assert again.mapping()[strand] is F.STRAND
    assert [c.currentText() for c in again.values.combos] == [
        next(name for name, said in EARLY_STRANDS.items() if said == a.text)
        for a in again.values.answers
    ]
    assert "saved mapping “Google form, spring”" in _why(again, strand)
    again.reject()


def _imported_forms_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> tuple[FormExport, ImportDialog]:
    export = form_exports.write_microsoft_forms(tmp_path / "Mentoring application(1-55).xlsx")
    dialog = _open(qtbot, window, export.path)
    _preview(qtbot, dialog)
    _import(qtbot, window, dialog)
    return export, dialog


def test_the_preview_shows_what_a_row_becomes_with_its_other_answers(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    export = form_exports.write_microsoft_forms(tmp_path / "Mentoring application(1-55).xlsx")
    dialog = _open(qtbot, pilot_window, export.path)
    _preview(qtbot, dialog)
    model = dialog.preview_model
    chosen = next(a for a in export.kept if a.applicant.heard_from and a.applicant.events)
    row = next(
        r
        for r in range(model.rowCount())
        if model.row_at(r).person is not None
        and model.row_at(r).person.email.casefold() == chosen.applicant.email.casefold()
    )
    cell = model.index(row, model.OTHER)
    assert chosen.applicant.heard_from in cell.data()
    assert f"{HEARD}: {chosen.applicant.heard_from}" in cell.data(3)  # its tooltip
    dialog.ui.preview_table.selectRow(row)
    detail = dialog.ui.row_detail.toPlainText()
    assert f"{HEARD}\n{chosen.applicant.heard_from}" in detail
    assert chosen.applicant.availability in detail
    assert "Other answers (" in detail


def test_after_an_import_the_panel_shows_other_answers_and_the_search_finds_them(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    export, dialog = _imported_forms_export(qtbot, pilot_window, tmp_path)
    dialog.ui.close_button.click()
    tab = _applicants_tab(pilot_window)
    assert tab.model.rowCount() == len(export.kept)

    tab.search.setText("newsletter")
    shown = {
        tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).email.casefold()
        for r in range(tab.proxy.rowCount())
    }
    wanted = {
        a.applicant.email.casefold() for a in export.kept if "newsletter" in a.applicant.heard_from
    }
    assert shown == wanted
    assert 0 < len(wanted) < len(export.kept)

    tab.search.clear()
    chosen = next(a.applicant for a in export.kept if "newsletter" in a.applicant.heard_from)
    row = next(
        r
        for r in range(tab.proxy.rowCount())
        if tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).email.casefold()
        == chosen.email.casefold()
    )
    with qtbot.waitSignal(tab.detail_shown, timeout=5000):
        tab.view.selectRow(row)
    text = tab.panel.toPlainText()
    assert f"{HEARD}\n{chosen.heard_from}" in text
    assert " ".join(f"Availability {chosen.availability}".split()) in " ".join(text.split())


def test_the_dialog_opens_at_the_size_it_was_left(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    export = form_exports.write_microsoft_forms(tmp_path / "Mentoring application(1-55).xlsx")
    first = _open(qtbot, pilot_window, export.path)
    screen = pilot_window.screen().availableGeometry().size()
    assert first.size() == first_size(screen)
    left = QSize(first.width() + 30, first.height() + 20)  # the test screen is 800×600
    first.resize(left)
    first.reject()
    qtbot.waitUntil(lambda: pilot_window.import_dialog is None, timeout=5000)

    again = _open(qtbot, pilot_window, export.path)
    assert again.size() == left
    select_value(again.ui.default_role, Role.MENTOR)  # the page still works as before
    again.reject()
