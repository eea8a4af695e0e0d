"""Checks on what a coordinator typed, each failing with a message that names the field."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mentordesk.domain.errors import InvalidInput
from mentordesk.formats.text import clean_text

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_GENDER_WORDS = (
    (re.compile(r"\bnon[- ]?binary\b"), "non-binary"),
    (re.compile(r"\b(woman|female)\b"), "woman"),
    (re.compile(r"\b(man|male)\b"), "man"),
)


def required_text(value: str, field: str, *, max_length: int = 200) -> str:
    """The value as :func:`clean_text` leaves it; refused if empty or too long."""
    cleaned = clean_text(value)
    if not cleaned:
        raise InvalidInput(f"{field} is required.")
    return optional_text(cleaned, field, max_length=max_length)


def optional_text(value: str | None, field: str, *, max_length: int = 200) -> str:
    """The value as :func:`clean_text` leaves it (empty if none); refused if too long.

    Invisible characters (zero-width spaces, byte order marks, soft hyphens,
    direction marks) are removed and special spaces made plain, so that what is
    stored is only what the coordinator can see.
    """
    cleaned = clean_text(value or "")
    if len(cleaned) > max_length:
        raise InvalidInput(f"{field} is too long: at most {max_length} characters.")
    return cleaned


def email_key(value: str) -> str:
    """An email address as the file compares it: cleaned (see :func:`clean_text`), lower case.

    Looking a person up by this key finds them whatever invisible characters or
    capitals the address was typed or pasted with.
    """
    return clean_text(value).lower()


def normalise_email(value: str) -> str:
    """An email address as stored: :func:`email_key`, checked.

    Raises:
        InvalidInput: the address is missing or malformed.
    """
    email = email_key(value)
    if not email:
        raise InvalidInput("Email is required: it is how MentorDesk tells people apart.")
    if not _EMAIL.match(email) or len(email) > 254:
        raise InvalidInput(f"“{clean_text(value)}” is not a valid email address.")
    return email


def optional_count(value: int | None, field: str, *, minimum: int = 0) -> int | None:
    """A whole number of at least ``minimum``, or None."""
    if value is None:
        return None
    if value < minimum:
        raise InvalidInput(f"{field} must be {minimum} or more.")
    return value


def join_tags(values: Iterable[str]) -> str:
    """Tags such as expertise or languages, stored as one comma-separated text."""
    seen: dict[str, None] = {}
    for value in values:
        tag = value.strip()
        if tag and tag.lower() not in {t.lower() for t in seen}:
            seen[tag] = None
    return ", ".join(seen)


def split_tags(text: str) -> list[str]:
    """The tags in a comma- or semicolon-separated text."""
    return [t.strip() for t in re.split(r"[;,]", text) if t.strip()]


def gender_key(text: str) -> str:
    """A gender as the engine compares it ("female" is "woman"); "" when none is named."""
    lowered = text.lower()
    return next((value for pattern, value in _GENDER_WORDS if pattern.search(lowered)), "")
