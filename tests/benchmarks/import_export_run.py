"""Run one import or export in a fresh process and print its seconds and peak memory.

Usage: ``python import_export_run.py import|export|export-view DB FILE``; the passphrase comes
from MENTORDESK_PASSPHRASE. Peak memory is the whole process's (resident set).
"""

import os
import resource
import sys
import time
from pathlib import Path

from mentordesk.formats.columns import guess_mapping
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
            programme_id = find_programme(session, None).id
            if action == "import":
                table = read_table(file)
                plan = ImportPlan(table, guess_mapping(table.headers))
                summary = apply_import(session, programme_id, plan)
                assert summary.added == len(table.rows), summary
            elif action == "export-view":
                rows = applicant_rows(session, programme_id)
                headers = ["Name", "Email", "Role", "Strand", "Status", "Organisation",
                           "Department", "Grade", "Contract", "Submitted"]  # fmt: skip
                values = [
                    [r.name, r.email, r.role.label, r.strand, r.status.label, r.organisation,
                     r.department, r.grade.label if r.grade else None,
                     r.contract_type.label if r.contract_type else None, r.submitted_on]
                    for r in rows
                ]  # fmt: skip
                export_view(file, "Applicants", headers, values)
            else:
                export_programme(session, programme_id, file)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{seconds:.4f} {peak / 1024:.1f} {before / 1024:.1f}")


if __name__ == "__main__":
    main()
