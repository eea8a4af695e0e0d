"""Prepare drafts, Copy addresses and Write email on the tabs' selections, and the log."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import ApplicationStatus, EventKind, PairingStatus
from mentordesk.gui.clipboard import KDE_HINT
from mentordesk.gui.folders import remembered_folder
from mentordesk.gui.main_window import MainWindow
from mentordesk.gui.messages.drafts_dialog import DraftsDialog, drafts_folder_key
from mentordesk.gui.messages.log_view import NOT_SENT_TEXT, CommunicationLog, LogTableModel
from mentordesk.gui.messages.records import select_rows
from mentordesk.gui.messages.targets import PEOPLE_KEYS
from mentordesk.services.applicants import ApplicantRow
from mentordesk.services.drafts import DraftResult
from mentordesk.services.events import EventInput, add_event
from mentordesk.services.messages import log_rows, not_yet_told, template_title
from mentordesk.services.pairings import PairingRow
from mentordesk.services.training import invite
from mentordesk.store.programme_file import ProgrammeFile

from .event_helpers import rows_of, select_titled, training_tab


class MailLinks(QObject):
    """Receives the mailto: links the window opens, instead of a mail program."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def mail_links() -> MailLinks:
    """Catch mailto: links for the length of the test."""
    links = MailLinks()
    QDesktopServices.setUrlHandler("mailto", links, "open")
    yield links  # type: ignore[misc]
    QDesktopServices.unsetUrlHandler("mailto")


def applicants(window: MainWindow) -> list[ApplicantRow]:
    """Every application on the Applicants tab."""
    tab = window.applicants_tab
    return [tab.model.row_at(r) for r in range(tab.model.rowCount())]


def select_applications(window: MainWindow, rows: list[ApplicantRow]) -> None:
    """Bring the Applicants tab forward with these applications selected."""
    window.tab_widget.setCurrentWidget(window.applicants_tab)
    wanted = {r.application_id for r in rows}
    assert select_rows(window.applicants_tab, lambda r: r.application_id in wanted) == len(rows)


def accepted(window: MainWindow, count: int) -> list[ApplicantRow]:
    """``count`` accepted applications of different people."""
    rows: dict[int, ApplicantRow] = {}
    for row in applicants(window):
        if row.status is ApplicationStatus.ACCEPTED:
            rows.setdefault(row.person_id, row)
    return list(rows.values())[:count]


def prepare(qtbot: QtBot, dialog: DraftsDialog, folder: Path) -> DraftResult:
    """Point the dialog at ``folder``, press Prepare drafts and wait for the result."""
    dialog.folder.setText(str(folder))
    with qtbot.waitSignal(dialog.prepared, timeout=20_000) as prepared:
        qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    result = prepared.args[0]
    assert isinstance(result, DraftResult)
    return result


def read_eml(path: Path) -> EmailMessage:
    """A draft parsed back as the mail program would."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def open_drafts(qtbot: QtBot, window: MainWindow) -> DraftsDialog:
    """Messages ▸ Prepare drafts… on the selection."""
    assert window.messages.prepare_action.isEnabled()
    window.messages.prepare_action.trigger()
    dialog = window.messages.drafts_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_accepted_drafts_for_selected_applicants_are_written_logged_and_shown_in_the_panel(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    chosen = accepted(demo_window, 3)
    select_applications(demo_window, chosen)
    dialog = open_drafts(qtbot, demo_window)
    offered = [dialog.template_choice.itemData(i) for i in range(dialog.template_choice.count())]
    assert offered == list(PEOPLE_KEYS)
    assert dialog.key() == "accepted"  # every application chosen is accepted
    assert "3 people" in dialog.target.description

    folder = tmp_path / "drafts"  # not there yet: made when the drafts are written
    result = prepare(qtbot, dialog, folder)
    assert result.skipped == []
    files = sorted(folder.glob("*.eml"))
    assert sorted(result.written) == files
    assert len(files) == 3
    assert dialog.pages.currentIndex() == 1
    assert "3 drafts" in dialog.summary.text()
    assert remembered_folder(drafts_folder_key(demo_file)) == folder

    by_email = {r.email: r for r in chosen}
    for path in files:
        message = read_eml(path)
        assert message["X-Unsent"] == "1"
        (to,) = message["To"].addresses
        row = by_email[to.addr_spec]
        assert to.display_name == row.name
        assert message["Subject"] == "Welcome to ADVANCE 2026"
        body = message.get_body(("plain",))
        assert body is not None
        text = body.get_content()
        assert f"Dear {row.name.split()[0]}" in text
        assert "{" not in text

    # The person panel lists the message prepared for the person shown.
    panel = demo_window.applicants_tab.panel
    qtbot.waitUntil(lambda: "Messages (1)" in panel.toPlainText(), timeout=10_000)
    page = panel.toPlainText()
    assert "Accepted, prepared" in page
    assert "not marked sent" in page
    assert "Welcome to ADVANCE 2026" in page
    with demo_file.session() as session:
        logged = log_rows(session, demo_window.programme().id)
    assert sorted(r.email for r in logged) == sorted(by_email)
    assert {r.template_key for r in logged} == {"accepted"}


def test_copy_addresses_puts_the_selection_on_the_clipboard_for_outlook(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    chosen = accepted(demo_window, 4)
    select_applications(demo_window, chosen)
    QGuiApplication.clipboard().clear()
    demo_window.messages.copy_action.trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=10_000)
    copied = QGuiApplication.clipboard().text()
    entries = copied.split("; ")
    assert len(entries) == 4
    for entry, row in zip(entries, sorted(chosen, key=lambda r: r.name), strict=True):
        assert entry == f"{row.name} <{row.email}>"
    assert QGuiApplication.clipboard().mimeData().hasFormat(KDE_HINT)
    assert "Copied 4 addresses" in demo_window.statusBar().currentMessage()


def test_copy_addresses_of_a_pairing_reaches_its_mentor_and_mentees(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    tab = demo_window.pairings_tab
    demo_window.tab_widget.setCurrentWidget(tab)
    row = next(
        tab.model.row_at(r)
        for r in range(tab.model.rowCount())
        if tab.model.row_at(r).mentee_count > 2
    )
    assert select_rows(tab, lambda r: r.pairing_id == row.pairing_id) == 1
    QGuiApplication.clipboard().clear()
    demo_window.messages.copy_action.trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=10_000)
    names = [e.split(" <")[0] for e in QGuiApplication.clipboard().text().split("; ")]
    assert names[0] == row.mentor
    assert len(names) == 1 + row.mentee_count
    assert not demo_window.messages.write_menu.menuAction().isEnabled()


def test_write_email_opens_a_mail_link_and_logs_a_message_from_a_template(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, mail_links: MailLinks
) -> None:
    (row,) = accepted(demo_window, 1)
    two = accepted(demo_window, 2)
    select_applications(demo_window, two)
    assert not demo_window.messages.blank_email_action.isEnabled()
    select_applications(demo_window, [row])
    assert demo_window.messages.blank_email_action.isEnabled()

    demo_window.messages.blank_email_action.trigger()
    qtbot.waitUntil(lambda: len(mail_links.urls) == 1, timeout=10_000)
    blank = mail_links.urls[0]
    assert (blank.scheme(), blank.path(), blank.query()) == ("mailto", row.email, "")

    write = next(
        a
        for a in demo_window.messages.write_menu.actions()
        if a.text() == template_title("accepted")
    )
    write.trigger()
    qtbot.waitUntil(lambda: len(mail_links.urls) == 2, timeout=10_000)
    url = urlsplit(bytes(mail_links.urls[1].toEncoded()).decode())
    assert unquote(url.path) == row.email
    query = parse_qs(url.query)
    assert query["subject"] == ["Welcome to ADVANCE 2026"]
    assert query["body"][0].startswith(f"Dear {row.name.split()[0]},\r\n")
    programme_id = demo_window.programme().id

    def logged() -> list[str]:
        with demo_file.session() as session:
            return [
                r.template_key for r in log_rows(session, programme_id, person_id=row.person_id)
            ]

    qtbot.waitUntil(lambda: logged() == ["accepted"], timeout=10_000)


def test_introductions_go_to_the_mentor_and_each_mentee_with_the_letter(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    tab = demo_window.pairings_tab
    demo_window.tab_widget.setCurrentWidget(tab)
    row: PairingRow = next(
        tab.model.row_at(r)
        for r in range(tab.model.rowCount())
        if tab.model.row_at(r).status is PairingStatus.ACTIVE
        and tab.model.row_at(r).mentee_count == 1
    )
    assert select_rows(tab, lambda r: r.pairing_id == row.pairing_id) == 1
    dialog = open_drafts(qtbot, demo_window)
    assert dialog.key() == "introduction"
    result = prepare(qtbot, dialog, tmp_path)
    assert len(result.written) == 2
    recipients = {}
    for path in result.written:
        message = read_eml(path)
        (to,) = message["To"].addresses
        recipients[to.display_name] = message
        attachments = list(message.iter_attachments())
        assert [a.get_content_type() for a in attachments] == ["application/pdf"]
        assert attachments[0].get_content().startswith(b"%PDF")
    assert set(recipients) == {row.mentor, row.mentees}
    mentee_body = recipients[row.mentees].get_body(("plain",))
    assert mentee_body is not None
    assert row.mentor in mentee_body.get_content()


def test_event_invitations_go_to_the_register_with_the_calendar_file(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    programme_id = demo_window.programme().id
    zone = ZoneInfo("Europe/Luxembourg")
    starts = dt.datetime.combine(dt.date.today() + dt.timedelta(days=20), dt.time(14), zone)
    people = [r.person_id for r in accepted(demo_window, 3)]
    with demo_file.session() as session:
        event_id = add_event(
            session,
            programme_id,
            EventInput(
                EventKind.WORKSHOP,
                "Negotiation workshop",
                starts,
                starts + dt.timedelta(hours=3),
                location="Belval campus",
            ),
        )
        invite(session, event_id, people)
    tab = training_tab(demo_window)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    assert any(r.event_id == event_id for r in rows_of(tab))
    select_titled(qtbot, tab, "Negotiation workshop")
    demo_window.messages.update_actions()
    dialog = open_drafts(qtbot, demo_window)
    offered = [dialog.template_choice.itemData(i) for i in range(dialog.template_choice.count())]
    assert offered == ["training-invitation", "training-reminder", "event-invitation"]
    assert "everyone invited" in dialog.target.description
    result = prepare(qtbot, dialog, tmp_path)
    assert len(result.written) == 3
    message = read_eml(result.written[0])
    assert message["Subject"].startswith("Invitation: Negotiation workshop")
    (calendar,) = message.iter_attachments()
    assert calendar.get_content_type() == "text/calendar"
    content = calendar.get_content()
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text
    assert "SUMMARY:Negotiation workshop" in text


def test_the_log_lists_accepted_applicants_not_yet_told_and_marks_messages_sent(
    qtbot: QtBot, demo_window: MainWindow, demo_file: ProgrammeFile, tmp_path: Path
) -> None:
    programme_id = demo_window.programme().id
    with demo_file.session() as session:
        untold = not_yet_told(session, programme_id, ApplicationStatus.ACCEPTED)
    log = demo_window.messages.open_log(ApplicationStatus.ACCEPTED)
    assert isinstance(log, CommunicationLog)
    qtbot.waitUntil(lambda: log.untold_proxy.rowCount() == len(untold), timeout=10_000)
    assert log.pages.currentWidget() is log.untold_view
    assert f"{len(untold)} applicants not yet told" == log.count_label.text()

    flags = QItemSelectionModel.SelectionFlag
    for row in (0, 1):
        log.untold_view.selectionModel().select(
            log.untold_proxy.index(row, 0), flags.Select | flags.Rows
        )
    qtbot.mouseClick(log.prepare_button, Qt.MouseButton.LeftButton)
    dialog = demo_window.messages.drafts_dialog
    assert dialog is not None
    assert dialog.key() == "accepted"
    result = prepare(qtbot, dialog, tmp_path)
    assert len(result.written) == 2
    dialog.accept()
    qtbot.waitUntil(lambda: log.untold_proxy.rowCount() == len(untold) - 2, timeout=10_000)

    log.show_view(None)
    qtbot.waitUntil(lambda: log.log_proxy.rowCount() == 2, timeout=10_000)
    assert not log.mark_sent_button.isEnabled()
    sent = {log.log_proxy.index(r, LogTableModel.SENT).data() for r in range(2)}
    assert sent == {NOT_SENT_TEXT}
    log.log_view.selectAll()
    with qtbot.waitSignal(log.changed, timeout=10_000):
        qtbot.mouseClick(log.mark_sent_button, Qt.MouseButton.LeftButton)
    with demo_file.session() as session:
        assert {r.sent_on for r in log_rows(session, programme_id)} == {dt.date.today()}
    qtbot.waitUntil(
        lambda: log.log_proxy.index(0, LogTableModel.SENT).data() == dt.date.today().isoformat(),
        timeout=10_000,
    )
    log.show_view("unsent")
    assert log.log_proxy.rowCount() == 0


def test_the_tabs_context_menus_offer_the_message_actions(demo_window: MainWindow) -> None:
    messages = demo_window.messages
    for tab in demo_window.tabs[:4]:
        extras = tab.extra_actions()
        assert messages.prepare_action in extras
        assert messages.copy_action in extras
        assert messages.write_menu in extras
    assert messages.prepare_action not in demo_window.pairing_actions
    demo_window.tab_widget.setCurrentWidget(demo_window.tabs[-1])  # Notes: nobody to write to
    assert not messages.prepare_action.isEnabled()
    assert not messages.copy_action.isEnabled()
    assert messages.templates_action.isEnabled()
    assert (
        messages.copy_action.shortcut().toString()
        != demo_window.copy_email_action.shortcut().toString()
    )


def test_locking_closes_the_log_and_empties_it(qtbot: QtBot, demo_window: MainWindow) -> None:
    log = demo_window.messages.open_log()
    assert log is not None
    qtbot.waitUntil(lambda: log.count_label.text() != "Loading…", timeout=10_000)
    demo_window.locker.lock()
    assert demo_window.messages.log is None
    assert not demo_window.messages.prepare_action.isEnabled()
    assert not demo_window.messages.log_action.isEnabled()


def test_survey_drafts_ask_for_the_link_and_carry_it(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    select_applications(demo_window, accepted(demo_window, 2))
    dialog = open_drafts(qtbot, demo_window)
    link = dialog.given["survey_link"]
    assert not link.isVisible()
    dialog.choose_key("survey")
    assert link.isVisible()
    dialog.folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.findChild(QMessageBox, "error_message") is not None, timeout=10_000
    )
    box = dialog.findChild(QMessageBox, "error_message")
    assert "questionnaire's web address" in box.text()
    box.close()
    assert list(tmp_path.glob("*.eml")) == []

    link.setText("https://forms.example/advance-pulse")
    result = prepare(qtbot, dialog, tmp_path)
    assert len(result.written) == 2
    body = read_eml(result.written[0]).get_body(("plain",))
    assert body is not None
    assert "https://forms.example/advance-pulse" in body.get_content()
    assert "write_survey_action" not in [a.objectName() for a in demo_window.messages.write_actions]
