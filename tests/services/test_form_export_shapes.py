"""Form exports in every shape the tools write import with no hand mapping and keep every answer.

Each shape (tests/helpers/form_exports.py) is read, its columns recognised,
imported into a real encrypted file and exported as the whole-programme
workbook; the workbook's cells are then compared with the cells of the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentordesk.domain.enums import ApplicantField as F
from mentordesk.formats.column_guess import ColumnGuess, mapping_from, recognise_columns
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import CellValue, SheetTable, cell_text
from mentordesk.services.exporting import export_programme
from mentordesk.services.importing import ImportPlan, ImportPreview, apply_import, preview_import
from mentordesk.store.programme_file import ProgrammeFile
from tests.conftest import PASSPHRASE
from tests.helpers.form_exports import (
    STRANDS,
    WRITERS,
    Answer,
    Applicant,
    FormExport,
    applicants,
    make_programme_file,
    write_coordinator_sheet,
    write_google_forms,
)

#: Where each field shows in the exported workbook: its sheet and column.
WHERE: dict[F, tuple[str, str]] = {
    F.EMAIL: ("People", "Email"),
    F.FIRST_NAME: ("People", "First name"),
    F.LAST_NAME: ("People", "Last name"),
    F.DEPARTMENT: ("People", "Department"),
    F.EXPERTISE: ("People", "Expertise"),
    F.LANGUAGES: ("People", "Languages"),
    F.CONSENT: ("People", "Consent on"),
    F.CONSENT_ON: ("People", "Consent on"),
    F.FULL_NAME: ("Applications", "Name"),
    F.ROLE: ("Applications", "Role"),
    F.STRAND: ("Applications", "Strand"),
    F.SUBMITTED_ON: ("Applications", "Submitted on"),
    F.GOALS: ("Applications", "Goals"),
    F.DEVELOPMENT_NEEDS: ("Applications", "Development needs"),
    F.PREFERENCES: ("Applications", "Preferences"),
    F.AVAILABILITY: ("Applications", "Availability"),
    F.CAPACITY: ("Applications", "Capacity"),
}
#: What the workbook should say for each field, from what the applicant answered.
EXPECTED: dict[F, Callable[[Applicant], CellValue]] = {
    F.EMAIL: lambda a: a.email.lower(),
    F.FIRST_NAME: lambda a: a.first_name,
    F.LAST_NAME: lambda a: a.last_name,
    F.DEPARTMENT: lambda a: a.department,
    F.EXPERTISE: lambda a: ", ".join(a.expertise),
    F.LANGUAGES: lambda a: ", ".join(a.languages),
    # "I agree" gives consent on the day of the answer.
    F.CONSENT: lambda a: a.submitted.date(),
    F.CONSENT_ON: lambda a: a.consent_on,
    F.FULL_NAME: lambda a: a.full_name,
    F.ROLE: lambda a: a.role.label,
    F.STRAND: lambda a: a.strand,
    F.SUBMITTED_ON: lambda a: a.submitted.date(),
    F.GOALS: lambda a: a.goals,
    F.DEVELOPMENT_NEEDS: lambda a: a.support,
    F.PREFERENCES: lambda a: a.preferences,
    F.AVAILABILITY: lambda a: a.availability,
    F.CAPACITY: lambda a: a.capacity,
}
OTHER_ANSWERS = "Other answers"
Key = tuple[str, str, str]


def _plain(value: CellValue) -> CellValue:
    """A workbook cell as compared: nothing is "", a date read back as midnight is a date."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def _sheets(path: Path) -> dict[str, list[dict[str, CellValue]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheets = {}
    for sheet in workbook.worksheets:
        rows = sheet.iter_rows(values_only=True)
        headers = [str(h) for h in next(rows, ())]
        sheets[sheet.title] = [
            dict(zip(headers, map(_plain, row), strict=False)) for row in rows if any(row)
        ]
    workbook.close()
    return sheets


@dataclass(frozen=True)
class Imported:
    """A form export, how MentorDesk read and recognised it, and the workbook exported after."""

    export: FormExport
    table: SheetTable
    guesses: list[ColumnGuess]
    mapping: dict[int, F]
    preview: ImportPreview
    sheets: dict[str, list[dict[str, CellValue]]]

    def application(self, applicant: Applicant) -> dict[str, CellValue] | None:
        email, strand, role = applicant.key
        for row in self.sheets["Applications"]:
            if (row["Email"], row["Strand"], row["Role"]) == (email, strand, role.label):
                return row
        return None

    def person(self, applicant: Applicant) -> dict[str, CellValue] | None:
        found = [r for r in self.sheets["People"] if r["Email"] == applicant.email.lower()]
        return found[0] if found else None

    def other_answers(self) -> dict[Key, list[tuple[str, str]]]:
        kept: dict[Key, list[tuple[str, str]]] = {}
        for row in self.sheets.get(OTHER_ANSWERS, []):
            key = (str(row["Email"]), str(row["Strand"]), str(row["Role"]))
            kept.setdefault(key, []).append((str(row["Question"]), str(row["Answer"])))
        return kept


def _key(applicant: Applicant) -> Key:
    email, strand, role = applicant.key
    return email, strand, role.label


def expected_other_answers(export: FormExport, answer: Answer) -> list[tuple[str, str]]:
    """The answers no field fits, as the file holds them: (question, answer) for each non-empty."""
    return [
        (export.header(column), cell_text(cell))
        for column, (field, cell) in enumerate(zip(export.fields, answer.cells, strict=True))
        if field is F.OTHER and cell_text(cell)
    ]


@pytest.fixture(scope="module", params=list(WRITERS))
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Imported:
    """One shape written, read, recognised, imported with no hand mapping, and exported."""
    folder = tmp_path_factory.mktemp(request.param.replace(" ", "-"))
    write, name = WRITERS[request.param]
    export = write(folder / name)
    table = read_table(export.path)
    guesses = recognise_columns(table, STRANDS)
    plan = ImportPlan(table, mapping_from(guesses))
    path = folder / "programme.mentordesk"
    programme_id = make_programme_file(path, PASSPHRASE)
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        with opened.session() as session:
            preview = preview_import(session, programme_id, plan)
        with opened.session() as session:
            apply_import(session, programme_id, plan)
        with opened.session() as session:
            export_programme(session, programme_id, folder / "programme.xlsx")
    return Imported(
        export, table, guesses, plan.mapping, preview, _sheets(folder / "programme.xlsx")
    )


def test_the_file_reads_as_its_questions_with_one_row_per_answer(imported: Imported) -> None:
    export, table = imported.export, imported.table
    assert list(table.headers) == [export.header(c) for c in range(len(export.questions))]
    assert len(table.rows) == len(export.answers)


def test_every_row_imports_with_no_hand_mapping(imported: Imported) -> None:
    preview, export = imported.preview, imported.export
    problems = [f"row {r.row_number}: {'; '.join(r.problems)}" for r in preview.rejected]
    assert problems == [], f"{len(problems)} rows refused, such as: {problems[:3]}"
    assert preview.to_add == len(export.kept)
    assert preview.to_skip == len(export.answers) - len(export.kept)


def test_every_guess_is_explained(imported: Imported) -> None:
    guesses, table = imported.guesses, imported.table
    assert [(g.column, g.header) for g in guesses] == list(enumerate(table.headers))
    unexplained = [g.header for g in guesses if not g.reason.strip()]
    assert unexplained == []
    assert all(len(g.samples) <= 3 for g in guesses)


def test_answers_land_in_their_fields(imported: Imported) -> None:
    export = imported.export
    wrong: list[str] = []
    for answer in export.kept:
        applicant = answer.applicant
        found = {
            "People": imported.person(applicant),
            "Applications": imported.application(applicant),
        }
        for column, field in enumerate(export.fields):
            if field not in WHERE:
                continue
            sheet, header = WHERE[field]
            row = found[sheet]
            if row is None:
                wrong.append(f"{applicant.email}: not in {sheet}")
                continue
            wanted, got = _plain(EXPECTED[field](applicant)), row.get(header, "(no column)")
            if got != wanted:
                wrong.append(f"“{export.header(column)}” → {field.value}: {got!r}, not {wanted!r}")
    assert wrong == [], f"{len(wrong)} answers misplaced, such as: {sorted(set(wrong))[:6]}"


def test_answers_no_field_fits_are_kept_as_other_answers(imported: Imported) -> None:
    export, kept = imported.export, imported.other_answers()
    missing: list[str] = []
    for answer in export.kept:
        have = kept.get(_key(answer.applicant), [])
        missing += [
            f"“{question}”: {text!r}"
            for question, text in expected_other_answers(export, answer)
            if (question, text) not in have
        ]
    assert missing == [], f"{len(missing)} answers not kept, such as: {sorted(set(missing))[:6]}"


def test_other_answers_hold_only_the_questions_no_field_fits(imported: Imported) -> None:
    export, kept = imported.export, imported.other_answers()
    expected = {_key(a.applicant): expected_other_answers(export, a) for a in export.kept}
    extra = [
        f"“{question}”: {text!r}"
        for key, answers in kept.items()
        for question, text in answers
        if (question, text) not in expected.get(key, [])
    ]
    assert extra == [], f"{len(extra)} other answers too many, such as: {sorted(set(extra))[:6]}"


def test_the_tools_own_columns_are_left_out(imported: Imported) -> None:
    export, mapping = imported.export, imported.mapping
    own = [
        c
        for c, field in enumerate(export.fields)
        if field is F.IGNORE and any(cell_text(a.cells[c]) for a in export.answers)
    ]
    kept = [export.header(c) for c in own if mapping.get(c, F.OTHER) is F.OTHER]
    assert kept == []


def test_a_totals_row_is_left_out_with_a_notice_naming_it(tmp_path: Path) -> None:
    write, name = WRITERS["coordinator"]
    export = write(tmp_path / name)
    table = read_table(export.path)
    totals_row = 4 + len(export.answers) + 1
    assert table.row_numbers[-1] == totals_row - 1
    assert [n for n in table.notices if str(totals_row) in n], table.notices


@pytest.mark.parametrize("shape", ["qualtrics", "limesurvey"])
def test_codes_over_questions_read_with_a_notice(tmp_path: Path, shape: str) -> None:
    write, name = WRITERS[shape]
    export = write(tmp_path / name)
    assert read_table(export.path).notices


def _import(tmp_path: Path, export: FormExport) -> tuple[ImportPreview, Imported | None]:
    """Import a file as the fixture does, into a new programme file; its preview and result."""
    table = read_table(export.path)
    plan = ImportPlan(table, mapping_from(recognise_columns(table, STRANDS)))
    path = tmp_path / "programme.mentordesk"
    programme_id = make_programme_file(path, PASSPHRASE)
    with ProgrammeFile.open(path, PASSPHRASE) as opened:
        with opened.session() as session:
            preview = preview_import(session, programme_id, plan)
        if preview.rejected:
            return preview, None
        with opened.session() as session:
            apply_import(session, programme_id, plan)
        with opened.session() as session:
            export_programme(session, programme_id, tmp_path / "programme.xlsx")
    sheets = _sheets(tmp_path / "programme.xlsx")
    return preview, Imported(export, table, [], plan.mapping, preview, sheets)


def test_of_two_answers_the_same_day_the_later_wins_whatever_the_row_order(
    tmp_path: Path,
) -> None:
    people = applicants(12, 0)
    first = next(p for p in people if p.submitted.hour < 20)
    later = dataclasses.replace(
        first, submitted=first.submitted + dt.timedelta(hours=2), goals="Written later that day"
    )
    # Newest first, as a responses sheet sorted by its Timestamp column downloads.
    newest_first = sorted([*people, later], key=lambda p: p.submitted, reverse=True)
    export = write_google_forms(tmp_path / "sorted.csv", newest_first)

    preview, imported = _import(tmp_path, export)

    assert imported is not None, [r.problems for r in preview.rejected][:3]
    application = imported.application(later)
    assert application is not None
    assert application["Goals"] == "Written later that day"
    assert preview.to_skip == 1


def test_day_first_dates_no_row_settles_are_refused(tmp_path: Path) -> None:
    # Every day is the 12th or before: 03/04/2026 could be 3 April or 4 March.
    people = [p for p in applicants(55, 0) if p.submitted.day <= 12 and p.consent_on.day <= 12]
    export = write_coordinator_sheet(tmp_path / "applications.xlsx", people)

    preview, imported = _import(tmp_path, export)

    assert imported is None
    applied_on = export.header(export.column(F.SUBMITTED_ON))
    refused = {r.row_number for r in preview.rejected if any(applied_on in p for p in r.problems)}
    # 03/03/2026 reads the same either way.
    ambiguous = {5 + n for n, p in enumerate(people) if p.submitted.day != p.submitted.month}
    assert refused == ambiguous


# Recognised by what the columns hold -----------------------------------------------------

BY_CONTENT = (F.ROLE, F.STRAND, F.EMAIL, F.SUBMITTED_ON)
#: Letters that spell no word of any header MentorDesk knows.
NONSENSE = st.text(alphabet="qxzjvkwy", min_size=1, max_size=8)


@pytest.fixture(scope="module")
def google(tmp_path_factory: pytest.TempPathFactory) -> tuple[FormExport, SheetTable]:
    """The Google Forms export (one date column: its timestamp) and the table read from it."""
    export = write_google_forms(tmp_path_factory.mktemp("google") / "responses.csv")
    return export, read_table(export.path)


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_role_strand_email_and_date_are_recognised_by_content(
    google: tuple[FormExport, SheetTable], data: st.DataObject
) -> None:
    export, table = google
    width = len(table.headers)
    order = data.draw(st.permutations(range(width)), label="column order")
    nonsense = data.draw(st.lists(NONSENSE, min_size=width, max_size=width), label="headers")
    renamed = data.draw(st.lists(st.booleans(), min_size=width, max_size=width))
    headers = tuple(
        f"{nonsense[i]} {position}"
        if renamed[i] or export.fields[i] in BY_CONTENT
        else table.headers[i]
        for position, i in enumerate(order)
    )
    shuffled = dataclasses.replace(
        table, headers=headers, rows=tuple(tuple(row[i] for i in order) for row in table.rows)
    )
    guesses = recognise_columns(shuffled, STRANDS)
    for field in BY_CONTENT:
        guess = guesses[order.index(export.column(field))]
        assert (guess.field, guess.sure) == (field, True), guess
