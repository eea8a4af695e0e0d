"""Run one import or export in a fresh process and print its seconds and peak memory.

Usage: ``python import_export_run.py import|floor|export|export-view DB FILE``; the
passphrase comes from MENTORDESK_PASSPHRASE. Peak memory is the whole process's
(resident set).

``import`` does what ``mentordesk-cli import applicants`` does: read the file,
recognise its columns, check every row and write them in one transaction.
``floor`` does the least any import of that file must: the bare reader
(python-calamine) turns the sheet into rows and the bare driver (sqlcipher3)
inserts one person and one application per row, with no check at all.
"""

import os
import resource
import sys
import time
from pathlib import Path

from python_calamine import CalamineWorkbook

from mentordesk.formats.column_guess import mapping_from, recognise_columns
from mentordesk.formats.reading import read_table
from mentordesk.services.applicants import applicant_rows
from mentordesk.services.exporting import export_programme, export_view
from mentordesk.services.importing import ImportPlan, apply_import
from mentordesk.services.programmes import find_programme
from mentordesk.store.programme_file import ProgrammeFile


def main() -> None:
    """Time the action given on the command line, from reading the file to the commit."""
    action, db, file = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    with ProgrammeFile.open(db, os.environ["MENTORDESK_PASSPHRASE"]) as programme_file:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        with programme_file.session() as session:
            programme = find_programme(session, None)
            if action == "import":
                table = read_table(file)
                guesses = recognise_columns(table, programme.strand_names)
                plan = ImportPlan(table, mapping_from(guesses))
                summary = apply_import(session, programme.id, plan)
                assert summary.added == len(table.rows), summary
            elif action == "floor":
                floor(session.connection(), file)
            elif action == "export-view":
                rows = applicant_rows(session, programme.id)
                headers = ["Name", "Email", "Role", "Strand", "Status", "Organisation",
                           "Department", "Career stage", "Contract", "Submitted"]  # fmt: skip
                values = [
                    [r.name, r.email, r.role.label, r.strand, r.status.label, r.organisation,
                     r.department, r.stage or None,
                     r.contract_type.label if r.contract_type else None, r.submitted_on]
                    for r in rows
                ]  # fmt: skip
                export_view(file, "Applicants", headers, values)
            else:
                export_programme(session, programme.id, file)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{seconds:.4f} {peak / 1024:.1f} {before / 1024:.1f}")


def floor(connection, file: Path) -> None:
    """Read the sheet and insert a person and an application per row, unchecked and unconverted."""
    rows = CalamineWorkbook.from_path(str(file)).get_sheet_by_index(0).to_python()
    strand = connection.exec_driver_sql("SELECT min(id) FROM strand").scalar()
    stamp = "2026-12-07 12:00:00.000000"
    people = [(n, str(r[2]), "", str(r[1]), "", "", "", "", "", "", "", stamp, stamp)
              for n, r in enumerate(rows[1:], start=1)]  # fmt: skip
    connection.exec_driver_sql(
        "INSERT INTO person (id, first_name, last_name, email, organisation, department, "
        "position, field, expertise, languages, gender, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        people,
    )
    applications = [
        (n, strand, "mentee", "received", str(r[5]), str(r[6]), "", "imported", str(r[7]),
         stamp, stamp)
        for n, r in enumerate(rows[1:], start=1)
    ]  # fmt: skip
    connection.exec_driver_sql(
        "INSERT INTO application (person_id, strand_id, role, status, goals, "
        "development_needs, preferences, source, availability, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        applications,
    )


if __name__ == "__main__":
    main()
