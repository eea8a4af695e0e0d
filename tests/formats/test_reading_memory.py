"""read_table on larger files: a CSV file's text is not held twice, and repeats are kept once."""

from __future__ import annotations

import csv
import tracemalloc
from pathlib import Path

from mentordesk.formats.reading import read_table

from .conftest import write_xlsx

ROLES = ("Mentor", "Mentee")
STRANDS = ("Faculty", "Fellows", "Circles")


def answers(count: int) -> list[list[str]]:
    return [
        [
            f"Person {n}",
            f"person{n}@example.org",
            ROLES[n % 2],
            STRANDS[n % 3],
            f"I would like to learn about grant writing and leading a team ({n}).",
        ]
        for n in range(count)
    ]


HEADER = ["Name", "Email", "Role", "Strand", "Goals"]


def test_a_csv_file_is_read_without_holding_its_text_beside_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([HEADER, *answers(40_000)])
    size = path.stat().st_size
    tracemalloc.start()
    try:
        table = read_table(path)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(table.rows) == 40_000
    # Beyond what the rows themselves take, reading needs far less than the file's size.
    assert peak - kept < size / 2, (peak - kept, size)


def test_an_answer_repeated_down_a_column_is_kept_once(tmp_path: Path) -> None:
    rows = [HEADER, *answers(200)]
    csv_path = tmp_path / "responses.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    for table in (read_table(csv_path), read_table(write_xlsx(tmp_path / "r.xlsx", rows))):
        assert [row[2:4] for row in table.rows] == [tuple(row[2:4]) for row in rows[1:]]
        assert len({id(row[2]) for row in table.rows}) == 2
        assert len({id(row[3]) for row in table.rows}) == 3
        assert len({id(row[1]) for row in table.rows}) == 200
