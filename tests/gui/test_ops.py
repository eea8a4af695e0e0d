"""Service calls run on one persistent worker thread and report back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import event

from mentordesk.domain.errors import NotFound
from mentordesk.gui.ops import Progress, run_long_op, run_op, unless_deleted, worker_pool
from mentordesk.services.programmes import find_programme, list_programmes
from mentordesk.store.programme_file import ProgrammeFile


def test_work_runs_off_the_gui_thread_and_reports_on_it(
    qtbot: QtBot, programme_file: ProgrammeFile, programme_id: int
) -> None:
    threads: dict[str, threading.Thread] = {}
    results = []

    def work(session):
        threads["work"] = threading.current_thread()
        return list_programmes(session)

    def done(programmes):
        threads["callback"] = threading.current_thread()
        results.append(programmes)

    op = run_op(programme_file, work, parent=None, on_success=done)
    qtbot.waitSignal(op.finished, timeout=5000).wait()
    assert threads["work"] is not threading.main_thread()
    assert threads["callback"] is threading.main_thread()
    assert [p.id for p in results[0]] == [programme_id]


def test_one_persistent_worker_thread_is_reused(
    qtbot: QtBot, programme_file: ProgrammeFile
) -> None:
    seen = []
    for _ in range(3):
        op = run_op(programme_file, lambda s: seen.append(threading.get_ident()), parent=None)
        qtbot.waitSignal(op.finished, timeout=5000).wait()
    assert worker_pool().maxThreadCount() == 1
    assert worker_pool().expiryTimeout() == -1
    assert len(set(seen)) == 1


def test_a_service_error_reaches_the_failure_callback(
    qtbot: QtBot, programme_file: ProgrammeFile
) -> None:
    errors: list[BaseException] = []
    op = run_op(
        programme_file, lambda s: find_programme(s, None), parent=None, on_failure=errors.append
    )
    qtbot.waitSignal(op.finished, timeout=5000).wait()
    assert len(errors) == 1
    assert isinstance(errors[0], NotFound)


def test_an_unexpected_error_is_shown_in_plain_words(
    qtbot: QtBot, programme_file: ProgrammeFile, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(session):
        raise RuntimeError("secret@example.org leaked into an exception")

    op = run_op(programme_file, work, parent=parent)
    qtbot.waitSignal(op.finished, timeout=5000).wait()
    box = parent.findChild(QMessageBox, "error_message")
    assert box is not None
    assert box.windowTitle() == "Something went wrong"
    assert "secret@example.org" not in box.text()
    assert "RuntimeError" in caplog.text
    assert "secret@example.org" not in caplog.text
    box.close()


def test_cancelled_long_work_calls_neither_callback(qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()
    called = []

    def work(progress: Progress) -> int:
        started.set()
        release.wait(5)
        progress.check()
        return 1

    op = run_long_op(
        work, parent=None, label="Working…", on_success=called.append, on_failure=called.append
    )
    assert started.wait(5)
    op.progress.cancel()
    release.set()
    qtbot.waitSignal(op.finished, timeout=5000).wait()
    assert called == []


def test_the_worker_keeps_one_connection_across_ops(
    qtbot: QtBot, programme_file: ProgrammeFile
) -> None:
    connections = []
    event.listen(programme_file.engine, "connect", lambda conn, _record: connections.append(conn))
    for _ in range(8):
        op = run_op(programme_file, list_programmes, parent=None)
        qtbot.waitSignal(op.finished, timeout=5000).wait()
    # A new connection per op would pay SQLCipher's key derivation every time.
    assert len(connections) <= 1


def test_an_answer_for_a_widget_deleted_meanwhile_is_left_out_and_its_error_shown_over_none(
    qtbot: QtBot, programme_file: ProgrammeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, gone = QWidget(), QWidget()
    qtbot.addWidget(kept)
    answers: list[tuple[str, object]] = []
    shown_over: list[object] = []
    monkeypatch.setattr(
        "mentordesk.gui.ops.show_error", lambda parent, _e: shown_over.append(parent)
    )
    gate = threading.Event()
    run_op(programme_file, lambda _session: gate.wait(10), parent=None)
    for name, widget in (("kept", kept), ("gone", gone)):
        run_op(
            programme_file,
            lambda _session: "the answer",
            parent=widget,
            on_success=unless_deleted(widget, lambda n, name=name: answers.append((name, n))),
        )
    failing = run_op(programme_file, lambda session: find_programme(session, 999), parent=gone)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not isValid(gone), timeout=5000)
    gate.set()
    qtbot.waitSignal(failing.finished, timeout=5000).wait()
    assert [name for name, _n in answers] == ["kept"]
    assert shown_over == [None]
