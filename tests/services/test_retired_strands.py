"""A retired strand takes no new application: not by the form, not by an import."""

from __future__ import annotations

import pytest

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.tables import SheetTable
from mentordesk.services.applicants import (
    ApplicationInput,
    add_application,
    applicant_rows,
    update_application,
)
from mentordesk.services.importing import ImportPlan, RowAction, apply_import, preview_import
from mentordesk.services.programmes import edit_programme, programme_settings
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

RETIRED = (
    "“Circles” is retired: it takes no new applications; restore it in Programme ▸ Settings first."
)


def _retire_circles(programme_file: ProgrammeFile, programme_id: int, *, retired: bool) -> None:
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        for strand in settings.strands:
            if strand.name == "Circles":
                strand.retired = retired
        edit_programme(s, programme_id, settings)


def _sheet(*rows: tuple[str, str, str, str]) -> SheetTable:
    return SheetTable(
        source="applications.xlsx",
        sheet="Form1",
        header_row=1,
        headers=("Name", "Email", "Which strand?", "Role"),
        rows=tuple(rows),
        row_numbers=tuple(range(2, len(rows) + 2)),
    )


MAPPING = {0: F.FULL_NAME, 1: F.EMAIL, 2: F.STRAND, 3: F.ROLE}


def test_an_application_to_a_retired_strand_is_refused_and_one_already_there_kept(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as s:
        person, newcomer = add_someone(s), add_someone(s)
        held = add_application(s, person, ApplicationInput(strands["Circles"], Role.MENTEE))
        moving = add_application(s, newcomer, ApplicationInput(strands["Fellows"], Role.MENTEE))
    _retire_circles(programme_file, programme_id, retired=True)
    with pytest.raises(InvalidInput) as refused, programme_file.session() as s:
        add_application(s, newcomer, ApplicationInput(strands["Circles"], Role.MENTOR))
    assert refused.value.message == RETIRED
    with pytest.raises(InvalidInput, match="is retired"), programme_file.session() as s:
        update_application(s, moving, ApplicationInput(strands["Circles"], Role.MENTEE))
    with programme_file.session() as s:
        # An application the strand held before it was retired can still be changed.
        update_application(s, held, ApplicationInput(strands["Circles"], Role.MENTOR))
    _retire_circles(programme_file, programme_id, retired=False)
    with programme_file.session() as s:
        add_application(s, newcomer, ApplicationInput(strands["Circles"], Role.MENTOR))
        rows = {(r.email, r.strand) for r in applicant_rows(s, programme_id)}
    assert len([r for r in rows if r[1] == "Circles"]) == 2


def test_an_import_row_naming_a_retired_strand_is_refused_in_plain_words(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    _retire_circles(programme_file, programme_id, retired=True)
    table = _sheet(
        ("Ada King", "ada@example.org", "Fellows", "Mentee"),
        ("Ben Cole", "ben@example.org", "circles", "Mentee"),
        ("Cy Dow", "cy@example.org", "Cercles", "Mentor"),
        ("Di Eve", "di@example.org", "Dancing", "Mentee"),
    )
    plan = ImportPlan(table, MAPPING, value_map={F.STRAND: {"cercles": "Circles"}})
    with programme_file.session() as s:
        preview = preview_import(s, programme_id, plan)
    actions = [row.action for row in preview.rows]
    assert actions == [RowAction.ADD, RowAction.REJECT, RowAction.REJECT, RowAction.REJECT]
    assert preview.rows[1].problems == [f"Which strand?: {RETIRED}"]
    assert preview.rows[2].problems == [f"Which strand?: {RETIRED}"]
    # An unknown strand is still said as such, listing only the strands that take applications.
    assert preview.rows[3].problems == [
        "Which strand?: “Dancing” is not a strand of this programme (its strands are Fellows)"
    ]
    with programme_file.session() as s:
        summary = apply_import(s, programme_id, plan)
        assert {r.email for r in applicant_rows(s, programme_id)} == {"ada@example.org"}
    assert summary.added == 1


def test_a_retired_default_strand_is_refused(
    programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int]
) -> None:
    _retire_circles(programme_file, programme_id, retired=True)
    table = _sheet(("Ada King", "ada@example.org", "", "Mentee"))
    plan = ImportPlan(table, MAPPING, default_strand_id=strands["Circles"])
    with pytest.raises(InvalidInput) as refused, programme_file.session() as s:
        preview_import(s, programme_id, plan)
    assert refused.value.message == RETIRED
