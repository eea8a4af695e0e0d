"""mentordesk-cli programme list, create, edit, copy and alumni, on real files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mentordesk.cli.app import main
from mentordesk.domain.enums import (
    ApplicationStatus,
    EventKind,
    PairingStatus,
    Role,
    StrandFormat,
)
from mentordesk.domain.stages import ACADEMIC_STAGES, COMMITTEE_STAGES, STAFF_SCHEME_STAGES
from mentordesk.services.applicants import (
    ApplicationInput,
    PersonInput,
    add_application,
    add_person,
)
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import (
    get_programme,
    list_programmes,
    programme_settings,
    strand_choices,
)
from mentordesk.services.training import requirements
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.workbooks import plain_workbook


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new programme file made by ``init``: no programme in it."""
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "office.mentordesk"
    assert main(["init", "--db", str(path)]) == 0
    return path


def create(db: Path, *options: str) -> int:
    return main(["programme", "create", *options, "--db", str(db)])


def test_a_staff_scheme_is_created_from_an_empty_file_with_its_dates_rules_and_strands(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = create(
        empty_db,
        "One Step Beyond 2027",
        "--timezone",
        "Europe/Brussels",
        "--starts",
        "2027-01-15",
        "--ends",
        "2027-12-15",
        "--applications-close",
        "2026-12-20",
        "--duration-months",
        "12",
        "--strand",
        "Phase 1:one-to-one:20",
        "--strand",
        "Phase 2 (technical staff)",
        "--strand",
        "Circles: time to talk:group:12",
        "--mentees-per-mentor",
        "4",
        "--grade-gap",
        "2",
    )

    assert status == 0
    assert "Created One Step Beyond 2027" in capsys.readouterr().out
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        programme = get_programme(session, summary.id)
        assert (programme.name, programme.timezone) == ("One Step Beyond 2027", "Europe/Brussels")
        assert (programme.starts_on, programme.ends_on) == (
            dt.date(2027, 1, 15),
            dt.date(2027, 12, 15),
        )
        assert programme.applications_close_on == dt.date(2026, 12, 20)
        assert programme.duration_months == 12
        assert (programme.max_mentees_per_mentor, programme.max_grade_gap) == (4, 2)
        strands = {s.name: (s.format, s.places) for s in programme.strands}
    assert strands == {
        "Phase 1": (StrandFormat.ONE_TO_ONE, 20),
        "Phase 2 (technical staff)": (StrandFormat.ONE_TO_ONE, None),
        "Circles: time to talk": (StrandFormat.GROUP, 12),
    }


def test_list_gives_what_create_wrote_as_text_and_as_json(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["programme", "list", "--db", str(empty_db)]) == 0
    assert "holds no programme yet" in capsys.readouterr().out
    assert create(empty_db, "Pilot", "--starts", "2027-02-01", "--strand", "Circles:group:9") == 0
    capsys.readouterr()

    assert main(["programme", "list", "--db", str(empty_db)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Pilot (Europe/Luxembourg, 2027-02-01 to …)",
        "  Applications open: not set; deadline: not set",
        "  Duration: not set; mentors answer within 7 days",
        "  Mentees per mentor: no limit; grade gap: no limit",
        "  Same career track only: no; field or department: no preference",
        "  Career stages: 0; template: blank",
        "  Strands:",
        "  - Circles: group, 9 places",
    ]
    assert main(["programme", "list", "--db", str(empty_db), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["name"] == "Pilot"
    assert listed["starts"] == "2027-02-01"
    assert (listed["grade_gap"], listed["field_preference"], listed["answer_days"]) == (
        None,
        "none",
        7,
    )
    assert listed["strands"] == [
        {"name": "Circles", "format": "group", "places": 9, "retired": False}
    ]


def test_list_shows_each_programmes_dates_rules_stages_and_strands(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(
        empty_db, "ADVANCE 2027", "--template", "three-strands", "--starts", "2027-01-15",
        "--ends", "2027-12-15", "--applications-open", "2026-10-01", "--applications-close",
        "2026-12-20", "--duration-months", "11", "--mentees-per-mentor", "2", "--grade-gap", "3",
        "--field-preference", "same", "--strand", "Fellows:12",
    ) == 0  # fmt: skip
    assert main(["programme", "copy", "ADVANCE 2027", "ADVANCE 2028", "--db", str(empty_db)]) == 0
    assert edit(empty_db, "ADVANCE 2028", "--field-preference", "different", "--answer-days",
                "10", "--within-track", "yes", "--retire-strand", "Fellows",
                "--strand", "Circles:group") == 0  # fmt: skip
    assert "Field preference: same → different" in capsys.readouterr().out

    assert main(["programme", "list", "--db", str(empty_db)]) == 0

    tracks = len({stage.track for stage in ACADEMIC_STAGES})
    assert capsys.readouterr().out.splitlines() == [
        "ADVANCE 2027 (Europe/Luxembourg, 2027-01-15 to 2027-12-15)",
        "  Applications open: 2026-10-01; deadline: 2026-12-20",
        "  Duration: 11 months; mentors answer within 7 days",
        "  Mentees per mentor: 2; grade gap: 3",
        "  Same career track only: no; field or department: the same preferred",
        f"  Career stages: {len(ACADEMIC_STAGES)} on {tracks} tracks; template: three-strands",
        "  Strands:",
        "  - Fellows: one-to-one, 12 places",
        "ADVANCE 2028 (Europe/Luxembourg, 2028-01-15 to 2028-12-15)",
        "  Applications open: 2027-10-01; deadline: 2027-12-20",
        "  Duration: 11 months; mentors answer within 10 days",
        "  Mentees per mentor: 2; grade gap: 3",
        "  Same career track only: yes; field or department: a different one preferred",
        f"  Career stages: {len(ACADEMIC_STAGES)} on {tracks} tracks; template: three-strands, "
        "copied from ADVANCE 2027",
        "  Strands:",
        "  - Circles: group",
        "  - Fellows: one-to-one, 12 places (retired)",
    ]
    assert main(["programme", "list", "--db", str(empty_db), "--json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert [
        (p["field_preference"], p["answer_days"], p["within_track"], p["grade_gap"])
        for p in listed.values()
    ] == [("same", 7, False, 3), ("different", 10, True, 3)]


def test_create_takes_the_templates_field_preference_unless_told(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Lab", "--template", "committee") == 0
    assert create(empty_db, "Lab 2", "--template", "committee", "--field-preference", "none") == 0
    capsys.readouterr()
    assert main(["programme", "list", "--db", str(empty_db), "--json"]) == 0
    listed = {p["name"]: p["field_preference"] for p in json.loads(capsys.readouterr().out)}
    assert listed == {"Lab": TEMPLATES["committee"].field_preference.value, "Lab 2": "none"}
    assert listed["Lab"] != "none"


def test_applications_import_into_a_programme_created_by_the_command_line(
    empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = plain_workbook(
        tmp_path / "form.xlsx",
        ["Email", "Full name", "I am applying as a"],
        [["ana@uni.example", "Ana Lima", "Mentee"], ["ben@uni.example", "Ben Ode", "Mentor"]],
    )
    assert main(["import", "applicants", str(source), "--db", str(empty_db)]) == 1
    assert "programme create" in capsys.readouterr().err

    assert create(empty_db, "Staff scheme", "--strand", "Staff") == 0
    assert main(["import", "applicants", str(source), "--db", str(empty_db)]) == 0
    assert "2 added" in capsys.readouterr().out


def test_a_second_programme_of_the_same_name_is_refused_and_nothing_is_written(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", "Fellows") == 0
    capsys.readouterr()

    assert create(empty_db, "pilot", "--strand", "Other") == 1
    assert "already a programme" in capsys.readouterr().err
    assert create(empty_db, "Second", "--timezone", "Nowhere/Atlantis") == 1
    assert "time zone" in capsys.readouterr().err
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        assert [p.name for p in list_programmes(session)] == ["Pilot"]


@pytest.mark.parametrize("strand", [":group:3", "   ", "::"])
def test_a_strand_without_a_name_is_refused_in_plain_words(
    empty_db: Path, strand: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", strand) == 1

    assert "A --strand needs a name" in capsys.readouterr().err
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        assert list_programmes(session) == []


def edit(db: Path, name: str, *options: str) -> int:
    return main(["programme", "edit", name, *options, "--db", str(db)])


@pytest.mark.parametrize(
    ("template", "strands", "stages", "training"),
    [
        ("blank", set(), 0, 0),
        ("three-strands", {"Faculty", "Fellows", "Circles"}, len(ACADEMIC_STAGES), 2),
        ("staff-scheme", {"Staff"}, len(STAFF_SCHEME_STAGES), 1),
        ("committee", {"Mentoring"}, len(COMMITTEE_STAGES), 2),
    ],
)
def test_create_from_each_template(
    empty_db: Path,
    template: str,
    strands: set[str],
    stages: int,
    training: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert create(empty_db, "Scheme 2027", "--template", template) == 0

    assert f"{stages} career stages" in capsys.readouterr().out or stages == 0
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        settings = programme_settings(session, summary.id)
        rules = requirements(session, summary.id)
        made_from = get_programme(session, summary.id).template
    assert {s.name for s in settings.strands} == strands
    assert (len(settings.stages or ()), len(rules), made_from) == (stages, training, template)


def test_create_with_stages_and_a_strand_of_the_template_changed(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = create(
        empty_db,
        "Phase 2",
        "--template",
        "staff-scheme",
        "--stages",
        "Technical: Grade 5=5, Grade 6=6; Academic: Lecturer=7, Professor=10",
        "--strand",
        "staff:12",
    )

    assert status == 0
    assert "4 career stages" in capsys.readouterr().out
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        settings = programme_settings(session, list_programmes(session)[0].id)
    assert [(s.name, s.track, s.level) for s in settings.stages or ()] == [
        ("Grade 5", "Technical", 5),
        ("Grade 6", "Technical", 6),
        ("Lecturer", "Academic", 7),
        ("Professor", "Academic", 10),
    ]
    assert [(s.name, s.places) for s in settings.strands] == [("Staff", 12)]


def test_strands_named_on_create_replace_the_templates(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(
        empty_db, "One Step Beyond 2027", "--template", "staff-scheme",
        "--strand", "Phase 1", "--strand", "Phase 2:one-to-one:15",
    ) == 0  # fmt: skip
    assert "(Phase 1, Phase 2; 13 career stages)" in capsys.readouterr().out
    assert create(
        empty_db, "ADVANCE 2027", "--template", "three-strands",
        "--strand", "Newcomers", "--strand", "circles:group:8",
    ) == 0  # fmt: skip
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        made = {p.name: p.id for p in list_programmes(session)}
        staff = programme_settings(session, made["One Step Beyond 2027"])
        advance = programme_settings(session, made["ADVANCE 2027"])
        rules = {name: requirements(session, made[name]) for name in made}
    # The template's "Staff" is gone: only the strands named.
    assert {(s.name, s.format, s.places) for s in staff.strands} == {
        ("Phase 1", StrandFormat.ONE_TO_ONE, None),
        ("Phase 2", StrandFormat.ONE_TO_ONE, 15),
    }
    # A template strand named again is that strand (its description kept), changed as told.
    assert {(s.name, s.format, s.places, s.description) for s in advance.strands} == {
        ("Newcomers", StrandFormat.ONE_TO_ONE, None, ""),
        ("Circles", StrandFormat.GROUP, 8, "Small groups meeting with a facilitator."),
    }
    # The templates' training rules are for all strands: they stay.
    assert [(r.kind, r.role, r.strand_id) for r in rules["One Step Beyond 2027"]] == [
        (EventKind.MENTOR_TRAINING, Role.MENTOR, None)
    ]
    assert len(rules["ADVANCE 2027"]) == 2
    assert all(r.strand_id is None for r in rules["ADVANCE 2027"])


def test_create_help_says_strands_named_replace_the_templates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["programme", "create", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "the strands named replace the template's" in text
    # Each template's sentence ends once, with no stray punctuation after it.
    assert ".;" not in text
    assert ". (" not in text
    for key, template in TEMPLATES.items():
        assert f"{key}: {template.description}" in text


def test_edit_changes_each_option_and_prints_each_change(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", "Fellows:10", "--strand", "Circles:group") == 0
    capsys.readouterr()

    status = edit(
        empty_db,
        "pilot",
        "--rename", "Pilot 2027",
        "--description", "For early-career researchers",
        "--timezone", "Europe/Paris",
        "--starts", "2027-01-15",
        "--ends", "2027-12-15",
        "--applications-open", "2026-11-01",
        "--applications-close", "2026-12-20",
        "--duration-months", "11",
        "--mentees-per-mentor", "3",
        "--grade-gap", "2",
        "--answer-days", "10",
        "--letterhead", "University of Luxembourg",
        "--signature", "ADVANCE programme office",
        "--within-track", "yes",
        "--stages", "Lecturer, Senior lecturer, Professor",
        "--strand", "fellows:group:14",
        "--strand", "Faculty:one-to-one:5",
        "--retire-strand", "Circles",
    )  # fmt: skip

    assert status == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Name: “Pilot” → “Pilot 2027”",
        "Description changed",
        "Time zone: “Europe/Luxembourg” → “Europe/Paris”",
        "Starts: not set → 2027-01-15",
        "Ends: not set → 2027-12-15",
        "Applications open: not set → 2026-11-01",
        "Application deadline: not set → 2026-12-20",
        "Duration in months: not set → 11",
        "Mentees per mentor: no limit → 3",
        "Grade gap: no limit → 2",
        "Mentor and mentee on the same career track: no → yes",
        "Days mentors have to answer: 7 → 10",
        "Letterhead: not set → “University of Luxembourg”",
        "Signature line: not set → “ADVANCE programme office”",
        "Strand “Circles” retired: it takes no new applications",
        "Strand “Fellows”: one-to-one → group",
        "Strand “Fellows” places: 10 → 14",
        "Strand “Faculty” added (one-to-one, 5 places)",
        "Career stages: none → 3 stages (Lecturer, Senior lecturer, Professor)",
    ]
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        programme = get_programme(session, summary.id)
        assert (programme.letterhead_name, programme.response_days) == (
            "University of Luxembourg",
            10,
        )
        assert [c.name for c in strand_choices(session, summary.id)] == ["Faculty", "Fellows"]
    # list --json writes each strand's format as --strand takes it, and always whether retired.
    assert main(["programme", "list", "--db", str(empty_db), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert {s["name"]: (s["format"], s["retired"]) for s in listed["strands"]} == {
        "Faculty": ("one-to-one", False),
        "Fellows": ("group", False),
        "Circles": ("group", True),
    }

    assert edit(empty_db, "Pilot 2027", "--restore-strand", "circles", "--within-track", "no") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Mentor and mentee on the same career track: yes → no",
        "Strand “Circles” restored",
    ]
    assert edit(empty_db, "Pilot 2027", "--grade-gap", "2") == 0
    assert capsys.readouterr().out == "Nothing changed in Pilot 2027.\n"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--rename", "Other"], "already a programme called “Other”"),
        (
            ["--retire-strand", "Faculty"],
            "“Faculty” is not a strand of Pilot; its strands: “Fellows”",
        ),
        (["--stages", "Lecturer, lecturer"], "given twice"),
        (["--starts", "2027-05-01", "--ends", "2027-01-01"], "cannot end before it starts"),
    ],
)
def test_a_wrong_edit_is_refused_in_plain_words_and_nothing_is_written(
    empty_db: Path, options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", "Fellows", "--grade-gap", "1") == 0
    assert create(empty_db, "Other") == 0
    capsys.readouterr()

    assert edit(empty_db, "Pilot", "--grade-gap", "3", *options) == 1

    assert message in capsys.readouterr().err
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        pilot = next(p for p in list_programmes(session) if p.name == "Pilot")
        assert get_programme(session, pilot.id).max_grade_gap == 1


def _apply_to(db: Path, strand: str, email: str) -> None:
    """An accepted mentee application to ``strand`` of the file's only programme."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        strand_id = next(c.id for c in strand_choices(session, summary.id) if c.name == strand)
        person = add_person(session, PersonInput("Ana", "Lima", email))
        add_application(
            session, person, ApplicationInput(strand_id, Role.MENTEE, ApplicationStatus.ACCEPTED)
        )


def _strands(db: Path) -> dict[str, tuple[bool, int]]:
    """The programme's strands: name → (retired, applications held)."""
    with ProgrammeFile.open(db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        return {
            s.name: (s.retired, len(s.applications))
            for s in get_programme(session, summary.id).strands
        }


def test_edit_renames_and_removes_strands_and_refuses_to_remove_one_with_history(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        create(empty_db, "Pilot", "--strand", "Faculty", "--strand", "Spare", "--strand", "X") == 0
    )
    _apply_to(empty_db, "Faculty", "ana@uni.example")
    capsys.readouterr()

    status = edit(
        empty_db,
        "Pilot",
        "--rename-strand", "faculty = Faculty and partners",
        "--rename-strand", "X=Fellows",
        "--remove-strand", "spare",
    )  # fmt: skip

    assert status == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "Strand “Spare” removed",
        "Strand “Faculty” renamed “Faculty and partners”",
        "Strand “X” renamed “Fellows”",
    ]
    assert captured.err == ""
    # The application followed its strand to the new name.
    assert _strands(empty_db) == {"Faculty and partners": (False, 1), "Fellows": (False, 0)}

    assert edit(empty_db, "Pilot", "--remove-strand", "Faculty and partners") == 1
    assert capsys.readouterr().err == (
        "mentordesk-cli: “Faculty and partners” holds 1 application, so it cannot be removed: "
        "retire it instead, so that it takes no new applications and keeps its history.\n"
    )
    assert _strands(empty_db) == {"Faculty and partners": (False, 1), "Fellows": (False, 0)}

    # A strand removed gives its name to another; a strand renamed gives its name to a new one.
    assert (
        edit(
            empty_db, "Pilot", "--remove-strand", "Fellows", "--rename-strand", "Faculty and "
            "partners=Fellows", "--strand", "Faculty and partners:group",
        )
        == 0
    )  # fmt: skip
    assert capsys.readouterr().out.splitlines() == [
        "Strand “Fellows” removed",
        "Strand “Faculty and partners” renamed “Fellows”",
        "Strand “Faculty and partners” added (group)",
    ]
    assert _strands(empty_db) == {"Fellows": (False, 1), "Faculty and partners": (False, 0)}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--rename-strand", "Faculty"], "write --rename-strand OLD=NEW"),
        (["--rename-strand", "Faculty= "], "write --rename-strand OLD=NEW"),
        (["--rename-strand", "Circles=Groups"], "“Circles” is not a strand of Pilot"),
        (["--rename-strand", "Faculty=fellows"], "Two strands would be called"),
        (["--remove-strand", "Circles"], "“Circles” is not a strand of Pilot"),
    ],
)
def test_a_wrong_strand_renaming_or_removal_is_refused_and_nothing_is_written(
    empty_db: Path, options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", "Faculty", "--strand", "Fellows") == 0
    capsys.readouterr()

    assert edit(empty_db, "Pilot", "--grade-gap", "2", *options) == 1

    assert message in capsys.readouterr().err
    assert _strands(empty_db) == {"Faculty": (False, 0), "Fellows": (False, 0)}


def test_retiring_the_last_strand_taking_applications_is_done_with_a_warning(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(empty_db, "Pilot", "--strand", "Faculty", "--strand", "Fellows") == 0
    _apply_to(empty_db, "Faculty", "ana@uni.example")
    capsys.readouterr()

    assert edit(empty_db, "Pilot", "--retire-strand", "Fellows") == 0
    assert capsys.readouterr().err == ""
    assert edit(empty_db, "Pilot", "--retire-strand", "Faculty") == 0

    captured = capsys.readouterr()
    assert captured.out == "Strand “Faculty” retired: it takes no new applications\n"
    assert captured.err == (
        "mentordesk-cli: warning: Pilot has no strand taking applications now: none can be "
        "added or imported until a strand is restored (--restore-strand Faculty) or added "
        "(--strand NAME).\n"
    )
    assert _strands(empty_db) == {"Faculty": (True, 1), "Fellows": (True, 0)}
    # Nothing was taking applications before this edit: nothing to warn about.
    assert edit(empty_db, "Pilot", "--grade-gap", "2") == 0
    assert capsys.readouterr().err == ""


def test_copy_carries_the_set_up_over_and_alumni_lists_who_took_part(
    empty_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        create(empty_db, "ADVANCE 2026", "--template", "three-strands", "--starts", "2026-01-15")
        == 0
    )
    with ProgrammeFile.open(empty_db, PASSPHRASE) as opened, opened.session() as session:
        (summary,) = list_programmes(session)
        fellows = next(c.id for c in strand_choices(session, summary.id) if c.name == "Fellows")
        mentor = add_person(session, PersonInput("Ana", "Lima", "ana@uni.example"))
        mentee = add_person(session, PersonInput("Ben", "Ode", "ben@uni.example"))
        for person, role in ((mentor, Role.MENTOR), (mentee, Role.MENTEE)):
            add_application(
                session, person, ApplicationInput(fellows, role, ApplicationStatus.ACCEPTED)
            )
        add_pairing(
            session, PairingInput(fellows, mentor, [mentee], status=PairingStatus.COMPLETED)
        )
    capsys.readouterr()

    assert main(["programme", "copy", "ADVANCE 2026", "ADVANCE 2027", "--db", str(empty_db)]) == 0

    out = capsys.readouterr().out
    # The template's 11 months gave ADVANCE 2026 its end, which moves a year on too.
    assert (
        "Copied ADVANCE 2026 to ADVANCE 2027 (2027-01-15 to 2027-12-15; Circles, Faculty, Fellows"
        in out
    )
    assert "No applications, pairings or events were copied." in out
    assert main(["programme", "alumni", "ADVANCE 2027", "--db", str(empty_db)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "ADVANCE 2026:",
        "  mentor  Ana Lima <ana@uni.example>, Fellows: Completed with Ben Ode",
        "  mentee  Ben Ode <ben@uni.example>, Fellows: Completed with Ana Lima",
    ]
    assert main(["programme", "alumni", "ADVANCE 2027", "--db", str(empty_db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["email"], r["role"], r["outcome"]) for r in listed] == [
        ("ana@uni.example", "mentor", "Completed with Ben Ode"),
        ("ben@uni.example", "mentee", "Completed with Ana Lima"),
    ]
    assert main(["programme", "alumni", "ADVANCE 2026", "--db", str(empty_db)]) == 0
    assert "has no alumni" in capsys.readouterr().out
    assert main(["programme", "list", "--db", str(empty_db), "--json"]) == 0
    copied = json.loads(capsys.readouterr().out)[1]
    assert (copied["name"], copied["copied_from"], copied["template"]) == (
        "ADVANCE 2027",
        summary.id,
        "three-strands",
    )
    assert len(copied["stages"]) == len(ACADEMIC_STAGES)


def test_the_help_says_what_the_programme_group_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "programme The file's programmes: list, create, edit and copy them; their alumni and "
        "career stages." in text
    )
    with pytest.raises(SystemExit):
        main(["programme", "--help"])
    listed = capsys.readouterr().out
    for command in ("list", "create", "edit", "copy", "alumni", "stages"):
        assert f"    {command} " in listed, command
