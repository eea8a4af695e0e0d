"""A programme rebuilt from its whole-programme workbook (`mentordesk-cli import workbook`)."""

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from mentordesk.cli.app import main
from mentordesk.domain.enums import EndReason, MentorResponse, PairingStatus, Role
from mentordesk.domain.errors import InvalidInput
from mentordesk.domain.stages import Stage
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.demo import DEMO_PROGRAMME
from mentordesk.services.exporting import export_programme
from mentordesk.services.privacy import withdraw_consent
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import (
    create_programme,
    edit_programme,
    find_programme,
    list_programmes,
    programme_settings,
)
from mentordesk.services.workbook_import import (
    COLUMNS_ADDED,
    SHEETS_ADDED,
    import_programme,
    read_programme_workbook,
)
from mentordesk.store.backups import list_backups
from mentordesk.store.models import Application, ApplicationAnswer, Event, Pairing, Person
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE

#: Tables a programme workbook carries; the rest (notes, audit, file facts) never travel.
CARRIED = [
    "programme",
    "strand",
    "person",
    "application",
    "application_answer",
    "mentor_choice",
    "pairing",
    "pairing_member",
    "check_in",
    "event",
    "attendance",
    "training_requirement",
    "career_stage",
]
SHEETS = [
    "Programme",
    "Strands",
    "Career stages",
    "People",
    "Applications",
    "Other answers",
    "Pairings",
    "Check-ins",
    "Events",
    "Attendance",
    "Training rules",
]


def cells(path):
    """Every cell of every sheet: its address, value, kind and number format."""
    workbook = openpyxl.load_workbook(path)
    try:
        return {
            sheet.title: [
                (cell.coordinate, cell.value, cell.data_type, cell.number_format)
                for row in sheet.iter_rows()
                for cell in row
            ]
            for sheet in workbook.worksheets
        }
    finally:
        workbook.close()


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def demo_workbook(tmp_path, demo_file, demo_programme_id):
    """The demo programme's whole-programme workbook."""
    path = tmp_path / "demo.xlsx"
    with demo_file.session() as session:
        export_programme(session, demo_programme_id, path)
    return path


@pytest.fixture
def new_file(tmp_path):
    """An empty programme file, closed, at a path of its own."""
    path = tmp_path / "successor.mentordesk"
    ProgrammeFile.create(path, PASSPHRASE).close()
    return path


def test_export_import_into_an_empty_file_export_gives_the_same_workbook(
    tmp_path, demo_file, demo_workbook, new_file, table_counts, cli_env, capsys
):
    demo_file.close()
    assert main(["import", "workbook", str(demo_workbook), "--db", str(new_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Imported “{DEMO_PROGRAMME}” from demo.xlsx into {new_file}: ")
    assert "already in the file" not in out
    second = tmp_path / "second.xlsx"
    assert main(["export", "xlsx", str(second), "--db", str(new_file)]) == 0

    before, after = cells(demo_workbook), cells(second)
    assert list(before) == SHEETS
    for sheet in SHEETS:
        assert after[sheet] == before[sheet], sheet
    # Nothing to lose in a new file, so no backup of it was made.
    assert list_backups(new_file) == []
    demo = ProgrammeFile.open(demo_file.path, PASSPHRASE)
    with demo, ProgrammeFile.open(new_file, PASSPHRASE) as copy:
        original, copied = table_counts(demo), table_counts(copy)
    assert {t: copied[t] for t in CARRIED} == {t: original[t] for t in CARRIED}
    assert all(original[t] > 0 for t in CARRIED if t != "mentor_choice")
    assert copied["note"] == 0


def test_a_file_in_use_gets_the_programme_under_another_name_after_a_backup(
    tmp_path, demo_file, demo_workbook, cli_env, capsys
):
    with demo_file.session() as session:
        people_before = len(session.scalars(select(Person.id)).all())
        uids_before = set(session.scalars(select(Event.uid)))
    path = demo_file.path
    demo_file.close()

    argv = ["import", "workbook", str(demo_workbook), "--db", str(path), "--programme", "Copy"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"{people_before} of them already in the file and left as they were" in out
    (backup,) = list_backups(path)
    assert backup.reason == "import"

    copy_workbook = tmp_path / "copy.xlsx"
    export = ["export", "xlsx", str(copy_workbook), "--db", str(path), "--programme", "Copy"]
    assert main(export) == 0
    before, after = cells(demo_workbook), cells(copy_workbook)
    # The same people, applications, pairings and check-ins, linked to the people
    # already in the file rather than added twice.
    for sheet in (
        "Strands", "People", "Applications", "Other answers", "Pairings", "Check-ins",
        "Training rules",
    ):  # fmt: skip
        assert after[sheet] == before[sheet], sheet
    assert [c for c in after["Programme"] if c[0] != "A2"] == [
        c for c in before["Programme"] if c[0] != "A2"
    ]
    with ProgrammeFile.open(path, PASSPHRASE) as reopened, reopened.session() as session:
        assert len(session.scalars(select(Person.id)).all()) == people_before
        assert [p.name for p in list_programmes(session)] == [DEMO_PROGRAMME, "Copy"]
        # Calendars know the original events by their UIDs: the copies get new ones.
        copy = find_programme(session, "Copy")
        copied_uids = set(session.scalars(select(Event.uid).where(Event.programme_id == copy.id)))
    assert copied_uids
    assert not copied_uids & uids_before


def test_a_programme_name_already_in_the_file_is_refused_before_anything_is_written(
    demo_file, demo_workbook, table_counts, cli_env, capsys
):
    before = table_counts(demo_file)
    path = demo_file.path
    demo_file.close()

    assert main(["import", "workbook", str(demo_workbook), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"mentordesk-cli: {path} already holds a programme called “{DEMO_PROGRAMME}”, so "
        "nothing was imported. Give the imported one another name with --programme NAME.\n"
    )
    assert list_backups(path) == []
    with ProgrammeFile.open(path, PASSPHRASE) as reopened:
        assert table_counts(reopened) == before


def test_a_wrong_cell_is_named_by_sheet_and_row_and_nothing_is_written(
    demo_workbook, new_file, table_counts, cli_env, capsys
):
    workbook = openpyxl.load_workbook(demo_workbook)
    workbook["Pairings"]["F4"] = "Half done"  # Status
    workbook.save(demo_workbook)
    with ProgrammeFile.open(new_file, PASSPHRASE) as empty:
        before = table_counts(empty)

    assert main(["import", "workbook", str(demo_workbook), "--db", str(new_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mentordesk-cli: Pairings sheet, row 4: ")
    assert "“Half done” is not one of: " in err
    with ProgrammeFile.open(new_file, PASSPHRASE) as reopened:
        assert table_counts(reopened) == before


def test_a_row_the_file_refuses_while_writing_leaves_nothing_written(
    demo_workbook, new_file, table_counts, cli_env, capsys
):
    # Read without fault, refused only when written: a mentor paired with themselves.
    workbook = openpyxl.load_workbook(demo_workbook)
    sheet = workbook["Pairings"]
    sheet["D2"] = sheet["C2"].value  # Mentee emails = the mentor's
    workbook.save(demo_workbook)
    with ProgrammeFile.open(new_file, PASSPHRASE) as empty:
        before = table_counts(empty)

    assert main(["import", "workbook", str(demo_workbook), "--db", str(new_file)]) == 1
    assert capsys.readouterr().err.startswith("mentordesk-cli: Pairings sheet, row 2: ")
    with ProgrammeFile.open(new_file, PASSPHRASE) as reopened:
        assert table_counts(reopened) == before
        with reopened.session() as session:
            assert list_programmes(session) == []


def test_a_dry_run_checks_every_row_and_writes_nothing(
    demo_workbook, new_file, table_counts, cli_env, capsys
):
    argv = ["import", "workbook", str(demo_workbook), "--db", str(new_file), "--dry-run"]
    assert main(argv) == 0
    assert capsys.readouterr().out.startswith(f"Dry run: “{DEMO_PROGRAMME}” from demo.xlsx: ")
    with ProgrammeFile.open(new_file, PASSPHRASE) as reopened, reopened.session() as session:
        assert list_programmes(session) == []


def test_a_workbook_of_another_kind_is_refused_in_plain_words(tmp_path, new_file, cli_env, capsys):
    path = tmp_path / "applications.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Programme"
    workbook.active.append(["Name", "Email"])
    workbook.active.append(["Ada Lovelace", "ada@example.org"])
    workbook.save(path)

    assert main(["import", "workbook", str(path), "--db", str(new_file)]) == 1
    assert capsys.readouterr().err == (
        "mentordesk-cli: The Programme sheet of applications.xlsx lacks the column(s) "
        "Description, Starts on, Ends on, Applications open on, Applications close on, "
        "Time zone, Mentees per mentor, Grade gap, Duration (months): it is not a "
        "MentorDesk programme workbook.\n"
    )


def test_the_service_reads_everything_before_it_writes(demo_workbook, programme_file):
    with programme_file.session() as session:
        workbook = read_programme_workbook(session, demo_workbook, name="  Handed over  ")
        assert not workbook.name_taken
        assert workbook.known_people == 0
        assert list_programmes(session) == []
    with programme_file.session() as session:
        summary = import_programme(session, workbook)
    with programme_file.session() as session:
        (programme,) = list_programmes(session)
    assert (programme.id, programme.name) == (summary.programme_id, "Handed over")
    assert summary.people_added == len(workbook.emails)
    assert summary.people_known == 0


def test_a_person_listed_twice_is_refused(demo_workbook, programme_file):
    workbook = openpyxl.load_workbook(demo_workbook)
    sheet = workbook["People"]
    sheet["C3"] = sheet["C2"].value.upper()
    workbook.save(demo_workbook)
    with (
        pytest.raises(InvalidInput, match=r"People sheet, row 3: .* is also on row 2"),
        programme_file.session() as session,
    ):
        read_programme_workbook(session, demo_workbook)


def test_what_the_window_records_beyond_the_first_workbook_travels_too(
    tmp_path, demo_file, demo_programme_id, new_file, cli_env
):
    with demo_file.session() as session:
        first, second, third = session.scalars(select(Pairing).order_by(Pairing.id).limit(3))
        first.goals = "A first paper and a grant application"
        first.confidentiality_agreed = True
        first.override_reason = "Same department, agreed with both"
        withdrawn = first.mentor
        withdraw_consent(session, withdrawn.id, dt.date(2026, 3, 1))
        withdrawn_email = withdrawn.email
        second.status = PairingStatus.ENDED_EARLY
        second.end_reason = EndReason.LEFT_INSTITUTION
        second.ended_on = second.started_on
        third.status = PairingStatus.PROPOSED
        third.draft = True
    exported = tmp_path / "programme.xlsx"
    with demo_file.session() as session:
        export_programme(session, demo_programme_id, exported)
    demo_file.close()

    assert main(["import", "workbook", str(exported), "--db", str(new_file)]) == 0
    again = tmp_path / "again.xlsx"
    assert main(["export", "xlsx", str(again), "--db", str(new_file)]) == 0
    assert cells(again) == cells(exported)
    with ProgrammeFile.open(new_file, PASSPHRASE) as copy, copy.session() as session:
        pairings = session.scalars(select(Pairing).order_by(Pairing.id)).all()
        assert pairings[0].goals == "A first paper and a grant application"
        assert pairings[0].confidentiality_agreed
        assert pairings[1].end_reason is EndReason.LEFT_INSTITUTION
        # A proposal nobody has seen stays a draft in the successor's file.
        assert [p.draft for p in pairings[:3]] == [False, False, True]
        # Someone who withdrew their consent stays left out of matching and mailings.
        person = session.scalar(select(Person).where(Person.email == withdrawn_email))
        assert person.consent_withdrawn_on == dt.date(2026, 3, 1)


def test_a_workbook_written_before_the_last_columns_were_added_still_imports(
    demo_workbook, new_file, cli_env
):
    workbook = openpyxl.load_workbook(demo_workbook)
    for title, added in COLUMNS_ADDED.items():
        sheet = workbook[title]
        headers = [cell.value for cell in sheet[1]]
        for header in added:
            sheet.delete_cols(headers.index(header) + 1)
            headers.remove(header)
    for title in SHEETS_ADDED:
        del workbook[title]
    workbook.save(demo_workbook)

    assert main(["import", "workbook", str(demo_workbook), "--db", str(new_file)]) == 0
    with ProgrammeFile.open(new_file, PASSPHRASE) as copy, copy.session() as session:
        pairings = session.scalars(select(Pairing)).all()
        people = session.scalars(select(Person)).all()
        applications = session.scalars(select(Application)).all()
        answers = session.scalar(select(func.count(ApplicationAnswer.id)))
    assert pairings
    assert people
    assert applications
    assert {a.availability for a in applications} == {""}
    assert answers == 0
    assert not any(p.draft or p.confidentiality_agreed or p.goals for p in pairings)
    assert {p.mentor_response for p in pairings} == {MentorResponse.NONE}
    assert not any(p.consent_withdrawn_on for p in people)
    with ProgrammeFile.open(new_file, PASSPHRASE) as copy, copy.session() as session:
        settings = programme_settings(session, find_programme(session, None).id)
    # Set-up an earlier workbook did not carry: none, rather than a guess.
    assert (settings.stages, settings.letterhead_name, settings.template) == ((), "", "")
    assert not any(strand.retired for strand in settings.strands)


def _people_sheet(path):
    """The People sheet of a workbook: its headers and its rows as lists of values."""
    workbook = openpyxl.load_workbook(path)
    try:
        rows = [[c.value for c in r] for r in workbook["People"].iter_rows()]
    finally:
        workbook.close()
    return rows[0], rows[1:]


def _links(programme_file):
    """Each person's career stage, whether guessed, and line manager's email, by email."""
    with programme_file.session() as session:
        return {
            p.email: (p.stage, p.stage_guessed, p.line_manager.email if p.line_manager else None)
            for p in session.scalars(select(Person))
        }


def _links_in(path):
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        return _links(opened)


def test_line_managers_and_career_stages_travel_in_the_workbook_and_read_back(
    demo_file, demo_workbook, new_file, cli_env
):
    headers, rows = _people_sheet(demo_workbook)
    email, stage, manager, guessed = (
        headers.index(h) for h in ("Email", "Career stage", "Line manager", "Stage guessed")
    )
    managed = {r[email]: r[manager] for r in rows if r[manager]}
    assert len(managed) >= 4  # the demo's mentees with a line manager among the mentors
    assert {r[stage] for r in rows} >= {"Full professor", "Doctoral candidate"}
    assert any(r[guessed] for r in rows)
    original = _links(demo_file)
    demo_file.close()

    assert main(["import", "workbook", str(demo_workbook), "--db", str(new_file)]) == 0

    copied = _links_in(new_file)
    assert {e: m for e, (_, _, m) in copied.items() if m} == managed
    assert copied == {e: original[e] for e in copied}


def test_a_workbook_with_the_old_grade_and_line_manager_email_columns_reads_them(
    demo_workbook, new_file, cli_env
):
    workbook = openpyxl.load_workbook(demo_workbook)
    sheet = workbook["People"]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_cols(headers.index("Stage guessed") + 1)
    for cell in sheet[1]:
        cell.value = {"Career stage": "Grade", "Line manager": "Line manager email"}.get(
            cell.value, cell.value
        )
    workbook.save(demo_workbook)
    _, rows = _people_sheet(demo_workbook)
    managed = {r[2]: r[headers.index("Line manager")] for r in rows if r[13]}

    assert main(["import", "workbook", str(demo_workbook), "--db", str(new_file)]) == 0

    copied = _links_in(new_file)
    assert {e: m for e, (_, _, m) in copied.items() if m} == managed
    assert {s for s, _, _ in copied.values()} >= {"Full professor", "Doctoral candidate"}
    assert not any(guessed for _, guessed, _ in copied.values())


def test_a_programmes_set_up_travels_stages_letterhead_and_retired_strands_included(
    tmp_path, programme_file, new_file
):
    stages = (
        Stage("Lecturer", "Academic", 5, ("lecturer", "maître de conférences")),
        Stage("Professor", "Academic", 7),
        Stage("Grade 5", "Professional services", 5, ("senior technician",)),
    )
    data = TEMPLATES["staff-scheme"].input("One Step Beyond 2027")
    data.letterhead_name, data.signature_line = "University of Exeter", "Staff development"
    data.within_track, data.stages = True, stages
    with programme_file.session() as s:
        programme_id = create_programme(s, data)
        settings = programme_settings(s, programme_id)
        first = settings.strands[0]
        add_applicant(
            s,
            PersonInput("Ada", "King", "ada@example.org", stage="Lecturer"),
            ApplicationInput(first.id or 0, Role.MENTEE),
        )
        first.retired = True
        edit_programme(s, programme_id, settings)
        expected = programme_settings(s, programme_id)
    exported = tmp_path / "programme.xlsx"
    with programme_file.session() as s:
        export_programme(s, programme_id, exported)

    with ProgrammeFile.open(new_file, PASSPHRASE) as copy, copy.session() as s:
        summary = import_programme(s, read_programme_workbook(s, exported))
        imported = programme_settings(s, summary.programme_id)
        retired = [a for a in s.scalars(select(Application)) if a.strand.retired]
    assert (imported.letterhead_name, imported.signature_line) == (
        "University of Exeter",
        "Staff development",
    )
    assert (imported.within_track, imported.template) == (True, "staff-scheme")
    assert imported.stages == stages
    assert [(s.name, s.retired) for s in imported.strands] == [
        (s.name, s.retired) for s in expected.strands
    ]
    assert [a.strand.name for a in retired] == [first.name]
    again = tmp_path / "again.xlsx"
    with ProgrammeFile.open(new_file, PASSPHRASE) as copy, copy.session() as s:
        export_programme(s, summary.programme_id, again)
    assert cells(again) == cells(exported)
