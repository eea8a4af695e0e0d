"""An import's grade answers read on the track the position names (a UK staff scheme form).

A real .xlsx written with openpyxl, imported into a real encrypted file with the
staff-scheme template: "Grade 7" is a services grade in its list, yet a lecturer
who answers it is an academic.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.domain.enums import Role
from mentordesk.formats.reading import read_table
from mentordesk.services.career_stages import stage_problems
from mentordesk.services.import_people import StageTally, moved_lines
from mentordesk.services.importing import ImportPlan, apply_import, preview_import
from mentordesk.services.programme_templates import TEMPLATES
from mentordesk.services.programmes import create_programme
from mentordesk.store.models import Person, Strand
from mentordesk.store.programme_file import ProgrammeFile

#: (name, job title, grade as answered): the newcomer's staff form, as staff type them.
ANSWERS = (
    ("Aisha Khan", "Professor of Chemistry", "Professor"),
    ("John Smith", "Lecturer in Chemistry", "Grade 7"),
    ("Fatima Ali", "Lecturer", "Grade 7"),
    ("Li Ng", "Research Fellow", "7"),
    ("Mark Owen", "Associate Professor", "Grade 9"),
    ("Peter Obi", "Research Assistant", "Grade 6"),
    ("Sunita Patel", "Head of Finance Operations", "Grade 9"),
    ("Tom Brown", "Finance Officer", "Grade 5"),
    ("Gareth Lewis", "Technical Services Manager", "Grade 8"),
    ("Dan Clark", "HR Adviser", "Grade 6"),
)


@pytest.fixture
def form(tmp_path: Path) -> Path:
    path = tmp_path / "staff_form.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Email", "Job title", "Grade"])
    for name, title, grade in ANSWERS:
        sheet.append([name, f"{name.split()[0].lower()}@uni.example", title, grade])
    book.save(path)
    return path


def _plan(form: Path, strand: int) -> ImportPlan:
    mapping = {0: F.FULL_NAME, 1: F.EMAIL, 2: F.POSITION, 3: F.STAGE}
    return ImportPlan(read_table(form), mapping, default_role=Role.MENTEE, default_strand_id=strand)


def test_grades_answered_by_academics_are_read_on_the_academic_track(
    programme_file: ProgrammeFile, form: Path
) -> None:
    with programme_file.session() as s:
        programme_id = create_programme(s, TEMPLATES["staff-scheme"].input("One Step Beyond"))
        strand = s.scalars(select(Strand.id).where(Strand.programme_id == programme_id)).one()
        preview = preview_import(s, programme_id, _plan(form, strand))
    # Three academics answered a services grade; Li Ng's "7" is a guess but not a move.
    assert preview.stages.moved == {
        "“Grade 7” → Lecturer (grade 7)": 2,
        "“Grade 9” → Associate professor (grade 9)": 1,
        "“Grade 6” → Research assistant (grade 6)": 1,
    }
    assert preview.stages.guessed == 5
    assert preview.stages.unknown == {}
    assert moved_lines(preview.stages, done=False) == [
        "4 stages would be read on the track their position names (“Grade 7” → Lecturer "
        "(grade 7) for 2 people, “Grade 6” → Research assistant (grade 6) for 1 person, "
        "“Grade 9” → Associate professor (grade 9) for 1 person): the stage given is on another "
        "track of the list, so the stage of the same level on the position's track is taken, "
        "as a guess to confirm."
    ]
    with programme_file.session() as s:
        apply_import(s, programme_id, _plan(form, strand))
    with programme_file.session() as s:
        stored = {p.full_name: (p.stage, p.stage_guessed) for p in s.scalars(select(Person))}
        report = stage_problems(s, programme_id)
    assert stored["John Smith"] == ("Lecturer (grade 7)", True)
    assert stored["Fatima Ali"] == ("Lecturer (grade 7)", True)
    assert stored["Mark Owen"] == ("Associate professor (grade 9)", True)
    assert stored["Peter Obi"] == ("Research assistant (grade 6)", True)
    # Services staff keep the grade they gave, as given.
    assert stored["Sunita Patel"] == ("Grade 9", False)
    assert stored["Tom Brown"] == ("Grade 5", False)
    assert stored["Gareth Lewis"] == ("Grade 8", False)
    assert stored["Dan Clark"] == ("Grade 6", False)
    assert stored["Aisha Khan"] == ("Professor", False)
    # "7" is kept as typed and read, as matching reads it, on the position's track.
    assert stored["Li Ng"] == ("7", False)
    assert {row[1]: row[3] for row in report.guessed} == {
        "John Smith": "Lecturer (grade 7)",
        "Fatima Ali": "Lecturer (grade 7)",
        "Mark Owen": "Associate professor (grade 9)",
        "Peter Obi": "Research assistant (grade 6)",
        "Li Ng": "Research fellow (grade 7)",
    }
    assert report.unknown == []


def test_no_line_when_nothing_moved() -> None:
    assert moved_lines(StageTally(guessed=3)) == []
