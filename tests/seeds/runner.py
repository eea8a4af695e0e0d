"""Running a seed programme through mentordesk-cli in this process, and reading the results.

A :class:`SeedRun` runs each command on a new file in a temporary folder and
keeps its exit status and output under a step's name; the seed modules run
every command of a seed once (a module fixture) and check the results after.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.cli.app import main
from mentordesk.domain.enums import StrandFormat
from mentordesk.store.models import Application, CareerStage, Pairing, Person, Programme, Strand
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.seed_applicants import Seed, SeedApplicant, write_applicants

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


def alumni(ran: Ran) -> set[tuple[str, str, str, str]]:
    """What ``programme alumni --json`` lists: (email, role, strand, programme) of each row."""
    return {
        (row["email"].lower(), row["role"], row["strand"], row["programme"]) for row in ran.json()
    }


def participants(seed: Seed, strand: str = "") -> set[tuple[str, str, str, str]]:
    """The seed's accepted applicants as its alumni should be listed.

    Args:
        seed: the seed programme, the programme they took part in.
        strand: the strand of applicants who named none (the programme's only one).
    """
    return {
        (a.email.lower(), a.role.value, a.strand or strand, seed.programme)
        for a in seed.applicants
        if a.accepted
    }


def check_seniority(pairs: list[Pair], gap: int) -> None:
    """Every mentor is senior to their mentee, by at most ``gap`` levels."""
    for pair in pairs:
        above = pair.mentor.level - pair.mentee.level
        assert 0 < above <= gap, (
            f"{pair.mentor.name} ({pair.mentor.stage}) proposed for {pair.mentee.name} "
            f"({pair.mentee.stage}): {above} levels above, at most {gap}"
        )


def started(folder: Path, seed: Seed, *, decisions: bool = True) -> tuple[SeedRun, Path]:
    """A new file made by ``init`` in ``folder``, and the seed's form export beside it.

    ``decisions``: the export carries the coordinator's "Decision" column.
    """
    run = SeedRun(folder, seed)
    run("init", "init").ok()
    form = folder / "Mentoring application form(1-20).xlsx"
    return run, write_applicants(form, seed, decisions=decisions)


def outcomes(ran: Ran) -> dict[tuple[str, str], str]:
    """What ``programme alumni --json`` says of each person: (email, role) → outcome."""
    return {(row["email"].lower(), row["role"]): row["outcome"] for row in ran.json()}


def published_pairs(ran: Ran) -> set[tuple[str, str]]:
    """(mentor, mentee) emails of the published pairings a ``pairings list --json`` step gave."""
    return {
        (row["mentor"]["email"].lower(), mentee["email"].lower())
        for row in ran.json()
        if not row["draft"]
        for mentee in row["mentees"]
    }
