"""Subject access beyond the basics, anonymising, consent, and erasures surviving a restore."""

import datetime as dt
import json

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from mentordesk.cli.app import main
from mentordesk.domain.enums import SurveyItemType, SurveyKind
from mentordesk.domain.errors import ExportFailed, InvalidInput, NotFound
from mentordesk.services.applicants import person_detail
from mentordesk.services.demo import DEMO_PROGRAMME
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.other_answers import OtherAnswer, set_other_answers
from mentordesk.services.privacy import (
    ANONYMISED_DOMAIN,
    anonymise,
    erase_person,
    export_person,
    find_person,
    give_consent,
    subject_access_sheets,
    withdraw_consent,
)
from mentordesk.services.programmes import find_programme
from mentordesk.services.restore import restore_keeping_erasures
from mentordesk.store.models import (
    AuditEntry,
    Erasure,
    MessageLog,
    Note,
    Pairing,
    Person,
    Survey,
    SurveyAnswer,
    SurveyItem,
    SurveyResponse,
)
from mentordesk.store.programme_file import ProgrammeFile


def someone_paired(session):
    """A mentee in a one-to-one pairing of the demo, with attendance."""
    pairing = session.scalars(select(Pairing).order_by(Pairing.id)).first()
    return pairing.members[0].person


def add_survey_and_message(session, person, comment):
    """A post survey with a rating and a free answer, and a prepared message, for ``person``."""
    programme_id = find_programme(session, DEMO_PROGRAMME).id
    survey = Survey(programme_id=programme_id, kind=SurveyKind.POST, title="End of programme")
    survey.items = [
        SurveyItem(position=1, code="useful", text="How useful was it?",
                   answer_type=SurveyItemType.LIKERT),
        SurveyItem(position=2, code="comment", text="Anything else?",
                   answer_type=SurveyItemType.TEXT),
    ]  # fmt: skip
    session.add(survey)
    session.flush()
    response = SurveyResponse(
        programme_id=programme_id,
        person_id=person.id,
        kind=SurveyKind.POST,
        submitted_on=dt.date(2026, 12, 1),
        rating=4,
        survey_id=survey.id,
    )
    response.items = [
        SurveyAnswer(item_id=survey.items[0].id, number=5),
        SurveyAnswer(item_id=survey.items[1].id, text=comment),
    ]
    session.add(response)
    session.add(
        MessageLog(
            programme_id=programme_id,
            person_id=person.id,
            template_key="accepted",
            subject="Welcome to ADVANCE",
            sent_on=dt.date(2026, 1, 20),
        )
    )


def test_subject_access_holds_survey_answers_messages_and_consent(demo_file, tmp_path):
    out = tmp_path / "them.xlsx"
    with demo_file.session() as s:
        person = someone_paired(s)
        add_survey_and_message(s, person, "CANARY-survey-comment")
        withdraw_consent(s, person.id, dt.date(2026, 6, 1))
        email = person.email
    with demo_file.session() as s:
        export_person(s, email, out)
    workbook = openpyxl.load_workbook(out)
    facts = {r[0].value: r[1].value for r in workbook["Person"].iter_rows(min_row=2)}
    assert facts["Consent withdrawn on"].date() == dt.date(2026, 6, 1)
    answers = [
        [c.value for c in r]
        for r in workbook["Surveys"].iter_rows(min_row=2)
        if r[0].value == "End of programme"
    ]
    first = [answers[0][i] for i in (0, 1, 4, 5)]
    assert first == ["End of programme", "Post-programme", "How useful was it?", 5]
    assert answers[1][4:] == ["Anything else?", "CANARY-survey-comment"]
    messages = [[c.value for c in r] for r in workbook["Messages"].iter_rows(min_row=2)]
    assert messages[0][:3] == [DEMO_PROGRAMME, "accepted", "Welcome to ADVANCE"]
    changes = [r[1].value for r in workbook["Changes recorded"].iter_rows(min_row=2)]
    assert "consent withdrawn" in changes


def test_anonymising_keeps_statistics_and_clears_everything_identifying(demo_file):
    with demo_file.session() as s:
        person = someone_paired(s)
        add_survey_and_message(s, person, "CANARY-anon-comment")
        add_note(s, NoteInput(dt.date(2026, 3, 1), "Call", "CANARY-anon-note", person_id=person.id))
        for application in person.applications:
            application.goals = "CANARY-anon-goals"
            application.availability = "CANARY-anon-availability"
            set_other_answers(
                s, application.id, [OtherAnswer("How did you hear of us?", "CANARY-anon-other")]
            )
        pid, email = person.id, person.email
        kept = (person.organisation, person.stage, person.field, person.gender)
        statuses = sorted(a.status for a in person.applications)
    with demo_file.session() as s:
        anonymise(s, find_person(s, email))
    demo_file.vacuum()
    with demo_file.session() as s:
        with pytest.raises(NotFound):
            find_person(s, email)
        person = s.get(Person, pid)
        assert person.email == f"person-{pid}@{ANONYMISED_DOMAIN}"
        assert person.full_name == f"Anonymised person {pid}"
        assert (person.organisation, person.stage, person.field, person.gender) == kept
        assert person.department == person.position == person.expertise == ""
        assert sorted(a.status for a in person.applications) == statuses
        assert all(a.goals == a.availability == "" for a in person.applications)
        assert all(a.other_answers == [] for a in person.applications)
        ratings = s.scalars(select(SurveyResponse.rating).where(SurveyResponse.person_id == pid))
        assert 4 in ratings.all()
        assert s.scalars(select(MessageLog).where(MessageLog.person_id == pid)).all() == []
        assert s.scalars(select(Note).where(Note.person_id == pid)).all() == []
        (log,) = s.scalars(select(Erasure)).all()
        assert (log.person_id, json.loads(log.counts)) == (pid, {"anonymised": 1})
        for table, column in (
            ("note", "text"),
            ("survey_answer", "text"),
            ("application", "goals"),
            ("application", "availability"),
            ("application_answer", "answer"),
        ):
            found = s.execute(text(f"SELECT count(*) FROM {table} WHERE {column} LIKE '%CANARY%'"))
            assert found.scalar() == 0, table
        assert s.execute(text("PRAGMA freelist_count")).scalar() == 0
    # Anonymising twice changes nothing more.
    with demo_file.session() as s:
        anonymise(s, s.get(Person, pid))
        assert len(s.scalars(select(Erasure)).all()) == 1


def test_consent_is_withdrawn_as_easily_as_given_and_both_are_recorded(programme_file, add_someone):
    with programme_file.session() as s:
        pid = add_someone(s)
        give_consent(s, pid, dt.date(2026, 2, 1))
    with programme_file.session() as s:
        withdraw_consent(s, pid, dt.date(2026, 5, 4))
        detail = person_detail(s, pid)
        assert detail.consent_on == dt.date(2026, 2, 1)
        assert detail.consent_withdrawn_on == dt.date(2026, 5, 4)
        with pytest.raises(InvalidInput, match="before it was given"):
            withdraw_consent(s, pid, dt.date(2026, 1, 1))
    with programme_file.session() as s:
        give_consent(s, pid, dt.date(2026, 6, 1))
        person = s.get(Person, pid)
        assert (person.consent_on, person.consent_withdrawn_on) == (dt.date(2026, 6, 1), None)
        audit = s.execute(
            select(AuditEntry.action, AuditEntry.summary)
            .where(AuditEntry.entity == "person", AuditEntry.entity_id == pid)
            .order_by(AuditEntry.id)
        ).all()
        assert [tuple(a) for a in audit[-3:]] == [
            ("consent given", "on 2026-02-01"),
            ("consent withdrawn", "on 2026-05-04"),
            ("consent given", "on 2026-06-01"),
        ]
        with pytest.raises(NotFound):
            give_consent(s, 99_999, dt.date(2026, 6, 1))


def test_a_restored_backup_loses_the_people_erased_since_and_keeps_the_counts(
    demo_file, passphrase
):
    path = demo_file.path
    with demo_file.session() as s:
        erased, anonymised = s.scalars(select(Person).order_by(Person.id).limit(2)).all()
        erased_email, anonymised_email = erased.email, anonymised.email
        erased_id, anonymised_id = erased.id, anonymised.id
        applications_before = s.scalar(text("SELECT count(*) FROM application"))
    backup = demo_file.backup("manual")
    with demo_file.session() as s:
        summary = erase_person(s, erased_email)
        anonymise(s, find_person(s, anonymised_email))
    log = demo_file.erasure_log()
    demo_file.close()
    restored = restore_keeping_erasures(backup.path, path, passphrase)
    assert (restored.erasures_logged, restored.erasures_applied) == (2, 2)
    assert restored.log_source == path.name
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        assert s.get(Person, erased_id) is None
        with pytest.raises(NotFound):
            find_person(s, erased_email)
        with pytest.raises(NotFound):
            find_person(s, anonymised_email)
        assert s.get(Person, anonymised_id).email.endswith(ANONYMISED_DOMAIN)
        left = s.scalar(text("SELECT count(*) FROM application"))
        assert left == applications_before - summary.applications
        # The counts statistics keep are carried over, line for line.
        carried = s.scalars(select(Erasure).order_by(Erasure.erased_at)).all()
        assert [(e.person_id, e.erased_at, e.counts) for e in carried] == [
            (e.person_id, e.erased_at, e.counts) for e in log
        ]
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "restored")).all()
        assert "2 applied again" in entry.summary
        assert erased_email not in entry.summary


def test_an_id_given_again_after_an_erasure_is_not_erased_on_restore(
    programme_file, file_path, passphrase, add_someone
):
    with programme_file.session() as s:
        add_someone(s)
        leaving = add_someone(s, email="leaving@test.example")
    with programme_file.session() as s:
        erase_person(s, "leaving@test.example")
    with programme_file.session() as s:
        newcomer = add_someone(s, email="newcomer@test.example")
    assert newcomer == leaving  # SQLite gives the freed id again: the case this guards
    backup = programme_file.backup("manual")
    programme_file.close()
    restore_keeping_erasures(backup.path, file_path, passphrase)
    with ProgrammeFile.open(file_path, passphrase) as opened, opened.session() as s:
        assert find_person(s, "newcomer@test.example").id == newcomer


def test_the_cli_restore_applies_the_erasures_again(
    monkeypatch, demo_template, tmp_path, passphrase, capsys
):
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    with ProgrammeFile.open(path, passphrase) as opened:
        with opened.session() as s:
            email = someone_paired(s).email
        backup = opened.backup("manual")
    assert main(["person", "erase", email, "--db", str(path)]) == 0
    assert main(["restore", str(backup.path), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Erasures applied again to the restored file: 1 (of 1" in out
    with (
        ProgrammeFile.open(path, passphrase) as opened,
        opened.session() as s,
        pytest.raises(NotFound),
    ):
        find_person(s, email)


def test_someone_who_withdrew_consent_is_left_out_of_new_proposals(demo_file):
    from mentordesk.services.matching.candidates import load_candidates

    with demo_file.session() as s:
        programme_id = find_programme(s, DEMO_PROGRAMME).id
        pool = load_candidates(s, programme_id)
        mentee, mentor = pool.mentees[0].id, pool.mentors[0].id
        withdraw_consent(s, mentee, dt.date(2026, 6, 1))
        withdraw_consent(s, mentor, dt.date(2026, 6, 1))
        pool = load_candidates(s, programme_id)
        assert mentee not in {c.id for c in pool.mentees}
        assert mentor not in {c.id for c in pool.mentors}
        give_consent(s, mentee, dt.date(2026, 7, 1))
        assert mentee in {c.id for c in load_candidates(s, programme_id).mentees}


def test_the_subject_access_pdf_prints_the_same_records_as_the_workbook(demo_file, tmp_path):
    out = tmp_path / "their data.xlsx"
    with demo_file.session() as s:
        person = someone_paired(s)
        add_survey_and_message(s, person, "CANARY-pdf-comment")
        add_note(s, NoteInput(dt.date(2026, 3, 1), "Call", "CANARY-pdf-note", person_id=person.id))
        email, name = person.email, person.full_name
    with demo_file.session() as s:
        export_person(s, email, out, today=dt.date(2026, 12, 3))
        sheets = subject_access_sheets(s, find_person(s, email))
    pdf = PdfReader(tmp_path / "their data.pdf")
    text = " ".join(page.extract_text() for page in pdf.pages)
    flat = " ".join(text.split())
    assert f"Everything held about {name}" in flat
    assert "Subject access request" in flat
    assert "Issued 3 December 2026" in flat
    for sheet in sheets:
        assert sheet.name in flat
    for canary in ("CANARY-pdf-note", "CANARY-pdf-comment", email, "Welcome to ADVANCE"):
        assert canary in flat
    assert f"Page 1 of {len(pdf.pages)}" in flat
    # The PDF's own properties name no one: they show in file listings and search indexes.
    assert name not in str(pdf.metadata)
    assert openpyxl.load_workbook(out).sheetnames == [s.name for s in sheets]


def test_a_subject_access_export_that_cannot_write_its_pdf_leaves_nothing(demo_file, tmp_path):
    out = tmp_path / "them.xlsx"
    (tmp_path / "them.pdf").mkdir()  # a folder where the PDF should go
    with demo_file.session() as s:
        email = someone_paired(s).email
        with pytest.raises(ExportFailed):
            export_person(s, email, out)
    assert not out.exists()
    left = {p.name for p in tmp_path.iterdir()} - {"demo.mentordesk", "demo.mentordesk.lock"}
    assert left == {"them.pdf"}
    assert not any((tmp_path / "them.pdf").iterdir())


def test_subject_access_holds_the_career_stage_and_the_line_manager(demo_file, tmp_path):
    out = tmp_path / "them.xlsx"
    with demo_file.session() as s:
        person = s.scalars(
            select(Person).where(Person.line_manager_id.is_not(None)).order_by(Person.id)
        ).first()
        assert person is not None
        email, stage, manager = person.email, person.stage, person.line_manager
        assert manager is not None
        assert stage
        boss = f"{manager.full_name} <{manager.email}>"
        export_person(s, email, out)
    workbook = openpyxl.load_workbook(out)
    facts = {r[0].value: r[1].value for r in workbook["Person"].iter_rows(min_row=2)}
    assert facts["Career stage"] == stage
    assert facts["Career stage guessed from the position"] is False
    assert facts["Line manager"] == boss
