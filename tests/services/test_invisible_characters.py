"""Invisible characters (zero-width spaces, byte order marks, soft hyphens, direction marks).

An address typed twice, once with a character nobody can see, is one person:
on import, in the forms, and when a person is looked up by email.
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from mentordesk.cli.app import main
from mentordesk.cli.common import PASSPHRASE_VARIABLE
from mentordesk.domain.enums import Role
from mentordesk.domain.errors import Conflict
from mentordesk.formats.attendance_report import read_attendance_report
from mentordesk.formats.columns import guess_mapping
from mentordesk.formats.reading import read_table
from mentordesk.formats.text import clean_text
from mentordesk.services.applicants import PersonInput, add_person, update_person
from mentordesk.services.importing import ImportPlan, RowAction, apply_import, preview_import
from mentordesk.services.privacy import find_person
from mentordesk.services.survey_import import LineStatus, preview_response_import
from mentordesk.services.surveys import add_survey_from_template
from mentordesk.store.models import Application, Person
from mentordesk.store.programme_file import ProgrammeFile

ZERO_WIDTH_SPACE = "\u200b"
BYTE_ORDER_MARK = "\ufeff"
SOFT_HYPHEN = "\u00ad"
WORD_JOINER = "\u2060"
LEFT_TO_RIGHT_MARK = "\u200e"
RIGHT_TO_LEFT_MARK = "\u200f"
RIGHT_TO_LEFT_ISOLATE = "\u2067"
POP_DIRECTIONAL_ISOLATE = "\u2069"
NO_BREAK_SPACE = "\u00a0"

HEADERS = ["Timestamp", "Email address", "Full name", "Strand", "Role"]


def _every(category: str) -> list[str]:
    return [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == category]


def _write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _import(programme_file: ProgrammeFile, programme_id: int, path: Path) -> None:
    table = read_table(path)
    with programme_file.session() as session:
        apply_import(session, programme_id, ImportPlan(table, guess_mapping(table.headers)))


def _people(programme_file: ProgrammeFile) -> dict[str, tuple[str, str, int]]:
    """Each person by email: first name, last name and number of applications."""
    with programme_file.session() as session:
        counts = dict(
            session.execute(
                select(Application.person_id, func.count()).group_by(Application.person_id)
            ).all()
        )
        return {
            p.email: (p.first_name, p.last_name, counts.get(p.id, 0))
            for p in session.scalars(select(Person))
        }


# The one cleaning function ----------------------------------------------------------------


def test_every_format_character_is_removed() -> None:
    invisible = _every("Cf")
    assert ZERO_WIDTH_SPACE in invisible
    assert SOFT_HYPHEN in invisible
    assert clean_text("a" + "".join(invisible) + "b") == "ab"


def test_special_spaces_become_plain_spaces_and_the_ends_are_trimmed() -> None:
    spaces = [s for s in _every("Zs") if s != " "]
    assert clean_text("Ana" + "".join(spaces) + "Silva") == "Ana" + " " * len(spaces) + "Silva"
    assert clean_text(f"{NO_BREAK_SPACE}Ana{NO_BREAK_SPACE}Silva\u202f") == "Ana Silva"
    assert clean_text(f"{ZERO_WIDTH_SPACE} ana@example.org {BYTE_ORDER_MARK}") == "ana@example.org"


def test_visible_text_is_left_as_it_is() -> None:
    for text in ("Zoë Łukasiewicz", "Nguyễn Văn An", "محمد", "李小龍", "O'Brien-Smith"):
        assert clean_text(f"  {text}  ") == text


# Importing ------------------------------------------------------------------------------


def test_one_address_imported_plain_and_with_invisible_characters_is_one_person(
    programme_file: ProgrammeFile, programme_id: int, tmp_path: Path
) -> None:
    day = dt.datetime(2026, 3, 2, 9)
    path = _write_xlsx(
        tmp_path / "applications.xlsx",
        [
            [day, "ana@example.org", "Ana Silva", "Fellows", "Mentee"],
            [day, f"{ZERO_WIDTH_SPACE}ana@example.org{BYTE_ORDER_MARK}", "Ana Silva", "Circles",
             "Mentee"],
            [day, f"ben{WORD_JOINER}@example.org", f"Ben{SOFT_HYPHEN}jamin Okafor", "Fellows",
             "Mentor"],
        ],
    )  # fmt: skip
    _import(programme_file, programme_id, path)
    assert _people(programme_file) == {
        "ana@example.org": ("Ana", "Silva", 2),
        "ben@example.org": ("Benjamin", "Okafor", 1),
    }


def test_a_later_import_with_invisible_characters_finds_the_person_already_in_the_file(
    programme_file: ProgrammeFile, programme_id: int, tmp_path: Path
) -> None:
    day = dt.datetime(2026, 3, 2, 9)
    first = _write_xlsx(
        tmp_path / "first.xlsx", [[day, "ana@example.org", "Ana Silva", "Fellows", "Mentee"]]
    )
    _import(programme_file, programme_id, first)
    again = _write_xlsx(
        tmp_path / "again.xlsx",
        [[day, f"{LEFT_TO_RIGHT_MARK}Ana@Example.org{ZERO_WIDTH_SPACE}", "Ana Silva", "Fellows",
          "Mentee"]],
    )  # fmt: skip
    table = read_table(again)
    with programme_file.session() as session:
        preview = preview_import(
            session, programme_id, ImportPlan(table, guess_mapping(table.headers))
        )
    assert [row.action for row in preview.rows] == [RowAction.SKIP]
    assert preview.rows[0].notices == ["Already imported: nothing has changed"]


def test_a_csv_file_is_cleaned_the_same_way(
    programme_file: ProgrammeFile, programme_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "applications.csv"
    path.write_text(
        "Email address,First name,Last name,Strand,Role\n"
        f"cara{ZERO_WIDTH_SPACE}@example.org,{RIGHT_TO_LEFT_ISOLATE}Cara"
        f"{POP_DIRECTIONAL_ISOLATE},Ng{SOFT_HYPHEN}uyen,Fellows,Mentee\n"
        f"{BYTE_ORDER_MARK}cara@example.org,Cara,Nguyen,Circles,Mentee\n",
        encoding="utf-8",
    )
    _import(programme_file, programme_id, path)
    assert _people(programme_file) == {"cara@example.org": ("Cara", "Nguyen", 2)}


def test_a_header_with_a_byte_order_mark_is_still_recognised(tmp_path: Path) -> None:
    path = _write_xlsx(tmp_path / "applications.xlsx", [])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["B1"] = f"{BYTE_ORDER_MARK}Email address"
    sheet.append([None, "ana@example.org", "Ana Silva", "Fellows", "Mentee"])
    workbook.save(path)
    table = read_table(path)
    assert table.headers[1] == "Email address"
    assert table.rows[0][1] == "ana@example.org"


# Forms and look-ups ---------------------------------------------------------------------


def test_the_form_refuses_an_address_that_differs_only_by_invisible_characters(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session:
        add_person(session, PersonInput("Ana", "Silva", "ana@example.org"))
    for typed in (f"ana{ZERO_WIDTH_SPACE}@example.org", f"{BYTE_ORDER_MARK}ANA@example.org"):
        with (
            pytest.raises(Conflict, match=r"Ana Silva already uses the email ana@example\.org"),
            programme_file.session() as session,
        ):
            add_person(session, PersonInput("Ana", "Silva", typed))
    assert list(_people(programme_file)) == ["ana@example.org"]


def test_the_form_stores_names_and_addresses_without_invisible_characters(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session:
        person_id = add_person(
            session,
            PersonInput(
                f"Jo{SOFT_HYPHEN}hanna",
                f"{RIGHT_TO_LEFT_MARK}Müller{LEFT_TO_RIGHT_MARK}",
                f"{BYTE_ORDER_MARK}johanna@example.org{NO_BREAK_SPACE}",
                department=f"Chem{ZERO_WIDTH_SPACE}istry",
            ),
        )
    with programme_file.session() as session:
        stored = session.get(Person, person_id)
        assert stored is not None
        assert (stored.first_name, stored.last_name, stored.email, stored.department) == (
            "Johanna",
            "Müller",
            "johanna@example.org",
            "Chemistry",
        )
    with programme_file.session() as session:
        renamed = PersonInput("Johanna", f"M{SOFT_HYPHEN}uller", "johanna@example.org")
        update_person(session, person_id, renamed)
    assert _people(programme_file)["johanna@example.org"][:2] == ("Johanna", "Muller")


def test_a_person_is_found_by_an_address_with_invisible_characters(
    programme_file: ProgrammeFile,
) -> None:
    with programme_file.session() as session:
        person_id = add_person(session, PersonInput("Ana", "Silva", "ana@example.org"))
    with programme_file.session() as session:
        found = find_person(session, f" {ZERO_WIDTH_SPACE}Ana@Example.org{BYTE_ORDER_MARK}")
        assert found.id == person_id


def test_the_cli_person_commands_find_the_person_by_an_address_with_a_zero_width_space(
    programme_file: ProgrammeFile,
    file_path: Path,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with programme_file.session() as session:
        add_person(session, PersonInput("Ana", "Silva", "ana@example.org"))
    programme_file.close()
    monkeypatch.setenv(PASSPHRASE_VARIABLE, passphrase)
    out = tmp_path / "ana.xlsx"
    typed = f"ana{ZERO_WIDTH_SPACE}@example.org"
    assert main(["person", "export", typed, str(out), "--db", str(file_path)]) == 0
    assert out.exists()


# Survey answers and attendance reports ----------------------------------------------------


def test_a_survey_answer_is_matched_to_the_person_despite_invisible_characters(
    programme_file: ProgrammeFile, programme_id: int, tmp_path: Path
) -> None:
    with programme_file.session() as session:
        add_person(session, PersonInput("Ana", "Silva", "ana@example.org"))
        survey_id = add_survey_from_template(session, programme_id, "mentee_pre")
    path = tmp_path / "responses.csv"
    path.write_text(
        f"Email,Submitted\n{ZERO_WIDTH_SPACE}ana@example.org{BYTE_ORDER_MARK},2026-03-02\n",
        encoding="utf-8",
    )
    table = read_table(path)
    with programme_file.session() as session:
        plan = preview_response_import(session, survey_id, table)
    assert [(line.email, line.person_name) for line in plan.lines] == [
        ("ana@example.org", "Ana Silva")
    ]
    assert plan.lines[0].status is not LineStatus.UNMATCHED


def test_an_attendance_report_gives_clean_names_and_addresses(tmp_path: Path) -> None:
    path = tmp_path / "attendance.csv"
    path.write_text(
        "Name,Email\n"
        f"Ana{NO_BREAK_SPACE}Silva{ZERO_WIDTH_SPACE},{LEFT_TO_RIGHT_MARK}Ana@Example.org\n",
        encoding="utf-8",
    )
    report = read_attendance_report(path)
    assert [(a.name, a.email) for a in report.attendees] == [("Ana Silva", "ana@example.org")]


def test_role_enum_is_still_read_after_cleaning(
    programme_file: ProgrammeFile, programme_id: int, tmp_path: Path
) -> None:
    strand, role = f"Fellows{ZERO_WIDTH_SPACE}", f"{BYTE_ORDER_MARK}Mentor"
    path = _write_xlsx(
        tmp_path / "applications.xlsx", [[None, "dan@example.org", "Dan Brown", strand, role]]
    )
    _import(programme_file, programme_id, path)
    with programme_file.session() as session:
        application = session.scalars(select(Application)).one()
        assert application.role is Role.MENTOR


def test_joiners_are_kept_only_where_they_shape_a_word_or_an_emoji() -> None:
    persian = "می\u200cخواهم"  # the non-joiner belongs to the spelling
    family = "\U0001f469\u200d\U0001f467"  # woman, joiner, girl: one emoji
    assert clean_text(f"Notes: {persian} {family}") == f"Notes: {persian} {family}"
    assert clean_text("ana\u200d@example.org") == "ana@example.org"
    assert clean_text("\u200cAna Silva\u200d") == "Ana Silva"
    assert clean_text("Ana \u200cSilva") == "Ana Silva"
