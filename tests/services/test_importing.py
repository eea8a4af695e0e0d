import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select, text

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.errors import Conflict, InvalidInput, NotFound
from mentordesk.formats.columns import guess_mapping
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import SheetTable
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_applicant,
    applicant_rows,
    person_input,
)
from mentordesk.services.import_mappings import (
    columns_for,
    find_mapping,
    mapping_for,
    save_mapping,
    saved_mappings,
)
from mentordesk.services.importing import (
    PROBLEM_HEADER,
    ExistingPerson,
    ImportCancelled,
    ImportPlan,
    RowAction,
    apply_import,
    preview_import,
    write_rejected_rows,
)
from mentordesk.store.models import Application, AuditEntry, Person

HEADERS = ("Name", "Email", "Strand", "Role", "Submitted", "Expertise", "Capacity")
MAPPING = {
    0: F.FULL_NAME,
    1: F.EMAIL,
    2: F.STRAND,
    3: F.ROLE,
    4: F.SUBMITTED_ON,
    5: F.EXPERTISE,
    6: F.CAPACITY,
}


def sheet(*rows, headers=HEADERS, source="applications.xlsx"):
    return SheetTable(
        source=source,
        sheet="Form1",
        header_row=1,
        headers=tuple(headers),
        rows=tuple(tuple(r) for r in rows),
        row_numbers=tuple(range(2, len(rows) + 2)),
    )


def row(name, email, strand="Fellows", role="Mentee", submitted=None, expertise=None, cap=None):
    return (name, email, strand, role, submitted, expertise, cap)


def run_import(programme_file, programme_id, table, mapping=MAPPING, **plan_options):
    with programme_file.session() as session:
        return apply_import(session, programme_id, ImportPlan(table, mapping, **plan_options))


def preview(programme_file, programme_id, table, mapping=MAPPING, **plan_options):
    with programme_file.session() as session:
        return preview_import(session, programme_id, ImportPlan(table, mapping, **plan_options))


def applicants(programme_file, programme_id):
    with programme_file.session() as session:
        return {(r.email, r.strand, r.role) for r in applicant_rows(session, programme_id)}


def test_rows_become_people_and_applications(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "Ada@Example.org ", submitted="2026-03-01"),
        row("Grace Brewster Hopper", "grace@example.org", "circles", "mentor", cap=3),
    )
    summary = run_import(programme_file, programme_id, table)

    assert (summary.added, summary.updated, summary.skipped, summary.rejected) == (2, 0, 0, [])
    with programme_file.session() as session:
        people = {p.email: p for p in session.scalars(select(Person))}
        assert set(people) == {"ada@example.org", "grace@example.org"}
        assert people["grace@example.org"].first_name == "Grace Brewster"
        assert people["grace@example.org"].last_name == "Hopper"
        grace = session.scalar(select(Application).where(Application.role == Role.MENTOR))
        assert grace.capacity == 3
        assert grace.status is ApplicationStatus.RECEIVED
        assert grace.source == "imported from applications.xlsx"
        ada = session.scalar(select(Application).where(Application.role == Role.MENTEE))
        assert ada.submitted_on == dt.date(2026, 3, 1)


def test_preview_writes_nothing(programme_file, programme_id, table_counts):
    before = table_counts(programme_file)
    result = preview(programme_file, programme_id, sheet(row("Ada Lovelace", "ada@example.org")))
    assert [r.action for r in result.rows] == [RowAction.ADD]
    assert result.to_add == 1
    assert table_counts(programme_file) == before


def test_one_audit_entry_per_import_with_counts_only(programme_file, programme_id):
    table = sheet(row("Ada Lovelace", "ada@example.org"), row("Bad", "nope"))
    run_import(programme_file, programme_id, table)
    with programme_file.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "imported")).all()
        assert len(entries) == 1
        assert entries[0].summary == "1 added, 0 updated, 0 skipped, 1 rejected"
        everything = " ".join(e.summary for e in session.scalars(select(AuditEntry)))
    assert "ada" not in everything.lower()


def test_a_row_the_file_refuses_mid_way_writes_nothing(programme_file, programme_id, table_counts):
    # A rule the preview cannot see, enforced by the database itself.
    with programme_file.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER refuse_row_40 BEFORE INSERT ON person "
                "WHEN NEW.email = 'person40@example.org' "
                "BEGIN SELECT RAISE(ABORT, 'refused by a test rule'); END"
            )
        )
    before = table_counts(programme_file)
    table = sheet(*[row(f"Person {n}", f"person{n}@example.org") for n in range(1, 80)])

    with pytest.raises(Conflict, match="Nothing was written") as raised:
        run_import(programme_file, programme_id, table)

    assert "person40" not in raised.value.message
    assert table_counts(programme_file) == before


def test_a_cancelled_import_writes_nothing(programme_file, programme_id, table_counts):
    before = table_counts(programme_file)
    table = sheet(*[row(f"Person {n}", f"person{n}@example.org") for n in range(1, 300)])
    asked = []
    seen = []

    def cancelled():
        asked.append(1)
        return len(asked) > 150

    with pytest.raises(ImportCancelled), programme_file.session() as session:
        apply_import(
            session,
            programme_id,
            ImportPlan(table, MAPPING),
            progress=lambda done, total: seen.append((done, total)),
            cancelled=cancelled,
        )
    assert table_counts(programme_file) == before
    assert seen[:2] == [(0, 299), (100, 299)]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    programme_file, programme_id, table_counts
):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", submitted=dt.date(2026, 3, 1)),
        row("Ada Lovelace", "ada@example.org", "Circles", "Mentor", expertise="AI; Ethics;", cap=2),
        row("Grace Hopper", "grace@example.org", submitted="2026-03-02"),
        row("Grace Hopper", "grace@example.org", submitted="2026-03-05"),
    )
    first = run_import(programme_file, programme_id, table)
    after_first = table_counts(programme_file)
    # The same answers again, with the address typed differently.
    again = sheet(*[(r[0], f"  {r[1].upper()} ", *r[2:]) for r in table.rows])
    second = run_import(programme_file, programme_id, again)

    assert (first.added, first.skipped) == (3, 1)
    assert (second.added, second.updated, second.skipped) == (0, 0, 4)
    counts = table_counts(programme_file)
    assert counts["person"] == after_first["person"] == 2
    assert counts["application"] == after_first["application"] == 3
    result = preview(programme_file, programme_id, again)
    assert sum("Already imported" in n for r in result.rows for n in r.notices) == 3


def test_the_newest_of_several_answers_wins_with_a_notice(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", submitted="2026-03-09", expertise="Newest"),
        row("Ada Lovelace", "ada@example.org", submitted="2026-03-01", expertise="Oldest"),
        row("Ada King", "ADA@example.org", submitted="2026-03-05", expertise="Middle"),
    )
    result = preview(programme_file, programme_id, table)

    assert [r.action for r in result.rows] == [RowAction.ADD, RowAction.SKIP, RowAction.SKIP]
    assert result.rows[0].notices == [
        "Also submitted on row 3, 4; the newest answer (row 2) is used"
    ]
    assert "row 2" in result.rows[1].notices[0]
    run_import(programme_file, programme_id, table)
    with programme_file.session() as session:
        ada = session.scalars(select(Person)).one()
        assert (ada.last_name, ada.expertise) == ("Lovelace", "Newest")


def test_without_dates_the_later_row_wins(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", expertise="First"),
        row("Ada Lovelace", "ada@example.org", expertise="Second"),
    )
    result = preview(programme_file, programme_id, table)
    assert [r.action for r in result.rows] == [RowAction.SKIP, RowAction.ADD]
    assert result.rows[1].person.expertise == "Second"


@pytest.fixture
def ada(programme_file, strands):
    """Ada, already in the file as a mentee of Fellows, with details typed in."""
    with programme_file.session() as session:
        return add_applicant(
            session,
            PersonInput(
                "Ada", "Lovelace", "ada@example.org", department="Maths", stage="Full professor"
            ),
            ApplicationInput(
                strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED, goals="Typed in"
            ),
        )


ADA_AGAIN = sheet(
    ("Ada", "King", "ada@example.org", "Fellows", "Mentee", "From the form", "Computing"),
    ("Ada", "King", "ada@example.org", "Circles", "Mentor", "Lead a circle", ""),
    headers=("First", "Last", "Email", "Strand", "Role", "Goals", "Department"),
)
ADA_MAPPING = {
    0: F.FIRST_NAME,
    1: F.LAST_NAME,
    2: F.EMAIL,
    3: F.STRAND,
    4: F.ROLE,
    5: F.GOALS,
    6: F.DEPARTMENT,
}


def _ada(programme_file):
    with programme_file.session() as session:
        person = session.scalars(select(Person)).one()
        applications = {(a.strand.name, a.role): (a.status, a.goals) for a in person.applications}
        return person_input(session, person.id), applications


def test_existing_person_updated_with_non_empty_values(programme_file, programme_id, ada):
    summary = run_import(programme_file, programme_id, ADA_AGAIN, ADA_MAPPING)

    assert (summary.added, summary.updated) == (1, 1)
    person, applications = _ada(programme_file)
    assert (person.last_name, person.department, person.stage) == (
        "King",
        "Computing",
        "Full professor",
    )
    # The status the coordinator set is kept: the file has no status column.
    assert applications == {
        ("Fellows", Role.MENTEE): (ApplicationStatus.ACCEPTED, "From the form"),
        ("Circles", Role.MENTOR): (ApplicationStatus.RECEIVED, "Lead a circle"),
    }


def test_existing_person_skipped(programme_file, programme_id, ada):
    summary = run_import(
        programme_file, programme_id, ADA_AGAIN, ADA_MAPPING, existing=ExistingPerson.SKIP
    )
    assert (summary.added, summary.updated, summary.skipped) == (0, 0, 2)
    person, applications = _ada(programme_file)
    assert person.last_name == "Lovelace"
    assert applications == {("Fellows", Role.MENTEE): (ApplicationStatus.ACCEPTED, "Typed in")}


def test_existing_person_kept_with_a_further_application(programme_file, programme_id, ada):
    summary = run_import(
        programme_file, programme_id, ADA_AGAIN, ADA_MAPPING, existing=ExistingPerson.KEEP_BOTH
    )
    assert (summary.added, summary.updated, summary.skipped) == (1, 0, 1)
    person, applications = _ada(programme_file)
    assert (person.last_name, person.department) == ("Lovelace", "Maths")
    assert applications == {
        ("Fellows", Role.MENTEE): (ApplicationStatus.ACCEPTED, "Typed in"),
        ("Circles", Role.MENTOR): (ApplicationStatus.RECEIVED, "Lead a circle"),
    }


def test_an_ambiguous_date_is_rejected_with_both_readings(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", submitted="03/04/2026"),
        row("Grace Hopper", "grace@example.org", submitted="05/06/2026"),
        row("Mary Somerville", "mary@example.org", submitted=45351),
        row("Emmy Noether", "emmy@example.org", submitted=60),
    )
    result = preview(programme_file, programme_id, table)

    assert [r.action for r in result.rows] == [
        RowAction.REJECT,
        RowAction.REJECT,
        RowAction.ADD,
        RowAction.REJECT,
    ]
    (problem,) = result.rows[0].problems
    assert problem.startswith("Submitted: “03/04/2026” could be “3 April 2026” or “4 March 2026”")
    assert result.rows[2].application.submitted_on == dt.date(2024, 2, 29)
    assert "29 February 1900" in result.rows[3].problems[0]


def test_a_day_first_date_in_the_column_settles_the_others(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", submitted="03/04/2026 09:15:00"),
        row("Grace Hopper", "grace@example.org", submitted="13/04/2026"),
    )
    result = preview(programme_file, programme_id, table)

    assert [r.action for r in result.rows] == [RowAction.ADD, RowAction.ADD]
    assert result.rows[0].application.submitted_on == dt.date(2026, 4, 3)
    assert result.rows[1].application.submitted_on == dt.date(2026, 4, 13)


def test_month_first_in_one_column_and_day_first_in_another(programme_file, programme_id, strands):
    headers = ("Name", "Email", "Submitted", "Consent date")
    table = sheet(
        ("Ada Lovelace", "ada@example.org", "04/03/2026", "03/04/2026"),
        ("Grace Hopper", "grace@example.org", "04/13/2026", "13/04/2026"),
        headers=headers,
    )
    mapping = {0: F.FULL_NAME, 1: F.EMAIL, 2: F.SUBMITTED_ON, 3: F.CONSENT_ON}
    result = preview(
        programme_file, programme_id, table, mapping,
        default_role=Role.MENTEE, default_strand_id=strands["Fellows"],
    )  # fmt: skip
    ada = result.rows[0]
    assert ada.problems == []
    assert ada.application.submitted_on == dt.date(2026, 4, 3)
    assert ada.person.consent_on == dt.date(2026, 4, 3)


def test_the_newest_answer_is_told_by_its_time_of_day(programme_file, programme_id):
    # Google Forms' timestamps are text; two answers on one day differ by their time.
    table = sheet(
        row("Ada Lovelace", "ada@example.org", submitted="2026/03/14 4:22:13 PM GMT+1",
            expertise="Afternoon"),
        row("Ada Lovelace", "ada@example.org", submitted="2026/03/14 10:22:13 AM GMT+1",
            expertise="Morning"),
    )  # fmt: skip
    result = preview(programme_file, programme_id, table)
    assert [r.action for r in result.rows] == [RowAction.ADD, RowAction.SKIP]
    assert result.rows[0].person.expertise == "Afternoon"


def test_dates_in_a_1904_workbook(programme_file, programme_id):
    table = sheet(row("Ada Lovelace", "ada@example.org", submitted=43889))
    table = SheetTable(**{**table.__dict__, "date_1904": True})
    result = preview(programme_file, programme_id, table)
    assert result.rows[0].application.submitted_on == dt.date(2024, 2, 29)


def test_microsoft_forms_anonymous_is_no_email(programme_file, programme_id):
    table = sheet(
        (1, "anonymous", "Ada Lovelace", "Fellows", "Mentee"),
        (2, "anonymous", "Grace Hopper", "Fellows", "Mentee"),
        headers=("ID", "Email", "Name", "Strand", "Role"),
    )
    mapping = {1: F.EMAIL, 2: F.FULL_NAME, 3: F.STRAND, 4: F.ROLE}
    result = preview(programme_file, programme_id, table, mapping)
    assert [r.action for r in result.rows] == [RowAction.REJECT] * 2
    assert result.rows[0].problems == [
        "Email: the form was anonymous, so the answer has no email address; add one"
    ]


def test_a_second_email_column_fills_in_for_anonymous(programme_file, programme_id):
    table = sheet(
        ("anonymous", "Ada Lovelace", "ada@example.org"),
        headers=("Email", "Name", "Email address"),
    )
    mapping = {0: F.EMAIL, 1: F.FULL_NAME, 2: F.EMAIL}
    result = preview(programme_file, programme_id, table, mapping, default_role=Role.MENTEE)
    assert result.rows[0].problems == [
        "Strand: missing; choose a default strand for the import (Circles, Fellows)"
    ]
    assert result.rows[0].person.email == "ada@example.org"


def test_multi_select_answers_become_lists(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", expertise="Excel;Power BI;"),
        row("Grace Hopper", "grace@example.org", expertise="Compilers, COBOL, compilers"),
    )
    result = preview(programme_file, programme_id, table)
    assert result.rows[0].person.expertise == "Excel, Power BI"
    assert result.rows[1].person.expertise == "Compilers, COBOL"


def test_row_problems_name_their_column(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "jane@", "Fellowz"),
        row("", "grace@example.org", role="Sponsor"),
        row("Mary Somerville", "mary@example.org", role="Mentor", cap="2.5"),
        row("Emmy Noether", "emmy@example.org", cap=2),
        row("", "", strand=None, role=None),
    )
    result = preview(programme_file, programme_id, table)
    problems = [r.problems for r in result.rows]

    assert problems[0] == [
        "Email: “jane@” is not a valid email address",
        "Strand: “Fellowz” is not a strand of this programme (its strands are Circles, Fellows)",
    ]
    assert problems[1] == ["Role: “Sponsor” is not one of: Mentor, Mentee"]
    assert problems[2] == []
    assert result.rows[2].notices == [
        "Capacity: “2.5” is not a number of mentees: left empty; set it in the form"
    ]
    assert result.rows[2].application.capacity is None
    assert problems[3] == []
    assert result.rows[3].notices == ["Capacity: left out, as only mentors have a capacity"]
    assert result.rows[3].application.capacity is None
    assert len(problems[4]) == 3


def test_capacities_in_words_are_read_and_others_left_empty(programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", role="Mentor", cap="four"),
        row("Grace Hopper", "grace@example.org", role="Mentor", cap="Quatre"),
        row("Mary Somerville", "mary@example.org", role="Mentor", cap="vier "),
        row("Emmy Noether", "emmy@example.org", role="Mentor", cap="zwei"),
        row("Lise Meitner", "lise@example.org", role="Mentor", cap="a few"),
    )
    assert preview(programme_file, programme_id, table).rows[4].notices == [
        "Capacity: “a few” is not a number of mentees: left empty; set it in the form"
    ]
    summary = run_import(programme_file, programme_id, table)

    assert (summary.added, summary.rejected) == (5, [])
    with programme_file.session() as session:
        capacities = {
            person.email: application.capacity
            for application, person in session.execute(
                select(Application, Person).join(Person, Application.person_id == Person.id)
            )
        }
    assert capacities == {
        "ada@example.org": 4,
        "grace@example.org": 4,
        "mary@example.org": 4,
        "emmy@example.org": 2,
        "lise@example.org": None,
    }


def test_a_new_person_needs_a_name(programme_file, programme_id):
    result = preview(programme_file, programme_id, sheet(row("", "ada@example.org")))
    assert result.rows[0].problems == ["Name: missing; a first or a last name is needed"]


def test_defaults_apply_without_strand_and_role_columns(programme_file, programme_id, strands):
    table = sheet(("Ada Lovelace", "ada@example.org"), headers=("Name", "Email"))
    run_import(
        programme_file,
        programme_id,
        table,
        {0: F.FULL_NAME, 1: F.EMAIL},
        default_strand_id=strands["Circles"],
        default_role=Role.MENTOR,
    )
    assert applicants(programme_file, programme_id) == {("ada@example.org", "Circles", Role.MENTOR)}


def test_without_an_email_column_nothing_can_be_imported(programme_file, programme_id):
    with pytest.raises(InvalidInput, match="email address"):
        preview(programme_file, programme_id, sheet(row("Ada", "x")), {0: F.FULL_NAME})


def test_rejected_rows_are_saved_fixed_and_imported_again(tmp_path, programme_file, programme_id):
    table = sheet(
        row("Ada Lovelace", "ada@example.org", submitted="03/04/2026"),
        row("Grace Hopper", "grace@example.org"),
        row('=HYPERLINK("http://x.example")', "anonymous"),
    )
    summary = run_import(programme_file, programme_id, table)
    assert summary.added == 1
    rejected_path = tmp_path / "rejected.xlsx"
    write_rejected_rows(rejected_path, table, summary.rejected)

    workbook = openpyxl.load_workbook(rejected_path)
    sheet_ = workbook.active
    assert [c.value for c in sheet_[1]] == [*HEADERS, PROBLEM_HEADER]
    assert sheet_.max_row == 3
    assert "could be “3 April 2026” or “4 March 2026”" in sheet_["H2"].value
    assert sheet_["A3"].data_type == "s"
    sheet_["E2"] = dt.date(2026, 4, 3)
    sheet_["B3"] = "ida@example.org"
    sheet_["A3"] = "Ida Rhodes"
    workbook.save(rejected_path)

    fixed = read_table(rejected_path)
    mapping = guess_mapping(fixed.headers)
    assert PROBLEM_HEADER in fixed.headers
    assert fixed.headers.index(PROBLEM_HEADER) not in mapping
    again = run_import(programme_file, programme_id, fixed, mapping)
    assert (again.added, again.rejected) == (2, [])
    assert {e for e, _, _ in applicants(programme_file, programme_id)} == {
        "ada@example.org",
        "grace@example.org",
        "ida@example.org",
    }


def test_a_saved_mapping_follows_headers_not_positions(programme_file):
    headers = ["ID", "Email", "Name", "Email", "Which strand?"]
    mapping = {0: F.IGNORE, 1: F.EMAIL, 2: F.FULL_NAME, 4: F.STRAND}
    with programme_file.session() as session:
        save_mapping(session, "Spring form", headers, mapping)
    with programme_file.session() as session:
        (saved,) = saved_mappings(session)
        assert saved.name == "Spring form"
        # A column left out of the mapping is kept as other answers, and saved so.
        assert saved.columns["Email"] == [F.EMAIL, F.OTHER]
        assert saved.columns["ID"] == [F.IGNORE]
        moved = ["Which  strand?", "name", "Email", "Email", "New question", "id"]
        # A header the mapping does not know is left to the recognised guess.
        assert mapping_for(session, "spring form", moved) == {
            0: F.STRAND,
            1: F.FULL_NAME,
            2: F.EMAIL,
            3: F.OTHER,
            5: F.IGNORE,
        }
        # Saving under the same name replaces it.
        save_mapping(session, "Spring Form", ["Email"], {0: F.EMAIL})
        assert [m.columns for m in saved_mappings(session)] == [{"Email": [F.EMAIL]}]
        with pytest.raises(NotFound, match="the file has “Spring form”"):
            mapping_for(session, "Autumn form", headers)
        with pytest.raises(InvalidInput):
            save_mapping(session, "  ", headers, mapping)


def test_a_saved_mapping_keeps_its_value_map(programme_file):
    headers = ["Email", "Which part of the programme interests you?", "I am applying as a"]
    value_map = {
        F.STRAND: {"Early-career researchers (postdocs)": "Fellows"},
        F.ROLE: {"Offering my time": "mentor"},
    }
    with programme_file.session() as session:
        save_mapping(session, "Spring form", headers, {0: F.EMAIL, 1: F.STRAND}, value_map)
    with programme_file.session() as session:
        saved = find_mapping(session, "SPRING FORM")
    assert saved.value_map == {
        F.STRAND: {"early career researchers postdocs": "Fellows"},
        F.ROLE: {"offering my time": "mentor"},
    }
    assert columns_for(saved, list(reversed(headers))) == {0: F.OTHER, 1: F.STRAND, 2: F.EMAIL}


def _write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    for values in rows:
        workbook.active.append(values)
    workbook.save(path)
    return path


def test_a_microsoft_forms_export(tmp_path, programme_file, programme_id):
    path = _write_xlsx(
        tmp_path / "Mentoring(1-3).xlsx",
        [
            ["ID", "Start time", "Completion time", "Email", "Name", "Your full name",
             "Email\r\n(work address)", "Which strand?", "I would like to participate as",
             "Areas of expertise"],
            [1, dt.datetime(2026, 3, 2, 9), dt.datetime(2026, 3, 2, 9, 5), "anonymous",
             "anonymous", "Ada Lovelace", "ada@example.org", "Fellows", "Mentee",
             "Excel;Power BI;"],
            [2, dt.datetime(2026, 3, 3, 9), dt.datetime(2026, 3, 3, 9, 5), "anonymous",
             "anonymous", "Grace Hopper", "", "Fellows", "Mentee", ""],
            [3, dt.datetime(2026, 3, 4, 9), dt.datetime(2026, 3, 4, 9, 5), "anonymous",
             "anonymous", "Ada Lovelace", "ADA@example.org", "Fellows", "Mentee",
             "Excel;Power BI;Statistics;"],
        ],
    )  # fmt: skip
    table = read_table(path)
    mapping = guess_mapping(table.headers)
    result = preview(programme_file, programme_id, table, mapping)

    assert [r.action for r in result.rows] == [RowAction.SKIP, RowAction.REJECT, RowAction.ADD]
    assert result.rows[1].problems == [
        "Email: missing; an email address is how MentorDesk tells people apart"
    ]
    assert result.rows[2].person.expertise == "Excel, Power BI, Statistics"
    assert result.rows[2].application.submitted_on == dt.date(2026, 3, 4)
    assert "the newest answer (row 4) is used" in result.rows[2].notices[0]


def test_a_google_forms_export_with_a_formula_like_answer(tmp_path, programme_file, programme_id):
    path = tmp_path / "responses.xlsx"
    workbook = openpyxl.Workbook()
    sheet_ = workbook.active
    sheet_.append(["Timestamp", "Email address", "Full name", "Strand", "Role", "Languages"])
    sheet_.append(
        ["2026-03-02 10:00:00", "ada@example.org", "x", "Fellows", "Mentee", "French, English"]
    )
    sheet_.append(
        ["2026-03-01 10:00:00", "grace@example.org", "Grace Hopper", "Fellows", "Mentor", ""]
    )
    sheet_["C2"].value = "=1+1"
    sheet_["C2"].data_type = "s"
    workbook.save(path)

    table = read_table(path)
    summary = run_import(programme_file, programme_id, table, guess_mapping(table.headers))

    assert (summary.added, summary.rejected) == (2, [])
    with programme_file.session() as session:
        ada = session.scalar(select(Person).where(Person.email == "ada@example.org"))
        assert (ada.first_name, ada.languages) == ("=1+1", "French, English")
