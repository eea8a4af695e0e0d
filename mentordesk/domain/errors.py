"""Every error MentorDesk reports to a person, each with a message fit to show them."""

from __future__ import annotations


class MentorDeskError(Exception):
    """Base of all errors with a message written for the coordinator.

    The message is shown as it is, in a dialog or on the console; it never
    carries a passphrase or a traceback.
    """

    title = "MentorDesk"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ProgrammeFileError(MentorDeskError):
    """A programme file cannot be created, opened or used."""

    title = "Cannot open the programme file"


class PassphraseRefused(ProgrammeFileError):
    """The passphrase offered for a new file is unusable (empty, or the two entries differ)."""

    title = "Choose another passphrase"


class WrongPassphrase(ProgrammeFileError):
    """The file did not open with this passphrase (or is damaged, or in an old format)."""

    title = "Wrong passphrase"


class FileMissing(ProgrammeFileError):
    """No file at the path given."""


class NotAProgrammeFile(ProgrammeFileError):
    """The file exists but is not a MentorDesk programme file."""


class DamagedFile(ProgrammeFileError):
    """The file is a MentorDesk file but parts of it cannot be read."""


class ErasureLogUnreadable(ProgrammeFileError):
    """A restore cannot read the erasure log of the file it replaces; it waits for a yes."""

    title = "Restore without the erasure log?"


class NewerFileVersion(ProgrammeFileError):
    """The file was written by a newer MentorDesk than this one."""


class FileInUse(ProgrammeFileError):
    """Another MentorDesk window or script has the file open."""

    title = "Programme file already open"


class FileAlreadyExists(ProgrammeFileError):
    """A new file would replace an existing one."""


class UnsafeSQLCipherBuild(ProgrammeFileError):
    """The SQLCipher library on this machine is not safe to keep personal data in."""

    title = "Unsafe encryption library"


class InvalidInput(MentorDeskError):
    """A record cannot be saved as entered; the message says which field and why."""

    title = "Please check the form"


class NotFound(MentorDeskError):
    """The record asked for no longer exists."""

    title = "Record not found"


class Conflict(MentorDeskError):
    """The change would break a rule of the programme (a duplicate, a record still in use)."""

    title = "Cannot save this change"


class UnreadableFile(MentorDeskError):
    """A file offered for import cannot be read; the message says what kind of file it is."""

    title = "Cannot import this file"


class ExportFailed(MentorDeskError):
    """An export could not be written; nothing partial is left behind."""

    title = "Cannot export"
