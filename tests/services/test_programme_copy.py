"""Copying a programme to next year: how it is run carries over, who took part does not."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from PIL import Image
from sqlalchemy import func, select

from mentordesk.domain.enums import (
    ApplicationStatus,
    EventKind,
    MentorResponse,
    PairingStatus,
    PairRuleKind,
    Role,
)
from mentordesk.domain.errors import Conflict
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.events import EventInput, add_event
from mentordesk.services.matching.candidates import standing
from mentordesk.services.matching.waitlist import record_mentor_response
from mentordesk.services.messages import get_template, save_template
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.programme_copy import alumni, copy_programme
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import (
    create_programme,
    edit_programme,
    get_programme,
    programme_counts,
    programme_settings,
    strand_choices,
)
from mentordesk.services.surveys import add_survey_from_template, record_response
from mentordesk.services.training import Requirement, requirements, set_requirements
from mentordesk.store.models import Pairing, PairRule, Person, Survey, SurveyResponse
from mentordesk.store.programme_file import ProgrammeFile

from .conftest import AddSomeone


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 16), (0, 0, 128)).save(buffer, "PNG")
    return buffer.getvalue()


LOGO = _png()


@pytest.fixture
def advance(programme_file: ProgrammeFile, add_someone: AddSomeone) -> dict[str, int]:
    """ADVANCE 2026 from the three-strands template, run for a year: its ids by name.

    Circles is retired; Fellows has a workshop rule for mentees; the accepted
    wording and a pre survey (answered) are its own; Mentor 1 and Mentee 1
    completed a pairing, Mentee 2 was accepted but not paired; one event; a
    blocked and a fixed pair.
    """
    data = TEMPLATES["three-strands"].input("ADVANCE 2026")
    data.starts_on, data.ends_on = dt.date(2026, 1, 15), dt.date(2026, 12, 15)
    data.applications_close_on = dt.date(2025, 12, 20)
    data.letterhead_name = "University of Luxembourg"
    data.logo = LOGO
    with programme_file.session() as s:
        pid = create_programme(s, data)
        settings = programme_settings(s, pid)
        settings.strands[0].retired = True  # Circles
        edit_programme(s, pid, settings)
        strands = {c.name: c.id for c in strand_choices(s, pid)}
        set_requirements(
            s,
            pid,
            [
                *requirements(s, pid),
                Requirement(EventKind.WORKSHOP, Role.MENTEE, strands["Fellows"]),
            ],
        )
        get_programme(s, pid).matching_weights = json.dumps({"language": 3.0})
        save_template(s, pid, "accepted", "Welcome to ADVANCE", "Dear {first_name}, welcome.")
        survey = add_survey_from_template(s, pid, "mentee_pre")
        mentor, mentee, waiting = (add_someone(s) for _ in range(3))
        for person, role in ((mentor, Role.MENTOR), (mentee, Role.MENTEE), (waiting, Role.MENTEE)):
            add_application(
                s, person, ApplicationInput(strands["Fellows"], role, ApplicationStatus.ACCEPTED)
            )
        add_pairing(
            s,
            PairingInput(strands["Fellows"], mentor, [mentee], status=PairingStatus.COMPLETED),
        )
        first_item = s.scalars(select(Survey).where(Survey.id == survey)).one().items[0]
        record_response(s, survey, mentee, {first_item.code: 4}, dt.date(2026, 1, 20))
        start = dt.datetime(2026, 1, 20, 9, tzinfo=dt.UTC)
        add_event(
            s,
            pid,
            EventInput(EventKind.ORIENTATION, "Orientation", start, start + dt.timedelta(hours=3)),
        )
        for kind, (a, b) in (
            (PairRuleKind.BLOCKED, (mentor, waiting)),
            (PairRuleKind.FIXED, (mentor, mentee)),
        ):
            s.add(PairRule(programme_id=pid, mentor_id=a, mentee_id=b, kind=kind))
        return {
            "programme": pid,
            "mentor": mentor,
            "mentee": mentee,
            "waiting": waiting,
            "Fellows": strands["Fellows"],
        }


def test_a_copy_keeps_how_the_programme_is_run(
    programme_file: ProgrammeFile, advance: dict[str, int]
) -> None:
    with programme_file.session() as s:
        new = copy_programme(s, advance["programme"], "ADVANCE 2027")
        settings = programme_settings(s, new)
        copy = get_programme(s, new)
        strands = {c.name: c.id for c in strand_choices(s, new, retired=True)}
        rules = set(requirements(s, new))
        accepted = get_template(s, new, "accepted")
        surveys = {
            x.programme_id: (x.title, [(i.position, i.code, i.text) for i in x.items])
            for x in s.scalars(select(Survey))
        }
        pairs = {
            (r.mentor_id, r.mentee_id, r.kind)
            for r in s.scalars(select(PairRule).where(PairRule.programme_id == new))
        }
        kept = (
            copy.copied_from_id,
            copy.template,
            copy.matching_weights,
            copy.letterhead_name,
            copy.logo,
        )

    assert list(strands) == ["Faculty", "Fellows"]
    assert settings.stages == ACADEMIC_STAGES
    assert (settings.starts_on, settings.ends_on, settings.applications_close_on) == (
        dt.date(2027, 1, 15),
        dt.date(2027, 12, 15),
        dt.date(2026, 12, 20),
    )
    assert (settings.duration_months, settings.max_grade_gap) == (11, 2)
    assert rules == {
        Requirement(EventKind.ORIENTATION, Role.MENTOR),
        Requirement(EventKind.ORIENTATION, Role.MENTEE),
        Requirement(EventKind.WORKSHOP, Role.MENTEE, strands["Fellows"]),
    }
    assert (accepted.customised, accepted.subject) == (True, "Welcome to ADVANCE")
    assert surveys[new] == surveys[advance["programme"]]
    assert len(surveys[new][1]) > 1
    assert pairs == {(advance["mentor"], advance["waiting"], PairRuleKind.BLOCKED)}
    assert kept == (
        advance["programme"],
        "three-strands",
        json.dumps({"language": 3.0}),
        "University of Luxembourg",
        LOGO,
    )


def test_a_copy_holds_nobody_and_the_original_keeps_everyone(
    programme_file: ProgrammeFile, advance: dict[str, int]
) -> None:
    with programme_file.session() as s:
        new = copy_programme(s, advance["programme"], "ADVANCE 2027")
        counts = programme_counts(s, new)
        original = programme_counts(s, advance["programme"])
        answered = s.scalar(
            select(func.count(SurveyResponse.id)).where(SurveyResponse.programme_id == new)
        )
    assert (counts.applications, counts.pairings, counts.events, answered) == (0, 0, 0, 0)
    assert (original.applications, original.pairings, original.events) == (3, 1, 1)


def test_dates_move_so_the_copy_starts_on_the_day_given(
    programme_file: ProgrammeFile, advance: dict[str, int]
) -> None:
    with programme_file.session() as s:
        new = copy_programme(s, advance["programme"], "ADVANCE 2027", dt.date(2027, 2, 1))
        settings = programme_settings(s, new)
    # 17 days later than a year on, every date alike.
    assert (settings.starts_on, settings.ends_on, settings.applications_close_on) == (
        dt.date(2027, 2, 1),
        dt.date(2028, 1, 1),
        dt.date(2027, 1, 6),
    )


@pytest.mark.parametrize(
    "starts_on", [None, dt.date(2027, 6, 1), dt.date(2027, 9, 1), dt.date(2027, 6, 2)]
)
def test_a_copy_ends_where_new_programme_would_end_it(
    programme_file: ProgrammeFile, starts_on: dt.date | None
) -> None:
    data = TEMPLATES["blank"].input("Pilot 2026")
    data.starts_on, data.duration_months = dt.date(2026, 6, 1), 12
    with programme_file.session() as s:
        pid = create_programme(s, data)
        copy = programme_settings(s, copy_programme(s, pid, "Pilot 2027", starts_on))
        data = TEMPLATES["blank"].input("Pilot 2027 by hand")
        data.starts_on, data.duration_months = copy.starts_on, 12
        by_hand = programme_settings(s, create_programme(s, data))
        assert programme_settings(s, pid).ends_on == dt.date(2027, 6, 1)
    # Not 2028-05-31: a year of days after 1 June 2027 falls short across 29 February 2028.
    start = starts_on or dt.date(2027, 6, 1)
    assert copy.starts_on == start
    assert copy.ends_on == by_hand.ends_on == dt.date(start.year + 1, start.month, start.day)


def test_a_start_given_a_year_on_moves_every_date_a_year_on(
    programme_file: ProgrammeFile,
) -> None:
    data = TEMPLATES["blank"].input("Pilot 2026")
    data.starts_on, data.ends_on = dt.date(2026, 6, 1), dt.date(2027, 5, 31)
    data.applications_close_on = dt.date(2026, 3, 31)
    with programme_file.session() as s:
        pid = create_programme(s, data)
        copy = programme_settings(s, copy_programme(s, pid, "Pilot 2027", dt.date(2027, 6, 1)))
    # As with no start given; 365 days on would end it on 30 May 2028.
    assert copy.ends_on == dt.date(2028, 5, 31)
    assert copy.applications_close_on == dt.date(2027, 3, 31)


def test_a_copy_cannot_take_a_name_in_use(
    programme_file: ProgrammeFile, advance: dict[str, int]
) -> None:
    with programme_file.session() as s, pytest.raises(Conflict, match="already a programme"):
        copy_programme(s, advance["programme"], "advance 2026")


def test_alumni_are_the_people_of_the_programmes_before_with_their_outcome(
    programme_file: ProgrammeFile, advance: dict[str, int]
) -> None:
    with programme_file.session() as s:
        second = copy_programme(s, advance["programme"], "ADVANCE 2027")
        third = copy_programme(s, second, "ADVANCE 2028")
        rows = alumni(s, third)
        assert alumni(s, advance["programme"]) == []
        mentor, mentee = (s.get_one(Person, advance[k]).full_name for k in ("mentor", "mentee"))

    # One pairing names its partner, as several do.
    assert [(r.programme, r.person_id, r.role, r.strand, r.outcome) for r in rows] == [
        ("ADVANCE 2026", advance["mentor"], Role.MENTOR, "Fellows", f"Completed with {mentee}"),
        ("ADVANCE 2026", advance["mentee"], Role.MENTEE, "Fellows", f"Completed with {mentor}"),
        ("ADVANCE 2026", advance["waiting"], Role.MENTEE, "Fellows", "Accepted, not paired"),
    ]


def test_alumni_of_a_proposal_say_the_mentors_answer(
    programme_file: ProgrammeFile, advance: dict[str, int], add_someone: AddSomeone
) -> None:
    fellows = advance["Fellows"]
    with programme_file.session() as s:
        proposals: dict[MentorResponse, tuple[int, int]] = {}
        for response in MentorResponse:
            mentor, mentee = add_someone(s), add_someone(s)
            for person, role in ((mentor, Role.MENTOR), (mentee, Role.MENTEE)):
                add_application(
                    s, person, ApplicationInput(fellows, role, ApplicationStatus.ACCEPTED)
                )
            pairing = add_pairing(s, PairingInput(fellows, mentor, [mentee]))
            if response is MentorResponse.ACCEPTED:
                record_mentor_response(s, [pairing], response)
            else:
                # As a workbook written elsewhere may hold it: still a proposal, answered so.
                s.get_one(Pairing, pairing).mentor_response = response
            proposals[response] = (mentor, mentee)
        names = {
            person: s.get_one(Person, person).full_name
            for pair in proposals.values()
            for person in pair
        }
    with programme_file.session() as s:
        rows = alumni(s, copy_programme(s, advance["programme"], "ADVANCE 2027"))
    said = {(r.person_id, r.role): r.outcome for r in rows}
    expected = {
        MentorResponse.NONE: "no answer yet",
        MentorResponse.ACCEPTED: "mentor accepted",
        MentorResponse.DECLINED: "mentor declined",
        MentorResponse.NO_ANSWER: "mentor did not answer",
    }
    for response, (mentor, mentee) in proposals.items():
        answer = expected[response]
        assert said[(mentor, Role.MENTOR)] == f"Proposed with {names[mentee]}, {answer}"
        assert said[(mentee, Role.MENTEE)] == f"Proposed with {names[mentor]}, {answer}"


def test_alumni_with_several_pairings_in_a_strand_show_them_all_the_most_meaningful_first(
    programme_file: ProgrammeFile, advance: dict[str, int], add_someone: AddSomeone
) -> None:
    fellows = advance["Fellows"]
    with programme_file.session() as s:
        mentor, other_mentor = add_someone(s, first_name="Mark", last_name="Owen"), add_someone(s)
        john = add_someone(s, first_name="John", last_name="Smith")
        li, kim = add_someone(s, first_name="Li", last_name="Ng"), add_someone(s)
        for person, role in (
            (mentor, Role.MENTOR),
            (other_mentor, Role.MENTOR),
            (john, Role.MENTEE),
            (li, Role.MENTEE),
            (kim, Role.MENTEE),
        ):
            add_application(s, person, ApplicationInput(fellows, role, ApplicationStatus.ACCEPTED))
        # Mark Owen declines Li first, then works with John; Kim's mentor declines and she
        # is offered another, who has not answered yet.
        declined = add_pairing(s, PairingInput(fellows, mentor, [li]))
        record_mentor_response(s, [declined], MentorResponse.DECLINED)
        add_pairing(s, PairingInput(fellows, mentor, [john], status=PairingStatus.ACTIVE))
        declined = add_pairing(s, PairingInput(fellows, other_mentor, [kim]))
        record_mentor_response(s, [declined], MentorResponse.DECLINED)
        add_pairing(s, PairingInput(fellows, other_mentor, [kim]))
        other, kim_name = (s.get_one(Person, i).full_name for i in (other_mentor, kim))
    with programme_file.session() as s:
        rows = alumni(s, copy_programme(s, advance["programme"], "ADVANCE 2027"))
    said = {(r.person_id, r.role): r.outcome for r in rows}
    assert len(rows) == len(said)  # one line per person and role in the strand
    assert said[(mentor, Role.MENTOR)] == "Active with John Smith; declined a proposal"
    assert said[(john, Role.MENTEE)] == "Active with Mark Owen"
    assert said[(li, Role.MENTEE)] == "Proposal declined by the mentor"
    assert said[(kim, Role.MENTEE)] == (
        f"Proposed with {other}, no answer yet; a proposal declined by its mentor"
    )
    assert said[(other_mentor, Role.MENTOR)] == (
        f"Proposed with {kim_name}, no answer yet; declined a proposal"
    )


def test_a_pair_of_an_earlier_year_is_not_proposed_again_in_the_copy(
    programme_file: ProgrammeFile, advance: dict[str, int]
) -> None:
    with programme_file.session() as s:
        new = copy_programme(s, advance["programme"], "ADVANCE 2027")
        earlier = standing(s, new).rules.earlier
    assert (advance["mentor"], advance["mentee"]) in earlier
