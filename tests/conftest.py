"""Fixtures shared by every test: real encrypted programme files in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never look for a display, in CI or anywhere else.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mentordesk.domain.enums import StrandFormat
from mentordesk.services.demo import DEMO_PROGRAMME, build_demo
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    find_programme,
)
from mentordesk.store.programme_file import ProgrammeFile

#: The passphrase of the files the fixtures make; deliberately awkward to quote.
PASSPHRASE = "correct horse \"battery\" 'staple' @:/%"


@pytest.fixture
def passphrase() -> str:
    """The passphrase protecting the fixtures' files."""
    return PASSPHRASE


@pytest.fixture
def file_path(tmp_path: Path) -> Path:
    """Where a test's programme file goes (nothing there yet)."""
    return tmp_path / "programme.mentordesk"


@pytest.fixture
def programme_file(file_path: Path) -> Iterator[ProgrammeFile]:
    """A new, empty encrypted programme file, open; closed after the test."""
    with ProgrammeFile.create(file_path, PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def programme_id(programme_file: ProgrammeFile) -> int:
    """A small programme in ``programme_file`` with a one-to-one and a group strand."""
    with programme_file.session() as session:
        return create_programme(
            session,
            ProgrammeInput(
                name="Pilot 2026",
                strands=[
                    StrandInput("Fellows", StrandFormat.ONE_TO_ONE, 10),
                    StrandInput("Circles", StrandFormat.GROUP, 12),
                ],
            ),
        )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo programme, built once per test run; copy it, never open it directly."""
    path = tmp_path_factory.mktemp("demo") / "demo.mentordesk"
    with ProgrammeFile.create(path, PASSPHRASE) as opened:
        build_demo(opened)
    return path


@pytest.fixture
def demo_file(tmp_path: Path, demo_template: Path) -> Iterator[ProgrammeFile]:
    """A private copy of the demo programme, open; closed after the test."""
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def demo_programme_id(demo_file: ProgrammeFile) -> int:
    """The id of the demo programme in ``demo_file``."""
    with demo_file.session() as session:
        return find_programme(session, DEMO_PROGRAMME).id


@pytest.fixture
def pilot_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed programme file holding "Pilot 2026" (Fellows, Circles), its passphrase set."""
    from tests.helpers.form_exports import make_programme_file

    path = tmp_path / "pilot.mentordesk"
    make_programme_file(path, PASSPHRASE)
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
    return path
