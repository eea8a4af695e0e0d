"""The panel beside the Applicants table: everything known about one person, never a note's text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget
from sqlalchemy.orm import Session

from mentordesk.domain.enums import Role
from mentordesk.services.applicants import ApplicantRow, PersonDetail
from mentordesk.services.messages import LogRow
from mentordesk.services.other_answers import OtherAnswer, other_answers_of

EMPTY_TEXT = "Select an application to see everything known about the applicant."
#: The panel's links that give or withdraw consent (the Applicants tab acts on them).
GIVE_CONSENT = "consent:give"
WITHDRAW_CONSENT = "consent:withdraw"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def _label(value: object) -> str:
    return "" if value is None else str(getattr(value, "label", value))


def stage_text(stage: str, guessed: bool) -> str:
    """A career stage as the panel shows it, saying when it is a guess to confirm."""
    if stage and guessed:
        return f"{stage} (guessed from the position; confirm in Programme ▸ Career stages)"
    return stage


def _section(title: str, count: int | None = None) -> str:
    suffix = f" <span style='color:#666; font-weight:normal'>({count})</span>" if count else ""
    return f"<h3 style='margin-top:14px; margin-bottom:4px'>{escape(title)}{suffix}</h3>"


def _none(text: str) -> str:
    return f"<p style='color:#666; margin-top:0'>{escape(text)}</p>"


def _lines(text: str) -> str:
    """Escaped text whose line breaks show as such."""
    return "<br>".join(escape(line) for line in text.strip().splitlines())


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    """A two-column table of names and values, leaving out blank values; all escaped."""
    rows = "".join(
        f"<tr><td valign='top' style='color:#555; padding-right:10px'>{escape(name)}</td>"
        f"<td>{_lines(value)}</td></tr>"
        for name, value in pairs
        if value
    )
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>" if rows else ""


def other_answers_html(
    answers: Sequence[OtherAnswer], empty: str = "No other answers kept with this application."
) -> str:
    """The answers kept with an application: each question in bold, its answer under it."""
    parts = [_section("Other answers", len(answers))]
    if not answers:
        parts.append(_none(empty))
    for answer in answers:
        parts.append(
            f"<p style='margin:0 0 8px 0'><b>{_lines(answer.question)}</b><br>"
            f"{_lines(answer.answer)}</p>"
        )
    return "".join(parts)


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], row_styles: Sequence[str] = ()
) -> str:
    """An HTML table of escaped cells; ``row_styles`` adds CSS to the cells of each row."""
    head = "".join(
        f"<th align='left' style='background:#eef0f3; padding:3px 6px'>{escape(h)}</th>"
        for h in headers
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td style='padding:2px 6px; {row_styles[n] if n < len(row_styles) else ''}'>"
            f"{escape(c)}</td>"
            for c in row
        )
        + "</tr>"
        for n, row in enumerate(rows)
    )
    return f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{head}</tr>{body}</table>"


def messages_html(messages: Sequence[LogRow]) -> str:
    """The Messages section: each message prepared for the person, and whether it was sent."""
    parts = [_section("Messages", len(messages))]
    if not messages:
        parts.append(_none("No message prepared for them yet."))
        return "".join(parts)
    for m in messages:
        prepared = m.prepared_at.astimezone().date().isoformat()
        sent = (
            f"sent {_date(m.sent_on)}"
            if m.sent_on
            else "<span style='color:#8a5a00'>not marked sent</span>"
        )
        parts.append(
            f"<p style='margin:0 0 6px 0'><b>{escape(m.template_title)}</b>, prepared "
            f"{escape(prepared)}, {sent}<br>"
            f"<span style='color:#444'>{escape(m.subject)}</span></p>"
        )
    return "".join(parts)


def consent_html(detail: PersonDetail) -> str:
    """The Consent line: given or withdrawn and when, with the one link that changes it."""
    if detail.consent_withdrawn_on:
        given = f" (given {_date(detail.consent_on)})" if detail.consent_on else ""
        state = (
            f"<span style='color:#b3261e'><b>withdrawn</b> {_date(detail.consent_withdrawn_on)}"
            f"</span>{given}"
        )
        link = f"<a href='{GIVE_CONSENT}'>Give again today</a>"
    elif detail.consent_on:
        state = f"given {_date(detail.consent_on)}"
        link = f"<a href='{WITHDRAW_CONSENT}'>Withdraw today</a>"
    else:
        state = "<span style='color:#666'>not recorded</span>"
        link = f"<a href='{GIVE_CONSENT}'>Record as given today</a>"
    return (
        "<p style='margin:6px 0 2px 0'><span style='color:#555'>Consent</span>&nbsp; "
        f"{state} &nbsp;·&nbsp; {link}</p>"
    )


@dataclass(frozen=True)
class ShownApplication:
    """The application selected in the Applicants table, as the panel shows it.

    Attributes:
        strand: its strand's name.
        role: mentor or mentee.
        availability: when the applicant can meet, as they wrote it.
        other_answers: the answers to the form's other questions, in the form's order.
    """

    strand: str
    role: Role
    availability: str = ""
    other_answers: tuple[OtherAnswer, ...] = ()


def shown_application(session: Session, row: ApplicantRow) -> ShownApplication:
    """Load what the panel shows of the application on ``row`` (on the worker)."""
    return ShownApplication(
        row.strand, row.role, row.availability, tuple(other_answers_of(session, row.application_id))
    )


def application_html(shown: ShownApplication) -> str:
    """The application selected in the table: its availability and its other answers."""
    title = f"This application: {shown.role.label} in {shown.strand}"
    parts = [_section(title)]
    parts.append(_facts([("Availability", shown.availability)]) or _none("No availability given."))
    parts.append(other_answers_html(shown.other_answers))
    return "".join(parts)


def person_html(
    detail: PersonDetail, messages: Sequence[LogRow] = (), shown: ShownApplication | None = None
) -> str:
    """The panel's page for one person; every value from the file is escaped.

    Notes are counted, never quoted: their text stays behind the Notes tab.

    Args:
        detail: everything known about the person.
        messages: the messages prepared for them in the programme shown.
        shown: the application selected in the table, whose availability and other
            answers are shown under the list of applications.
    """
    where = ", ".join(v for v in (detail.position, detail.department, detail.organisation) if v)
    parts = [
        f"<h2 style='margin-bottom:2px'>{escape(detail.name)}</h2>",
        f"<p style='margin-top:0'>{escape(detail.email)}"
        + (f"<br>{escape(where)}" if where else "")
        + "</p>",
        _facts(
            [
                ("Career stage", stage_text(detail.stage, detail.stage_guessed)),
                ("Contract", _label(detail.contract_type)),
                ("Field", detail.field),
                ("Expertise", detail.expertise),
                ("Languages", detail.languages),
                ("Gender", detail.gender),
                ("Line manager", detail.line_manager),
            ]
        ),
        consent_html(detail),
        _section("Applications", len(detail.applications)),
    ]
    programmes = sorted({a.programme for a in detail.applications})
    for programme in programmes:
        if len(programmes) > 1:
            parts.append(f"<p style='margin:6px 0 2px 0'><i>{escape(programme)}</i></p>")
        parts.append(
            _table(
                ("Strand", "Role", "Status", "Submitted"),
                (
                    (a.strand, a.role.label, a.status.label, _date(a.submitted_on))
                    for a in detail.applications
                    if a.programme == programme
                ),
            )
        )
    if not detail.applications:
        parts.append(_none("No applications."))
    if shown is not None:
        parts.append(application_html(shown))
    parts.append(_section("Pairings", len(detail.pairings)))
    for p in detail.pairings:
        if p.role is Role.MENTEE and p.others:
            # A mentee's others are their mentor first, then the rest of their circle.
            mentor, *peers = p.others
            who = f"mentored by {mentor}" + (f", with {', '.join(peers)}" if peers else "")
        else:
            who = "with " + (", ".join(p.others) or "no mentee yet")
        started = f" since {_date(p.started_on)}" if p.started_on else ""
        check_in = f"; next check-in {_date(p.next_check_in)}" if p.next_check_in else ""
        parts.append(
            f"<p style='margin:0 0 6px 0'><b>{escape(p.role.label)}</b> in "
            f"{escape(p.strand)} ({escape(p.programme)}), {escape(who)}<br>"
            f"<span style='color:#444'>{escape(p.status.label)}{escape(started)}"
            f"{escape(check_in)}</span></p>"
        )
    if not detail.pairings:
        parts.append(_none("Not in any pairing."))
    parts.append(_section("Training and events", len(detail.attendance)))
    if detail.attendance:
        parts.append(
            _table(
                ("Date", "Event", "Status"),
                (
                    (
                        a.date.isoformat(),
                        f"{a.title} ({a.kind.label})",
                        a.status.label
                        + ("" if a.minutes_attended is None else f", {a.minutes_attended} min"),
                    )
                    for a in detail.attendance
                ),
            )
        )
    else:
        parts.append(_none("No training or events recorded."))
    parts.append(messages_html(messages))
    parts.append(_section("Notes"))
    count = detail.note_count
    if count:
        noun, pronoun = ("note", "it") if count == 1 else ("notes", "them")
        parts.append(
            f"<p style='margin-top:0'>{count} confidential {noun} about them: "
            f"read {pronoun} on the Notes tab.</p>"
        )
    else:
        parts.append(_none("No notes about them."))
    return "".join(parts)


class PersonPanel(QTextBrowser):
    """A read-only page about the person behind the current application.

    Attributes:
        person_id: whose detail is shown, or None when the panel is empty.

    Signals:
        consent_change: the Consent line's link was clicked: give (True) or withdraw (False).
    """

    consent_change = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_detail")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link_clicked)
        self.document().setDocumentMargin(10)
        self.person_id: int | None = None
        self.show_nothing()

    def show_detail(
        self,
        detail: PersonDetail,
        messages: Sequence[LogRow] = (),
        shown: ShownApplication | None = None,
    ) -> None:
        """Show one person, with the messages prepared for them in the programme shown.

        ``shown`` is the application selected in the table: its availability and
        other answers follow the list of applications.
        """
        self.person_id = detail.person_id
        self.setHtml(person_html(detail, messages, shown))

    def _link_clicked(self, url: QUrl) -> None:
        if url.toString() in (GIVE_CONSENT, WITHDRAW_CONSENT):
            self.consent_change.emit(url.toString() == GIVE_CONSENT)

    def show_nothing(self, text: str = EMPTY_TEXT) -> None:
        """Show a hint instead of a person."""
        self.person_id = None
        self.setHtml(f"<p style='color:#666'>{escape(text)}</p>")
