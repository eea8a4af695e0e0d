"""The programme report of 2,000 participants (target 3 s), and letters and certificates in bulk.

Part of ``python3 dev.py bench``; alone: ``python3 dev.py bench
tests/benchmarks/test_reports.py``.
"""

import datetime as dt
import time

import pytest

from mentordesk.services.dashboard import programme_figures
from mentordesk.services.demo import build_demo
from mentordesk.services.documents.certificates import certificates
from mentordesk.services.documents.letters import introduction_letters
from mentordesk.services.documents.programme_report import programme_report
from mentordesk.services.programmes import find_programme
from mentordesk.store.programme_file import ProgrammeFile
from tests.benchmarks.conftest import PASSPHRASE, report
from tests.helpers.pdf import pdf_text

#: About seven in ten of the demo's people are accepted: this gives 2,000 participants.
PEOPLE = 2_860
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def two_thousand(tmp_path_factory):
    """A programme file whose programme has at least 2,000 participants."""
    path = tmp_path_factory.mktemp("reports") / "reports.mentordesk"
    started = time.perf_counter()
    with ProgrammeFile.create(path, PASSPHRASE) as opened:
        programme_id = build_demo(opened, size=PEOPLE)
        with opened.session() as s:
            participants = programme_figures(s, programme_id, TODAY).participation.participants
    print(f"\n[bench] built {PEOPLE:,} people in {time.perf_counter() - started:.1f} s")
    assert participants.value >= 2_000
    return path, programme_id, participants.value


def test_programme_report_of_two_thousand_participants(two_thousand, tmp_path):
    path, programme_id, participants = two_thousand
    timings = []
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        for run in range(5):
            out = tmp_path / f"report-{run}.pdf"
            with opened.session() as s:
                started = time.perf_counter()
                programme_report(s, programme_id, out, TODAY)
                timings.append(time.perf_counter() - started)
    assert f"{participants:,} in all" in pdf_text(out)
    report(f"programme report, {participants:,} participants (figures and PDF)", timings, 3.0)


def test_introduction_letters_and_certificates_in_bulk(two_thousand, tmp_path):
    path, programme_id, _participants = two_thousand
    letters_folder, certificates_folder = tmp_path / "letters", tmp_path / "certificates"
    letters_folder.mkdir()
    certificates_folder.mkdir()
    with ProgrammeFile.open(path, PASSPHRASE) as opened, opened.session() as s:
        assert find_programme(s, None).id == programme_id
        started = time.perf_counter()
        letters = introduction_letters(s, programme_id, letters_folder, today=TODAY)
        letters_time = time.perf_counter() - started
        started = time.perf_counter()
        written = certificates(s, programme_id, certificates_folder, today=TODAY)
        certificates_time = time.perf_counter() - started
    print(
        f"\n[bench] {len(letters):,} introduction letters in {letters_time:.1f} s "
        f"({letters_time / len(letters) * 1000:.0f} ms each); {len(written):,} certificates "
        f"in {certificates_time:.1f} s ({certificates_time / len(written) * 1000:.0f} ms each)"
    )
    assert letters
    assert written
