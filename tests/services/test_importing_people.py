"""An import's career stages (read against the programme's list, else guessed) and line managers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.formats.column_guess import recognise_columns
from mentordesk.formats.tables import SheetTable
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
    applicant_rows,
)
from mentordesk.services.career_stages import set_stages, stage_problems
from mentordesk.services.import_report import column_choices, column_report, late_line, stage_lines
from mentordesk.services.importing import (
    ExistingPerson,
    ImportPlan,
    ImportSummary,
    RowAction,
    apply_import,
    preview_import,
)
from mentordesk.services.other_answers import other_answers_of
from mentordesk.store.models import Application, Person, Programme
from mentordesk.store.programme_file import ProgrammeFile

HEADERS = ("Name", "Email", "Position", "Career stage", "Line manager", "Submitted")
MAPPING = {
    0: F.FULL_NAME,
    1: F.EMAIL,
    2: F.POSITION,
    3: F.STAGE,
    4: F.LINE_MANAGER,
    5: F.SUBMITTED_ON,
}


def table(*rows: tuple[object, ...], headers: tuple[str, ...] = HEADERS) -> SheetTable:
    """A form's rows under ``headers``, as read_table gives them."""
    return SheetTable(
        source="form.xlsx",
        sheet="Form1",
        header_row=1,
        headers=headers,
        rows=tuple(tuple(r) for r in rows),
        row_numbers=tuple(range(2, len(rows) + 2)),
    )


#: The strand every row applies to (set by the ``academic`` fixture).
FELLOWS: list[int] = []


def plan(rows: SheetTable, mapping: dict[int, F] = MAPPING, **options: object) -> ImportPlan:
    """Every row a mentee of Fellows."""
    return ImportPlan(
        rows,
        mapping,
        default_role=Role.MENTEE,
        default_strand_id=FELLOWS[-1],
        **options,  # type: ignore[arg-type]
    )


def run(programme_file: ProgrammeFile, programme_id: int, import_plan: ImportPlan) -> ImportSummary:
    with programme_file.session() as session:
        return apply_import(session, programme_id, import_plan)


def people(programme_file: ProgrammeFile) -> dict[str, tuple[str, bool, str]]:
    """Each person's stage, whether it is a guess, and their line manager's email, by email."""
    with programme_file.session() as session:
        return {
            p.email: (p.stage, p.stage_guessed, p.line_manager.email if p.line_manager else "")
            for p in session.scalars(select(Person))
        }


@pytest.fixture
def academic(programme_file: ProgrammeFile, programme_id: int, strands: dict[str, int]) -> int:
    """Pilot 2026 on the academic career stages; the rows apply to Fellows."""
    with programme_file.session() as session:
        set_stages(session, programme_id, ACADEMIC_STAGES)
    FELLOWS.append(strands["Fellows"])
    return programme_id


def test_a_stage_column_is_read_against_the_programmes_list_and_the_rest_guessed(
    programme_file: ProgrammeFile, academic: int
) -> None:
    rows = table(
        ("Ada Lovelace", "ada@x.example", "Research fellow", "postdoctoral RESEARCHER", "", None),
        ("Bo Chen", "bo@x.example", "Beekeeper", "Band Z", "", None),
        ("Cy Diaz", "cy@x.example", "PhD student in physics", "", "", None),
        ("Di Egan", "di@x.example", "Doktorandin", None, "", None),
        ("Ed Fox", "ed@x.example", "Gardener", "", "", None),
    )

    summary = run(programme_file, academic, plan(rows))

    assert summary.added == 5
    assert people(programme_file) == {
        "ada@x.example": ("Postdoctoral researcher", False, ""),
        "bo@x.example": ("Band Z", False, ""),
        "cy@x.example": ("Doctoral candidate", True, ""),
        "di@x.example": ("Doctoral candidate", True, ""),
        "ed@x.example": ("", False, ""),
    }
    assert stage_lines(summary.stages) == [
        "2 career stages were guessed from positions; confirm them in Programme ▸ Career "
        "stages or with `mentordesk-cli programme stages`.",
        "No career stage of the programme's list fits the position of 1 person, so their stage "
        "is unknown: “Gardener” (1 person). Set each with `mentordesk-cli person set EMAIL --stage "
        "NAME`, or add the wording to a stage in Programme ▸ Career stages.",
        "1 stage is not in the programme's list: “Band Z” (1 person); kept as typed. Add it "
        "to the list in Programme ▸ Career stages, or set each person's stage with "
        "`mentordesk-cli person set EMAIL --stage NAME`.",
    ]
    # The window says the same, pointing at its own places rather than at a command.
    assert stage_lines(summary.stages, for_window=True) == [
        "2 career stages were guessed from positions; confirm them in Programme ▸ Career stages.",
        "No career stage of the programme's list fits the position of 1 person, so their stage "
        "is unknown: “Gardener” (1 person). Set each in their applicant form (Applicants tab), "
        "or add the wording to a stage in Programme ▸ Career stages.",
        "1 stage is not in the programme's list: “Band Z” (1 person); kept as typed. Add it "
        "to the list in Programme ▸ Career stages, or set each person's stage in their "
        "applicant form (Applicants tab).",
    ]


def test_the_guessed_stages_counted_are_those_the_programme_lists_afterwards(
    programme_file: ProgrammeFile, academic: int
) -> None:
    with programme_file.session() as session:
        # Accepted as a mentor before: declined as a mentee, they are still listed.
        bo = add_person(session, PersonInput("Bo", "Chen", "bo@x.example"))
        add_application(
            session, bo, ApplicationInput(FELLOWS[-1], Role.MENTOR, ApplicationStatus.ACCEPTED)
        )
    rows = table(
        ("Ada Lovelace", "ada@x.example", "Postdoc", "Accepted"),
        ("Bo Chen", "bo@x.example", "PhD student", "Declined"),
        ("Cy Diaz", "cy@x.example", "Doktorandin", "Declined"),
        ("Di Egan", "di@x.example", "Lecturer", "Withdrawn"),
        ("Ed Fox", "ed@x.example", "Gardener", "Declined"),
        headers=("Name", "Email", "Position", "Status"),
    )
    mapping = {0: F.FULL_NAME, 1: F.EMAIL, 2: F.POSITION, 3: F.STATUS}

    summary = run(
        programme_file,
        academic,
        plan(rows, mapping, existing=ExistingPerson.UPDATE, value_map={F.STATUS: {}}),
    )

    with programme_file.session() as session:
        listed = stage_problems(session, academic)
    assert sorted(name for _, name, _, _ in listed.guessed) == ["Ada Lovelace", "Bo Chen"]
    assert listed.unknown == []
    # The import says the same: Ada and Bo; Cy and Di apart; Ed's position not at all.
    assert (summary.stages.guessed, summary.stages.guessed_left_out) == (2, 2)
    assert summary.stages.unplaced == {}
    assert stage_lines(summary.stages) == [
        "2 career stages were guessed from positions; confirm them in Programme ▸ Career "
        "stages or with `mentordesk-cli programme stages`.",
        "2 career stages of applicants declined or withdrawn were guessed as well; they are not "
        "listed with the stages to confirm.",
    ]
    # Their guesses are kept all the same, for whoever takes them on later.
    assert people(programme_file)["cy@x.example"] == ("Doctoral candidate", True, "")


def test_without_a_stage_column_every_stage_is_guessed_and_a_confirmed_one_is_kept(
    programme_file: ProgrammeFile, academic: int
) -> None:
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@x.example", stage="Full professor"))
    rows = table(
        ("Ada Lovelace", "ada@x.example", "Postdoc"),
        ("Bo Chen", "bo@x.example", "Assistant Professor of Law"),
        headers=("Name", "Email", "Position"),
    )

    summary = run(programme_file, academic, plan(rows, {0: F.FULL_NAME, 1: F.EMAIL, 2: F.POSITION}))

    assert (summary.added, summary.stages.guessed) == (2, 1)
    assert people(programme_file) == {
        "ada@x.example": ("Full professor", False, ""),  # typed by hand before: kept
        "bo@x.example": ("Assistant professor", True, ""),
    }


def test_line_managers_are_found_by_email_or_a_name_one_person_has(
    programme_file: ProgrammeFile, academic: int
) -> None:
    with programme_file.session() as session:
        for first, last, email in (
            ("Alan", "Turing", "alan@x.example"),
            ("Sam", "Smith", "sam1@x.example"),
            ("Sam", "Smith", "sam2@x.example"),
        ):
            add_person(session, PersonInput(first, last, email))
    rows = table(
        # Grace is further down: a manager may be anyone the import adds.
        ("Ada Lovelace", "ada@x.example", "", "", "GRACE@x.example", None),
        ("Grace Hopper", "grace@x.example", "", "", "alan turing", None),
        ("Bo Chen", "bo@x.example", "", "", "nobody@x.example", None),
        ("Cy Diaz", "cy@x.example", "", "", "Sam Smith", None),
        ("Di Egan", "di@x.example", "", "", "Zed Unknown", None),
    )

    with programme_file.session() as session:
        checked = preview_import(session, academic, plan(rows))
    assert [r.action for r in checked.rows] == [RowAction.ADD] * 5
    assert [r.notices for r in checked.rows] == [
        [],
        [],
        [
            "Line manager: “nobody@x.example” is neither in this file nor in this import; the "
            "answer is kept as the other answer “Line manager”"
        ],
        [
            "Line manager: 2 people in this file or this import are called “Sam Smith”: give "
            "the line manager's email; the answer is kept as the other answer “Line manager”"
        ],
        [
            "Line manager: nobody in this file or this import is called “Zed Unknown”: give the "
            "line manager's email; the answer is kept as the other answer “Line manager”"
        ],
    ]
    summary = run(programme_file, academic, plan(rows))

    assert checked.line_managers == summary.line_managers == 2
    managers = {email: manager for email, (_, _, manager) in people(programme_file).items()}
    assert managers["ada@x.example"] == "grace@x.example"
    assert managers["grace@x.example"] == "alan@x.example"
    assert managers["bo@x.example"] == managers["cy@x.example"] == managers["di@x.example"] == ""
    with programme_file.session() as session:
        bo = session.scalars(select(Application).join(Person).where(Person.email == "bo@x.example"))
        kept = other_answers_of(session, bo.one().id)
    assert [(a.question, a.answer) for a in kept] == [("Line manager", "nobody@x.example")]


def test_a_line_manager_closing_a_loop_is_refused_for_that_row_only(
    programme_file: ProgrammeFile, academic: int
) -> None:
    with programme_file.session() as session:
        boss = add_person(session, PersonInput("Alan", "Turing", "alan@x.example"))
        add_person(
            session, PersonInput("Grace", "Hopper", "grace@x.example", line_manager_email="")
        )
        session.get_one(Person, boss).line_manager_id = session.scalars(
            select(Person.id).where(Person.email == "grace@x.example")
        ).one()
    rows = table(
        ("Ada Lovelace", "ada@x.example", "", "", "bo@x.example", None),
        ("Bo Chen", "bo@x.example", "", "", "ada@x.example", None),
        ("Grace Hopper", "grace@x.example", "", "", "alan@x.example", None),
        ("Cy Diaz", "cy@x.example", "", "", "cy@x.example", None),
    )

    summary = run(programme_file, academic, plan(rows))

    assert (summary.added, summary.line_managers) == (4, 1)
    managers = {email: manager for email, (_, _, manager) in people(programme_file).items()}
    assert (managers["ada@x.example"], managers["bo@x.example"]) == ("bo@x.example", "")
    assert managers["grace@x.example"] == managers["cy@x.example"] == ""
    assert managers["alan@x.example"] == "grace@x.example"
    with programme_file.session() as session:
        checked = preview_import(session, academic, plan(rows))
    # Imported again, Ada keeps Bo; Bo still cannot report to Ada.
    assert checked.rows[1].notices == [
        "Line manager: Ada Lovelace already reports to Bo Chen, directly or up the line, so "
        "cannot be Bo Chen's line manager: a reporting line cannot go round in a loop; the "
        "answer is kept as the other answer “Line manager”"
    ]
    assert checked.rows[3].notices == [
        "Line manager: Cy Diaz cannot be their own line manager; the answer is kept as the "
        "other answer “Line manager”"
    ]


def test_a_new_line_manager_alone_updates_someone_already_imported(
    programme_file: ProgrammeFile, academic: int
) -> None:
    first = table(
        ("Ada Lovelace", "ada@x.example", "Postdoc", "", "", None),
        ("Grace Hopper", "grace@x.example", "Professor", "", "", None),
    )
    run(programme_file, academic, plan(first))
    again = table(
        ("Ada Lovelace", "ada@x.example", "Postdoc", "", "grace@x.example", None),
        ("Grace Hopper", "grace@x.example", "Professor", "", "", None),
    )

    with programme_file.session() as session:
        checked = preview_import(session, academic, plan(again, existing=ExistingPerson.UPDATE))
    summary = run(programme_file, academic, plan(again, existing=ExistingPerson.UPDATE))

    assert (summary.updated, summary.skipped, summary.line_managers) == (1, 1, 1)
    assert checked.line_managers == 1
    assert people(programme_file)["ada@x.example"][2] == "grace@x.example"


def test_applications_after_the_deadline_are_imported_and_marked_late(
    programme_file: ProgrammeFile, academic: int
) -> None:
    with programme_file.session() as session:
        session.get_one(Programme, academic).applications_close_on = dt.date(2026, 11, 30)
    rows = table(
        ("Ada Lovelace", "ada@x.example", "", "", "", dt.datetime(2026, 11, 30, 23, 59)),
        ("Bo Chen", "bo@x.example", "", "", "", dt.datetime(2026, 12, 1, 0, 5)),
        ("Cy Diaz", "cy@x.example", "", "", "", dt.date(2026, 12, 7)),
        ("Di Egan", "di@x.example", "", "", "", None),
    )

    summary = run(programme_file, academic, plan(rows))

    assert (summary.added, summary.late, len(summary.rejected)) == (4, 2, 0)
    assert late_line(summary.late, summary.closes_on) == (
        "2 applications arrived after applications closed on 30 November 2026: they were "
        "imported and marked late, not refused."
    )
    with programme_file.session() as session:
        late = {r.email: r.late for r in applicant_rows(session, academic)}
    assert late == {
        "ada@x.example": False,
        "bo@x.example": True,
        "cy@x.example": True,
        "di@x.example": False,
    }


def test_the_preview_counts_each_person_linked_to_a_manager_once(
    programme_file: ProgrammeFile, academic: int
) -> None:
    headers = (*HEADERS, "Role")
    rows = table(
        # Ada applies both as a mentor and as a mentee: she is linked once.
        ("Ada Lovelace", "ada@x.example", "", "", "grace@x.example", None, "Mentor"),
        ("Ada Lovelace", "ada@x.example", "", "", "grace@x.example", None, "Mentee"),
        ("Grace Hopper", "grace@x.example", "", "", "", None, "Mentor"),
        ("", "bo@x.example", "", "", "grace@x.example", None, "Mentee"),  # no name: rejected
        headers=headers,
    )
    both = plan(rows, {**MAPPING, 6: F.ROLE})

    with programme_file.session() as session:
        checked = preview_import(session, academic, both)
    summary = run(programme_file, academic, both)

    assert [r.action for r in checked.rows][-1] is RowAction.REJECT
    assert checked.line_managers == summary.line_managers == 1


def test_a_line_manager_named_with_a_title_is_found_and_a_rejected_one_is_said(
    programme_file: ProgrammeFile, academic: int
) -> None:
    rows = table(
        ("Li Ng", "li@x.example", "", "", "Prof. Mark Owen", None),
        ("Mark Owen", "m.owen@x.example", "", "", "", None),
        ("Dr. Anna Weber", "anna@x.example", "", "", "", None),
        ("Marco Rossi", "marco@x.example", "", "", "ANNA WÉBER", None),
        ("", "jan@x.example", "", "", "", None),  # no name: rejected
        ("Julie Martin", "julie@x.example", "", "", "jan@x.example", None),
        ("Kate Evans", "kate@x.example", "", "", "Herr Dr. Nobody Here", None),
    )

    with programme_file.session() as session:
        checked = preview_import(session, academic, plan(rows))
    summary = run(programme_file, academic, plan(rows))

    assert checked.rows[4].action is RowAction.REJECT
    assert checked.rows[5].notices == [
        "Line manager: “jan@x.example” is in this import but their own row was rejected (row 6: "
        "Name: missing; a first or a last name is needed): fix that row and import again; the "
        "answer is kept as the other answer “Line manager”"
    ]
    assert checked.rows[6].notices == [
        "Line manager: nobody in this file or this import is called “Herr Dr. Nobody Here”: "
        "give the line manager's email; the answer is kept as the other answer “Line manager”"
    ]
    assert summary.line_managers == 2
    managers = {email: manager for email, (_, _, manager) in people(programme_file).items()}
    assert managers["li@x.example"] == "m.owen@x.example"
    assert managers["marco@x.example"] == "anna@x.example"
    assert managers["julie@x.example"] == managers["kate@x.example"] == ""


def test_a_manager_named_whose_own_row_is_rejected_is_said_by_name_too(
    programme_file: ProgrammeFile, academic: int
) -> None:
    headers = (*HEADERS, "Role")
    rows = table(
        ("Olav Berg", "olav@x.example", "", "", "", None, "Astronaut"),  # no role: rejected
        ("Nadia Haddad", "nadia@x.example", "", "", "Dr Olav Berg", None, "Mentee"),
        headers=headers,
    )

    with programme_file.session() as session:
        checked = preview_import(session, academic, plan(rows, {**MAPPING, 6: F.ROLE}))

    assert checked.rows[0].action is RowAction.REJECT
    (notice,) = checked.rows[1].notices
    assert notice.startswith(
        "Line manager: “Dr Olav Berg” is in this import but their own row was rejected (row 2: "
    )


def test_one_column_for_both_roles_keeps_each_answer_in_the_field_of_its_role(
    programme_file: ProgrammeFile, academic: int
) -> None:
    headers = ("Name", "Email", "Role", "Areas where I would like support / can offer support")
    rows = table(
        ("Marie Schmit", "marie@x.example", "Mentor", "grant writing, leadership"),
        ("Anna Müller", "anna@x.example", "Mentee", "grant writing"),
        ("Bo Chen", "bo@x.example", "Mentee", ""),
        headers=headers,
    )
    areas = {0: F.FULL_NAME, 1: F.EMAIL, 2: F.ROLE, 3: F.EXPERTISE}

    run(programme_file, academic, plan(rows, areas))

    with programme_file.session() as session:
        held = {
            p.email: (p.expertise, a.development_needs)
            for a, p in session.execute(select(Application, Person).join(Person))
        }
    assert held == {
        "marie@x.example": ("grant writing, leadership", ""),
        "anna@x.example": ("", "grant writing"),
        "bo@x.example": ("", ""),
    }
    # Read the other way round: a needs column puts a mentor's answer in their expertise.
    needs = {**areas, 3: F.DEVELOPMENT_NEEDS}
    again = table(
        ("Marie Schmit", "marie@x.example", "Mentor", "Leadership"),
        ("Cy Diaz", "cy@x.example", "Mentee", "Networking"),
        headers=headers,
    )
    run(programme_file, academic, plan(again, needs))
    with programme_file.session() as session:
        marie = session.scalars(select(Person).where(Person.email == "marie@x.example")).one()
        assert marie.expertise == "Leadership"
        cy = session.scalars(select(Application).join(Person).where(Person.email == "cy@x.example"))
        assert cy.one().development_needs == "Networking"


def test_the_column_report_says_a_shared_column_keeps_each_role_apart() -> None:
    headers = ("Name", "Email", "Role", "Areas")
    both = table(
        ("Ana", "ana@x.example", "Mentor", "x"), ("Bo", "bo@x.example", "Mentee", "y"),
        headers=headers,
    )  # fmt: skip
    chosen = column_choices(
        recognise_columns(both), chosen={3: F.EXPERTISE}, chosen_reason="as --map says"
    )
    assert column_report(both, chosen)[3] == (
        "D “Areas” → Expertise (as --map says; answered by both roles: a mentee's answer is "
        "kept as their development needs)"
    )
    mentees = table(("Bo", "bo@x.example", "Mentee", "y"), headers=headers)
    alone = column_choices(recognise_columns(mentees), chosen={3: F.EXPERTISE})
    assert column_report(mentees, alone)[3] == "D “Areas” → Expertise (as chosen)"
