"""The programme's letterhead and signature line on every PDF and at the foot of its messages."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from pathlib import Path

import pytest

from mentordesk.domain.enums import EventKind, PairingStatus
from mentordesk.services.documents.certificates import certificates
from mentordesk.services.documents.letters import introduction_letter
from mentordesk.services.documents.programme_report import programme_report
from mentordesk.services.documents.sign_in import sign_in_sheet
from mentordesk.services.drafts import mailto_url
from mentordesk.services.events import EventInput, add_event
from mentordesk.services.messages import get_template, save_template
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.programmes import edit_programme, programme_settings
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.pdf import page_texts, pdf_text, render_pages

from .conftest import AddSomeone

TODAY = dt.date(2026, 12, 8)


@pytest.fixture
def pairing(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> tuple[int, int]:
    """An active pairing of the Pilot's Fellows strand: its id and its mentor's."""
    with programme_file.session() as s:
        mentor, mentee = add_someone(s), add_someone(s)
        pairing_id = add_pairing(
            s,
            PairingInput(
                strands["Fellows"],
                mentor,
                [mentee],
                status=PairingStatus.ACTIVE,
                started_on=dt.date(2026, 2, 1),
            ),
        )
        return pairing_id, mentor


def _sign(programme_file: ProgrammeFile, programme_id: int, name: str, line: str) -> None:
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.letterhead_name, settings.signature_line = name, line
        edit_programme(s, programme_id, settings)


def test_every_document_is_headed_with_the_letterhead_name_and_signed_with_the_line(
    programme_file: ProgrammeFile,
    programme_id: int,
    pairing: tuple[int, int],
    tmp_path: Path,
) -> None:
    _sign(programme_file, programme_id, "University of Luxembourg", "Dr Ada Weiss, coordinator")
    start = dt.datetime(2026, 12, 10, 9, tzinfo=dt.UTC)
    with programme_file.session() as s:
        event = add_event(
            s,
            programme_id,
            EventInput(EventKind.ORIENTATION, "Orientation", start, start + dt.timedelta(hours=2)),
        )
        letter = introduction_letter(s, pairing[0], pairing[1], today=TODAY)
        sheet = sign_in_sheet(s, event, tmp_path / "sheet.pdf", today=TODAY)
        report = programme_report(s, programme_id, tmp_path / "report.pdf", TODAY)
        (certificate,) = certificates(s, programme_id, tmp_path, [pairing[1]], today=TODAY)

    for pdf in (letter, sheet, report, certificate):
        first = page_texts(pdf)[0]
        assert first.startswith("University of Luxembourg"), first[:80]
    assert "The Pilot 2026 programme team Dr Ada Weiss, coordinator" in pdf_text(letter)
    assert "Dr Ada Weiss, coordinator Date" in pdf_text(certificate)
    assert render_pages(certificate, tmp_path / "pages")


def test_without_a_letterhead_the_programme_name_heads_documents(
    programme_file: ProgrammeFile, programme_id: int, pairing: tuple[int, int]
) -> None:
    with programme_file.session() as s:
        letter = introduction_letter(s, pairing[0], pairing[1], today=TODAY)

    text = pdf_text(letter)
    assert text.startswith("Pilot 2026")
    assert "With best wishes, The Pilot 2026 programme team" in text


def test_the_shipped_messages_are_signed_with_the_signature_placeholder(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        before = get_template(s, programme_id, "accepted").body
    _sign(programme_file, programme_id, "", "ADVANCE office {Belval}")
    with programme_file.session() as s:
        accepted = get_template(s, programme_id, "accepted")
        # Saving the shipped text as it is shown keeps no wording of the programme's own.
        save_template(s, programme_id, "accepted", accepted.subject, accepted.body)
        assert not get_template(s, programme_id, "accepted").customised

    # The line is filled in when a message is written, never baked into the text.
    assert before.endswith("With best wishes,\n{coordinator_name}\n{signature}")
    assert accepted.body == before


@pytest.mark.parametrize(
    ("line", "foot"),
    [
        ("ADVANCE office {Belval}", "Bureau ADVANCE\nADVANCE office {Belval}"),
        ("", "Bureau ADVANCE"),
    ],
)
def test_a_message_ends_with_the_programmes_signature_line_when_it_has_one(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone, line: str, foot: str
) -> None:
    _sign(programme_file, programme_id, "", line)
    office = ("Bureau ADVANCE", "advance@uni.example")
    own_text = "Dear {first_name}, please wait.\n{coordinator_name}\n{signature}"
    with programme_file.session() as s:
        person = add_someone(s)
        save_template(s, programme_id, "waitlisted", "Wait", own_text)
        own = mailto_url(s, person, "waitlisted", programme_id, sender=office)
        shipped = mailto_url(s, person, "declined", programme_id, sender=office)
    for url in (own, shipped):
        body = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["body"][0]
        assert body.replace("\r\n", "\n").endswith("\n" + foot), body[-80:]
