"""The last steps of every import: check, show the problems, then refuse or apply after a backup.

The command line and the window import applications, survey responses and
whole-programme workbooks through :func:`check_then_apply`, so each import is
checked against the file as it is, refused in plain words before anything is
written, or written all or nothing in one transaction after a backup of the
file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.domain.errors import MentorDeskError
from mentordesk.store.models import Person, Programme
from mentordesk.store.programme_file import ProgrammeFile

Checked = TypeVar("Checked")
Applied = TypeVar("Applied")

#: The reason given to the backups made before an import (they rotate apart from the others).
BACKUP_REASON = "import"


class ImportRefused(MentorDeskError):
    """An import was refused after its check; nothing was written."""

    title = "Nothing was imported"


@dataclass(frozen=True)
class ImportRun(Generic[Checked, Applied]):
    """What an import found and, unless it was only a dry run, what it wrote.

    Attributes:
        checked: what the check found (a preview, a plan).
        applied: what was written; None after a dry run.
        backed_up: whether the file was backed up first (not when it held nothing).
    """

    checked: Checked
    applied: Applied | None
    backed_up: bool = False


def _never_refused(_checked: object) -> str | None:
    return None


def check_then_apply(
    programme_file: ProgrammeFile,
    check: Callable[[Session], Checked],
    apply: Callable[[Session, Checked], Applied],
    *,
    refusal: Callable[[Checked], str | None] = _never_refused,
    show: Callable[[Checked, str | None], None] | None = None,
    dry_run: bool = False,
) -> ImportRun[Checked, Applied]:
    """Check an import, show what was found, then refuse it or apply it after a backup.

    Args:
        programme_file: the open file the import goes into.
        check: works out, in a transaction of its own that writes nothing, what
            the import would do (a preview).
        apply: writes the import in one transaction, given what the check found;
            on any error the transaction rolls back and nothing is written.
        refusal: why the checked import must not be written, in plain words, or
            None to write it.
        show: called with what the check found and the refusal (or None)
            before anything else happens, so the problems can be shown.
        dry_run: stop after the check: write nothing and make no backup.

    Returns:
        What the check found and what was written (None after a dry run).

    Raises:
        ImportRefused: ``refusal`` gave a reason; nothing was written.
        MentorDeskError: the check or the writing failed; nothing was written.
    """
    with programme_file.session() as session:
        checked = check(session)
        holds_data = _holds_data(session)
    refused = refusal(checked)
    if show is not None:
        show(checked, refused)
    if refused is not None:
        raise ImportRefused(refused)
    if dry_run:
        return ImportRun(checked, None)
    if holds_data:
        # The file as it was, in case this was the wrong file, sheet or mapping.
        programme_file.backup(BACKUP_REASON)
    with programme_file.session() as session:
        applied = apply(session, checked)
    return ImportRun(checked, applied, backed_up=holds_data)


def _holds_data(session: Session) -> bool:
    """Whether the file holds a programme or a person (a new file holds neither)."""
    return (
        session.scalar(select(Programme.id).limit(1)) is not None
        or session.scalar(select(Person.id).limit(1)) is not None
    )
