"""PDF documents of a programme, read back with pypdf and checked against the data."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import select

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    Audience,
    EventKind,
    PairingStatus,
    Role,
    Rsvp,
)
from mentordesk.domain.errors import ExportFailed, InvalidInput, NotFound
from mentordesk.formats.pdf import Document, format_date
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.dashboard import percent_text, programme_figures
from mentordesk.services.documents.certificates import certificate_recipients, certificates
from mentordesk.services.documents.letters import introduction_letter, introduction_letters
from mentordesk.services.documents.programme_report import programme_report
from mentordesk.services.documents.sign_in import BLANK_SIGN_IN_ROWS, sign_in_sheet
from mentordesk.services.events import (
    EventInput,
    add_event,
    cancel_event,
    event_register,
    set_attendance,
)
from mentordesk.services.messages import record_prepared
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.survey_results import feedback_summary, item_changes
from mentordesk.services.training import Requirement, set_requirements
from mentordesk.store.models import Event, Pairing, Programme
from tests.helpers.pdf import image_count, inked_share, page_texts, pdf_text, render_pages

LUX = ZoneInfo("Europe/Luxembourg")
TODAY = dt.date(2026, 3, 1)


def pdfs_in(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*.pdf")}


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), LUX)


def png_logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (31, 58, 95)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def pilot(programme_file, programme_id, strands):
    """Pilot 2026 with one introduced pairing, one circle, training rules and events.

    Returns a dict of ids: people by short name, pairings, events.
    """
    ids: dict[str, int] = {}
    with programme_file.session() as s:

        def person(key, first, last, role, strand, **fields):
            application = ApplicationInput(
                strands[strand], role, ApplicationStatus.ACCEPTED, goals=fields.pop("goals", "")
            )
            ids[key] = add_applicant(
                s,
                PersonInput(first, last, f"{key}@pilot.example", **fields),
                application,
            )

        person(
            "zofia", "Žofia", "Łukasiewicz", Role.MENTOR, "Fellows",
            position="Professor", department="Department of Physics",
            organisation="Université de Lorraine", stage="Full professor",
            expertise="grant writing, leadership",
        )  # fmt: skip
        person(
            "minh", "Minh", "Nguyễn Thị", Role.MENTEE, "Fellows",
            position="Postdoctoral researcher", department="Department of Physics",
            organisation="Université de Lorraine", goals="Prepare an ERC Starting Grant.",
        )  # fmt: skip
        person("ines", "Inès", "Dubois", Role.MENTOR, "Circles", position="Professor")
        for key, first, last in (
            ("ana", "Ana", "Silva"),
            ("ben", "Ben", "Okafor"),
            ("chloe", "Chloé", "Martin"),
        ):
            person(key, first, last, Role.MENTEE, "Circles", position="Doctoral candidate")
        person("lone", "Lone", "Hansen", Role.MENTEE, "Fellows")
        ids["pairing"] = add_pairing(
            s,
            PairingInput(
                strand_id=strands["Fellows"],
                mentor_id=ids["zofia"],
                mentee_ids=[ids["minh"]],
                status=PairingStatus.INTRODUCED,
                proposed_on=dt.date(2026, 2, 20),
                match_explanation="Both work in condensed-matter physics; Polish and English.",
                meeting_frequency="Every three weeks",
                meeting_length="1 hour",
                meeting_venue="Library café",
                review_on=dt.date(2026, 9, 1),
            ),
        )
        ids["circle"] = add_pairing(
            s,
            PairingInput(
                strand_id=strands["Circles"],
                mentor_id=ids["ines"],
                mentee_ids=[ids["ana"], ids["ben"], ids["chloe"]],
                name="Circle North",
                status=PairingStatus.ACTIVE,
                started_on=dt.date(2026, 2, 1),
            ),
        )
        ids["draft"] = add_pairing(
            s,
            PairingInput(
                strand_id=strands["Fellows"],
                mentor_id=ids["zofia"],
                mentee_ids=[ids["lone"]],
                status=PairingStatus.PROPOSED,
                draft=True,
            ),
        )
        set_requirements(
            s,
            programme_id,
            [Requirement(EventKind.ORIENTATION, r) for r in (Role.MENTOR, Role.MENTEE)],
        )

        def event(key, kind, title, day, audience=Audience.EVERYONE, **fields):
            ids[key] = add_event(
                s,
                programme_id,
                EventInput(kind, title, at(day, 9), at(day, 12), audience=audience, **fields),
            )

        event("past", EventKind.ORIENTATION, "January orientation", dt.date(2026, 1, 20))
        event(
            "orientation", EventKind.ORIENTATION, "Spring orientation", dt.date(2026, 3, 10),
            location="Room 1.01", facilitator="Dr Hélène Marx",
        )  # fmt: skip
        event("mentors", EventKind.MENTOR_TRAINING, "Mentor skills", dt.date(2026, 3, 17),
              Audience.MENTORS)  # fmt: skip
        event("chosen", EventKind.WORKSHOP, "Grant clinic", dt.date(2026, 4, 2), Audience.CHOSEN)
        event("cancelled", EventKind.NETWORKING, "Cancelled mixer", dt.date(2026, 4, 9))
        cancel_event(s, ids["cancelled"])
        set_attendance(s, ids["past"], ids["zofia"], AttendanceStatus.ATTENDED, 180)
        set_attendance(s, ids["past"], ids["ana"], AttendanceStatus.ATTENDED, 180)
        set_attendance(s, ids["chosen"], ids["minh"], AttendanceStatus.INVITED)
        for key, status, rsvp in (
            ("minh", AttendanceStatus.REGISTERED, Rsvp.ACCEPTED),
            ("ben", AttendanceStatus.INVITED, Rsvp.NO_REPLY),
            ("chloe", AttendanceStatus.INVITED, Rsvp.DECLINED),
            ("lone", AttendanceStatus.EXCUSED, Rsvp.NO_REPLY),
            ("ana", AttendanceStatus.INVITED, Rsvp.TENTATIVE),
        ):
            set_attendance(s, ids["orientation"], ids[key], status, rsvp=rsvp)
    return ids


# Sign-in sheets -------------------------------------------------------------------------


def test_sign_in_sheet_lists_the_register_by_last_name_without_emails(
    programme_file, pilot, tmp_path
):
    out = tmp_path / "sign-in.pdf"
    with programme_file.session() as s:
        assert sign_in_sheet(s, pilot["orientation"], out, today=TODAY) == out
    text = pdf_text(out)
    assert "Spring orientation" in text
    assert "Date 10 Mar 2026" in text
    assert "Time 09:00–12:00" in text
    assert "Where Room 1.01" in text
    assert "Facilitator Dr Hélène Marx" in text
    # By last name: Nguyễn Thị, Okafor, Silva; Chloé declined and Lone was excused.
    assert "1 Minh Nguyễn Thị" in text
    assert "2 Ben Okafor" in text
    assert "3 Ana Silva" in text
    assert "Chloé" not in text
    assert "Hansen" not in text
    assert "3 people on the register" in text
    # Numbered empty rows follow for walk-ins; nobody's email is on a sheet passed round.
    assert f"{3 + BLANK_SIGN_IN_ROWS}" in text.split("Signature")[-1]
    assert "@" not in text
    assert "Issued 1 March 2026" in text


def test_a_cancelled_event_or_a_missing_one_gets_no_sheet(programme_file, pilot, tmp_path):
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="cancelled"):
            sign_in_sheet(s, pilot["cancelled"], tmp_path / "x.pdf")
        with pytest.raises(NotFound):
            sign_in_sheet(s, 99999, tmp_path / "x.pdf")
        with pytest.raises(ExportFailed, match="does not exist"):
            sign_in_sheet(s, pilot["orientation"], tmp_path / "nowhere" / "x.pdf")
    assert pdfs_in(tmp_path) == set()


# Introduction letters ---------------------------------------------------------------------


def test_the_mentees_letter_introduces_the_mentor_and_says_what_to_do(programme_file, pilot):
    with programme_file.session() as s:
        data = introduction_letter(s, pilot["pairing"], pilot["minh"], today=TODAY)
    text = pdf_text(data)
    assert "Dear Minh," in text
    assert "Your mentor" in text
    assert "Žofia Łukasiewicz" in text
    assert "Experience grant writing, leadership" in text
    assert "Both work in condensed-matter physics; Polish and English." in text
    assert "Meetings Every three weeks" in text
    assert "Venue Library café" in text
    assert "On 1 September 2026 you will review the partnership" in text
    assert "What is expected of you as a mentee" in text
    assert "Take the lead" in text
    # Training: orientation is still to do, and the next session is named.
    assert "Still to do: next session “Spring orientation” on 10 Mar 2026 at 09:00" in text
    # Dates still to come meant for her: everyone's and the workshop she is invited to,
    # not the mentors' training, not a cancelled or past event.
    diary = text.split("Dates for your diary", 1)[1]
    assert "Spring orientation" in diary
    assert "Grant clinic" in diary
    assert "Mentor skills" not in diary
    assert "Cancelled mixer" not in diary
    assert "January orientation" not in diary
    assert "Personal" in text


def test_the_mentors_letter_describes_the_mentee_and_their_goals(programme_file, pilot):
    with programme_file.session() as s:
        data = introduction_letter(s, pilot["pairing"], pilot["zofia"], today=TODAY)
    text = pdf_text(data)
    assert "Dear Žofia," in text
    assert "Your mentee" in text
    assert "Minh Nguyễn Thị" in text
    assert "Hopes to work on Prepare an ERC Starting Grant." in text
    assert "What is expected of you as a mentor" in text
    assert "Completed on 20 Jan 2026" in text
    diary = text.split("Dates for your diary", 1)[1]
    assert "Mentor skills" in diary
    assert "Grant clinic" not in diary


def test_circle_letters_name_the_facilitator_and_the_other_members(programme_file, pilot):
    with programme_file.session() as s:
        member = pdf_text(introduction_letter(s, pilot["circle"], pilot["ben"], today=TODAY))
        facilitator = pdf_text(introduction_letter(s, pilot["circle"], pilot["ines"], today=TODAY))
    assert "Your circle, Circle North" in member
    assert "Your facilitator" in member
    assert "Inès Dubois" in member
    others = member.split("The other members", 1)[1]
    assert "Ana Silva" in others
    assert "Chloé Martin" in others
    assert "Ben Okafor Doctoral" not in others  # not listed among the others
    assert "What is expected of you as a member" not in member
    assert "the 3 members of Circle North" in facilitator
    assert "What is expected of you as the facilitator" in facilitator


def test_a_letter_for_someone_outside_the_pairing_or_for_a_draft_is_refused(programme_file, pilot):
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="is not in pairing"):
            introduction_letter(s, pilot["pairing"], pilot["ana"], today=TODAY)
        with pytest.raises(InvalidInput, match="draft"):
            introduction_letter(s, pilot["draft"], pilot["lone"], today=TODAY)
        with pytest.raises(NotFound):
            introduction_letter(s, 99999, pilot["ana"], today=TODAY)


def test_letters_go_to_the_people_of_pairings_not_yet_introduced(
    programme_file, programme_id, pilot, tmp_path
):
    with programme_file.session() as s:
        # The circle's introduction e-mail was already prepared (and logged).
        record_prepared(
            s, programme_id, pilot["ines"], "introduction", "Welcome", pairing_id=pilot["circle"]
        )
        written = introduction_letters(s, programme_id, tmp_path, today=TODAY)
    # The introduced pairing only: the circle was introduced by e-mail, the other is a draft.
    assert sorted(p.name for p in written) == [
        "Introduction letter - Minh Nguyễn Thị (mentee of Žofia Łukasiewicz).pdf",
        "Introduction letter - Žofia Łukasiewicz (mentor of Minh Nguyễn Thị).pdf",
    ]
    for path in written:
        assert path.parent == tmp_path
        assert "Pilot 2026" in page_texts(path)[0]


def test_chosen_pairings_and_a_folder_that_already_holds_a_letter(
    programme_file, programme_id, pilot, tmp_path
):
    existing = tmp_path / "Introduction letter - Inès Dubois (facilitator of Circle North).pdf"
    existing.write_bytes(b"sent last week")
    with programme_file.session() as s:
        written = introduction_letters(s, programme_id, tmp_path, [pilot["circle"]], today=TODAY)
    assert len(written) == 4
    assert existing.read_bytes() == b"sent last week"
    assert (
        tmp_path / "Introduction letter - Inès Dubois (facilitator of Circle North) (2).pdf"
        in written
    )
    assert "Inès Dubois" in pdf_text(written[0])


def test_letters_are_all_or_nothing(programme_file, programme_id, pilot, tmp_path, monkeypatch):
    real_write = Document.write
    calls = []

    def failing_write(self, path):
        calls.append(path)
        if len(calls) == 3:
            raise ExportFailed(f"{path.name} could not be written: the disk is full.")
        real_write(self, path)

    monkeypatch.setattr(Document, "write", failing_write)
    with programme_file.session() as s, pytest.raises(ExportFailed, match="disk is full"):
        introduction_letters(s, programme_id, tmp_path, [pilot["circle"]], today=TODAY)
    assert pdfs_in(tmp_path) == set()


def test_letters_refuse_drafts_other_programmes_and_bad_folders(
    programme_file, programme_id, pilot, tmp_path
):
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="draft"):
            introduction_letters(s, programme_id, tmp_path, [pilot["draft"]])
        with pytest.raises(ExportFailed, match="does not exist"):
            introduction_letters(s, programme_id, tmp_path / "missing")
        (tmp_path / "a file").write_text("x")
        with pytest.raises(ExportFailed, match="not a folder"):
            introduction_letters(s, programme_id, tmp_path / "a file")
        for pairing in ("pairing", "circle"):
            record_prepared(
                s, programme_id, pilot["zofia"], "introduction", "Hello", pairing_id=pilot[pairing]
            )
        with pytest.raises(NotFound, match="has had its introduction sent"):
            introduction_letters(s, programme_id, tmp_path)


def test_the_programme_logo_heads_every_letter(programme_file, programme_id, pilot):
    with programme_file.session() as s:
        s.get(Programme, programme_id).logo = png_logo()
        data = introduction_letter(s, pilot["pairing"], pilot["minh"], today=TODAY)
    assert all(image_count(data, page) == 1 for page in range(len(page_texts(data))))


# Certificates ----------------------------------------------------------------------------------


def test_certificates_for_active_pairings_and_training_but_not_drafts(
    programme_file, programme_id, pilot, tmp_path
):
    with programme_file.session() as s:
        written = certificates(s, programme_id, tmp_path, today=dt.date(2026, 12, 15))
    names = sorted(p.name for p in written)
    # The circle is active; Žofia attended training; the introduced pairing and the
    # draft earn nothing yet.
    assert names == [
        "Certificate of participation - Ana Silva.pdf",
        "Certificate of participation - Ben Okafor.pdf",
        "Certificate of participation - Chloé Martin.pdf",
        "Certificate of participation - Inès Dubois.pdf",
        "Certificate of participation - Žofia Łukasiewicz.pdf",
    ]
    ana = pdf_text(tmp_path / "Certificate of participation - Ana Silva.pdf")
    assert "This is to certify that Ana Silva" in ana
    assert "as a member of Circle North in the Circles strand, since February 2026" in ana
    assert "January orientation, 20 January 2026" in ana
    ines = pdf_text(tmp_path / "Certificate of participation - Inès Dubois.pdf")
    assert "as the facilitator of Circle North" in ines
    zofia = pdf_text(tmp_path / "Certificate of participation - Žofia Łukasiewicz.pdf")
    assert "took part in the training of the Pilot 2026 mentoring programme" in zofia
    assert "Issued 15 December 2026" in zofia


def test_a_completed_pairing_gives_its_period(programme_file, programme_id, pilot, tmp_path):
    with programme_file.session() as s:
        circle = s.get(Pairing, pilot["circle"])
        circle.status = PairingStatus.COMPLETED
        circle.ended_on = dt.date(2026, 11, 30)
        s.flush()
        [path] = certificates(s, programme_id, tmp_path, [pilot["ben"]])
    assert "from February 2026 to November 2026" in pdf_text(path)


def test_a_certificate_for_someone_who_has_not_taken_part_is_refused(
    programme_file, programme_id, pilot, tmp_path
):
    with programme_file.session() as s, pytest.raises(InvalidInput) as refused:
        certificates(s, programme_id, tmp_path, [pilot["ana"], pilot["lone"]])
    assert f"1 of the people chosen (id {pilot['lone']}) has no active" in refused.value.message
    assert "Hansen" not in refused.value.message
    assert pdfs_in(tmp_path) == set()


def test_the_recipients_are_the_people_certificates_would_be_written_for(
    programme_file, programme_id, pilot
):
    with programme_file.session() as s:
        recipients = certificate_recipients(s, programme_id)
    assert set(recipients) == {pilot[k] for k in ("ana", "ben", "chloe", "ines", "zofia")}


# On the demo programme, as a coordinator would look at them --------------------------------


def test_every_document_of_the_demo_renders_to_inked_pages(demo_file, demo_programme_id, tmp_path):
    with demo_file.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.title.like("Orientation training for%")))
        sheet = sign_in_sheet(s, event_id, tmp_path / "sign-in.pdf")
        (tmp_path / "letters").mkdir()
        letter_paths = introduction_letters(s, demo_programme_id, tmp_path / "letters")
        (tmp_path / "certificates").mkdir()
        certificate_paths = certificates(s, demo_programme_id, tmp_path / "certificates")
    assert len(letter_paths) >= 2
    assert len(certificate_paths) >= 10
    for pdf in (sheet, letter_paths[0], certificate_paths[0]):
        pngs = render_pages(pdf, tmp_path / "png")
        assert pngs
        assert all(inked_share(png) > 0.005 for png in pngs)


def test_the_demo_sign_in_sheet_lists_everyone_attending(demo_file, tmp_path):
    with demo_file.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.title.like("Orientation training for%")))
        expected = [
            line.name
            for line in event_register(s, event_id)
            if line.status is not AttendanceStatus.EXCUSED and line.rsvp is not Rsvp.DECLINED
        ]
        path = sign_in_sheet(s, event_id, tmp_path / "sheet.pdf")
    text = pdf_text(path)
    positions = [text.index(f"{n} {name}") for n, name in enumerate(expected, start=1)]
    assert positions == sorted(positions)
    assert f"{len(expected)} people on the register" in text


# The programme report ----------------------------------------------------------------------

REPORT_DAY = dt.date(2026, 11, 25)


def _report(programme_file, programme_id, tmp_path, *, min_group_size=None, logo=None):
    out = tmp_path / "report.pdf"
    with programme_file.session() as s:
        programme = s.get(Programme, programme_id)
        if min_group_size is not None:
            programme.min_group_size = min_group_size
        if logo is not None:
            programme.logo = logo
        s.flush()
        programme_report(s, programme_id, out, REPORT_DAY)
        figures = programme_figures(s, programme_id, REPORT_DAY)
        feedback = feedback_summary(s, programme_id)
        changes = item_changes(s, programme_id)
    return out, figures, feedback, changes


def test_the_report_prints_the_dashboards_figures_when_nothing_is_too_small(
    demo_file, demo_programme_id, tmp_path
):
    out, figures, feedback, changes = _report(
        demo_file, demo_programme_id, tmp_path, min_group_size=1
    )
    text = pdf_text(out)
    assert "Programme report" in text
    assert "ADVANCE 2026 · figures on 25 November 2026" in text
    assert "fewer than" not in text
    assert "withheld" not in text.replace("“withheld”", "")
    apps = figures.applications
    assert f"Mentee applications {apps.mentee_applications.value} for {apps.places} places" in text
    for strand in figures.strands:
        share = percent_text(strand.accepted_mentees.value / strand.mentee_applications.value)
        assert (
            f"{strand.name} {strand.format.label} {strand.places} "
            f"{strand.mentee_applications.value} {strand.accepted_mentees.value} {share} "
            f"{strand.accepted_mentors.value}"
        ) in text
        by_status = strand.by_status
        for count in by_status:
            assert f"Applications {count.status.label.lower()} {count.count.value}" in text
    total = (
        f"All strands {apps.places} {apps.mentee_applications.value} {apps.accepted_mentees.value}"
    )
    assert total in text
    pairings = figures.pairings
    assert f"Published pairings and circles {pairings.published.value}" in text
    assert f"Check-ins overdue {pairings.overdue_check_ins.value}" in text
    for rule in figures.training.requirements:
        assert (
            f"{rule.label} {rule.required.value} {rule.completed.value} {rule.missing.value} "
            f"{percent_text(rule.completion.value)}"
        ) in text
    for event in figures.events:
        day = event.starts_at.astimezone(LUX).date()
        assert f"{format_date(day)} {event.title}" in text
        assert (
            f"{event.invited.value} {event.registered.value} {event.attended.value} "
            f"{percent_text(event.attendance.value)}"
        ) in text
    for group in figures.participation.by_gender.shown:
        assert (
            f"{group.label} {group.people.value} {group.mentors.value} {group.mentees.value}"
        ) in text
    assert feedback.responses > 0
    assert changes
    assert f"Overall rating (1–5, mean) {feedback.mean_rating:.1f}" in text
    assert f"Would recommend the programme {percent_text(feedback.recommend_rate)}" in text
    for change in changes:
        assert (
            f"{change.people} {change.mean_pre:.1f} {change.mean_post:.1f} {change.change:+.1f}"
        ) in text


def test_figures_about_fewer_people_than_the_minimum_are_withheld(
    demo_file, demo_programme_id, tmp_path
):
    out, figures, _feedback, _changes = _report(demo_file, demo_programme_id, tmp_path)
    text = pdf_text(out)
    assert figures.min_group_size == 5
    assert "a figure about fewer than 5 people (but more than none)" in text
    small = [g for g in figures.participation.by_career_stage.shown if 0 < g.people.value < 5]
    assert small, "the demo has small career-stage groups"
    for group in small:
        assert f"{group.label} fewer than 5" in text
        assert f"{group.label} {group.people.value} " not in text
    for event in figures.events:
        if 0 < event.attended.value < 5:
            assert f"{event.invited.value} " in text
    # No percentage of a small group is printed.
    for rule in figures.training.requirements:
        if 0 < rule.missing.value < 5:
            assert f"{rule.label} {rule.required.value} withheld fewer than 5 withheld" in text


def test_one_small_group_beside_a_total_takes_another_with_it(
    programme_file, programme_id, strands, tmp_path
):
    with programme_file.session() as s:
        for n, gender in enumerate(["woman"] * 10 + ["man"] * 6 + ["non-binary"] * 2):
            add_applicant(
                s,
                PersonInput(f"P{n}", "Test", f"p{n}@pilot.example", gender=gender),
                ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
            )
    out, figures, _feedback, _changes = _report(programme_file, programme_id, tmp_path)
    text = pdf_text(out)
    assert figures.participation.participants.value == 18
    gender = text.split("By gender", 1)[1]
    assert "Woman 10 0 10" in gender
    # Non-binary (2) is withheld for itself; Man (6) too, or 18 - 10 - 6 would give it away.
    assert "Non-binary fewer than 5 0 fewer than 5" in gender
    assert "Man withheld 0 withheld" in gender
    assert "Man 6" not in gender


def test_participants_are_counted_by_organisation_small_groups_withheld(
    programme_file, programme_id, strands, tmp_path
):
    places = ["University of Luxembourg"] * 7 + ["university of luxembourg"] + ["LIH"] * 6
    places += ["LIST"] * 2
    with programme_file.session() as s:
        for n, organisation in enumerate(places):
            add_applicant(
                s,
                PersonInput(f"P{n}", "Test", f"p{n}@pilot.example", organisation=organisation),
                ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
            )
    out, figures, _feedback, _changes = _report(programme_file, programme_id, tmp_path)
    labels = [g.label for g in figures.participation.by_organisation.shown]
    assert labels == ["University of Luxembourg", "LIH", "LIST"]
    section = pdf_text(out).split("By organisation", 1)[1]
    # Spellings alike count as one name; LIST's two people are withheld, and LIH's six
    # with them, or 16 - 8 - 6 would give LIST's away.
    assert "University of Luxembourg 8 0 8" in section
    assert "LIST fewer than 5 0 fewer than 5" in section
    assert "LIH withheld 0 withheld" in section
    assert "LIST 2" not in section


def test_the_report_of_an_empty_programme_says_there_is_nothing_yet(
    programme_file, programme_id, tmp_path
):
    out, *_ = _report(programme_file, programme_id, tmp_path)
    text = pdf_text(out)
    assert "No pairing has been published yet." in text
    assert "The programme sets no training requirements." in text
    assert "No past event has a register yet." in text


def test_the_report_has_the_logo_on_every_page_and_renders(demo_file, demo_programme_id, tmp_path):
    out, *_ = _report(demo_file, demo_programme_id, tmp_path, logo=png_logo())
    pages = page_texts(out)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert image_count(out, number - 1) == 1
        assert f"Page {number} of {len(pages)}" in page
    for png in render_pages(out, tmp_path / "png"):
        assert inked_share(png) > 0.005


def test_the_report_into_a_missing_folder_writes_nothing(demo_file, demo_programme_id, tmp_path):
    with demo_file.session() as s, pytest.raises(ExportFailed, match="does not exist"):
        programme_report(s, demo_programme_id, tmp_path / "no" / "r.pdf", REPORT_DAY)
    assert pdfs_in(tmp_path) == set()


def test_a_batch_reports_progress_and_stopping_it_leaves_nothing(
    programme_file, programme_id, pilot, tmp_path
):
    seen = []
    with programme_file.session() as s:
        written = certificates(s, programme_id, tmp_path, progress=lambda *p: seen.append(p))
    assert seen == [(n, len(written)) for n in range(1, len(written) + 1)]

    class Stop(Exception):
        pass

    def stop_after_two(done, total):
        if done == 2:
            raise Stop

    folder = tmp_path / "stopped"
    folder.mkdir()
    with programme_file.session() as s, pytest.raises(Stop):
        introduction_letters(s, programme_id, folder, [pilot["circle"]], progress=stop_after_two)
    assert pdfs_in(folder) == set()


def test_pairings_under_way_are_withheld_with_a_small_status(
    programme_file, programme_id, strands, tmp_path
):
    with programme_file.session() as s:
        for n in range(8):
            people = [
                add_applicant(
                    s,
                    PersonInput(f"{role.value}{n}", "Test", f"{role.value}{n}@pilot.example"),
                    ApplicationInput(strands["Fellows"], role, ApplicationStatus.ACCEPTED),
                )
                for role in (Role.MENTOR, Role.MENTEE)
            ]
            add_pairing(
                s,
                PairingInput(
                    strand_id=strands["Fellows"],
                    mentor_id=people[0],
                    mentee_ids=[people[1]],
                    status=PairingStatus.EXTENDED if n < 2 else PairingStatus.ACTIVE,
                    started_on=dt.date(2026, 2, 1),
                ),
            )
    out, figures, _feedback, _changes = _report(programme_file, programme_id, tmp_path)
    text = pdf_text(out)
    assert figures.pairings.active.value == 8
    assert "Published pairings and circles 8" in text
    # Extended (2) is withheld, Active (6) with it, and so is their sum, under way.
    assert "Active withheld" in text
    assert "Extended fewer than 5" in text
    assert "Under way (active or extended) withheld" in text
    assert "Pairings and circles under way withheld of 8 published" in text
