import datetime as dt
import email.utils
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default

import pytest

from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.eml import build_draft

BODY = "Dear Amélie,\n\nWelcome to ADVANCE 2026 — we look forward to working with you.\n"


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def test_a_draft_is_marked_unsent_with_encoded_names_subject_and_body():
    data = build_draft(
        to=[("Amélie Müller", "amelie.muller@uni.example")],
        subject="Bienvenue à ADVANCE 2026, Amélie",
        body=BODY,
        sender=("Bureau ADVANCE", "advance@uni.example"),
    )
    message = parse(data)
    assert message["X-Unsent"] == "1"
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Amélie Müller", "amelie.muller@uni.example")
    assert message["From"].addresses[0].addr_spec == "advance@uni.example"
    assert str(message["Subject"]) == "Bienvenue à ADVANCE 2026, Amélie"
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n") == BODY
    assert message["Message-ID"].startswith("<")
    assert email.utils.parsedate_to_datetime(message["Date"]).tzinfo is not None
    # Seven-bit clean, with the CRLF line ends of mail files.
    assert data.isascii()
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_names_with_commas_and_quotes_stay_one_recipient_each():
    message = parse(
        build_draft(
            to=[
                ("Müller, Amélie", "amelie@uni.example"),
                ('Ben "the mentor" O\'Neil', "ben@lih.example"),
            ],
            subject="Hello",
            body="Hi",
        )
    )
    names = [(a.display_name, a.addr_spec) for a in message["To"].addresses]
    assert names == [
        ("Müller, Amélie", "amelie@uni.example"),
        ('Ben "the mentor" O\'Neil', "ben@lih.example"),
    ]
    assert message["From"] is None


def test_attachments_come_back_with_their_names_types_and_bytes():
    ics = "BEGIN:VCALENDAR\r\nSUMMARY:Atelier carrière\r\nEND:VCALENDAR\r\n".encode()
    pdf = b"%PDF-1.4\n\x00\xff binary"
    message = parse(
        build_draft(
            to=[("Ana Silva", "ana@uni.example")],
            subject="Invitation",
            body=BODY,
            attachments=[
                ("Atelier carrière.ics", "text/calendar; method=REQUEST", ics),
                ("Introduction – Amélie Müller.pdf", "application/pdf", pdf),
            ],
        )
    )
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert text.replace("\r\n", "\n") == BODY
    calendar, letter = message.iter_attachments()
    assert calendar.get_filename() == "Atelier carrière.ics"
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_param("name") == "Atelier carrière.ics"
    assert calendar.get_payload(decode=True) == ics
    assert letter.get_filename() == "Introduction – Amélie Müller.pdf"
    assert letter.get_content_type() == "application/pdf"
    assert letter.get_content() == pdf


def test_a_non_ascii_attachment_name_is_written_per_rfc_2231():
    data = build_draft(
        to=[("A", "a@uni.example")],
        subject="x",
        body="x",
        attachments=[("Einführung.pdf", "application/pdf", b"%PDF")],
    )
    assert b"filename*=utf-8''Einf%C3%BChrung.pdf" in data


def test_the_date_is_the_one_given():
    moment = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
    message = parse(build_draft(to=[("A", "a@uni.example")], subject="x", body="x", now=moment))
    assert email.utils.parsedate_to_datetime(message["Date"]) == moment


def test_line_breaks_cannot_inject_headers():
    message = parse(
        build_draft(
            to=[("Eve\r\nBcc: all@uni.example", "eve@uni.example")],
            subject="Hello\r\nBcc: all@uni.example",
            body="x",
        )
    )
    assert message["Bcc"] is None
    assert str(message["Subject"]) == "Hello Bcc: all@uni.example"
    assert [a.addr_spec for a in message["To"].addresses] == ["eve@uni.example"]


def test_an_accented_domain_is_written_in_its_ascii_form():
    message = parse(build_draft(to=[("Zoé", "zoe@université.example")], subject="x", body="x"))
    assert message["To"].addresses[0].addr_spec == "zoe@xn--universit-j4a.example"
    assert "université".encode("idna") == b"xn--universit-j4a"


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("zoé@uni.example", "The email address has accented letters before the @"),
        ("no-at-sign", "The email address is not a valid email address"),
        ("@uni.example", "The email address is not a valid email address"),
        ("a b@uni.example", "The email address is not a valid email address"),
    ],
)
def test_an_address_that_cannot_be_written_is_refused_plainly(address, says):
    with pytest.raises(InvalidInput, match=says) as raised:
        build_draft(to=[("Zoé", address)], subject="x", body="x")
    # The message names no address: errors never carry personal data.
    assert address not in raised.value.message


def test_a_draft_needs_a_recipient():
    with pytest.raises(InvalidInput, match="at least one recipient"):
        build_draft(to=[], subject="x", body="x")
