"""What dialogs, menus and the file handling need from the main window, and nothing more.

:class:`WindowContext` is the narrow interface a dialog or a menu works
through: the open file, the programme shown, the status bar, showing a record
and reloading the views. :class:`FileHost` adds what opening, locking and
caring for the file need: showing, releasing and closing a file. Menus that act
on the selection in the tab in front (Messages, Reports) are also given the
window's :class:`WindowTabs`. ``MainWindow`` implements both interfaces; no
module but the window's start imports ``MainWindow`` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from mentordesk.gui.tabs.applicants import ApplicantsTab
from mentordesk.gui.tabs.base import RecordTab
from mentordesk.gui.tabs.pairings import PairingsTab
from mentordesk.services.programmes import ProgrammeSummary
from mentordesk.store.programme_file import ProgrammeFile

#: How long a message stays in the status bar, in milliseconds, unless told otherwise.
STATUS_MS = 8000


class RecordRef(Protocol):
    """A record to show: a pairing, else an event, else people (a reminder is one)."""

    @property
    def pairing_id(self) -> int | None:
        """The pairing, if the record is one."""
        ...

    @property
    def event_id(self) -> int | None:
        """The event, if the record is one."""
        ...

    @property
    def person_ids(self) -> Sequence[int]:
        """The people, if the record is about people."""
        ...


@runtime_checkable
class WindowContext(Protocol):
    """What a dialog or a menu needs from the window.

    Attributes:
        programme_file: the open file, if any (None while locked).
        programme_shown: emitted when the window shows a programme (after opening or switching).
        exported: emitted with a path when something was exported or written there.
    """

    programme_file: ProgrammeFile | None
    programme_shown: SignalInstance
    exported: SignalInstance

    def widget(self) -> QMainWindow:
        """The window, as the parent of dialogs and menus."""
        ...

    def programme(self) -> ProgrammeSummary | None:
        """The programme shown, if a file is open and unlocked."""
        ...

    def show_status(self, text: str, msecs: int = STATUS_MS) -> None:
        """Say ``text`` in the status bar for ``msecs`` milliseconds (0: until replaced)."""
        ...

    def show_record(self, record: RecordRef) -> None:
        """Bring forward the tab holding ``record``, with its rows selected."""
        ...

    def reload(self) -> None:
        """Reload every view of the programme shown (its data changed)."""
        ...


@runtime_checkable
class FileHost(WindowContext, Protocol):
    """What opening, locking and caring for the file need from the window.

    Attributes:
        demo: whether the file shown is the demo (its changes are not kept).
        programmes: the open file's programmes.
    """

    demo: bool
    programmes: list[ProgrammeSummary]

    def show_file(
        self, programme_file: ProgrammeFile, *, demo: bool = False, select_id: int | None = None
    ) -> None:
        """Show an open file (closing the one shown before), on programme ``select_id`` if given."""
        ...

    def release_file(self) -> None:
        """Empty every view and close the file (to close it, or to lock the window)."""
        ...

    def close_file(self) -> None:
        """Close the open file, if any (or give up a locked one), and show the start page."""
        ...

    def show_locked(self, page: QWidget) -> None:
        """Show only ``page``, the locked page: no tabs, no toolbar, no programme name."""
        ...

    def add_page(self, page: QWidget) -> None:
        """Add a page the window can show in place of the tabs (the locked page)."""
        ...


@dataclass(frozen=True)
class WindowTabs:
    """The window's record tabs, as the menus acting on their selection see them.

    Attributes:
        widget: the tab widget (its ``currentChanged`` tells when another tab comes forward).
        applicants: the Applicants tab.
        pairings: the Pairings tab.
        records: every record tab, in order (the Dashboard is not one).
    """

    widget: QTabWidget
    applicants: ApplicantsTab
    pairings: PairingsTab
    records: Sequence[RecordTab]

    def in_front(self) -> RecordTab | None:
        """The record tab in front; None when the Dashboard is."""
        tab = self.widget.currentWidget()
        return tab if isinstance(tab, RecordTab) else None
