"""Programme ▸ Alumni… ▸ Prepare invitations to come back…: one draft per alumnus chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QPushButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import Role
from mentordesk.formats.ical import Person
from mentordesk.gui.alumni_dialog import AlumniDialog, alumni_listing
from mentordesk.gui.calendar_export import remember_organiser
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.messages.targets import TargetKind
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.programme_copy import AlumnusRow, alumni, copy_programme
from mentordesk.services.programmes import programme_settings
from mentordesk.store.programme_file import ProgrammeFile

from .test_messages_drafts import prepare, read_eml

NEXT_YEAR = "ADVANCE 2027"


def _next_year(demo_file: ProgrammeFile, demo_programme_id: int) -> tuple[int, list[AlumnusRow]]:
    """Copy the demo to next year; one of last year's mentors has applied to it already."""
    with demo_file.session() as session:
        copy_id = copy_programme(session, demo_programme_id, NEXT_YEAR)
        rows = alumni(session, copy_id)
        strand_id = programme_settings(session, copy_id).strands[0].id
        applied = next(r for r in rows if r.role is Role.MENTOR)
        assert strand_id is not None
        add_application(session, applied.person_id, ApplicationInput(strand_id, Role.MENTOR))
    return copy_id, rows


def _alumni_dialog(qtbot: QtBot, demo_file: ProgrammeFile, copy_id: int) -> AlumniDialog:
    dialog = AlumniDialog(None, demo_file, copy_id, NEXT_YEAR)
    qtbot.addWidget(dialog)
    with demo_file.session() as session:
        dialog.show_rows(alumni_listing(session, copy_id))
    dialog.show()
    return dialog


def _outcome(dialog_tree_item: QTreeWidgetItem) -> list[str]:
    return [dialog_tree_item.child(i).text(0) for i in range(dialog_tree_item.childCount())]


def test_invitations_back_are_drafted_for_the_mentors_and_a_mentee_chosen_by_hand(
    qtbot: QtBot, demo_file: ProgrammeFile, demo_programme_id: int, tmp_path: Path
) -> None:
    copy_id, rows = _next_year(demo_file, demo_programme_id)
    applied = next(r for r in rows if r.role is Role.MENTOR)
    remember_organiser(Person("Dana Lead", "dana.lead@example.org"))
    dialog = _alumni_dialog(qtbot, demo_file, copy_id)
    assert not dialog.invite_button.isEnabled()  # nobody chosen yet
    assert "Select people" in dialog.invite_button.toolTip()

    dialog.select_mentors()
    mentee = next(r for r in rows if r.role is Role.MENTEE)
    line = next(
        row
        for row in range(dialog.table.rowCount())
        if dialog._cell(row, AlumniDialog.NAME).data(Qt.ItemDataRole.UserRole) == mentee.person_id
    )
    dialog.table.selectionModel().select(
        dialog.table.model().index(line, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = dialog.selected_people()
    mentors = {r.person_id for r in rows if r.role is Role.MENTOR}
    assert set(chosen) == mentors | {mentee.person_id}
    assert dialog.invite_button.isEnabled()

    drafts = dialog.prepare_invitations()
    assert drafts is not None
    qtbot.waitUntil(drafts.isVisible)
    assert drafts.target.kind is TargetKind.ALUMNI
    assert drafts.template_choice.count() == 1
    assert drafts.template_choice.currentText() == "Invitation back"
    assert drafts.chosen_sender() == ("Dana Lead", "dana.lead@example.org")

    folder = tmp_path / "invitations"
    result = prepare(qtbot, drafts, folder)

    # Who applied already is left out, and the dialog says so in words.
    assert result.skipped == [f"{applied.name}: has applied to {NEXT_YEAR} already"]
    left_out = drafts.outcome.topLevelItem(0)
    assert left_out is not None
    assert left_out.text(0) == "Left out (1)"
    assert _outcome(left_out) == result.skipped
    written = len(result.written)
    assert dialog.status.text() == (
        f"{written} invitations prepared; 1 left out (the drafts dialog says why)."
    )

    invited = {r.email: r for r in rows if r.person_id in set(chosen) - {applied.person_id}}
    files = sorted(folder.glob("*.eml"))
    assert sorted(result.written) == files
    assert len(files) == len(invited)
    for path in files:
        message = read_eml(path)
        assert message["X-Unsent"] == "1"
        assert message["Subject"] == f"Would you mentor again in {NEXT_YEAR}?"
        (sender,) = message["From"].addresses
        assert (sender.display_name, sender.addr_spec) == ("Dana Lead", "dana.lead@example.org")
        (to,) = message["To"].addresses
        row = invited.pop(to.addr_spec)
        body = message.get_body(("plain",))
        assert body is not None
        text = body.get_content()
        assert text.startswith(f"Dear {row.name.split()[0]},")
        assert "Would you mentor again?" in text
        assert "Dana Lead" in text
    assert invited == {}  # each one invited once
    drafts.accept()
    dialog.close()


def test_the_communication_log_opens_from_the_invitations_written(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    shown = demo_window.programme()
    assert shown is not None
    with demo_file.session() as session:
        copy_id = copy_programme(session, shown.id, NEXT_YEAR)
    with qtbot.waitSignal(demo_window.programme_shown, timeout=10_000):
        demo_window.load_programmes(copy_id)
    demo_window.alumni_action.trigger()
    dialog = demo_window.findChild(AlumniDialog)
    assert isinstance(dialog, AlumniDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    dialog.select_mentors()
    drafts = dialog.prepare_invitations()
    assert drafts is not None
    result = prepare(qtbot, drafts, tmp_path / "invitations")
    assert result.written
    qtbot.mouseClick(drafts.findChild(QPushButton, "show_log_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo_window.messages.log is not None, timeout=10_000)
    assert not dialog.isVisible()  # the list gave way to the log
    demo_window.messages.release()
