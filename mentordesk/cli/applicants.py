"""mentordesk-cli commands for applicants: importing applications from a form's spreadsheet."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk.cli.common import Commands, open_file
from mentordesk.domain.enums import Role
from mentordesk.domain.errors import NotFound
from mentordesk.formats.columns import guess_mapping
from mentordesk.formats.reading import read_table
from mentordesk.formats.tables import SheetTable
from mentordesk.services.import_mappings import mapping_for
from mentordesk.services.import_run import check_then_apply
from mentordesk.services.importing import (
    ExistingPerson,
    ImportPlan,
    ImportPreview,
    apply_import,
    preview_import,
)
from mentordesk.services.programmes import ProgrammeSummary, find_programme, strand_choices


def add_import_applicants(importing: Commands) -> None:
    """``import applicants``: applications from a spreadsheet or CSV file, all or nothing."""
    applicants = importing.command(
        "applicants",
        "Import applications from a spreadsheet or CSV file (.xlsx, .xls, .ods, .csv): "
        "every row is checked first, and nothing is written unless the file is accepted.",
        _import_applicants,
        programme=True,
    )
    applicants.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    applicants.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    applicants.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: first)")
    applicants.add_argument("--mapping", metavar="NAME", help="a saved column mapping")
    applicants.add_argument("--strand", metavar="NAME", help="strand for rows that name none")
    applicants.add_argument(
        "--role", choices=[r.value for r in Role], help="role for rows that name none"
    )
    applicants.add_argument(
        "--existing",
        choices=["update", "skip", "keep-both"],
        default="update",
        help="what to do with people already in the file (default: update)",
    )
    applicants.add_argument(
        "--skip-rejected",
        action="store_true",
        help="import the acceptable rows even when others have problems",
    )


@dataclass(frozen=True)
class _Checked:
    """The programme the applications go to, how to read the table, and the preview."""

    programme: ProgrammeSummary
    plan: ImportPlan
    preview: ImportPreview


def _check(s: Session, args: argparse.Namespace, table: SheetTable) -> _Checked:
    """Read the table as the options say, and preview the import; nothing is written."""
    programme = find_programme(s, args.programme)
    mapping = mapping_for(s, args.mapping, table.headers) if args.mapping else None
    strands = {c.name.lower(): c.id for c in strand_choices(s, programme.id)}
    default_strand = None
    if args.strand:
        default_strand = strands.get(args.strand.strip().lower())
        if default_strand is None:
            raise NotFound(f"{programme.name} has no strand called “{args.strand}”.")
    plan = ImportPlan(
        table=table,
        mapping=mapping if mapping is not None else guess_mapping(table.headers),
        existing=ExistingPerson(args.existing.replace("-", "_")),
        default_strand_id=default_strand,
        default_role=Role(args.role) if args.role else None,
    )
    return _Checked(programme, plan, preview_import(s, programme.id, plan))


def _import_applicants(args: argparse.Namespace) -> int:
    table = read_table(args.file, sheet=args.sheet)

    def refusal(checked: _Checked) -> str | None:
        rejected = checked.preview.rejected
        if not rejected or args.skip_rejected:
            return None
        return (
            f"{len(rejected)} of {len(checked.preview.rows)} rows of {table.source} have "
            "problems, so nothing was imported. Fix them, or pass --skip-rejected to import "
            "the other rows."
        )

    def show(checked: _Checked, refused: str | None) -> None:
        for notice in table.notices:
            print(f"Note: {notice}")
        for row in checked.preview.rows:
            for notice in row.notices:
                print(f"Row {row.row_number}: {notice}")
        if refused:
            for row in checked.preview.rejected:
                print(f"Row {row.row_number}: {'; '.join(row.problems)}", file=sys.stderr)

    with open_file(args) as programme_file:
        run = check_then_apply(
            programme_file,
            lambda s: _check(s, args, table),
            # The lock is held throughout; apply_import works the preview out again.
            lambda s, checked: apply_import(s, checked.programme.id, checked.plan),
            refusal=refusal,
            show=show,
            dry_run=args.dry_run,
        )
    programme, preview, summary = run.checked.programme, run.checked.preview, run.applied
    if summary is None:
        print(
            f"Dry run: {preview.to_add} to add, {preview.to_update} to update, "
            f"{preview.to_skip} to skip, {len(preview.rejected)} rejected; nothing written."
        )
        return 0
    print(
        f"Imported {table.source} into {programme.name}: {summary.added} added, "
        f"{summary.updated} updated, {summary.skipped} skipped, "
        f"{len(summary.rejected)} rejected."
    )
    return 0
