"""Programme ▸ Organisations…: spellings grouped, merged into a name and merges undone."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.ops import run_op
from mentordesk.gui.organisations_dialog import ALIKE, MERGED, MergeDialog, OrganisationsDialog
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant, add_person
from mentordesk.services.programmes import strand_choices
from mentordesk.store.models import OrganisationName
from mentordesk.store.programme_file import ProgrammeFile

from .worker_helpers import wait_for_queued_work

LIST_FULL = "Luxembourg Institute of Science and Technology"


@pytest.fixture
def organisations(programme_file: ProgrammeFile, programme_id: int) -> None:
    """Five applicants to the Pilot writing LIST three ways and Luxembourg's university two.

    Someone who applied to nothing types "CERN".
    """
    with programme_file.session() as s:
        strand = strand_choices(s, programme_id)[0].id
        for number, organisation in enumerate(
            [
                f"{LIST_FULL} (LIST)",
                LIST_FULL,
                "LIST",
                "University of Luxembourg",
                "Université du Luxembourg",
            ]
        ):
            add_applicant(
                s,
                PersonInput("Test", f"Person {number}", f"p{number}@example.org", organisation),
                ApplicationInput(strand, Role.MENTEE, ApplicationStatus.RECEIVED),
            )
        add_person(s, PersonInput("Test", "Outsider", "out@example.org", "CERN"))


@pytest.fixture
def dialog(
    qtbot: QtBot, pilot_window: MainWindow, organisations: None
) -> Iterator[OrganisationsDialog]:
    """The Organisations list opened from the window, loaded."""
    pilot_window.open_organisations()
    opened = pilot_window.findChild(OrganisationsDialog)
    assert opened is not None
    qtbot.waitUntil(lambda: opened.tree.topLevelItemCount() > 0, timeout=10_000)
    yield opened
    opened.close()


def _shown(dialog: OrganisationsDialog) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    return [
        (
            top.text(dialog.NAME),
            top.text(dialog.PEOPLE),
            [
                (c.text(dialog.NAME), c.text(dialog.PEOPLE), c.text(dialog.HOW))
                for c in dialog.spelling_rows(top)
            ],
        )
        for top in dialog.organisation_rows()
        if not top.isHidden()
    ]


def _select(dialog: OrganisationsDialog, *spellings: str) -> None:
    dialog.tree.clearSelection()
    for top in dialog.organisation_rows():
        for row in dialog.spelling_rows(top):
            if row.text(dialog.NAME) in spellings:
                row.setSelected(True)


def test_the_programmes_organisations_are_listed_with_their_spellings(
    dialog: OrganisationsDialog,
) -> None:
    assert _shown(dialog) == [
        (
            LIST_FULL,
            "3",
            [
                ("LIST", "1", ALIKE),
                (LIST_FULL, "1", ALIKE),
                (f"{LIST_FULL} (LIST)", "1", ALIKE),
            ],
        ),
        ("Université du Luxembourg", "1", [("Université du Luxembourg", "1", ALIKE)]),
        ("University of Luxembourg", "1", [("University of Luxembourg", "1", ALIKE)]),
    ]
    assert dialog.count.text() == "3 organisations, 5 people"
    assert not dialog.merge_button.isEnabled()
    assert not dialog.unmerge_button.isEnabled()


def test_spellings_are_merged_into_a_name_and_the_merge_undone(
    qtbot: QtBot,
    dialog: OrganisationsDialog,
    pilot_window: MainWindow,
    programme_file: ProgrammeFile,
) -> None:
    _select(dialog, "Université du Luxembourg")
    assert dialog.merge_button.isEnabled()
    assert not dialog.unmerge_button.isEnabled()
    dialog.merge_button.click()
    asked = dialog.findChild(MergeDialog)
    assert asked is not None
    assert asked.name.itemText(0) == "Université du Luxembourg"  # the selected one first
    ok = asked.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    asked.name.setEditText("  ")
    assert not ok.isEnabled()
    asked.name.setEditText("University of Luxembourg")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        asked.accept()
    assert _shown(dialog)[1] == (
        "University of Luxembourg",
        "2",
        [("Université du Luxembourg", "1", MERGED), ("University of Luxembourg", "1", ALIKE)],
    )
    assert pilot_window.statusBar().currentMessage() == (
        "1 spelling now counted as University of Luxembourg"
    )
    with programme_file.session() as s:
        assert [
            tuple(r) for r in s.execute(select(OrganisationName.variant, OrganisationName.name))
        ] == [("Université du Luxembourg", "University of Luxembourg")]

    _select(dialog, "Université du Luxembourg", "University of Luxembourg")
    assert dialog.selected_merged() == ["Université du Luxembourg"]
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.unmerge_button.click()
    assert [name for name, _people, _spellings in _shown(dialog)] == [
        LIST_FULL,
        "Université du Luxembourg",
        "University of Luxembourg",
    ]
    with programme_file.session() as s:
        assert s.scalars(select(OrganisationName)).all() == []


def test_selecting_an_organisation_merges_all_its_spellings(
    qtbot: QtBot, dialog: OrganisationsDialog
) -> None:
    dialog.organisation_rows()[0].setSelected(True)
    assert dialog.selected_spellings() == ["LIST", LIST_FULL, f"{LIST_FULL} (LIST)"]
    asked = dialog.ask_merge()
    assert asked is not None
    asked.name.setEditText("LIST")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        asked.accept()
    assert _shown(dialog)[0][:2] == ("LIST", "3")
    assert {how for _text, _people, how in _shown(dialog)[0][2]} == {MERGED, ALIKE}


def test_the_whole_file_and_a_search_narrow_or_widen_the_list(
    qtbot: QtBot, dialog: OrganisationsDialog
) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.scope.setCurrentIndex(dialog.scope.findText("Everyone in the file"))
    assert "CERN" in [name for name, _people, _spellings in _shown(dialog)]
    qtbot.keyClicks(dialog.search, "list")
    assert [name for name, _people, _spellings in _shown(dialog)] == [LIST_FULL]
    dialog.search.clear()
    assert len(_shown(dialog)) == 4


def test_closing_the_list_before_it_has_loaded_leaves_its_answer_unshown(
    qtbot: QtBot, pilot_window: MainWindow, organisations: None
) -> None:
    # Hold the worker so that the list is surely closed, and deleted, before its answer comes.
    gate = threading.Event()
    run_op(pilot_window.programme_file, lambda _session: gate.wait(10), parent=None)
    pilot_window.open_organisations()
    opened = pilot_window.findChild(OrganisationsDialog)
    assert opened is not None
    loads: list[object] = []
    opened.loaded.connect(lambda: loads.append(True))
    opened.close()
    qtbot.waitUntil(lambda: not isValid(opened), timeout=5000)
    gate.set()
    wait_for_queued_work(qtbot)
    assert loads == []
    assert pilot_window.findChild(OrganisationsDialog) is None
