import datetime as dt
import urllib.parse
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import func, select

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    PairingStatus,
    Role,
    Rsvp,
)
from mentordesk.domain.errors import ExportFailed, InvalidInput, NotFound
from mentordesk.services import drafts as drafts_module
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.drafts import (
    drafts_for_event,
    drafts_for_pairings,
    drafts_for_people,
    mailto_url,
    outlook_addresses,
)
from mentordesk.services.events import EventInput, add_event, cancel_event, set_attendance
from mentordesk.services.messages import log_rows, save_template
from mentordesk.services.pairings import CheckInInput, PairingInput, add_pairing
from mentordesk.services.programmes import ProgrammeInput, create_programme
from mentordesk.store.models import Application, Event, MessageLog, MessageTemplate, Person
from tests.helpers.pdf import pdf_text

LUX = ZoneInfo("Europe/Luxembourg")
TODAY = dt.date(2026, 11, 25)
OFFICE = ("Bureau ADVANCE", "advance@uni.example")


def parse(path: Path) -> EmailMessage:
    message = BytesParser(policy=default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def body_of(message: EmailMessage) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return text.replace("\r\n", "\n")


def recipient(message: EmailMessage) -> tuple[str, str]:
    (to,) = message["To"].addresses
    return to.display_name, to.addr_spec


def log_count(programme_file) -> int:
    with programme_file.session() as s:
        return s.scalar(select(func.count(MessageLog.id)))


@pytest.fixture
def out_dir(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder


@pytest.fixture
def pilot(programme_file, programme_id, strands):
    """People, pairings and an orientation session in the Pilot 2026 programme."""
    with programme_file.session() as s:
        ids = {}
        for key, first, last, email, strand, role, status, extra in [
            ("amelie", "Amélie", "Müller", "amelie.muller@uni.example", "Fellows",
             Role.MENTEE, ApplicationStatus.ACCEPTED, {}),
            ("lovelace", "Ada", "Lovelace, PhD", "ada@uni.example", "Fellows",
             Role.MENTEE, ApplicationStatus.ACCEPTED, {}),
            ("ben", "Ben", "Okafor", "ben.okafor@lih.example", "Fellows", Role.MENTOR,
             ApplicationStatus.ACCEPTED,
             {"position": "Associate professor", "department": "Department of Cancer Research",
              "organisation": "Luxembourg Institute of Health"}),
            ("withdrawn", "Wanda", "Gone", "wanda@uni.example", "Fellows", Role.MENTEE,
             ApplicationStatus.ACCEPTED, {}),
            ("waiting", "Wim", "Wait", "wim@uni.example", "Fellows", Role.MENTEE,
             ApplicationStatus.WAITLISTED, {}),
            ("cleo", "Cléo", "Facil", "cleo@uni.example", "Circles", Role.MENTOR,
             ApplicationStatus.ACCEPTED, {}),
            ("dana", "Dana", "Doc", "dana@uni.example", "Circles", Role.MENTEE,
             ApplicationStatus.ACCEPTED, {}),
            ("emil", "Emil", "Doc", "emil@uni.example", "Circles", Role.MENTEE,
             ApplicationStatus.ACCEPTED, {}),
            ("outsider", "Otto", "Side", "otto@uni.example", "Fellows", Role.MENTEE,
             ApplicationStatus.ACCEPTED, {}),
        ]:  # fmt: skip
            application = add_applicant(
                s,
                PersonInput(first, last, email, **extra),
                ApplicationInput(strands[strand], role, status),
            )
            ids[key] = s.get(Application, application).person_id
        s.get(Person, ids["withdrawn"]).consent_withdrawn_on = dt.date(2026, 5, 3)
        pairing = add_pairing(
            s,
            PairingInput(
                strands["Fellows"],
                ids["ben"],
                [ids["amelie"]],
                status=PairingStatus.ACTIVE,
                started_on=dt.date(2026, 2, 1),
                match_explanation="Shared field and language.",
                check_ins=[
                    CheckInInput(dt.date(2026, 3, 1), dt.date(2026, 3, 2)),
                    CheckInInput(dt.date(2026, 11, 30)),
                ],
            ),
        )
        circle = add_pairing(
            s,
            PairingInput(
                strands["Circles"],
                ids["cleo"],
                [ids["emil"], ids["dana"]],
                name="Circle A",
                status=PairingStatus.INTRODUCED,
            ),
        )
        draft = add_pairing(
            s,
            PairingInput(strands["Fellows"], ids["ben"], [ids["lovelace"]], draft=True),
        )
        start = dt.datetime(2026, 12, 3, 14, tzinfo=LUX)
        orientation = add_event(
            s,
            programme_id,
            EventInput(
                EventKind.ORIENTATION,
                "Orientation – formation d'accueil",
                start,
                start + dt.timedelta(hours=3),
                location="Maison du Savoir, Belval",
                online_link="https://teams.example/l/meetup-join/orientation",
                facilitator="Dr Hélène Marx",
            ),
        )
        set_attendance(s, orientation, ids["amelie"], AttendanceStatus.INVITED)
        set_attendance(s, orientation, ids["ben"], AttendanceStatus.REGISTERED)
        set_attendance(
            s, orientation, ids["lovelace"], AttendanceStatus.INVITED, rsvp=Rsvp.DECLINED
        )
        networking = add_event(
            s,
            programme_id,
            EventInput(
                EventKind.NETWORKING,
                "Winter networking evening",
                dt.datetime(2026, 12, 8, 18, tzinfo=LUX),
                dt.datetime(2026, 12, 8, 21, tzinfo=LUX),
            ),
        )
        set_attendance(s, networking, ids["amelie"], AttendanceStatus.INVITED)
    return SimpleNamespace(
        people=ids, pairing=pairing, circle=circle, draft=draft,
        orientation=orientation, networking=networking,
    )  # fmt: skip


def test_one_unsent_draft_per_person_with_a_personal_body_and_a_log_entry(
    programme_file, programme_id, pilot, out_dir
):
    people = [pilot.people["amelie"], pilot.people["lovelace"], pilot.people["withdrawn"]]
    with programme_file.session() as s:
        result = drafts_for_people(
            s, programme_id, "accepted", people, out_dir, today=TODAY, sender=OFFICE
        )
    assert [p.name for p in result.written] == [
        "2026-11-25 accepted - Amélie Müller.eml",
        "2026-11-25 accepted - Ada Lovelace, PhD.eml",
    ]
    assert result.skipped == ["Wanda Gone: withdrew consent on 3 May 2026"]
    amelie, ada = (parse(p) for p in result.written)
    assert amelie["X-Unsent"] == "1"
    assert recipient(amelie) == ("Amélie Müller", "amelie.muller@uni.example")
    assert recipient(ada) == ("Ada Lovelace, PhD", "ada@uni.example")
    assert amelie["From"].addresses[0].display_name == "Bureau ADVANCE"
    assert str(amelie["Subject"]) == "Welcome to Pilot 2026"
    text = body_of(amelie)
    assert text.startswith("Dear Amélie,\n\n")
    assert "take part in Pilot 2026 as a mentee in the Fellows strand" in text
    assert text.endswith("With best wishes,\nBureau ADVANCE\n")
    assert "Dear Ada," in body_of(ada)
    assert list(amelie.iter_attachments()) == []
    with programme_file.session() as s:
        rows = log_rows(s, programme_id, template_key="accepted")
    assert sorted((r.person_id, r.subject, r.sent_on) for r in rows) == sorted(
        [
            (pilot.people["amelie"], "Welcome to Pilot 2026", None),
            (pilot.people["lovelace"], "Welcome to Pilot 2026", None),
        ]
    )


def test_a_programmes_own_wording_with_accents_in_the_subject(
    programme_file, programme_id, pilot, out_dir
):
    with programme_file.session() as s:
        save_template(
            s,
            programme_id,
            "accepted",
            "Bienvenue à {programme}, {first_name} !",
            "Chère {first_name}, {{bienvenue}}.",
        )
        result = drafts_for_people(
            s, programme_id, "accepted", [pilot.people["amelie"]], out_dir, today=TODAY
        )
    message = parse(result.written[0])
    assert str(message["Subject"]) == "Bienvenue à Pilot 2026, Amélie !"
    assert body_of(message) == "Chère Amélie, {bienvenue}.\n"
    assert message["From"] is None
    assert result.written[0].read_bytes().isascii()


def test_existing_files_are_never_replaced(programme_file, programme_id, pilot, out_dir):
    existing = out_dir / "2026-11-25 declined - Amélie Müller.eml"
    existing.write_text("mine")
    with programme_file.session() as s:
        first = drafts_for_people(
            s, programme_id, "declined", [pilot.people["amelie"]], out_dir, today=TODAY
        )
        second = drafts_for_people(
            s, programme_id, "declined", [pilot.people["amelie"]], out_dir, today=TODAY
        )
    assert existing.read_text() == "mine"
    assert first.written[0].name == "2026-11-25 declined - Amélie Müller (2).eml"
    assert second.written[0].name == "2026-11-25 declined - Amélie Müller (3).eml"
    assert {p.name for p in out_dir.iterdir()} == {
        existing.name,
        first.written[0].name,
        second.written[0].name,
    }


def test_two_people_of_the_same_name_get_two_files(
    programme_file, programme_id, strands, pilot, out_dir
):
    with programme_file.session() as s:
        application = add_applicant(
            s,
            PersonInput("AMÉLIE", "MÜLLER", "amelie2@lih.example"),
            ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
        )
        twin = s.get(Application, application).person_id
        result = drafts_for_people(
            s, programme_id, "accepted", [pilot.people["amelie"], twin], out_dir, today=TODAY
        )
    assert [p.name for p in result.written] == [
        "2026-11-25 accepted - Amélie Müller.eml",
        "2026-11-25 accepted - AMÉLIE MÜLLER (2).eml",
    ]
    assert recipient(parse(result.written[1])) == ("AMÉLIE MÜLLER", "amelie2@lih.example")


def test_an_address_no_mail_program_can_send_to_is_skipped(
    programme_file, programme_id, strands, pilot, out_dir
):
    with programme_file.session() as s:
        application = add_applicant(
            s,
            PersonInput("Zoé", "Noël", "zoé@uni.example"),
            ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
        )
        zoe = s.get(Application, application).person_id
        result = drafts_for_people(
            s, programme_id, "accepted", [zoe, pilot.people["amelie"]], out_dir, today=TODAY
        )
    assert len(result.written) == 1
    (reason,) = result.skipped
    assert reason.startswith("Zoé Noël: the email address has accented letters before the @")
    assert log_count(programme_file) == 1


def test_someone_a_placeholder_has_no_value_for_is_skipped_with_the_reason(
    programme_file, programme_id, pilot, out_dir
):
    with programme_file.session() as s:
        save_template(
            s, programme_id, "waitlisted", "Waiting list", "You are number {waitlist_position}."
        )
        s.get(Application, _application(s, pilot.people["waiting"])).waitlist_rank = 2
        result = drafts_for_people(
            s,
            programme_id,
            "waitlisted",
            [pilot.people["waiting"], pilot.people["amelie"]],
            out_dir,
            today=TODAY,
        )
    assert [p.name for p in result.written] == ["2026-11-25 waitlisted - Wim Wait.eml"]
    assert body_of(parse(result.written[0])) == "You are number 2.\n"
    assert result.skipped == [
        "Amélie Müller: has no place on the waiting list ({waitlist_position})"
    ]


def _application(session, person_id):
    return session.scalar(select(Application.id).where(Application.person_id == person_id))


def test_a_stored_template_that_no_longer_checks_is_refused_before_any_file(
    programme_file, programme_id, pilot, out_dir
):
    with programme_file.session() as s:
        s.add(MessageTemplate(programme_id=programme_id, key="closing", subject="Bye", body="{x}"))
    with programme_file.session() as s, pytest.raises(InvalidInput) as raised:
        drafts_for_people(
            s, programme_id, "closing", [pilot.people["amelie"]], out_dir, today=TODAY
        )
    assert "{x} is not a placeholder" in raised.value.message
    assert list(out_dir.iterdir()) == []


def test_a_survey_request_needs_the_link_and_carries_it(
    programme_file, programme_id, pilot, out_dir
):
    amelie = [pilot.people["amelie"]]
    with programme_file.session() as s, pytest.raises(InvalidInput, match="survey_link"):
        drafts_for_people(s, programme_id, "survey", amelie, out_dir, today=TODAY)
    assert list(out_dir.iterdir()) == []
    link = "https://forms.example/pilot?id=7&lang=fr"
    with programme_file.session() as s:
        result = drafts_for_people(
            s, programme_id, "survey", amelie, out_dir, today=TODAY, values={"survey_link": link}
        )
    assert f"\n\n{link}\n\n" in body_of(parse(result.written[0]))


def test_a_check_in_nudge_names_the_partner_and_the_due_date(
    programme_file, programme_id, pilot, out_dir
):
    with programme_file.session() as s:
        result = drafts_for_people(
            s,
            programme_id,
            "check-in",
            [pilot.people["amelie"], pilot.people["outsider"]],
            out_dir,
            today=TODAY,
        )
    text = body_of(parse(result.written[0]))
    assert "your mentoring with Ben Okafor." in text
    assert "in reply by 30 November 2026" in text
    assert result.skipped == ["Otto Side: is not in a pairing under way ({other_name})"]
    with programme_file.session() as s:
        (row,) = s.scalars(select(MessageLog)).all()
        assert row.pairing_id == pilot.pairing


def test_introductions_go_to_both_sides_each_naming_the_other(
    programme_file, programme_id, pilot, out_dir
):
    with programme_file.session() as s:
        result = drafts_for_pairings(
            s, programme_id, [pilot.pairing, pilot.draft], out_dir, today=TODAY, sender=OFFICE
        )
    assert [p.name for p in result.written] == [
        "2026-11-25 introduction - Ben Okafor.eml",
        "2026-11-25 introduction - Amélie Müller.eml",
    ]
    assert result.skipped == [
        "Ben Okafor – Ada Lovelace, PhD: still a draft proposal; publish it first"
    ]
    to_mentor, to_mentee = (parse(p) for p in result.written)
    assert recipient(to_mentor) == ("Ben Okafor", "ben.okafor@lih.example")
    assert str(to_mentor["Subject"]) == "Pilot 2026: meet your mentee"
    assert "Amélie Müller\namelie.muller@uni.example" in body_of(to_mentor)
    assert str(to_mentee["Subject"]) == "Pilot 2026: meet your mentor"
    assert (
        "Ben Okafor – Associate professor\n"
        "Department of Cancer Research, Luxembourg Institute of Health\n"
        "ben.okafor@lih.example"
    ) in body_of(to_mentee)
    assert "Dear Amélie," in body_of(to_mentee)
    # Each carries the recipient's own introduction letter, naming the other person.
    (letter,) = to_mentee.iter_attachments()
    assert letter.get_filename() == "Introduction letter - Amélie Müller.pdf"
    assert letter.get_content_type() == "application/pdf"
    text = pdf_text(letter.get_content())
    assert "Amélie Müller" in text
    assert "Ben Okafor" in text
    (letter,) = to_mentor.iter_attachments()
    assert letter.get_filename() == "Introduction letter - Ben Okafor.pdf"
    assert "Amélie Müller" in pdf_text(letter.get_content())
    with programme_file.session() as s:
        logged = s.scalars(select(MessageLog).order_by(MessageLog.id)).all()
        assert [(r.person_id, r.template_key, r.pairing_id) for r in logged] == [
            (pilot.people["ben"], "introduction", pilot.pairing),
            (pilot.people["amelie"], "introduction", pilot.pairing),
        ]


def test_a_circles_facilitator_is_introduced_to_every_mentee(
    programme_file, programme_id, pilot, out_dir
):
    with programme_file.session() as s:
        result = drafts_for_pairings(s, programme_id, [pilot.circle], out_dir, today=TODAY)
    assert len(result.written) == 3
    facilitator = parse(result.written[0])
    assert recipient(facilitator)[0] == "Cléo Facil"
    assert str(facilitator["Subject"]) == "Pilot 2026: meet your mentees"
    text = body_of(facilitator)
    assert "Dana Doc\ndana@uni.example\n\nEmil Doc\nemil@uni.example" in text
    for mentee in result.written[1:]:
        assert "Cléo Facil\ncleo@uni.example" in body_of(parse(mentee))


def test_pairings_of_another_programme_are_refused(programme_file, pilot, out_dir):
    with programme_file.session() as s:
        other = create_programme(s, ProgrammeInput("Other 2027"))
    with programme_file.session() as s, pytest.raises(NotFound, match="not in Other 2027"):
        drafts_for_pairings(s, other, [pilot.pairing], out_dir, today=TODAY)


def test_an_invitation_carries_the_event_and_an_ics_naming_only_its_recipient(
    programme_file, programme_id, pilot, out_dir
):
    with programme_file.session() as s:
        result = drafts_for_event(
            s, pilot.orientation, "training-invitation", out_dir, today=TODAY, sender=OFFICE
        )
        uid = s.scalar(select(Event.uid).where(Event.id == pilot.orientation))
    # Ada declined: left out by default.
    assert [recipient(parse(p))[0] for p in result.written] == ["Amélie Müller", "Ben Okafor"]
    assert result.skipped == []
    message = parse(result.written[0])
    assert str(message["Subject"]) == (
        "Invitation: Orientation – formation d'accueil, Thursday 3 December 2026"
    )
    assert (
        "Orientation – formation d'accueil\n"
        "Thursday 3 December 2026, 14:00–17:00\n"
        "Where: Maison du Savoir, Belval\n"
        "Join online: https://teams.example/l/meetup-join/orientation\n"
        "Facilitator: Dr Hélène Marx"
    ) in body_of(message)
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "Orientation – formation d'accueil.ics"
    assert attachment.get_content_type() == "text/calendar"
    calendar = icalendar.Calendar.from_ical(attachment.get_payload(decode=True))
    assert calendar["method"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Orientation – formation d'accueil"
    assert str(event["uid"]) == f"{uid}@mentordesk"
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 3, 14, tzinfo=LUX)
    assert str(event["organizer"]) == "mailto:advance@uni.example"
    attendees = event["attendee"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == ["mailto:amelie.muller@uni.example"]
    with programme_file.session() as s:
        logged = s.scalars(select(MessageLog)).all()
        assert {(r.template_key, r.event_id) for r in logged} == {
            ("training-invitation", pilot.orientation)
        }
        assert len(logged) == 2


def test_without_a_sender_the_ics_adds_the_event_to_a_calendar(programme_file, pilot, out_dir):
    chosen = [pilot.people["amelie"], pilot.people["lovelace"], pilot.people["outsider"]]
    with programme_file.session() as s:
        result = drafts_for_event(
            s, pilot.orientation, "training-reminder", out_dir, today=TODAY, person_ids=chosen
        )
    assert len(result.written) == 1
    assert result.skipped == [
        "Ada Lovelace, PhD: declined the invitation",
        "Otto Side: not on the register of “Orientation – formation d'accueil”",
    ]
    message = parse(result.written[0])
    assert str(message["Subject"]).startswith("Reminder: Orientation")
    (attachment,) = message.iter_attachments()
    calendar = icalendar.Calendar.from_ical(attachment.get_payload(decode=True))
    assert calendar["method"] == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    assert "attendee" not in event


def test_event_messages_must_fit_the_event(programme_file, programme_id, pilot, out_dir):
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="not a training session"):
            drafts_for_event(s, pilot.networking, "training-invitation", out_dir, today=TODAY)
        with pytest.raises(InvalidInput, match="not about an event"):
            drafts_for_event(s, pilot.networking, "accepted", out_dir, today=TODAY)
        with pytest.raises(InvalidInput, match="is over"):
            drafts_for_event(
                s, pilot.networking, "event-invitation", out_dir, today=dt.date(2027, 1, 1)
            )
        with pytest.raises(InvalidInput, match="prepared from an event"):
            drafts_for_people(
                s, programme_id, "event-invitation", [pilot.people["amelie"]], out_dir, today=TODAY
            )
        with pytest.raises(InvalidInput, match="choose the pairings"):
            drafts_for_people(
                s, programme_id, "introduction", [pilot.people["amelie"]], out_dir, today=TODAY
            )
        cancel_event(s, pilot.networking)
    with programme_file.session() as s, pytest.raises(InvalidInput, match="cancelled"):
        drafts_for_event(s, pilot.networking, "event-invitation", out_dir, today=TODAY)
    assert list(out_dir.iterdir()) == []


def test_a_failed_write_keeps_no_draft_and_logs_nothing(
    programme_file, programme_id, pilot, out_dir, monkeypatch
):
    real_write = drafts_module.write_bytes_atomically
    calls = []

    def fail_on_second(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise ExportFailed(f"{path.name} could not be written: the disk is full.")
        real_write(path, data)

    monkeypatch.setattr(drafts_module, "write_bytes_atomically", fail_on_second)
    people = [pilot.people["amelie"], pilot.people["ben"]]
    with programme_file.session() as s, pytest.raises(ExportFailed, match="disk is full"):
        drafts_for_people(s, programme_id, "closing", people, out_dir, today=TODAY)
    assert list(out_dir.iterdir()) == []
    assert log_count(programme_file) == 0


def test_a_missing_folder_is_refused_plainly(programme_file, programme_id, pilot, tmp_path):
    with programme_file.session() as s, pytest.raises(ExportFailed, match="does not exist"):
        drafts_for_people(
            s, programme_id, "closing", [pilot.people["amelie"]], tmp_path / "nope", today=TODAY
        )
    assert log_count(programme_file) == 0


def test_people_no_longer_in_the_file_are_refused(programme_file, programme_id, out_dir):
    with programme_file.session() as s, pytest.raises(NotFound, match="no longer in the file"):
        drafts_for_people(s, programme_id, "closing", [999], out_dir, today=TODAY)


def test_outlook_addresses_keep_each_recipient_whole(programme_file, pilot):
    with programme_file.session() as s:
        s.get(Person, pilot.people["ben"]).last_name = "Okafor; Jr"
        text = outlook_addresses(
            s, [pilot.people["amelie"], pilot.people["lovelace"], pilot.people["ben"]]
        )
    assert text == (
        "Amélie Müller <amelie.muller@uni.example>; "
        '"Ada Lovelace, PhD" <ada@uni.example>; '
        '"Ben Okafor, Jr" <ben.okafor@lih.example>'
    )
    assert len(text.split("; ")) == 3


def test_a_mailto_link_to_one_person(programme_file, pilot):
    with programme_file.session() as s:
        assert mailto_url(s, pilot.people["amelie"]) == "mailto:amelie.muller@uni.example"


def test_a_mailto_link_carries_the_message_percent_encoded(programme_file, programme_id, pilot):
    with programme_file.session() as s:
        save_template(
            s, programme_id, "accepted", "Bienvenue & welcome, {first_name}", "Ligne 1\nLigne 2 +"
        )
        url = mailto_url(s, pilot.people["amelie"], "accepted", programme_id)
    assert url.startswith("mailto:amelie.muller@uni.example?subject=")
    assert "Ligne%201%0D%0ALigne%202%20%2B" in url
    assert "+" not in url
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query == {
        "subject": ["Bienvenue & welcome, Amélie"],
        "body": ["Ligne 1\r\nLigne 2 +"],
    }


def test_a_mailto_link_refuses_what_a_link_cannot_carry(programme_file, programme_id, pilot):
    amelie = pilot.people["amelie"]
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="Choose the programme"):
            mailto_url(s, amelie, "accepted")
        with pytest.raises(InvalidInput, match="attachments"):
            mailto_url(s, amelie, "introduction", programme_id)
        save_template(s, programme_id, "accepted", "Long", "é" * 500)
        with pytest.raises(InvalidInput, match="too long for a mail link"):
            mailto_url(s, amelie, "accepted", programme_id)
        with pytest.raises(NotFound):
            mailto_url(s, 999)
        with pytest.raises(InvalidInput) as raised:
            mailto_url(s, pilot.people["outsider"], "check-in", programme_id, today=TODAY)
    assert raised.value.message == (
        "The Check-in nudge message cannot be written for this person: "
        "is not in a pairing under way ({other_name})."
    )
