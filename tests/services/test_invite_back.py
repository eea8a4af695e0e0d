"""Inviting the alumni of earlier rounds back: one “Would you mentor again?” draft each."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.drafts import drafts_to_invite_back
from mentordesk.services.programme_copy import copy_programme
from mentordesk.services.programmes import edit_programme, programme_settings, strand_choices
from mentordesk.store.models import MessageLog
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone

TODAY = dt.date(2026, 12, 8)
OFFICE = ("Bureau ADVANCE", "advance@uni.example")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty folder for the drafts."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder


def _message(path: Path) -> EmailMessage:
    message = BytesParser(policy=default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture
def next_year(
    programme_file: ProgrammeFile, programme_id: int, add_someone: AddSomeone
) -> dict[str, int]:
    """Pilot 2026 run with a mentor, a mentee and a declined applicant, copied to Pilot 2027.

    Returns the ids of the copy and of the people; "again" has already applied
    to the copy, "stranger" never took part.
    """
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.starts_on, settings.ends_on = dt.date(2026, 2, 1), dt.date(2026, 11, 30)
        settings.signature_line = "Office for Equal Opportunities"
        edit_programme(s, programme_id, settings)
        fellows = next(c.id for c in strand_choices(s, programme_id) if c.name == "Fellows")
        people = {
            "mentor": add_someone(s, first_name="Hélène", last_name="Marx"),
            "mentee": add_someone(s, first_name="Ben", last_name="Okafor"),
            "again": add_someone(s),
            "declined": add_someone(s),
            "stranger": add_someone(s),
        }
        for key, role, status in (
            ("mentor", Role.MENTOR, ApplicationStatus.ACCEPTED),
            ("mentee", Role.MENTEE, ApplicationStatus.ACCEPTED),
            ("again", Role.MENTOR, ApplicationStatus.ACCEPTED),
            ("declined", Role.MENTEE, ApplicationStatus.DECLINED),
        ):
            add_application(s, people[key], ApplicationInput(fellows, role, status))
        copy = copy_programme(s, programme_id, "Pilot 2027")
        new_fellows = next(c.id for c in strand_choices(s, copy) if c.name == "Fellows")
        add_application(s, people["again"], ApplicationInput(new_fellows, Role.MENTOR))
    return {"programme": copy, **people}


def test_each_alumnus_gets_a_warm_draft_with_the_dates_and_how_to_answer(
    programme_file: ProgrammeFile, next_year: dict[str, int], out_dir: Path
) -> None:
    with programme_file.session() as s:
        result = drafts_to_invite_back(
            s,
            next_year["programme"],
            [next_year["mentor"], next_year["mentee"]],
            out_dir,
            today=TODAY,
            sender=OFFICE,
        )
    assert result.skipped == []
    messages = {str(_message(p)["To"]): _message(p) for p in result.written}
    assert len(messages) == 2
    helene = next(m for to, m in messages.items() if "Hélène" in to)
    assert helene["Subject"] == "Would you mentor again in Pilot 2027?"
    plain = helene.get_body(preferencelist=("plain",))
    assert plain is not None
    body = plain.get_content().replace("\r\n", "\n")
    assert body.startswith("Dear Hélène,")
    # Hélène was accepted but never paired: the thanks hold for her too.
    assert "Thank you again for taking part in an earlier round" in body
    assert "time and care" not in body
    assert "Pilot 2027 runs from 1 February 2027 to 30 November 2027" in body
    assert "reply to this message with yes or no" in body
    assert body.rstrip().endswith("Bureau ADVANCE\nOffice for Equal Opportunities")
    with programme_file.session() as s:
        logged = s.scalars(select(MessageLog.template_key)).all()
    assert logged == ["invite-back", "invite-back"]


def test_people_who_are_no_alumni_or_applied_already_are_left_out_with_the_reason(
    programme_file: ProgrammeFile, next_year: dict[str, int], out_dir: Path
) -> None:
    with programme_file.session() as s:
        result = drafts_to_invite_back(
            s,
            next_year["programme"],
            [next_year["stranger"], next_year["again"], next_year["declined"]],
            out_dir,
            today=TODAY,
        )
    assert result.written == []
    assert [line.split(": ", 1)[1] for line in result.skipped] == [
        "took part in none of the programmes Pilot 2027 was copied from",
        "has applied to Pilot 2027 already",
        "took part in none of the programmes Pilot 2027 was copied from",
    ]
    assert list(out_dir.iterdir()) == []
