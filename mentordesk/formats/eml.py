"""Unsent email drafts (.eml) that Outlook and other mail programs open ready to send.

``X-Unsent: 1`` makes Outlook open the file as a new message in a compose
window instead of as a received one. Headers, non-ASCII names, the UTF-8 body
and the attachments' names (RFC 2231) are all encoded by the standard library's
``email`` package; nothing here writes a header by hand.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage

from mentordesk.domain.errors import InvalidInput

#: Mail files use CRLF line ends, whatever system writes them.
_POLICY = email.policy.default.clone(linesep="\r\n")


def address_problem(email_address: str) -> str | None:
    """Why an address cannot be written in a mail header, or None when it can.

    The reason reads after "the email address", and never repeats the address.
    """
    local, at, domain = email_address.strip().rpartition("@")
    if not at or not local or not domain or any(c.isspace() for c in email_address.strip()):
        return "is not a valid email address"
    if not local.isascii():
        return (
            "has accented letters before the @, which most mail programs cannot send; "
            "ask the person for another address"
        )
    try:
        domain.encode("idna")
    except UnicodeError:
        return "is not a valid email address"
    return None


def address(name: str, email_address: str) -> Address:
    """A mail address with its display name, ready for a header.

    The domain is written in its ASCII (IDNA) form, as mail servers expect.

    Raises:
        InvalidInput: the address cannot be written in a mail header.
    """
    if problem := address_problem(email_address):
        raise InvalidInput(f"The email address {problem}.")
    local, _at, domain = email_address.strip().rpartition("@")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
        return Address(display_name=" ".join(name.split()), addr_spec=f"{local}@{ascii_domain}")
    except (UnicodeError, ValueError):
        raise InvalidInput("The email address is not a valid email address.") from None


def build_draft(
    *,
    to: Sequence[tuple[str, str]],
    subject: str,
    body: str,
    sender: tuple[str, str] | None = None,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    now: dt.datetime | None = None,
) -> bytes:
    """An unsent message as the bytes of an .eml file.

    Args:
        to: (name, email) of each recipient.
        subject: the subject line (any line breaks are folded into spaces).
        body: the plain-text message.
        sender: (name, email) of whoever sends it; left out, the mail program
            uses its default account.
        attachments: (file name, MIME type, data) of each attachment; a MIME type
            may carry parameters, such as ``text/calendar; method=REQUEST``.
        now: the message's date; the current time by default.

    Raises:
        InvalidInput: there is no recipient, or an address cannot be written.
    """
    if not to:
        raise InvalidInput("A message needs at least one recipient.")
    message = EmailMessage(policy=_POLICY)
    message["To"] = [address(name, mail) for name, mail in to]
    if sender is not None:
        message["From"] = address(*sender)
    message["Subject"] = " ".join(subject.split())
    message["Date"] = email.utils.format_datetime((now or dt.datetime.now(dt.UTC)).astimezone())
    message["Message-ID"] = email.utils.make_msgid(domain="mentordesk.invalid")
    message["X-Unsent"] = "1"
    # Quoted-printable keeps the file 7-bit clean, so no program misreads its accents.
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    for file_name, mime_type, data in attachments:
        kind, *parameters = (part.strip() for part in mime_type.split(";"))
        maintype, _, subtype = kind.partition("/")
        params = dict(p.partition("=")[::2] for p in parameters if "=" in p)
        if maintype == "text":
            params.setdefault("charset", "utf-8")
        message.add_attachment(
            data, maintype=maintype, subtype=subtype, filename=file_name, params=params
        )
    # Older Outlook versions read the name from Content-Type, newer ones from
    # Content-Disposition: give both (each RFC 2231-encoded when not ASCII).
    for part, (file_name, _type, _data) in zip(
        message.iter_attachments(), attachments, strict=True
    ):
        part.set_param("name", file_name)
    return message.as_bytes()
