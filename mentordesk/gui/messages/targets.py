"""Who a message goes to: people, pairings, or an event's register, and the messages that fit."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk.services.drafts import (
    GIVEN_PLACEHOLDERS,
    DraftResult,
    drafts_for_event,
    drafts_for_pairings,
    drafts_for_people,
    drafts_to_invite_back,
)
from mentordesk.services.events import event_register
from mentordesk.services.messages import EVENT_KEYS, TEMPLATE_KEYS, placeholders
from mentordesk.services.pairings import pairing_input

#: The message inviting the alumni of earlier rounds back (prepared from Programme ▸ Alumni).
INVITE_BACK_KEY = "invite-back"
#: The messages prepared for people chosen one by one.
PEOPLE_KEYS: tuple[str, ...] = tuple(
    k for k in TEMPLATE_KEYS if k not in ("introduction", INVITE_BACK_KEY) and k not in EVENT_KEYS
)
#: The messages prepared for the alumni chosen in Programme ▸ Alumni.
ALUMNI_KEYS: tuple[str, ...] = (INVITE_BACK_KEY,)
#: The messages prepared for pairings: the introduction, then those to their people.
PAIRING_KEYS: tuple[str, ...] = ("introduction", "check-in", "survey", "closing")
#: The messages about a training session, and about any other event.
TRAINING_KEYS: tuple[str, ...] = EVENT_KEYS
OTHER_EVENT_KEYS: tuple[str, ...] = ("event-invitation",)
#: The messages a mail link can carry: not those with attachments, nor those needing a
#: value given when drafts are prepared (the survey's link).
MAILTO_KEYS: tuple[str, ...] = tuple(
    k for k in PEOPLE_KEYS if not {p.name for p in placeholders(k)} & GIVEN_PLACEHOLDERS.keys()
)


class TargetKind(enum.Enum):
    """What was chosen to write to."""

    PEOPLE = "people"
    PAIRINGS = "pairings"
    EVENT = "event"
    ALUMNI = "alumni"


@dataclass(frozen=True)
class MessageTarget:
    """Whom a message goes to, as chosen in a tab.

    Attributes:
        kind: people, pairings, an event, or alumni of earlier rounds.
        ids: the people (or alumni) or pairings chosen; for an event, the people
            chosen on its register (empty: its whole register).
        description: what was chosen, in words (``5 people``), never naming anyone.
        event_id: the event, for an event.
        training: whether the event is a training session.
        suggested_key: the message most likely wanted (say, "accepted" for accepted applicants).
    """

    kind: TargetKind
    ids: tuple[int, ...]
    description: str
    event_id: int | None = None
    training: bool = False
    suggested_key: str | None = None

    def fitting_keys(self) -> tuple[str, ...]:
        """The messages that fit what was chosen, in the order to offer them."""
        if self.kind is TargetKind.PAIRINGS:
            return PAIRING_KEYS
        if self.kind is TargetKind.EVENT:
            return TRAINING_KEYS if self.training else OTHER_EVENT_KEYS
        if self.kind is TargetKind.ALUMNI:
            return ALUMNI_KEYS
        return PEOPLE_KEYS

    def default_key(self) -> str:
        """The message offered first."""
        keys = self.fitting_keys()
        return self.suggested_key if self.suggested_key in keys else keys[0]


def count_text(count: int, noun: str, plural: str | None = None) -> str:
    """``1 person``, ``5 people``."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def people_of(session: Session, target: MessageTarget) -> list[int]:
    """The people a target reaches, each once, in order (runs on the worker thread).

    For pairings, each mentor then their mentees; for an event with nobody chosen,
    everyone on its register.
    """
    if target.kind in (TargetKind.PEOPLE, TargetKind.ALUMNI):
        ids = list(target.ids)
    elif target.kind is TargetKind.PAIRINGS:
        ids = []
        for pairing_id in target.ids:
            pairing = pairing_input(session, pairing_id)
            ids += [pairing.mentor_id, *pairing.mentee_ids]
    else:
        assert target.event_id is not None
        ids = list(target.ids) or [
            line.person_id for line in event_register(session, target.event_id)
        ]
    return list(dict.fromkeys(ids))


def prepare_drafts(
    session: Session,
    programme_id: int,
    target: MessageTarget,
    key: str,
    folder: Path,
    *,
    today: dt.date,
    sender: tuple[str, str] | None = None,
    values: Mapping[str, str] | None = None,
) -> DraftResult:
    """Write one draft of message ``key`` per recipient of ``target`` into ``folder``.

    Introductions go through the pairings, event messages through the event (with
    its calendar file), the invitation back through the alumni (leaving out, with
    the reason, anyone who is not one or has applied already), anything else to
    the people the target reaches.
    """
    if target.kind is TargetKind.ALUMNI:
        return drafts_to_invite_back(
            session, programme_id, list(target.ids), folder, today=today, sender=sender
        )
    if target.kind is TargetKind.EVENT:
        assert target.event_id is not None
        return drafts_for_event(
            session,
            target.event_id,
            key,
            folder,
            today=today,
            person_ids=list(target.ids) or None,
            sender=sender,
            values=values,
        )
    if target.kind is TargetKind.PAIRINGS and key == "introduction":
        return drafts_for_pairings(
            session,
            programme_id,
            list(target.ids),
            folder,
            today=today,
            sender=sender,
            values=values,
        )
    return drafts_for_people(
        session,
        programme_id,
        key,
        people_of(session, target),
        folder,
        today=today,
        sender=sender,
        values=values,
    )
