"""The one alphabetical order of people and titles: accents and case only break ties."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import select

from mentordesk.domain.enums import (
    ApplicationStatus,
    AttendanceStatus,
    EventKind,
    Role,
    StrandFormat,
)
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_applicant,
    applicant_rows,
    person_choices,
    strand_summaries,
)
from mentordesk.services.collation import person_key, sort_key
from mentordesk.services.dashboard import (
    RecordKey,
    RecordKind,
    programme_figures,
)
from mentordesk.services.documents.certificates import certificates
from mentordesk.services.documents.sign_in import sign_in_sheet
from mentordesk.services.drafts import drafts_for_event
from mentordesk.services.events import EventInput, add_event, event_register, set_attendance
from mentordesk.services.exporting import export_programme
from mentordesk.services.figure_records import figure_records
from mentordesk.services.messages import not_yet_told
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    find_programme,
    list_programmes,
    strand_choices,
)
from mentordesk.services.retention import retention_preview
from mentordesk.services.surveys import add_survey_from_template, respondent_choices
from mentordesk.services.training import Requirement, missing_training, set_requirements
from mentordesk.store.models import Application, Attendance, Person, Programme
from tests.helpers.names import FIRST_NAMES, FIRST_NAMES_IN_ORDER, PEOPLE, PEOPLE_IN_ORDER
from tests.helpers.pdf import pdf_text


@dataclass(frozen=True)
class Someone:
    first_name: str
    last_name: str


def in_order(texts: list[str]) -> list[str]:
    return sorted(texts, key=sort_key)


def test_accented_names_sort_among_their_letters_not_after_z() -> None:
    assert sorted(FIRST_NAMES) != FIRST_NAMES_IN_ORDER  # what comparing stored text gives
    assert in_order(FIRST_NAMES) == FIRST_NAMES_IN_ORDER
    assert in_order(list(reversed(FIRST_NAMES))) == FIRST_NAMES_IN_ORDER


@pytest.mark.parametrize(
    "ordered",
    [
        ["Emile", "Émile", "Emma"],
        ["Lodz", "Łódź", "Lucas", "Łukasz", "Lund"],
        ["Moller", "Møller", "Muller", "Müller", "Nagy"],
        ["Oeuvre", "Œuvre", "Ofelia"],
        ["Aeron", "Æsa", "Ana"],
        ["Dora", "Đorđe", "Dunja"],
        ["Hasan", "Ħasan", "Helga"],
        ["Kirmizi", "Kırmızı", "Kirsten"],
        ["Strasse", "Straße", "Strauss"],
        ["Ilgaz", "İlker", "Ingrid"],
        ["Celik", "Çelik", "Chen"],
        ["Sahin", "Şahin", "Smith"],
        ["Zofia", "Žofia", "Zoltan"],
    ],
)
def test_letters_that_unicode_does_not_take_apart_are_read_as_their_base(
    ordered: list[str],
) -> None:
    assert in_order(list(reversed(ordered))) == ordered
    assert in_order(random.Random(1).sample(ordered, len(ordered))) == ordered


def test_case_is_ignored_then_breaks_ties_lower_case_first() -> None:
    assert in_order(["Dupont", "de Vries", "DAVIES"]) == ["DAVIES", "de Vries", "Dupont"]
    assert in_order(["Van Dijk", "van Dijk"]) == ["van Dijk", "Van Dijk"]


def test_numbers_sort_by_their_value() -> None:
    titles = ["Session 10", "Session 2", "Session 1", "Cohort 2026/27", "Cohort 2026/3"]
    assert in_order(titles) == [
        "Cohort 2026/3",
        "Cohort 2026/27",
        "Session 1",
        "Session 2",
        "Session 10",
    ]


def test_spaces_then_punctuation_then_digits_then_letters() -> None:
    assert in_order(["Delacroix", "De la Cruz", "De-la Cruz", "De1"]) == [
        "De la Cruz",
        "De-la Cruz",
        "De1",
        "Delacroix",
    ]
    assert in_order(["O’Brien", "Obama", "O'Brien"]) == ["O'Brien", "O’Brien", "Obama"]


def test_spaces_around_a_name_do_not_count() -> None:
    assert sort_key("  Ana   Silva ") == sort_key("Ana Silva")
    assert sort_key("Ana") != sort_key("ana")


def test_people_by_last_name_then_first_name_before_any_accent() -> None:
    people = [Someone(first, last) for first, last in PEOPLE]
    ordered = [f"{p.first_name} {p.last_name}" for p in sorted(people, key=person_key)]
    assert ordered == PEOPLE_IN_ORDER
    # The first names differ before the accent of the last names is looked at.
    assert person_key(Someone("Anna", "Müller")) < person_key(Someone("Zoe", "Muller"))
    assert person_key(Someone("Anna", "Muller")) < person_key(Someone("Anna", "Müller"))
    assert sort_key("Müller", "Anna") == person_key(Someone("Anna", "Müller"))


def test_control_characters_and_decomposed_accents_change_nothing() -> None:
    assert sort_key("Zoe\u0308") == sort_key("Zoë")
    assert in_order(["Zoe\u0308", "Zoe", "Zsófia"]) == ["Zoe", "Zoe\u0308", "Zsófia"]
    assert sort_key("Ana\x00\x1b") == sort_key("Ana")


# Every list of people a service makes, for the window, exports and PDFs -------------------

LUX = ZoneInfo("Europe/Luxembourg")
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def named(programme_file, programme_id, strands):
    """The people of ``PEOPLE`` accepted as mentees, a past workshop they all attended, and
    a coming networking evening they are all invited to, added in their listed order."""
    with programme_file.session() as s:
        ids = []
        for n, (first, last) in enumerate(PEOPLE):
            application = add_applicant(
                s,
                PersonInput(first, last, f"person{n}@pilot.example"),
                ApplicationInput(strands["Fellows"], Role.MENTEE, ApplicationStatus.ACCEPTED),
            )
            ids.append(s.get(Application, application).person_id)
        past = dt.datetime(2026, 3, 10, 9, tzinfo=LUX)
        workshop = add_event(
            s,
            programme_id,
            EventInput(EventKind.WORKSHOP, "Workshop", past, past + dt.timedelta(hours=2)),
        )
        coming = dt.datetime(2026, 12, 8, 18, tzinfo=LUX)
        evening = add_event(
            s,
            programme_id,
            EventInput(EventKind.NETWORKING, "Evening", coming, coming + dt.timedelta(hours=2)),
        )
        for person_id in ids:
            set_attendance(s, workshop, person_id, AttendanceStatus.ATTENDED)
            set_attendance(s, evening, person_id, AttendanceStatus.INVITED)
        set_requirements(s, programme_id, [Requirement(EventKind.ORIENTATION, Role.MENTEE)])
    return SimpleNamespace(workshop=workshop, evening=evening)


def in_text_order(text: str) -> list[str]:
    """The names of ``PEOPLE`` in the order they first appear in ``text``."""
    return sorted(PEOPLE_IN_ORDER, key=text.index)


def test_the_applicants_list_and_the_choice_of_people(programme_file, programme_id, named):
    with programme_file.session() as s:
        assert [r.name for r in applicant_rows(s, programme_id)] == PEOPLE_IN_ORDER
        assert [p.name for p in person_choices(s)] == PEOPLE_IN_ORDER


def test_the_sign_in_sheet(programme_file, named, tmp_path):
    out = tmp_path / "sign-in.pdf"
    with programme_file.session() as s:
        sign_in_sheet(s, named.evening, out, today=TODAY)
    assert in_text_order(pdf_text(out)) == PEOPLE_IN_ORDER


def test_certificates_are_written_in_order(programme_file, programme_id, named, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with programme_file.session() as s:
        written = certificates(s, programme_id, out, today=TODAY)
    names = [p.stem.removeprefix("Certificate of participation - ") for p in written]
    assert names == PEOPLE_IN_ORDER


def test_the_programme_workbooks_people(programme_file, programme_id, named, tmp_path):
    out = tmp_path / "programme.xlsx"
    with programme_file.session() as s:
        export_programme(s, programme_id, out)
    sheet = openpyxl.load_workbook(out, read_only=True)["People"]
    rows = list(sheet.iter_rows(min_row=2, max_col=2, values_only=True))
    assert [f"{first} {last}" for first, last in rows] == PEOPLE_IN_ORDER


def test_missing_training_and_those_not_yet_told(programme_file, programme_id, named):
    with programme_file.session() as s:
        missing = missing_training(s, programme_id, now=dt.datetime(2026, 11, 25, tzinfo=LUX))
        assert [m.name for m in missing] == PEOPLE_IN_ORDER
        untold = not_yet_told(s, programme_id, ApplicationStatus.ACCEPTED)
        assert [s.get(Person, i).full_name for i in untold] == PEOPLE_IN_ORDER


def test_invitation_drafts_are_written_in_order(programme_file, named, tmp_path):
    out = tmp_path / "drafts"
    out.mkdir()
    with programme_file.session() as s:
        result = drafts_for_event(s, named.evening, "event-invitation", out, today=TODAY)
    assert [p.stem.split(" - ", 1)[1] for p in result.written] == PEOPLE_IN_ORDER


def test_survey_respondents(programme_file, programme_id, named):
    with programme_file.session() as s:
        survey = add_survey_from_template(s, programme_id, "mentee_pre")
        assert [p.name for p in respondent_choices(s, survey)] == PEOPLE_IN_ORDER


def test_an_events_register_and_the_dashboards_records(programme_file, programme_id, named):
    with programme_file.session() as s:
        assert [line.name for line in event_register(s, named.evening)] == PEOPLE_IN_ORDER
        people = tuple(sorted(s.scalars(select(Person.id))))
        table = figure_records(s, RecordKey(RecordKind.PEOPLE, programme_id, people, "People"))
        assert [row[0] for row in table.rows] == PEOPLE_IN_ORDER
        entries = tuple(sorted(s.scalars(select(Attendance.id))))
        key = RecordKey(RecordKind.ATTENDANCE, programme_id, entries, "Attendance")
        rows = figure_records(s, key).rows
        # The past workshop's register first, then the evening's, each by name.
        assert [row[0] for row in rows] == PEOPLE_IN_ORDER * 2


def test_the_retention_preview(programme_file, programme_id, named):
    with programme_file.session() as s:
        programme = s.get(Programme, programme_id)
        programme.ends_on, programme.retention_years = dt.date(2020, 6, 30), 1
        cases = retention_preview(s, TODAY)
    assert [c.name for c in cases] == [
        "Ana Abbott",
        "Anna Zoëller",
        "Åsa Åberg",
        "Đorđe Đurić",
        "Émile Émond",
        "Jürgen Strauß",
        "Kemal Dursun",
        "Lars Lund",
        "Łukasz Łukasiewicz",
        "Maria de Vries",
        "Ömer Öztürk",
        "Ørjan Østergaard",
        "Oscar Olsen",
        "Zoë Abbott",
        "Zsófia Zsigmond",
    ]


def test_programmes_and_strands_by_name(programme_file):
    strands = ["Zeta", "Écoles", "alpha", "Ølsted", "Beta"]
    with programme_file.session() as s:
        for name in ("Zoë 2026", "Åland 2027", "Beta 2026"):
            create_programme(
                s,
                ProgrammeInput(
                    name, strands=[StrandInput(n, StrandFormat.ONE_TO_ONE, 5) for n in strands]
                ),
            )
        assert [p.name for p in list_programmes(s)] == ["Åland 2027", "Beta 2026", "Zoë 2026"]
        programme_id = find_programme(s, "Zoë 2026").id
        in_order = ["alpha", "Beta", "Écoles", "Ølsted", "Zeta"]
        assert [c.name for c in strand_choices(s, programme_id)] == in_order
        assert [c.name for c in strand_summaries(s, programme_id)] == in_order
        figures = programme_figures(s, programme_id, TODAY)
        assert [f.name for f in figures.strands] == in_order
