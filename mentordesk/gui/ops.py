"""Run service calls off the GUI thread, with progress and cancel for long work.

Every call goes to one persistent worker thread: each new thread would open a
new SQLCipher connection and pay its slow key derivation again. The work opens
its own session there and must not touch any widget; success and failure come
back on the GUI thread through signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget
from shiboken6 import isValid
from sqlalchemy.orm import Session

from mentordesk.gui.errors import show_error
from mentordesk.store.programme_file import ProgrammeFile

T = TypeVar("T")
D = TypeVar("D", bound=QDialog)

_pool: QThreadPool | None = None
_running: set[Op] = set()


class Cancelled(Exception):
    """The user cancelled the work; everything it did in its session is rolled back."""


class Progress:
    """What long work reports as it goes, and how it learns it was cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def update(self, done: int, total: int) -> None:
        """Report that ``done`` of ``total`` steps are finished."""
        self._signals.progressed.emit(done, total)

    def cancel(self) -> None:
        """Ask the work to stop (called on the GUI thread)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here if the user cancelled.

        Raises:
            Cancelled: they did.
        """
        if self.cancelled:
            raise Cancelled


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self._work = work
        self._signals = signals
        self._progress = progress

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as error:  # reported to the GUI thread, never lost
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


class Op(QObject):
    """One piece of work on the worker thread, reporting back on the GUI thread.

    Signals:
        finished: emitted on the GUI thread after the success or failure callback.
    """

    finished = Signal()

    def __init__(
        self,
        work: Callable[[Progress], Any],
        *,
        parent: QWidget | None,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        label: str | None,
    ) -> None:
        super().__init__()
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._dialog: QProgressDialog | None = None
        # Slots of this object, which lives on the GUI thread: queued, so they run there.
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        if label is not None:
            self._dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
            self._dialog.setWindowTitle("MentorDesk")
            self._dialog.setMinimumDuration(400)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.canceled.connect(self.progress.cancel)
            self._signals.progressed.connect(self._progressed)
        self._job = _Job(work, self._signals, self.progress)
        self._job.setAutoDelete(False)

    def start(self) -> Op:
        _running.add(self)
        worker_pool().start(self._job)
        return self

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        try:
            self._close_dialog()
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self._finish()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        try:
            self._close_dialog()
            if isinstance(error, Cancelled):
                return
            if self._on_failure is not None:
                self._on_failure(error)
            else:
                # Over the window rather than a dialog closed meanwhile.
                parent = self._parent if self._parent is None or isValid(self._parent) else None
                show_error(parent, error)
        finally:
            self._finish()

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None

    def _finish(self) -> None:
        _running.discard(self)
        self.finished.emit()


def unless_deleted(widget: QObject, callback: Callable[[T], None]) -> Callable[[T], None]:
    """``callback``, left out once ``widget`` has been deleted.

    For the answer of a load that only fills ``widget``: a dialog closed (and
    deleted) before its answer came back has nothing left to fill.
    """

    def called(result: T) -> None:
        if isValid(widget):
            callback(result)

    return called


def worker_pool() -> QThreadPool:
    """The one thread that runs all work on programme files."""
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
        _pool.destroyed.connect(_forget_pool)
    return _pool


def _forget_pool() -> None:
    global _pool
    _pool = None


def wait_for_work() -> None:
    """Block until queued work has finished (before a file is closed)."""
    if _pool is not None:
        _pool.waitForDone()


def run_op(
    programme_file: ProgrammeFile,
    work: Callable[[Session], T],
    *,
    parent: QWidget | None,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> Op:
    """Run ``work(session)`` in one transaction on the worker thread.

    Args:
        programme_file: the open file; the session is opened on the worker thread.
        work: the service call; it must not touch any widget.
        parent: the widget errors are shown over.
        on_success: called on the GUI thread with what ``work`` returned.
        on_failure: called on the GUI thread with the error; by default the
            error's message is shown in a dialog.

    Returns:
        The running op (its ``finished`` signal fires after the callbacks).
    """

    def in_session(progress: Progress) -> T:
        with programme_file.session() as session:
            return work(session)

    return Op(
        in_session, parent=parent, on_success=on_success, on_failure=on_failure, label=None
    ).start()


def run_long_op(
    work: Callable[[Progress], T],
    *,
    parent: QWidget | None,
    label: str,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> Op:
    """Run long ``work(progress)`` on the worker thread behind a progress dialog with Cancel.

    ``work`` opens its own session (or sessions) and calls ``progress.check()``
    where stopping is safe; a cancelled op calls neither callback.
    """
    return Op(
        work, parent=parent, on_success=on_success, on_failure=on_failure, label=label
    ).start()


def read_then_open(
    parent: QWidget,
    path: Path,
    read: Callable[[Progress], T],
    make_dialog: Callable[[T], D],
    on_open: Callable[[D], None],
) -> Op:
    """Read ``path`` with ``read`` off the GUI thread, then open the dialog made on what it read.

    ``on_open`` is given the dialog just before it opens, to keep it and follow
    its signals. A file that cannot be read is explained over ``parent``;
    nothing is written.
    """

    def opened(source: T) -> None:
        dialog = make_dialog(source)
        on_open(dialog)
        dialog.open()

    return run_long_op(read, parent=parent, label=f"Reading {path.name}…", on_success=opened)
