import datetime as dt
import json
import re

import openpyxl
import pytest
from sqlalchemy import func, select, text

from mentordesk.cli.app import main
from mentordesk.domain.enums import Role
from mentordesk.domain.errors import NotFound
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.demo import DEMO_PROGRAMME
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.other_answers import OtherAnswer, set_other_answers
from mentordesk.services.privacy import erase_person, export_person, find_person, pdf_path
from mentordesk.services.programmes import edit_programme, find_programme, programme_settings
from mentordesk.store.models import ApplicationAnswer, Erasure, Pairing, Strand
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.pdf import page_texts

HEARD = OtherAnswer("How did you hear about the programme?", "From my head of unit")
ANYTHING = OtherAnswer("Anything else?", "I travel in May.\nBack in June.")

TABLES_WITH_PEOPLE = {
    "application": "person_id",
    "attendance": "person_id",
    "note": "person_id",
    "pairing_member": "person_id",
    "mentor_choice": "mentor_id",
    "survey_response": "person_id",
}


def someone_paired(session):
    """A mentee in a one-to-one pairing of the demo, with attendance."""
    pairing = session.scalars(select(Pairing).order_by(Pairing.id)).first()
    return pairing.members[0].person


def test_subject_access_export_holds_every_kind_of_record(demo_file, tmp_path):
    out = tmp_path / "subject-access.xlsx"
    with demo_file.session() as s:
        person = someone_paired(s)
        add_note(s, NoteInput(dt.date(2026, 3, 1), "Call", "CANARY-note-7731", person_id=person.id))
        email = person.email
    with demo_file.session() as s:
        export_person(s, email.upper(), out)
    workbook = openpyxl.load_workbook(out)
    assert {"Person", "Applications", "Pairings", "Attendance", "Notes", "Surveys"} <= set(
        workbook.sheetnames
    )
    people = {row[0].value: row[1].value for row in workbook["Person"].iter_rows(min_row=2)}
    assert people["Email"] == email
    assert workbook["Applications"].max_row >= 2
    assert workbook["Pairings"].max_row >= 2
    notes = [row[3].value for row in workbook["Notes"].iter_rows(min_row=2)]
    assert "CANARY-note-7731" in notes
    with demo_file.session() as s:
        actions = s.execute(
            text("SELECT action FROM audit_entry WHERE entity = 'person' ORDER BY id DESC")
        ).scalars()
        assert "subject access export" in list(actions)


def test_subject_access_holds_availability_and_every_other_answer(demo_file, tmp_path):
    out = tmp_path / "subject-access.xlsx"
    with demo_file.session() as s:
        person = someone_paired(s)
        first = person.applications[0]
        first.availability = "Thursday mornings"
        set_other_answers(s, first.id, [HEARD, ANYTHING])
        circles = s.scalar(select(Strand.id).where(Strand.name == "Circles"))
        second = add_application(s, person.id, ApplicationInput(circles, Role.MENTEE))
        set_other_answers(s, second, [OtherAnswer(HEARD.question, "A poster")])
        email, strand = person.email, first.strand.name
    with demo_file.session() as s:
        export_person(s, email, out)
    workbook = openpyxl.load_workbook(out)
    applications = [[c.value for c in row] for row in workbook["Applications"].iter_rows()]
    column = applications[0].index("Availability")
    assert [row[column] for row in applications[1:]] == ["Thursday mornings", None]
    answers = [[c.value for c in row] for row in workbook["Other answers"].iter_rows()]
    assert answers == [
        ["Programme", "Strand", "Role", "Question", "Answer"],
        [DEMO_PROGRAMME, strand, "Mentee", HEARD.question, HEARD.answer],
        [DEMO_PROGRAMME, strand, "Mentee", ANYTHING.question, ANYTHING.answer],
        [DEMO_PROGRAMME, "Circles", "Mentee", HEARD.question, "A poster"],
    ]


def test_erasing_leaves_no_row_and_no_free_page_behind(demo_file):
    with demo_file.session() as s:
        person = someone_paired(s)
        add_note(
            s, NoteInput(dt.date(2026, 3, 1), "Call", "CANARY-erase-5521", person_id=person.id)
        )
        for application in person.applications:
            set_other_answers(s, application.id, [OtherAnswer("Anything else?", "CANARY-5522")])
        applications = [a.id for a in person.applications]
        pid, email, name = person.id, person.email, person.last_name
    with demo_file.session() as s:
        summary = erase_person(s, email)
    demo_file.vacuum()
    assert summary.applications >= 1
    assert summary.pairings_removed == 1
    with demo_file.session() as s:
        for table, column in TABLES_WITH_PEOPLE.items():
            left = s.execute(text(f"SELECT count(*) FROM {table} WHERE {column} = :p"), {"p": pid})
            assert left.scalar() == 0, table
        with pytest.raises(NotFound):
            find_person(s, email)
        (log,) = s.scalars(select(Erasure)).all()
        assert log.person_id == pid
        counts = json.loads(log.counts)
        assert any(key.startswith("application ") for key in counts)
        assert email not in log.counts
        assert name not in log.counts
        audit = s.execute(text("SELECT action, summary FROM audit_entry")).all()
        assert all(email not in str(row) for row in audit)
        # After the vacuum no free page is left that could still hold erased content.
        assert s.execute(text("PRAGMA freelist_count")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM note WHERE text LIKE '%CANARY%'")).scalar() == 0
        answers = select(func.count(ApplicationAnswer.id))
        assert s.scalar(answers.where(ApplicationAnswer.application_id.in_(applications))) == 0
        assert s.scalar(answers.where(ApplicationAnswer.answer.like("%CANARY%"))) == 0


def test_erasing_someone_unknown_changes_nothing(demo_file):
    with pytest.raises(NotFound, match="Nobody"), demo_file.session() as s:
        erase_person(s, "nobody@nowhere.example")


def test_the_cli_exports_and_erases(monkeypatch, demo_template, tmp_path, passphrase, capsys):
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        email = someone_paired(s).email
    out = tmp_path / "them.xlsx"
    assert main(["person", "export", email, str(out), "--db", str(path)]) == 0
    assert out.exists()
    assert main(["person", "erase", email, "--db", str(path)]) == 0
    said = capsys.readouterr().out
    assert "Erased" in said
    # Counts read as English: "1 application", never "1 applications".
    for noun in ("application", "attendance record", "note", "survey answer", "pairing"):
        assert not re.search(rf"\b1 {noun}s\b", said), said
        assert re.search(rf"\b\d[\d,]* {noun}s?\b", said), (noun, said)
    assert main(["person", "export", email, str(tmp_path / "again.xlsx"), "--db", str(path)]) == 1
    assert "Nobody in this file" in capsys.readouterr().err


def test_the_access_request_pdf_is_headed_with_the_programmes_letterhead(demo_file, tmp_path):
    out = tmp_path / "subject-access.xlsx"
    with demo_file.session() as s:
        programme_id = find_programme(s, DEMO_PROGRAMME).id
        settings = programme_settings(s, programme_id)
        settings.letterhead_name = "Université du Luxembourg"
        edit_programme(s, programme_id, settings)
        email = someone_paired(s).email
    with demo_file.session() as s:
        export_person(s, email, out)
    assert page_texts(pdf_path(out))[0].startswith("Université du Luxembourg")
