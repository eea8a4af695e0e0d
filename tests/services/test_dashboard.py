"""The programme's figures against hand-counted values, and the records behind each one."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    PairingStatus,
    Role,
    Rsvp,
)
from mentordesk.domain.errors import NotFound
from mentordesk.domain.stages import ACADEMIC_STAGES
from mentordesk.services.applicants import (
    APPLICANT_HEADERS,
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
    delete_person,
    set_application_status,
)
from mentordesk.services.career_stages import set_stages
from mentordesk.services.dashboard import (
    RecordKind,
    gender_label,
    percent_text,
    programme_figures,
)
from mentordesk.services.events import EventInput, add_event, cancel_event, set_attendance
from mentordesk.services.figure_records import figure_records
from mentordesk.services.organisations import merge_organisations
from mentordesk.services.pairings import CheckInInput, PairingInput, add_pairing, delete_pairing
from mentordesk.services.programmes import strand_choices
from mentordesk.services.survey_results import feedback_summary
from mentordesk.services.survey_templates import OVERALL_RATING, WOULD_RECOMMEND
from mentordesk.services.surveys import add_survey_from_template, record_response
from mentordesk.services.training import Requirement, set_requirements
from mentordesk.store.models import CheckIn

LUX = ZoneInfo("Europe/Luxembourg")
LIST_FULL = "Luxembourg Institute of Science and Technology"
TODAY = dt.date(2026, 6, 1)


@dataclass
class Pilot:
    """Ids of everything the small programme holds, by the names the tests use."""

    programme_id: int
    people: dict[str, int]
    applications: dict[tuple[str, str], int]
    pairings: dict[str, int]
    events: dict[str, int]
    overdue_check_in: int


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), LUX)


@pytest.fixture
def pilot(programme_file, programme_id) -> Pilot:
    """Fellows (10 places) and Circles (12 places), hand-filled.

    Fellows: Ana, Bea and Dee accepted mentees, Cem declined, Gus waitlisted as mentee;
    Eli accepted mentor. Circles: Fay accepted mentee, Hal withdrawn, Gus accepted mentor.
    The programme lists the academic career stages; Fay's stage is not in its list.
    Ana, Bea, Dee and Cem write LIST four ways.
    """
    with programme_file.session() as s:
        set_stages(s, programme_id, ACADEMIC_STAGES)
        strand = {c.name: c.id for c in strand_choices(s, programme_id)}
        people: dict[str, int] = {}
        applications: dict[tuple[str, str], int] = {}
        accepted, declined = ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED
        for name, gender, stage, organisation, applied in [
            (
                "Ana",
                "Female",
                "Postdoctoral researcher",
                f"{LIST_FULL} (LIST)",
                [("Fellows", Role.MENTEE, accepted)],
            ),
            (
                "Bea",
                " woman ",
                "postdoctoral  Researcher",
                "LIST",
                [("Fellows", Role.MENTEE, accepted)],
            ),
            ("Cem", "man", "Research assistant", LIST_FULL, [("Fellows", Role.MENTEE, declined)]),
            (
                "Dee",
                "",
                "",
                "luxembourg institute of science & technology",
                [("Fellows", Role.MENTEE, accepted)],
            ),
            (
                "Eli",
                "Man",
                "Full professor",
                "University of Luxembourg",
                [("Fellows", Role.MENTOR, accepted)],
            ),
            (
                "Fay",
                "non binary",
                "Visiting scholar",
                "Université du Luxembourg",
                [("Circles", Role.MENTEE, accepted)],
            ),
            (
                "Gus",
                "prefer not to  say",
                "",
                "",
                [
                    ("Circles", Role.MENTOR, accepted),
                    ("Fellows", Role.MENTEE, ApplicationStatus.WAITLISTED),
                ],
            ),
            (
                "Hal",
                "",
                "Doctoral candidate",
                "CERN",
                [("Circles", Role.MENTEE, ApplicationStatus.WITHDRAWN)],
            ),
        ]:
            people[name] = add_person(
                s,
                PersonInput(
                    name,
                    "Test",
                    f"{name.lower()}@uni.example",
                    organisation=organisation,
                    gender=gender,
                    stage=stage,
                ),
            )
            for strand_name, role, status in applied:
                applications[(name, strand_name)] = add_application(
                    s,
                    people[name],
                    ApplicationInput(strand[strand_name], role, status),
                )

        def pair(strand_name, mentor, mentees, status, *, draft=False, check_ins=()):
            return add_pairing(
                s,
                PairingInput(
                    strand_id=strand[strand_name],
                    mentor_id=people[mentor],
                    mentee_ids=[people[m] for m in mentees],
                    status=status,
                    started_on=dt.date(2026, 2, 1),
                    draft=draft,
                    check_ins=list(check_ins),
                ),
            )

        march, feb = dt.date(2026, 3, 1), dt.date(2026, 2, 1)
        pairings = {
            "Eli-Ana": pair(
                "Fellows",
                "Eli",
                ["Ana"],
                PairingStatus.ACTIVE,
                check_ins=[
                    CheckInInput(feb, done_on=feb),
                    CheckInInput(march),
                    CheckInInput(dt.date(2026, 12, 1)),
                ],
            ),
            "Eli-Bea": pair(
                "Fellows",
                "Eli",
                ["Bea"],
                PairingStatus.COMPLETED,
                check_ins=[CheckInInput(march)],
            ),
            "Eli-Dee": pair("Fellows", "Eli", ["Dee"], PairingStatus.EXTENDED),
            "Gus-circle": pair(
                "Circles",
                "Gus",
                ["Fay"],
                PairingStatus.ACTIVE,
                draft=True,
                check_ins=[CheckInInput(march)],
            ),
        }
        overdue = s.scalar(
            select(CheckIn.id).where(
                CheckIn.pairing_id == pairings["Eli-Ana"], CheckIn.due_on == march
            )
        )

        def event(kind, title, day, *, hour=10):
            return add_event(
                s, programme_id, EventInput(kind, title, _at(day, hour), _at(day, hour + 2))
            )

        events = {
            "orientation": event(EventKind.ORIENTATION, "Orientation", dt.date(2026, 1, 20)),
            "mentor training": event(
                EventKind.MENTOR_TRAINING, "Mentor training", dt.date(2026, 1, 25)
            ),
            "today": event(EventKind.NETWORKING, "Networking", TODAY, hour=9),
            "future": event(EventKind.WORKSHOP, "Workshop", dt.date(2026, 9, 1)),
            "cancelled": event(EventKind.WORKSHOP, "Cancelled workshop", dt.date(2026, 3, 3)),
            "empty": event(EventKind.NETWORKING, "Nobody recorded", dt.date(2026, 4, 4)),
            "deadline": event(EventKind.DEADLINE, "Forms due", dt.date(2026, 5, 5)),
        }
        attended, absent = AttendanceStatus.ATTENDED, AttendanceStatus.ABSENT
        for name, status, rsvp in [
            ("Ana", attended, None),
            ("Bea", absent, None),
            ("Dee", AttendanceStatus.REGISTERED, None),
            ("Eli", attended, None),
            ("Fay", attended, None),
            ("Hal", AttendanceStatus.INVITED, Rsvp.ACCEPTED),
        ]:
            set_attendance(s, events["orientation"], people[name], status, rsvp=rsvp)
        set_attendance(s, events["mentor training"], people["Gus"], AttendanceStatus.INVITED)
        set_attendance(s, events["today"], people["Ana"], attended)
        set_attendance(s, events["future"], people["Cem"], AttendanceStatus.INVITED)
        set_attendance(s, events["cancelled"], people["Ana"], AttendanceStatus.REGISTERED)
        set_attendance(s, events["deadline"], people["Ana"], attended)
        cancel_event(s, events["cancelled"])
        set_requirements(
            s,
            programme_id,
            [
                Requirement(EventKind.ORIENTATION, Role.MENTEE),
                Requirement(EventKind.MENTOR_TRAINING, Role.MENTOR, strand["Circles"]),
            ],
        )
        return Pilot(programme_id, people, applications, pairings, events, overdue)


@pytest.fixture
def figures(programme_file, pilot):
    with programme_file.session() as s:
        return programme_figures(s, pilot.programme_id, TODAY)


def _records(programme_file, count):
    with programme_file.session() as s:
        return figure_records(s, count.records)


def test_applications_places_and_acceptance_per_strand(figures):
    circles, fellows = figures.strands
    assert (fellows.name, fellows.places, circles.name, circles.places) == (
        "Fellows", 10, "Circles", 12,
    )  # fmt: skip
    assert fellows.applications.value == 6
    assert (fellows.mentee_applications.value, fellows.mentor_applications.value) == (5, 1)
    assert (fellows.accepted_mentees.value, fellows.accepted_mentors.value) == (3, 1)
    assert fellows.acceptance.value == pytest.approx(3 / 5)
    assert circles.applications.value == 3
    assert (circles.accepted_mentees.value, circles.accepted_mentors.value) == (1, 1)
    assert percent_text(circles.acceptance.value) == "50%"
    assert not fellows.over_places

    totals = figures.applications
    assert totals.places == 22
    assert totals.applications.value == 9
    assert (totals.mentee_applications.value, totals.accepted_mentees.value) == (7, 4)
    assert percent_text(totals.acceptance.value) == "57%"
    by_status = {s.status: s.count.value for s in totals.by_status}
    assert by_status == {
        ApplicationStatus.RECEIVED: 0,
        ApplicationStatus.SHORTLISTED: 0,
        ApplicationStatus.ACCEPTED: 6,
        ApplicationStatus.WAITLISTED: 1,
        ApplicationStatus.DECLINED: 1,
        ApplicationStatus.WITHDRAWN: 1,
    }


def test_pairings_by_status_with_drafts_apart_and_overdue_check_ins(figures, pilot):
    pairings = figures.pairings
    by_status = {s.status: s.count.value for s in pairings.by_status}
    assert list(by_status) == list(PairingStatus)
    assert by_status[PairingStatus.ACTIVE] == 1  # the active circle is a draft
    assert by_status[PairingStatus.COMPLETED] == 1
    assert by_status[PairingStatus.EXTENDED] == 1
    assert sum(by_status.values()) == pairings.published.value == 3
    assert pairings.drafts.records.ids == (pilot.pairings["Gus-circle"],)
    assert set(pairings.active.records.ids) == {
        pilot.pairings["Eli-Ana"],
        pilot.pairings["Eli-Dee"],
    }
    # Only the active pairing's March check-in: the completed one and the draft owe none.
    assert pairings.overdue_check_ins.records.ids == (pilot.overdue_check_in,)
    assert pairings.overdue_check_ins.records.on == TODAY


def test_training_completion_per_requirement(figures, pilot):
    people = pilot.people
    orientation, mentor_training = figures.training.requirements
    assert orientation.label == "Orientation · mentees"
    assert set(orientation.required.records.ids) == {
        people[n] for n in ("Ana", "Bea", "Dee", "Fay")
    }
    assert set(orientation.completed.records.ids) == {people["Ana"], people["Fay"]}
    assert set(orientation.missing.records.ids) == {people["Bea"], people["Dee"]}
    assert percent_text(orientation.completion.value) == "50%"
    assert mentor_training.label == "Mentor training · mentors in Circles"
    assert mentor_training.required.records.ids == (people["Gus"],)
    assert mentor_training.completed.value == 0
    training = figures.training
    assert (training.required.value, training.complete.value, training.missing.value) == (5, 2, 3)
    assert training.completion.value == pytest.approx(2 / 5)


def test_attendance_per_past_event_with_a_register(figures, pilot):
    events = {e.title: e for e in figures.events}
    # The future, cancelled, unrecorded and deadline events are left out; today's is in.
    assert list(events) == ["Orientation", "Mentor training", "Networking"]
    orientation = events["Orientation"]
    assert (orientation.invited.value, orientation.registered.value) == (6, 5)
    assert orientation.attended.value == 3
    assert percent_text(orientation.attendance.value) == "50%"
    assert (events["Mentor training"].invited.value, events["Mentor training"].attended.value) == (
        1,
        0,
    )
    assert events["Networking"].attendance.value == 1.0


def test_participation_by_gender_and_career_stage_with_not_recorded_apart(figures, pilot):
    participation = figures.participation
    assert participation.participants.value == 6  # Cem declined, Hal withdrew
    assert (participation.mentors.value, participation.mentees.value) == (2, 4)
    genders = [(g.label, g.people.value) for g in participation.by_gender.groups]
    assert genders == [("Woman", 2), ("Man", 1), ("Non-binary", 1), ("Prefer not to say", 1)]
    not_recorded = participation.by_gender.not_recorded
    assert (not_recorded.label, not_recorded.people.records.ids) == (
        "Not recorded",
        (pilot.people["Dee"],),
    )
    # In the order of the programme's list (not alphabetical), a stage not in it after.
    stages = [(g.label, g.people.value) for g in participation.by_career_stage.groups]
    assert stages == [
        ("Postdoctoral researcher", 2),
        ("Full professor", 1),
        ("Visiting scholar", 1),
    ]
    unknown_stage = participation.by_career_stage.not_recorded
    assert set(unknown_stage.people.records.ids) == {pilot.people["Dee"], pilot.people["Gus"]}
    assert (unknown_stage.mentors.value, unknown_stage.mentees.value) == (1, 1)
    assert participation.by_career_stage.shown[-1] is unknown_stage


def test_participation_by_organisation_counts_spellings_alike_as_one(
    programme_file, figures, pilot
):
    by_organisation = figures.participation.by_organisation
    assert [(g.label, g.people.value) for g in by_organisation.groups] == [
        (LIST_FULL, 3),  # Cem's spelling (declined) names the group: a tie, in mixed case
        ("Université du Luxembourg", 1),
        ("University of Luxembourg", 1),
    ]
    institute = by_organisation.groups[0].people.records.ids
    assert set(institute) == {pilot.people[n] for n in ("Ana", "Bea", "Dee")}
    assert by_organisation.not_recorded.people.records.ids == (pilot.people["Gus"],)


def test_participation_by_organisation_follows_the_coordinators_merges(programme_file, pilot):
    with programme_file.session() as s:
        merge_organisations(s, ["Université du Luxembourg"], "University of Luxembourg")
        merge_organisations(s, [LIST_FULL], "LIST")
        figures = programme_figures(s, pilot.programme_id, TODAY)
    groups = figures.participation.by_organisation.groups
    assert [(g.label, g.people.value, g.mentors.value) for g in groups] == [
        ("LIST", 3, 0),
        ("University of Luxembourg", 2, 1),
    ]


def test_each_figure_lists_exactly_the_records_it_counts(programme_file, figures, pilot):
    fellows = figures.strands[1]
    table = _records(programme_file, fellows.accepted_mentees)
    expected = {pilot.applications[(n, "Fellows")] for n in ("Ana", "Bea", "Dee")}
    assert set(table.ids) == expected
    assert len(table.rows) == fellows.accepted_mentees.value
    assert table.title == "Accepted mentees in Fellows"
    assert {row[0] for row in table.rows} == {"Ana Test", "Bea Test", "Dee Test"}
    assert {row[table.headers.index("Status")] for row in table.rows} == {"Accepted"}

    overdue = _records(programme_file, figures.pairings.overdue_check_ins)
    assert overdue.ids == (pilot.overdue_check_in,)
    assert overdue.rows == (("Eli Test", "Ana Test", "Active", dt.date(2026, 3, 1), 92),)

    active = _records(programme_file, figures.pairings.active)
    assert set(active.ids) == {pilot.pairings["Eli-Ana"], pilot.pairings["Eli-Dee"]}
    assert {row[active.headers.index("Status")] for row in active.rows} == {"Active", "Extended"}
    drafts = _records(programme_file, figures.pairings.drafts)
    assert drafts.rows[0][drafts.headers.index("Status")] == "Draft"

    orientation = figures.events[0]
    attended = _records(programme_file, orientation.attended)
    assert [row[0] for row in attended.rows] == ["Ana Test", "Eli Test", "Fay Test"]
    assert {row[attended.headers.index("Date")] for row in attended.rows} == {dt.date(2026, 1, 20)}
    assert len(_records(programme_file, orientation.invited).rows) == 6

    women = _records(programme_file, figures.participation.by_gender.groups[0].people)
    assert set(women.ids) == {pilot.people["Ana"], pilot.people["Bea"]}
    assert {row[women.headers.index("Gender")] for row in women.rows} == {"Woman"}
    gus = _records(programme_file, figures.training.requirements[1].missing)
    assert gus.ids == (pilot.people["Gus"],)
    assert gus.rows[0][gus.headers.index("Applications")] == (
        "Mentor in Circles (accepted); Mentee in Fellows (waitlisted)"
    )


def test_the_applications_behind_a_figure_have_the_columns_of_the_applicants_table(
    programme_file, figures, pilot
):
    table = _records(programme_file, figures.strands[1].accepted_mentees)
    assert table.headers == APPLICANT_HEADERS
    assert table.date_columns == {APPLICANT_HEADERS.index("Submitted")}
    ana = table.rows[table.ids.index(pilot.applications[("Ana", "Fellows")])]
    assert dict(zip(table.headers, ana, strict=True)) == {
        "Name": "Ana Test",
        "Email": "ana@uni.example",
        "Role": "Mentee",
        "Strand": "Fellows",
        "Status": "Accepted",
        "Organisation": f"{LIST_FULL} (LIST)",
        "Department": "",
        "Career stage": "Postdoctoral researcher",
        "Contract": None,
        "Submitted": None,
    }


@pytest.mark.parametrize(
    "count",
    [
        lambda f: f.applications.applications,
        lambda f: f.pairings.published,
        lambda f: f.training.required,
        lambda f: f.events[0].registered,
        lambda f: f.participation.participants,
        lambda f: f.participation.by_career_stage.not_recorded.people,
    ],
)
def test_every_kind_of_record_lists_as_many_rows_as_counted(programme_file, figures, count):
    figure = count(figures)
    table = _records(programme_file, figure)
    assert sorted(table.ids) == list(figure.records.ids)
    assert len(table.rows) == figure.value > 0
    assert all(len(row) == len(table.headers) for row in table.rows)
    for column in table.date_columns:
        assert all(row[column] is None or isinstance(row[column], dt.date) for row in table.rows)
    for column in table.numeric_columns:
        assert all(
            row[column] is None or isinstance(row[column], int | float) for row in table.rows
        )


def test_records_no_longer_in_the_file_are_left_out(programme_file, figures, pilot):
    women = figures.participation.by_gender.groups[0].people
    invited = figures.events[0].invited
    applications = figures.applications.applications
    with programme_file.session() as s:
        delete_pairing(s, pilot.pairings["Eli-Bea"])
        delete_person(s, pilot.people["Bea"])
        delete_person(s, pilot.people["Hal"])
    assert _records(programme_file, women).ids == (pilot.people["Ana"],)
    assert len(_records(programme_file, invited).rows) == 4
    assert len(_records(programme_file, applications).rows) == 7


def test_figures_follow_the_data(programme_file, pilot):
    with programme_file.session() as s:
        set_application_status(
            s, [pilot.applications[("Cem", "Fellows")]], ApplicationStatus.ACCEPTED
        )
        figures = programme_figures(s, pilot.programme_id, TODAY)
    assert figures.applications.accepted_mentees.value == 5
    assert figures.participation.by_gender.groups[1].people.value == 2  # Cem joins Eli


def test_an_empty_programme_has_figures_of_nothing(programme_file, programme_id):
    with programme_file.session() as s:
        figures = programme_figures(s, programme_id, TODAY)
    assert figures.applications.applications.value == 0
    assert figures.applications.acceptance.value is None
    assert percent_text(figures.training.completion.value) == "—"
    assert figures.events == ()
    assert figures.training.requirements == ()
    assert figures.participation.by_gender.shown == ()


def test_a_programme_that_is_gone_is_named(programme_file):
    with programme_file.session() as s, pytest.raises(NotFound):
        programme_figures(s, 999, TODAY)


def test_genders_are_grouped_for_display_only():
    assert gender_label(" Female ") == "Woman"
    assert gender_label("MALE") == "Man"
    assert gender_label("Non-binary person") == "Non-binary"
    assert gender_label("  genderqueer ") == "Genderqueer"
    assert gender_label("") == ""
    assert RecordKind.PEOPLE.value == "people"


def test_survey_figures_come_from_the_surveys_with_their_people(programme_file, pilot):
    people = pilot.people
    with programme_file.session() as s:
        pre = add_survey_from_template(s, pilot.programme_id, "mentee_pre")
        post = add_survey_from_template(s, pilot.programme_id, "mentee_post")
        feedback = add_survey_from_template(s, pilot.programme_id, "programme_feedback")
        day = dt.date(2026, 5, 1)
        for name, before, after in [("Ana", 2, 4), ("Bea", 3, 4)]:
            record_response(s, pre, people[name], {"goals_clarity": before}, day)
            record_response(s, post, people[name], {"goals_clarity": after}, day)
        record_response(s, pre, people["Dee"], {"goals_clarity": 1}, day)  # no post: not paired
        for name, rating, recommend in [("Ana", 5, True), ("Bea", 4, True), ("Fay", 4, False)]:
            answers = {OVERALL_RATING: rating, WOULD_RECOMMEND: recommend}
            record_response(s, feedback, people[name], answers, day)
        figures = programme_figures(s, pilot.programme_id, TODAY)
        assert figures.surveys.feedback == feedback_summary(s, pilot.programme_id)
    surveys = figures.surveys
    assert surveys.feedback.mean_rating == pytest.approx(13 / 3)
    assert percent_text(surveys.feedback.recommend_rate) == "67%"
    assert set(surveys.respondents.records.ids) == {people[n] for n in ("Ana", "Bea", "Fay")}
    (goals,) = surveys.items
    assert goals.change.code == "goals_clarity"
    assert (goals.change.mean_pre, goals.change.mean_post) == (2.5, 4.0)
    assert set(goals.people.records.ids) == {people["Ana"], people["Bea"]}
    listed = _records(programme_file, goals.people)
    assert sorted(row[0] for row in listed.rows) == ["Ana Test", "Bea Test"]
    assert listed.title.startswith("Answered before and after – ")


def test_a_programme_without_surveys_has_no_rating(figures):
    assert figures.surveys.feedback.responses == 0
    assert figures.surveys.feedback.mean_rating is None
    assert figures.surveys.respondents.value == 0
    assert figures.surveys.items == ()
