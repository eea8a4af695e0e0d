"""The import window on a US export whose dates no row settles: say the order, then import.

A Google Forms export in US English writes its timestamps month first
("3/5/2026 10:22:13"); when every day of the file is 12 or under, no answer
settles which number is the month, so every row is refused until the
coordinator says how the form writes dates.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.formats.dates import DayOrder
from mentordesk.gui.import_dialog import ImportDialog
from mentordesk.gui.main_window import MainWindow
from mentordesk.services.applicants import applicant_rows
from mentordesk.services.importing import RowAction

HEADERS = ["Timestamp", "Email address", "Full name", "Which strand?", "I am applying as a"]
#: Month/day/year, as Google Forms writes them in US English: every day and month 12 or under.
STAMPS = [
    ("3/5/2026 10:22:13", dt.date(2026, 3, 5)),
    ("3/7/2026 9:01:55", dt.date(2026, 3, 7)),
    ("4/2/2026 17:40:02", dt.date(2026, 4, 2)),
    ("4/11/2026 8:15:30", dt.date(2026, 4, 11)),
    ("5/1/2026 12:00:00", dt.date(2026, 5, 1)),
    ("6/12/2026 23:59:59", dt.date(2026, 6, 12)),
]


def _us_export(path: Path) -> Path:
    """A Google Forms export in US English, every cell quoted, as it downloads."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(HEADERS)
        for n, (stamp, _day) in enumerate(STAMPS):
            strand = ("Fellows", "Circles")[n % 2]
            role = ("Mentor", "Mentee")[n % 3 == 0]
            writer.writerow([stamp, f"person{n}@uni.example", f"Person Number{n}", strand, role])
    return path


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    window.import_applications_from(path)
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=10_000)
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    return dialog


def _choose_order(qtbot: QtBot, dialog: ImportDialog, order: DayOrder | None) -> None:
    """Choose how dates like 3/5/2026 are read, as the coordinator does: it previews again."""
    combo = dialog.ui.date_order
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        combo.setCurrentIndex(0 if order is None else combo.findData(order))


def test_us_dates_are_refused_until_month_first_is_chosen_then_import_as_written(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    dialog = _open(qtbot, pilot_window, _us_export(tmp_path / "Mentoring application.csv"))
    ui = dialog.ui
    # Nothing to say before a preview: the choice is offered where its rows are refused.
    assert not ui.date_order_box.isVisible()
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        ui.preview_button.click()
    preview = dialog.preview
    assert preview is not None
    assert [row.action for row in preview.rows] == [RowAction.REJECT] * len(STAMPS)
    assert preview.undecided_dates == frozenset({0})
    assert not ui.import_button.isEnabled()
    # Said once above the table, naming the column and both readings.
    assert ui.date_order_box.isVisible()
    assert ui.date_order.isVisible()
    help_text = ui.date_order_help.text()
    assert help_text.startswith(f"{len(STAMPS)} rows are refused because column A “Timestamp”")
    assert "3 May or 5 March" in help_text
    assert "month first" in help_text

    _choose_order(qtbot, dialog, DayOrder.MONTH_FIRST)
    preview = dialog.preview
    assert preview is not None
    assert dialog.plan().date_order is DayOrder.MONTH_FIRST
    assert [row.action for row in preview.rows] == [RowAction.ADD] * len(STAMPS)
    assert not preview.undecided_dates
    # The choice stays on show, saying how the dates are read, so it can be changed back.
    assert ui.date_order_box.isVisible()
    assert "month first (3/5/2026 is 5 March)" in ui.date_order_help.text()
    assert ui.import_button.isEnabled()

    with qtbot.waitSignal(pilot_window.tabs[0].loaded, timeout=20_000):
        ui.import_button.click()
    box = dialog.findChild(QMessageBox, "import_summary")
    assert box is not None
    box.close()
    with dialog.programme_file.session() as session:
        rows = applicant_rows(session, dialog.programme.id)
    stored = {row.email: row.submitted_on for row in rows}
    assert stored == {f"person{n}@uni.example": day for n, (_stamp, day) in enumerate(STAMPS)}
    # Imported: the dates cannot be read another way now.
    assert not ui.date_order.isEnabled()


def test_day_first_reads_the_same_file_the_other_way_and_back_refuses_again(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    dialog = _open(qtbot, pilot_window, _us_export(tmp_path / "Mentoring application.csv"))
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.ui.preview_button.click()
    _choose_order(qtbot, dialog, DayOrder.DAY_FIRST)
    preview = dialog.preview
    assert preview is not None
    days = [row.application.submitted_on for row in preview.rows if row.application]
    assert days == [dt.date(d.year, d.day, d.month) for _stamp, d in STAMPS]
    # Back to reading from the file: refused again, and said once again.
    _choose_order(qtbot, dialog, None)
    preview = dialog.preview
    assert preview is not None
    assert len(preview.rejected) == len(STAMPS)
    assert dialog.ui.date_order_help.text().startswith(f"{len(STAMPS)} rows are refused")
    dialog.reject()


def test_the_import_details_say_alike_problems_of_the_rows_left_out_once(
    qtbot: QtBot, pilot_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "answers.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADERS)
        for n in range(6):
            stamp = "2026-03-05 10:22:13" if n < 2 else ("next week", "soon", "asap", "tbc")[n - 2]
            writer.writerow(
                [stamp, f"person{n}@uni.example", f"Person Number{n}", "Fellows", "Mentor"]
            )
    dialog = _open(qtbot, pilot_window, path)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.ui.preview_button.click()
    # No date could be read either way: nothing to choose.
    assert not dialog.ui.date_order_box.isVisible()
    with qtbot.waitSignal(pilot_window.tabs[0].loaded, timeout=20_000):
        dialog.ui.import_button.click()
    box = dialog.findChild(QMessageBox, "import_summary")
    assert box is not None
    details = box.detailedText().splitlines()
    box.close()
    left_out = details[details.index("Not imported (4 rows):") + 1 :]
    assert len(left_out) == 1
    assert left_out[0].startswith("Rows 4–7 (4 rows): Timestamp: ")
    assert "next week" in left_out[0]
