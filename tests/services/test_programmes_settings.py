"""A programme's settings read back and changed: each change said, audited, and checked."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from sqlalchemy import select

from mentordesk.domain.enums import ApplicationStatus, FieldPreference, Role, StrandFormat
from mentordesk.domain.errors import Conflict, InvalidInput
from mentordesk.domain.stages import Stage
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.programme_templates import ProgrammeInput, StrandInput
from mentordesk.services.programmes import (
    create_programme,
    edit_programme,
    get_programme,
    list_programmes,
    programme_settings,
    strand_choices,
)
from mentordesk.store.models import AuditEntry, Strand
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


def _audited(programme_file: ProgrammeFile, programme_id: int) -> list[str]:
    with programme_file.session() as s:
        entries = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "programme",
                AuditEntry.entity_id == programme_id,
                AuditEntry.action == "edited",
            )
        )
        return [e.summary for e in entries]


def test_settings_read_back_what_was_created(programme_file: ProgrammeFile) -> None:
    data = ProgrammeInput(
        "Pilot",
        description="For new lecturers.",
        starts_on=dt.date(2027, 1, 15),
        duration_months=12,
        strands=[StrandInput("Fellows", places=10, description="Early career")],
        stages=(Stage("Lecturer", wordings=("lecturer in",)), Stage("Professor", level=3)),
        letterhead_name="University of Luxembourg",
        signature_line="ADVANCE programme office",
        response_days=10,
        within_track=True,
    )
    with programme_file.session() as s:
        settings = programme_settings(s, create_programme(s, data))

    (strand,) = settings.strands
    assert strand.id is not None
    assert (strand.name, strand.places, strand.description, strand.retired) == (
        "Fellows",
        10,
        "Early career",
        False,
    )
    assert settings.stages == data.stages
    assert (settings.letterhead_name, settings.signature_line) == (
        "University of Luxembourg",
        "ADVANCE programme office",
    )
    assert (settings.response_days, settings.within_track) == (10, True)
    assert settings.field_preference is FieldPreference.NONE


def test_every_setting_changed_is_said_in_plain_words_and_audited(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.name = "Pilot 2027"
        settings.description = "Confidential aims"
        settings.timezone = "Europe/Brussels"
        settings.starts_on = dt.date(2027, 1, 15)
        settings.ends_on = dt.date(2027, 12, 15)
        settings.applications_open_on = dt.date(2026, 11, 1)
        settings.applications_close_on = dt.date(2026, 12, 20)
        settings.duration_months = 11
        settings.max_mentees_per_mentor = 3
        settings.max_grade_gap = 2
        settings.within_track = True
        settings.field_preference = FieldPreference.SAME
        settings.response_days = 14
        settings.letterhead_name = "LIST"
        settings.signature_line = "The mentoring team"
        settings.stages = (Stage("Junior"), Stage("Senior", level=2))
        lines = edit_programme(s, programme_id, settings)
        programme = get_programme(s, programme_id)
        assert (programme.name, programme.timezone, programme.response_days) == (
            "Pilot 2027",
            "Europe/Brussels",
            14,
        )
        assert [c.name for c in programme.stages] == ["Junior", "Senior"]

    assert lines == [
        "Name: “Pilot 2026” → “Pilot 2027”",
        "Description changed",
        "Time zone: “Europe/Luxembourg” → “Europe/Brussels”",
        "Starts: not set → 2027-01-15",
        "Ends: not set → 2027-12-15",
        "Applications open: not set → 2026-11-01",
        "Application deadline: not set → 2026-12-20",
        "Duration in months: not set → 11",
        "Mentees per mentor: no limit → 3",
        "Grade gap: no limit → 2",
        "Mentor and mentee on the same career track: no → yes",
        "Field preference: no preference → same",
        "Days mentors have to answer: 7 → 14",
        "Letterhead: not set → “LIST”",
        "Signature line: not set → “The mentoring team”",
        "Career stages: none → 2 stages (Junior, Senior)",
    ]
    audited = _audited(programme_file, programme_id)
    assert audited == lines
    assert not any("Confidential" in line for line in audited)


def test_nothing_changed_says_nothing_and_audits_nothing(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        assert edit_programme(s, programme_id, programme_settings(s, programme_id)) == []
    assert _audited(programme_file, programme_id) == []


def test_strands_are_added_renamed_changed_retired_and_restored(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        circles, fellows = settings.strands
        fellows.name, fellows.places, fellows.retired = "Early career", 14, True
        circles.format, circles.description = StrandFormat.ONE_TO_ONE, "Peer pairs"
        settings.strands.append(StrandInput("Faculty", StrandFormat.GROUP, 6))
        lines = edit_programme(s, programme_id, settings)
        offered = [c.name for c in strand_choices(s, programme_id)]
        every = [c.name for c in strand_choices(s, programme_id, retired=True)]
        (summary,) = list_programmes(s)

    assert lines == [
        "Strand “Circles”: group → one-to-one",
        "Strand “Circles”: description changed",
        "Strand “Fellows” renamed “Early career”",
        "Strand “Early career” places: 10 → 14",
        "Strand “Early career” retired: it takes no new applications",
        "Strand “Faculty” added (group, 6 places)",
    ]
    assert offered == ["Circles", "Faculty"]
    assert summary.strand_names == ("Circles", "Faculty")
    assert every == ["Circles", "Early career", "Faculty"]
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.strands[1].retired = False
        assert edit_programme(s, programme_id, settings) == ["Strand “Early career” restored"]


def test_two_strands_may_swap_names(programme_file: ProgrammeFile, programme_id: int) -> None:
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        circles, fellows = settings.strands
        circles.name, fellows.name = "Fellows", "Circles"
        edit_programme(s, programme_id, settings)
        formats = {x.name: x.format for x in s.scalars(select(Strand))}
    assert formats == {"Fellows": StrandFormat.GROUP, "Circles": StrandFormat.ONE_TO_ONE}


def test_a_strand_holding_applications_is_never_removed(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as s:
        person = add_someone(s)
        add_application(
            s, person, ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED)
        )
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.strands = [x for x in settings.strands if x.name == "Circles"]
        with pytest.raises(InvalidInput, match=r"“Fellows” holds 1 application.*retire it"):
            edit_programme(s, programme_id, settings)
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.strands = [x for x in settings.strands if x.name == "Fellows"]
        assert edit_programme(s, programme_id, settings) == ["Strand “Circles” removed"]
        assert [c.name for c in strand_choices(s, programme_id, retired=True)] == ["Fellows"]


def test_a_group_strand_with_circles_cannot_become_one_to_one(
    programme_file: ProgrammeFile,
    programme_id: int,
    strands: dict[str, int],
    add_someone: AddSomeone,
) -> None:
    with programme_file.session() as s:
        people = [add_someone(s) for _ in range(3)]
        add_pairing(s, PairingInput(strands["Circles"], people[0], people[1:]))
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.strands[0].format = StrandFormat.ONE_TO_ONE
        with pytest.raises(InvalidInput, match="circles of several mentees"):
            edit_programme(s, programme_id, settings)


def test_a_name_another_programme_has_is_a_conflict_and_nothing_is_written(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    with programme_file.session() as s:
        create_programme(s, ProgrammeInput("ADVANCE 2026"))
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.name, settings.max_grade_gap = "advance 2026", 4
        with pytest.raises(Conflict, match="already a programme"):
            edit_programme(s, programme_id, settings)
    with programme_file.session() as s:
        programme = get_programme(s, programme_id)
        assert (programme.name, programme.max_grade_gap) == ("Pilot 2026", None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ends_on": dt.date(2020, 1, 1), "starts_on": dt.date(2021, 1, 1)}, "end before"),
        ({"timezone": "Mars/Olympus"}, "time zone"),
        ({"response_days": 0}, "between 1 and 90 days"),
        ({"max_mentees_per_mentor": 0}, "Mentees per mentor"),
        ({"name": "  "}, "Programme name is required"),
        ({"letterhead_name": "x" * 201}, "Letterhead name is too long"),
    ],
)
def test_a_wrong_setting_is_refused_in_plain_words(
    programme_file: ProgrammeFile,
    programme_id: int,
    change: dict[str, object],
    message: str,
) -> None:
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        for name, value in change.items():
            setattr(settings, name, value)
        with pytest.raises(InvalidInput, match=message):
            edit_programme(s, programme_id, settings)


def _png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 16), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_logo_is_added_changed_and_removed_and_a_file_that_is_no_image_refused(
    programme_file: ProgrammeFile, programme_id: int
) -> None:
    said = []
    for logo in (_png((0, 0, 128)), _png((128, 0, 0)), None):
        with programme_file.session() as s:
            settings = programme_settings(s, programme_id)
            settings.logo = logo
            said += edit_programme(s, programme_id, settings)
            assert get_programme(s, programme_id).logo == logo
    assert said == ["Logo added", "Logo changed", "Logo removed"]
    with programme_file.session() as s:
        settings = programme_settings(s, programme_id)
        settings.logo = b"%PDF-1.7 not an image"
        with pytest.raises(InvalidInput, match="PNG or JPEG"):
            edit_programme(s, programme_id, settings)
