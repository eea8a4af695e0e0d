"""The Reports menu: each document written off the GUI thread, then named with Open folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.reports import ReportsMenu
from mentordesk.gui.tabs.pairings import PairingsTab
from tests.helpers.pdf import page_texts, pdf_text

from .event_helpers import events_tab, select_titled, training_tab

ORIENTATION = "Orientation training for mentors and mentees"


def reports_of(window: MainWindow) -> ReportsMenu:
    reports = window.reports
    assert isinstance(reports, ReportsMenu)
    return reports


def written_box(reports: ReportsMenu) -> QMessageBox:
    box = reports.message
    assert box is not None
    assert box.isVisible()
    return box


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def test_the_menu_sits_in_the_menu_bar_and_waits_for_a_file(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Reports" in titles
    assert titles.index("&Reports") < titles.index("&Help")
    reports = reports_of(window)
    actions = [a.text() for a in reports.menu.actions() if not a.isSeparator()]
    assert actions == [
        "&Programme report…",
        "&Introduction letters…",
        "&Certificates…",
        "&Sign-in sheet…",
    ]
    assert not any(a.isEnabled() for a in reports.menu.actions() if not a.isSeparator())


def test_the_programme_report_is_written_and_its_folder_offered(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    reports = reports_of(demo_window)
    assert reports.programme_action.isEnabled()
    opened: list[QUrl] = []
    reports.open_url = opened.append
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(reports.written, timeout=20_000) as written:
        reports.write_programme_report(out)
    assert written.args == [[out]]
    text = pdf_text(out)
    assert "Programme report" in text
    assert "ADVANCE 2026" in text
    box = written_box(reports)
    assert str(out) in box.text()
    assert str(out) in demo_window.statusBar().currentMessage()
    button(box, "Open folder").click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    qtbot.waitUntil(lambda: reports.message is None, timeout=5000)


def test_letters_for_the_pairings_selected_on_the_pairings_tab(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    reports = reports_of(demo_window)
    tab = demo_window.pairings_tab
    assert isinstance(tab, PairingsTab)
    demo_window.tab_widget.setCurrentWidget(tab)
    assert reports.selected_pairings() is None
    flags = QItemSelectionModel.SelectionFlag
    chosen = []
    for proxy_row in range(tab.proxy.rowCount()):
        row = tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(proxy_row, 0)).row())
        if row.mentee_count == 1 and not row.draft and len(chosen) < 2:
            tab.view.selectionModel().select(
                tab.proxy.index(proxy_row, 0), flags.Select | flags.Rows
            )
            chosen.append(row)
    assert len(chosen) == 2
    assert sorted(reports.selected_pairings() or []) == sorted(r.pairing_id for r in chosen)
    reports.update_actions()
    assert reports.letters_action.text() == "&Introduction letters for the 2 selected pairings…"
    with qtbot.waitSignal(reports.written, timeout=20_000) as written:
        reports.write_introduction_letters(tmp_path, reports.selected_pairings())
    paths = written.args[0]
    assert len(paths) == 4
    assert sorted(tmp_path.glob("*.pdf")) == sorted(paths)
    for row in chosen:
        mentor_letter = next(
            p for p in paths if p.name.startswith(f"Introduction letter - {row.mentor} (")
        )
        assert row.mentees in pdf_text(mentor_letter)
    box = written_box(reports)
    assert f"Wrote 4 introduction letters into {tmp_path}." == box.text()
    box.close()


def test_certificates_for_everyone_who_took_part(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    reports = reports_of(demo_window)
    with qtbot.waitSignal(reports.written, timeout=30_000) as written:
        reports.write_certificates(tmp_path)
    paths = written.args[0]
    assert len(paths) >= 10
    assert all(p.parent == tmp_path for p in paths)
    assert "Certificate of participation" in pdf_text(paths[0])
    written_box(reports).close()


def test_the_sign_in_sheet_is_for_the_event_selected(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    reports = reports_of(demo_window)
    tab = training_tab(demo_window)
    tab.view.clearSelection()
    reports.update_actions()
    assert not reports.sign_in_action.isEnabled()
    event = select_titled(qtbot, tab, ORIENTATION)
    reports.update_actions()
    assert reports.sign_in_action.isEnabled()
    assert reports.selected_event() == tab.current_row()
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(reports.written, timeout=20_000):
        reports.write_sign_in_sheet(out, event.event_id)
    assert ORIENTATION in page_texts(out)[0]
    box = written_box(reports)
    assert {b.text().replace("&", "") for b in box.buttons()} >= {"Open", "Open folder"}
    box.close()
    # The Events tab offers it too; the Applicants tab has no event to sign in to.
    events_tab(demo_window)
    demo_window.tab_widget.setCurrentWidget(demo_window.applicants_tab)
    reports.update_actions()
    assert not reports.sign_in_action.isEnabled()


def test_a_failure_is_told_in_plain_words_and_nothing_is_written(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    reports = reports_of(demo_window)
    op = reports.write_programme_report(tmp_path / "missing" / "report.pdf")
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    boxes = [b for b in demo_window.findChildren(QMessageBox) if b.objectName() == "error_message"]
    assert boxes
    assert "does not exist" in boxes[-1].text()
    assert reports.message is None
    assert not list(tmp_path.rglob("*.pdf"))


def test_closing_the_file_disables_the_menu_and_closes_the_message(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    reports = reports_of(demo_window)
    with qtbot.waitSignal(reports.written, timeout=20_000):
        reports.write_programme_report(tmp_path / "report.pdf")
    assert reports.message is not None
    demo_window.close_file()
    qtbot.waitUntil(lambda: reports.message is None, timeout=5000)
    assert not reports.programme_action.isEnabled()
    assert not reports.sign_in_action.isEnabled()
