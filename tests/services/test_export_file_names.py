"""Letters, certificates and drafts about people with hostile names get valid file names."""

from __future__ import annotations

import datetime as dt
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    PairingStatus,
    Role,
)
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.documents.certificates import certificates
from mentordesk.services.documents.letters import introduction_letters
from mentordesk.services.drafts import drafts_for_event, drafts_for_pairings
from mentordesk.services.events import EventInput, add_event, set_attendance
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.store.models import Application
from tests.helpers.file_names import HOSTILE, name_problems

LUX = ZoneInfo("Europe/Luxembourg")
TODAY = dt.date(2026, 11, 25)
#: A mentor whose name alone is longer than a file name may be, in two-byte letters.
MENTOR = ("Łukasz " + "Ł" * 90, 'Ömer: "the boss" <' + "ø" * 80 + ">")
#: A mentee whose name reads as a Windows device, then as a title full of forbidden marks.
MENTEE = ("CON", "Café & networking: Women/Research? *Année* 2027 | ...")


@pytest.fixture
def hostile(programme_file, programme_id, strands):
    """An active pairing of the two people above, and an event with a hostile title."""
    with programme_file.session() as s:
        ids = {}
        for key, (first, last), role in (
            ("mentor", MENTOR, Role.MENTOR),
            ("mentee", MENTEE, Role.MENTEE),
        ):
            application = add_applicant(
                s,
                PersonInput(first, last, f"{key}@pilot.example"),
                ApplicationInput(strands["Fellows"], role, ApplicationStatus.ACCEPTED),
            )
            ids[key] = s.get(Application, application).person_id
        pairing = add_pairing(
            s,
            PairingInput(
                strands["Fellows"],
                ids["mentor"],
                [ids["mentee"]],
                status=PairingStatus.ACTIVE,
                started_on=dt.date(2026, 2, 1),
            ),
        )
        start = dt.datetime(2026, 12, 3, 14, tzinfo=LUX)
        event = add_event(
            s,
            programme_id,
            EventInput(EventKind.NETWORKING, HOSTILE, start, start + dt.timedelta(hours=2)),
        )
        for person_id in ids.values():
            set_attendance(s, event, person_id, AttendanceStatus.INVITED)
    return SimpleNamespace(people=ids, pairing=pairing, event=event)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to export into."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def assert_valid_files(paths: list[Path], folder: Path) -> None:
    assert paths
    for path in paths:
        assert name_problems(path.name) == [], path.name
        assert path.parent == folder
        assert path.stat().st_size > 0
    assert {p.name for p in folder.iterdir()} == {p.name for p in paths}


def attachment_names(path: Path) -> list[str]:
    message = BytesParser(policy=default).parsebytes(path.read_bytes())
    return [str(part.get_filename()) for part in message.iter_attachments()]


def test_introduction_letters(programme_file, programme_id, hostile, out):
    with programme_file.session() as s:
        written = introduction_letters(s, programme_id, out, [hostile.pairing], today=TODAY)
    assert len(written) == 2
    assert_valid_files(written, out)
    assert any(p.name.startswith("Introduction letter - CON Café & networking - ") for p in written)


def test_letters_written_again_get_numbered_names_that_still_fit(
    programme_file, programme_id, hostile, out
):
    for _ in range(2):
        with programme_file.session() as s:
            introduction_letters(s, programme_id, out, [hostile.pairing], today=TODAY)
    names = [p.name for p in out.iterdir()]
    assert len(names) == 4
    assert sum(" (2).pdf" in n for n in names) == 2
    assert all(name_problems(n) == [] for n in names)


def test_certificates(programme_file, programme_id, hostile, out):
    with programme_file.session() as s:
        written = certificates(s, programme_id, out, today=TODAY)
    assert len(written) == 2
    assert_valid_files(written, out)


def test_introduction_drafts_and_their_letters(programme_file, programme_id, hostile, out):
    with programme_file.session() as s:
        result = drafts_for_pairings(s, programme_id, [hostile.pairing], out, today=TODAY)
    assert result.skipped == []
    assert len(result.written) == 2
    assert_valid_files(result.written, out)
    for path in result.written:
        [letter] = attachment_names(path)
        assert letter.endswith(".pdf")
        assert name_problems(letter) == []


def test_event_drafts_and_their_calendar_file(programme_file, hostile, out):
    with programme_file.session() as s:
        result = drafts_for_event(s, hostile.event, "event-invitation", out, today=TODAY)
    assert len(result.written) == 2
    assert_valid_files(result.written, out)
    for path in result.written:
        [calendar] = attachment_names(path)
        assert calendar.startswith("Café & networking - Women in Research — Année 2027")
        assert calendar.endswith(".ics")
        assert name_problems(calendar) == []
