"""Each seed programme run from an empty file through mentordesk-cli alone, its rules checked.

Per seed (tests/helpers/seed_applicants.py): ``init``; ``programme create`` from
its template with its own options; ``import applicants`` of its Microsoft Forms
export; ``match`` in the mode it uses; ``programme edit``, ``programme copy`` to
next year and ``programme alumni``. Each seed's commands run once (a module
fixture keeps every command's status and output); the tests then check what the
commands said, the rules on the proposals against what the coordinator knows
to be true of each applicant, and the file itself where the command line does
not show a fact.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.cli.app import main
from mentordesk.domain.enums import FieldPreference, StrandFormat
from mentordesk.store.models import (
    Application,
    CareerStage,
    Pairing,
    Person,
    Programme,
    Strand,
    TrainingRequirement,
)
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.seed_applicants import (
    ADVANCE,
    MID_CAREER,
    MID_CAREER_STAGES,
    NETWORK,
    ONE_STEP_BEYOND,
    ONE_TO_ONE,
    WOMEN_IN_TECHNOLOGY,
    Seed,
    SeedApplicant,
    write_applicants,
)

# Running the command line ---------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """One command's exit status and what it printed."""

    args: tuple[str, ...]
    status: int
    out: str
    err: str

    def ok(self) -> Ran:
        """This result, after checking the command succeeded (else say what it printed)."""
        assert self.status == 0, f"{' '.join(self.args)} → {self.status}:\n{self.err}{self.out}"
        return self

    def json(self) -> Any:
        """The command's standard output read as JSON (after checking it succeeded)."""
        return json.loads(self.ok().out)


@dataclass(frozen=True)
class Pair:
    """A proposal as the coordinator reads it: who with whom, and why."""

    mentee: SeedApplicant
    mentor: SeedApplicant
    explanation: str


class SeedRun:
    """A seed programme set up and run in a new file by mentordesk-cli only."""

    def __init__(self, folder: Path, seed: Seed) -> None:
        """Prepare a run in ``folder`` (nothing is written yet)."""
        self.folder = folder
        self.seed = seed
        self.db = folder / "office.mentordesk"
        self.ran: dict[str, Ran] = {}

    def __call__(self, step: str, *args: str) -> Ran:
        """Run ``mentordesk-cli ARGS --db FILE`` in this process and keep it as ``step``."""
        argv = (*args, "--db", str(self.db))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(argv))
            except SystemExit as exited:  # argparse: an unknown command or option
                status = int(exited.code or 0)
        self.ran[step] = Ran(argv, status, out.getvalue(), err.getvalue())
        return self.ran[step]

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """The file itself, to check what the command line does not show."""
        with ProgrammeFile.open(self.db, PASSPHRASE) as opened, opened.session() as s:
            yield s

    def programme(self, s: Session, name: str | None = None) -> Programme:
        """The programme of this name (default: the seed's) in the file."""
        return s.scalars(
            select(Programme).where(Programme.name == (name or self.seed.programme))
        ).one()

    def emails(self) -> dict[int, str]:
        """Every person's email by id, as the file holds them."""
        with self.session() as s:
            return {pid: email.lower() for pid, email in s.execute(select(Person.id, Person.email))}

    def pairs(self, step: str, key: str = "proposals") -> list[Pair]:
        """The pairs a ``match --json`` step proposed (or listed, for a shortlist)."""
        listed = self.ran[step].json()[key]
        email = self.emails()
        return [
            Pair(
                self.seed.by_email(email[p["mentee"]["id"]]),
                self.seed.by_email(email[p["mentor"]["id"]]),
                p["explanation"],
            )
            for p in listed
        ]

    def unmatched(self, step: str) -> list[SeedApplicant]:
        """The mentees a ``match --json`` step left without a mentor."""
        email = self.emails()
        return [
            self.seed.by_email(email[u["mentee"]["id"]]) for u in self.ran[step].json()["unmatched"]
        ]

    def listed(self, step: str, name: str | None = None) -> dict[str, Any]:
        """The programme (default: the seed's) as a ``programme list --json`` step gave it."""
        wanted = name or self.seed.programme
        return next(p for p in self.ran[step].json() if p["name"] == wanted)


def summary_line(out: str, *words: str) -> str:
    """The first line of an import's summary holding every one of ``words`` (any case).

    The summary starts at the line "Imported …", after the columns' report.
    """
    lines = out.splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("Imported ")), 0)
    for line in lines[start:]:
        if all(word.lower() in line.lower() for word in words):
            return line
    raise AssertionError(f"no line says {' and '.join(words)} in:\n{out}")


def counted(line: str, number: int) -> bool:
    """Whether ``line`` gives ``number`` as a whole number (in figures)."""
    return re.search(rf"(?<![\d.]){number}(?![\d.])", line) is not None


def stages_of(s: Session, programme: Programme) -> list[tuple[str, str, int]]:
    """The programme's career stages in order: (name, track, level)."""
    rows = s.scalars(
        select(CareerStage)
        .where(CareerStage.programme_id == programme.id)
        .order_by(CareerStage.position)
    )
    return [(stage.name, stage.track, stage.level) for stage in rows]


def strands_of(programme: Programme) -> dict[str, tuple[StrandFormat, int | None, bool]]:
    """The programme's strands: name → (format, places, retired)."""
    return {s.name: (s.format, s.places, s.retired) for s in programme.strands}


def applications_in(s: Session, programme: Programme) -> int:
    """How many applications the programme holds."""
    query = (
        select(func.count())
        .select_from(Application)
        .join(Strand)
        .where(Strand.programme_id == programme.id)
    )
    return s.scalar(query) or 0


def pairings_in(s: Session, programme: Programme) -> int:
    """How many pairings (drafts included) the programme holds."""
    query = (
        select(func.count())
        .select_from(Pairing)
        .join(Strand)
        .where(Strand.programme_id == programme.id)
    )
    return s.scalar(query) or 0


def alumni_emails(ran: Ran) -> set[str]:
    """The emails ``programme alumni --json`` lists."""
    listed = ran.json()
    rows = listed["alumni"] if isinstance(listed, dict) else listed
    return {row["email"].lower() for row in rows}


def accepted(seed: Seed) -> set[str]:
    """The emails of the seed's accepted applicants."""
    return {a.email.lower() for a in seed.applicants if a.accepted}


def check_seniority(pairs: list[Pair], gap: int) -> None:
    """Every mentor is senior to their mentee, by at most ``gap`` levels."""
    for pair in pairs:
        above = pair.mentor.level - pair.mentee.level
        assert 0 < above <= gap, (
            f"{pair.mentor.name} ({pair.mentor.stage}) proposed for {pair.mentee.name} "
            f"({pair.mentee.stage}): {above} levels above, at most {gap}"
        )


@pytest.fixture(scope="module")
def passphrase_set() -> Iterator[None]:
    """The passphrase in the environment, as a script sets it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
        yield


def _started(folder: Path, seed: Seed) -> tuple[SeedRun, Path]:
    run = SeedRun(folder, seed)
    run("init", "init").ok()
    return run, write_applicants(folder / "Mentoring application form(1-20).xlsx", seed)


# One Step Beyond: a staff scheme on UK grades -------------------------------------------------

OSB = ONE_STEP_BEYOND.programme
#: A technician who moves to another team after applying, and her new line manager.
MOVED, NEW_MANAGER = "n.byrne@cles.example", "g.hughes@cles.example"
#: A technician three steps below the head of technical services.
TECHNICIAN = "t.zielinski@cles.example"


@pytest.fixture(scope="module")
def one_step_beyond(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """One Step Beyond from an empty file: created, imported, shortlisted, matched, copied."""
    run, form = _started(tmp_path_factory.mktemp("one-step-beyond"), ONE_STEP_BEYOND)
    run(
        "create", "programme", "create", OSB, "--template", "staff-scheme",
        "--timezone", "Europe/London", "--starts", "2027-01-18", "--ends", "2027-12-17",
        "--applications-close", "2026-12-18", "--mentees-per-mentor", "4", "--grade-gap", "2",
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("shortlist", "match", "--mode", "shortlist", "--shortlist-size", "3", "--json")
    run("match", "match", "--apply", "--json")
    # A technician moves to another team; a loop in the reporting line is refused.
    run("moved", "person", "set", MOVED, "--line-manager", NEW_MANAGER)
    run("loop", "person", "set", "j.whitfield@cles.example", "--line-manager", TECHNICIAN)
    run("rematch", "match", "--json")
    run("edit", "programme", "edit", OSB, "--mentees-per-mentor", "3", "--answer-days", "10")
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", OSB, "One Step Beyond 2028", "--starts", "2028-01-17")
    run("alumni", "programme", "alumni", "One Step Beyond 2028", "--json")
    return run


def test_one_step_beyond_is_created_from_the_staff_scheme_template(
    one_step_beyond: SeedRun,
) -> None:
    run = one_step_beyond
    run.ran["create"].ok()
    listed = run.listed("created")
    assert (listed["mentees_per_mentor"], listed["grade_gap"]) == (4, 2)
    assert listed["timezone"] == "Europe/London"
    with run.session() as s:
        programme = run.programme(s)
        assert programme.within_track is True
        stages = stages_of(s, programme)
    tracks = Counter(track for _, track, _ in stages)
    assert tracks == {"Academic and research": 6, "Technical and professional services": 7}
    assert ("Senior lecturer (grade 8)", "Academic and research", 8) in stages
    assert ("Grade 4", "Technical and professional services", 4) in stages


def test_one_step_beyond_import_guesses_every_grade_and_finds_every_line_manager(
    one_step_beyond: SeedRun,
) -> None:
    run, seed = one_step_beyond, ONE_STEP_BEYOND
    out = run.ran["import"].ok().out
    assert "20 added" in out
    assert counted(summary_line(out, "guess"), 20)
    managed = sum(1 for a in seed.applicants if a.line_manager)
    assert counted(summary_line(out, "line manager"), managed)
    with run.session() as s:
        people = {p.email.lower(): p for p in s.scalars(select(Person))}
        for applicant in seed.applicants:
            person = people[applicant.email.lower()]
            assert (person.stage, person.stage_guessed) == (applicant.stage, True), (
                applicant.position
            )
            manager = person.line_manager.email.lower() if person.line_manager else ""
            # (one technician's line manager is changed after the import, below)
            wanted = NEW_MANAGER if applicant.email == MOVED else applicant.line_manager
            assert manager == wanted.lower(), applicant.name


def _check_staff_rules(pairs: list[Pair], moved: dict[str, str] | None = None) -> None:
    """One Step Beyond's rules on each pair: outside the reporting line, ≤ 2 grades, same track.

    ``moved``: line managers changed since the form (person's email → manager's).
    """
    for pair in pairs:
        chain = ONE_STEP_BEYOND.chain(pair.mentee.email, moved)
        assert pair.mentor.email.lower() not in chain, (
            f"{pair.mentor.name} is in {pair.mentee.name}'s reporting line"
        )
        assert pair.mentor.track == pair.mentee.track, (
            f"{pair.mentor.name} ({pair.mentor.track}) proposed for {pair.mentee.name} "
            f"({pair.mentee.track})"
        )
    check_seniority(pairs, 2)


def test_one_step_beyond_shortlists_only_mentors_outside_the_reporting_line_on_the_same_track(
    one_step_beyond: SeedRun,
) -> None:
    listed = one_step_beyond.pairs("shortlist", key="entries")
    _check_staff_rules(listed)
    mentees = {a.email for a in ONE_STEP_BEYOND.applicants if a.role.value == "mentee"}
    assert {pair.mentee.email for pair in listed} == mentees, "a mentee was offered no mentor"


def test_one_step_beyond_proposals_keep_every_rule_and_capacity(one_step_beyond: SeedRun) -> None:
    run = one_step_beyond
    assert run.ran["match"].json()["saved"] is True
    pairs = run.pairs("match")
    _check_staff_rules(pairs)
    load = Counter(pair.mentor.email for pair in pairs)
    for email, taken in load.items():
        offered = ONE_STEP_BEYOND.by_email(email).capacity or 4
        assert taken <= min(offered, 4), f"{email} has {taken} mentees, offered {offered}"
    # Five technicians' mentors are all but two in their reporting line or on
    # another track; those two offer four places and one: one technician waits.
    technicians = [a for a in ONE_STEP_BEYOND.applicants if a.stage == "Grade 4"]
    left = run.unmatched("match")
    assert [a.stage for a in left] == ["Grade 4"]
    assert len(pairs) == 3 + len(technicians) - 1
    with run.session() as s:
        drafts = s.scalars(select(Pairing).join(Strand).where(Pairing.draft.is_(True)))
        assert len(list(drafts)) == len(pairs)


def test_one_step_beyond_follows_a_reporting_line_changed_after_the_form(
    one_step_beyond: SeedRun,
) -> None:
    run = one_step_beyond
    assert "Line manager: Gareth Hughes" in run.ran["moved"].ok().out
    refused = run.ran["loop"]
    assert refused.status == 1
    assert "loop" in refused.err
    pairs = run.pairs("rematch")
    _check_staff_rules(pairs, {MOVED: NEW_MANAGER})
    (moved,) = [p for p in pairs if p.mentee.email == MOVED]
    # Her old team's senior technician, out of her reporting line now, covers both her needs.
    assert moved.mentor.name == "Alys Evans"
    with run.session() as s:
        head = s.scalars(select(Person).where(Person.email == "j.whitfield@cles.example")).one()
        assert head.line_manager is None


def test_one_step_beyond_edited_then_copied_to_next_year(one_step_beyond: SeedRun) -> None:
    run = one_step_beyond
    run.ran["edit"].ok()
    assert run.listed("edited")["mentees_per_mentor"] == 3
    run.ran["copy"].ok()
    with run.session() as s:
        old, new = run.programme(s), run.programme(s, "One Step Beyond 2028")
        assert old.response_days == 10
        assert new.copied_from_id == old.id
        assert new.starts_on == dt.date(2028, 1, 17)
        assert old.starts_on is not None
        assert old.ends_on is not None
        assert new.ends_on == old.ends_on + (new.starts_on - old.starts_on)
        assert (new.max_mentees_per_mentor, new.max_grade_gap, new.within_track) == (3, 2, True)
        assert new.response_days == 10
        assert stages_of(s, new) == stages_of(s, old)
        assert strands_of(new) == strands_of(old)
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
        assert applications_in(s, old) == len(ONE_STEP_BEYOND.applicants)
    assert alumni_emails(run.ran["alumni"]) == accepted(ONE_STEP_BEYOND)


# CERN Women in Technology: a committee-run scheme -------------------------------------------

WIT = WOMEN_IN_TECHNOLOGY.programme


@pytest.fixture(scope="module")
def women_in_technology(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """Women in Technology from an empty file: 11 mentors, 15 mentees, pairs one to one."""
    run, form = _started(tmp_path_factory.mktemp("wit"), WOMEN_IN_TECHNOLOGY)
    run(
        "create", "programme", "create", WIT, "--template", "committee",
        "--timezone", "Europe/Zurich", "--starts", "2027-05-03", "--mentees-per-mentor", "1",
        "--grade-gap", "5",
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("match", "match", "--apply", "--json")
    run("edit", "programme", "edit", WIT, "--letterhead", "CERN Women in Technology",
        "--ends", "2027-11-30")  # fmt: skip
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", WIT, "WIT Mentoring 2028")
    run("alumni", "programme", "alumni", "WIT Mentoring 2028", "--json")
    return run


def test_women_in_technology_is_a_six_month_committee_scheme_preferring_the_same_field(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    run.ran["create"].ok()
    listed = run.listed("created")
    assert (listed["duration_months"], listed["mentees_per_mentor"]) == (6, 1)
    with run.session() as s:
        programme = run.programme(s)
        assert programme.field_preference is FieldPreference.SAME
        assert [name for name, _, _ in stages_of(s, programme)][:2] == [
            "Student or fellow",
            "Junior staff",
        ]
    out = run.ran["import"].ok().out
    assert f"{len(WOMEN_IN_TECHNOLOGY.applicants)} added" in out
    assert counted(summary_line(out, "guess"), len(WOMEN_IN_TECHNOLOGY.applicants))


def test_women_in_technology_forms_eleven_pairs_most_sharing_a_department_or_field(
    women_in_technology: SeedRun,
) -> None:
    run = women_in_technology
    pairs = run.pairs("match")
    assert len(pairs) == 11
    assert len(run.unmatched("match")) == 4
    assert max(Counter(pair.mentor.email for pair in pairs).values()) == 1
    check_seniority(pairs, 5)
    shared = [
        p
        for p in pairs
        if p.mentor.department == p.mentee.department or p.mentor.field == p.mentee.field
    ]
    assert len(shared) >= 9, [
        f"{p.mentee.name} ({p.mentee.field}) ← {p.mentor.name} ({p.mentor.field})" for p in pairs
    ]
    assert all("same field" in p.explanation or "same department" in p.explanation for p in shared)


def test_women_in_technology_edited_then_copied_to_next_year(women_in_technology: SeedRun) -> None:
    run = women_in_technology
    run.ran["edit"].ok()
    assert run.listed("edited")["ends"] == "2027-11-30"
    run.ran["copy"].ok()
    with run.session() as s:
        old, new = run.programme(s), run.programme(s, "WIT Mentoring 2028")
        assert old.letterhead_name == "CERN Women in Technology"
        assert new.letterhead_name == "CERN Women in Technology"
        assert (new.starts_on, new.ends_on) == (dt.date(2028, 5, 3), dt.date(2028, 11, 30))
        assert (new.duration_months, new.max_mentees_per_mentor, new.field_preference) == (
            6,
            1,
            FieldPreference.SAME,
        )
        assert stages_of(s, new) == stages_of(s, old)
        assert strands_of(new) == strands_of(old)
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
    assert alumni_emails(run.ran["alumni"]) == accepted(WOMEN_IN_TECHNOLOGY)


# ADVANCE: University of Luxembourg with LIH, LISER and LIST --------------------------------

ADV = ADVANCE.programme
UL_FRENCH = "Université du Luxembourg"


@pytest.fixture(scope="module")
def advance(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """ADVANCE from an empty file: stages settled, organisations merged, matched, copied."""
    run, form = _started(tmp_path_factory.mktemp("advance"), ADVANCE)
    run(
        "create", "programme", "create", ADV, "--template", "three-strands",
        "--starts", "2027-02-01", "--ends", "2027-12-31", "--applications-close", "2026-12-20",
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("stages", "programme", "stages", ADV, "--json")
    run("set stage", "person", "set", "yusuf.demir@lih.example", "--stage", "Research scientist")
    run("confirm", "programme", "stages", ADV, "--confirm-all")
    run("stages after", "programme", "stages", ADV, "--json")
    run("organisations", "organisations", "list", "--json")
    run("merge", "organisations", "merge", "--into", "University of Luxembourg", UL_FRENCH)
    run("match", "match", "--apply", "--json")
    run("circles", "match", "--mode", "circles", "--apply", "--json")
    run(
        "edit", "programme", "edit", ADV, "--strand", "Fellows:one-to-one:20",
        "--letterhead", "University of Luxembourg", "--applications-close", "2027-01-08",
    )  # fmt: skip
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", ADV, "ADVANCE 2028")
    run("alumni", "programme", "alumni", "ADVANCE 2028", "--json")
    return run


def test_advance_is_created_with_three_strands_academic_stages_and_orientation_for_all(
    advance: SeedRun,
) -> None:
    run = advance
    run.ran["create"].ok()
    with run.session() as s:
        programme = run.programme(s)
        assert {name: f for name, (f, _, _) in strands_of(programme).items()} == {
            "Faculty": StrandFormat.ONE_TO_ONE,
            "Fellows": StrandFormat.ONE_TO_ONE,
            "Circles": StrandFormat.GROUP,
        }
        names = [name for name, _, _ in stages_of(s, programme)]
        rules = s.scalar(
            select(func.count()).where(TrainingRequirement.programme_id == programme.id)
        )
    assert names[:3] == ["Doctoral candidate", "Research assistant", "Postdoctoral researcher"]
    assert rules == 2


def test_advance_import_guesses_stages_and_names_the_position_it_cannot_place(
    advance: SeedRun,
) -> None:
    run = advance
    out = run.ran["import"].ok().out
    assert f"{len(ADVANCE.applicants)} added" in out
    assert counted(summary_line(out, "guess"), len(ADVANCE.applicants) - 1)
    assert counted(summary_line(out, "late"), 1)  # marked late, not refused
    assert "Visiting researcher" in out + run.ran["import"].err
    unknown = run.ran["stages"].json()["unknown"]
    assert [row["position"] for row in unknown] == ["Visiting researcher"]
    run.ran["set stage"].ok()
    run.ran["confirm"].ok()
    after = run.ran["stages after"].json()
    assert (after["unknown"], after["guessed"]) == ([], [])
    with run.session() as s:
        people = {p.email.lower(): p for p in s.scalars(select(Person))}
    for applicant in ADVANCE.applicants:
        person = people[applicant.email.lower()]
        assert person.stage == applicant.stage, applicant.position
        # A declined applicant's guess is left for whoever takes them on later.
        assert person.stage_guessed is not applicant.accepted, applicant.name


def test_advance_counts_the_spellings_of_one_institution_as_one(advance: SeedRun) -> None:
    run = advance
    spelled = {
        group["name"]: {variant["text"] for variant in group["variants"]}
        for group in run.ran["organisations"].json()
    }
    (list_group,) = [variants for variants in spelled.values() if "LIST" in variants]
    assert list_group == {
        "LIST",
        "Luxembourg Institute of Science and Technology (LIST)",
        "luxembourg institute of science & technology",
    }
    assert not any(UL_FRENCH in variants and len(variants) > 1 for variants in spelled.values())
    run.ran["merge"].ok()


def test_advance_proposals_count_cross_institution_only_for_really_different_institutions(
    advance: SeedRun,
) -> None:
    run = advance
    pairs = run.pairs("match")
    assert {p.mentee.email for p in pairs} == {
        a.email
        for a in ADVANCE.applicants
        if a.role.value == "mentee" and a.accepted and a.strand != "Circles"
    }
    check_seniority(pairs, 2)
    for pair in pairs:
        cross = pair.mentor.institution != pair.mentee.institution
        assert ("cross-institution" in pair.explanation) == cross, (
            f"{pair.mentor.organisation} and {pair.mentee.organisation}: {pair.explanation}"
        )
    spelled_apart = [
        p
        for p in pairs
        if p.mentor.institution == p.mentee.institution
        and p.mentor.organisation != p.mentee.organisation
    ]
    assert len(spelled_apart) >= 3, "the cohort was meant to pair one institution spelled two ways"
    assert any(p.mentor.institution != p.mentee.institution for p in pairs)
    circles = run.ran["circles"].json()["strands"]
    (strand,) = circles
    (circle,) = strand["circles"]
    assert circle["facilitator"]["name"] == "Lena Koch"
    assert len(circle["mentees"]) == 4


def test_advance_edited_then_copied_to_next_year(advance: SeedRun) -> None:
    run = advance
    run.ran["edit"].ok()
    listed = run.listed("edited")
    assert listed["applications_close"] == "2027-01-08"
    assert {(s["name"], s["places"]) for s in listed["strands"]} == {
        ("Faculty", None),
        ("Fellows", 20),
        ("Circles", None),
    }
    run.ran["copy"].ok()
    with run.session() as s:
        old, new = run.programme(s), run.programme(s, "ADVANCE 2028")
        assert (old.letterhead_name, new.letterhead_name) == ("University of Luxembourg",) * 2
        assert new.applications_close_on == dt.date(2028, 1, 8)
        assert strands_of(new) == strands_of(old)
        assert stages_of(s, new) == stages_of(s, old)
        assert new.max_grade_gap == old.max_grade_gap == 2
        requirements = s.scalar(
            select(func.count()).where(TrainingRequirement.programme_id == new.id)
        )
        assert requirements == 2
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
    alumni = alumni_emails(run.ran["alumni"])
    assert alumni == accepted(ADVANCE)
    assert "ines.carvalho@liser.example" not in alumni


# A mid-career faculty scheme with a mentoring network ----------------------------------------

MID = MID_CAREER.programme
MID_RENAMED = "Mid-career faculty mentoring (pilot) 2027"


@pytest.fixture(scope="module")
def mid_career(tmp_path_factory: pytest.TempPathFactory, passphrase_set: None) -> SeedRun:
    """The mid-career scheme from a blank programme: its own stages and strands."""
    run, form = _started(tmp_path_factory.mktemp("mid-career"), MID_CAREER)
    run(
        "create", "programme", "create", MID, "--template", "blank",
        "--timezone", "America/Chicago", "--starts", "2027-08-16", "--duration-months", "24",
        "--strand", f"{ONE_TO_ONE}:one-to-one:10", "--strand", f"{NETWORK}:group:12",
        "--mentees-per-mentor", "2", "--grade-gap", "1", "--stages", MID_CAREER_STAGES,
    )  # fmt: skip
    run("created", "programme", "list", "--json")
    run("import", "import", "applicants", str(form))
    run("match", "match", "--apply", "--json")
    run("circles", "match", "--mode", "circles", "--apply", "--json")
    run("edit", "programme", "edit", MID, "--rename", MID_RENAMED, "--retire-strand", NETWORK)
    run("edited", "programme", "list", "--json")
    run("copy", "programme", "copy", MID_RENAMED, "Mid-career faculty mentoring 2028",
        "--starts", "2028-08-21")  # fmt: skip
    run("alumni", "programme", "alumni", "Mid-career faculty mentoring 2028", "--json")
    run("restore", "programme", "edit", MID_RENAMED, "--restore-strand", NETWORK)
    run("restored", "programme", "list", "--json")
    return run


def test_mid_career_scheme_is_a_blank_programme_with_its_own_stages_and_strands(
    mid_career: SeedRun,
) -> None:
    run = mid_career
    run.ran["create"].ok()
    listed = run.listed("created")
    assert [(s["name"], s["format"], s["places"]) for s in listed["strands"]] == [
        (NETWORK, "group", 12),
        (ONE_TO_ONE, "one_to_one", 10),
    ]
    assert (listed["grade_gap"], listed["duration_months"]) == (1, 24)
    with run.session() as s:
        programme = run.programme(s, MID_RENAMED)
        assert programme.template == "blank"
        assert stages_of(s, programme) == [
            ("Assistant professor", "", 1),
            ("Associate professor", "", 2),
            ("Full professor", "", 3),
        ]
    out = run.ran["import"].ok().out
    assert f"{len(MID_CAREER.applicants)} added" in out
    assert counted(summary_line(out, "guess"), len(MID_CAREER.applicants))


def test_mid_career_pairs_are_one_stage_apart_and_the_network_meets_as_a_circle(
    mid_career: SeedRun,
) -> None:
    run = mid_career
    pairs = run.pairs("match")
    check_seniority(pairs, 1)
    assert len(pairs) == 4
    assert max(Counter(p.mentor.email for p in pairs).values()) <= 2
    assistant = next(p for p in pairs if p.mentee.stage == "Assistant professor")
    assert assistant.mentor.name == "Patricia Gomez"
    (strand,) = run.ran["circles"].json()["strands"]
    (circle,) = strand["circles"]
    assert circle["facilitator"]["name"] == "Evelyn Carter"
    assert len(circle["mentees"]) == 4


def test_mid_career_scheme_renamed_then_copied_without_its_retired_network(
    mid_career: SeedRun,
) -> None:
    run = mid_career
    run.ran["edit"].ok()
    network = {s["name"]: s for s in run.listed("edited", MID_RENAMED)["strands"]}[NETWORK]
    assert (network["format"], network["places"], network.get("retired")) == ("group", 12, True)
    run.ran["copy"].ok()
    with run.session() as s:
        old = run.programme(s, MID_RENAMED)
        new = run.programme(s, "Mid-career faculty mentoring 2028")
        assert pairings_in(s, old) == 5  # the network's circle kept its history
        assert strands_of(new) == {ONE_TO_ONE: (StrandFormat.ONE_TO_ONE, 10, False)}
        assert stages_of(s, new) == stages_of(s, old)
        assert (new.max_grade_gap, new.max_mentees_per_mentor, new.duration_months) == (1, 2, 24)
        assert new.timezone == "America/Chicago"
        assert new.starts_on == dt.date(2028, 8, 21)
        assert (applications_in(s, new), pairings_in(s, new)) == (0, 0)
    assert alumni_emails(run.ran["alumni"]) == accepted(MID_CAREER)
    run.ran["restore"].ok()
    restored = {s["name"]: s for s in run.listed("restored", MID_RENAMED)["strands"]}
    assert not restored[NETWORK].get("retired")
