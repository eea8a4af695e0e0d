"""A whole working session leaves the canary in no file MentorDesk wrote but the exports asked for.

Every step runs in its own process, as a coordinator's would, with the home,
configuration, cache and temporary folders all moved inside the test's folder,
so temporary files, settings, logs and backups land where the scan can see them;
the lock file, which exists only while the file is open, is looked at by the
window's process.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PASSPHRASE
from tests.helpers.files import files_containing

CANARY_NAME = "Qwertzuiopcanary"
CANARY_EMAIL = "canary.zxcvbnm@example.org"
CANARY_NOTE = "CANARY-private-matter-91c2e"

SETUP = textwrap.dedent(
    """
    import os, sys
    from mentordesk.domain.enums import StrandFormat
    from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
    from mentordesk.store.programme_file import ProgrammeFile
    with ProgrammeFile.open(sys.argv[1], os.environ["MENTORDESK_PASSPHRASE"]) as opened:
        with opened.session() as session:
            create_programme(session, ProgrammeInput(
                name="Pilot 2026", strands=[StrandInput("Fellows", StrandFormat.ONE_TO_ONE, 10)]
            ))
    """
)

NOTE_AND_EVENT = textwrap.dedent(
    """
    import datetime as dt, os, sys
    from zoneinfo import ZoneInfo
    from mentordesk.domain.enums import EventKind
    from mentordesk.services.applicants import person_choices
    from mentordesk.services.events import EventInput, add_event
    from mentordesk.services.notes import NoteInput, add_note
    from mentordesk.services.programmes import find_programme
    from mentordesk.store.programme_file import ProgrammeFile
    name, email, note = sys.argv[2:5]
    with ProgrammeFile.open(sys.argv[1], os.environ["MENTORDESK_PASSPHRASE"]) as opened:
        with opened.session() as session:
            programme = find_programme(session, None)
            person = next(p for p in person_choices(session) if p.email == email)
            add_note(session, NoteInput(dt.date(2026, 3, 2), "Check-in", note, person_id=person.id))
            zone = ZoneInfo("Europe/London")
            starts = dt.datetime(2026, 3, 9, 12, 0, tzinfo=zone)
            add_event(session, programme.id, EventInput(
                EventKind.{kind}, f"Welcome lunch with {{name}}", starts,
                starts + dt.timedelta(hours=1),
            ))
    """
)

WINDOW = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from mentordesk.gui.application import make_application
    from mentordesk.gui.main_window import MainWindow
    from mentordesk.gui.recent_files import remember_file
    from PySide6.QtCore import QSettings
    app = make_application()
    window = MainWindow()
    window.show()
    path = Path(sys.argv[1])
    remember_file(path)
    dialog = window.opener.open_path(path)
    dialog.ui.passphrase.setText(os.environ["MENTORDESK_PASSPHRASE"])
    dialog.accept()
    loaded = set()
    for tab in window.tabs:
        tab.loaded.connect(lambda tab=tab: loaded.add(tab))
    import time
    finished = []
    watched = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        # The backup starts once the tabs have been given the programme to load.
        op = window.opener.backup_op
        if op is not None and op is not watched:
            watched = op
            op.finished.connect(lambda: finished.append(True))
        if finished and len(loaded) == len(window.tabs):
            break
        app.processEvents()
        time.sleep(0.01)
    assert finished, "the backup made on opening did not finish"
    # The lock file exists only while the file is open: look at it now.
    lock = path.with_name(path.name + ".lock").read_bytes()
    assert lock and sys.argv[2].encode() not in lock
    window.tabs[0].search.setText(sys.argv[2])
    app.processEvents()
    window.close()
    app.processEvents()
    QSettings().sync()
    print("window closed", flush=True)
    """
)


def _event_kind() -> str:
    from mentordesk.domain.enums import EventKind

    return next(iter(EventKind)).name


def _applications(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Timestamp", "Email Address", "First name", "Last name", "Strand", "Role"])
    sheet.append(
        [dt.datetime(2026, 1, 5, 10), CANARY_EMAIL, CANARY_NAME, "Bird", "Fellows", "Mentee"]
    )
    for n in range(50):
        sheet.append(
            [
                dt.datetime(2026, 1, 6, 9),
                f"p{n}@example.org",
                f"Person{n}",
                "Bulk",
                "Fellows",
                "Mentor",
            ]
        )
    workbook.save(path)
    return path


@pytest.mark.slow
def test_a_full_session_leaves_the_canary_only_in_the_exports(tmp_path: Path) -> None:
    home, config, cache, data, temp, work, inputs, exports = (
        tmp_path / name
        for name in ("home", "config", "cache", "data", "tmp", "work", "inputs", "exports")
    )
    for folder in (home, config, cache, data, temp, work, inputs, exports):
        folder.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_CONFIG_HOME": str(config),
        "XDG_CACHE_HOME": str(cache),
        "XDG_DATA_HOME": str(data),
        "XDG_STATE_HOME": str(data),
        "TMPDIR": str(temp),
        "TEMP": str(temp),
        "TMP": str(temp),
        "QT_QPA_PLATFORM": "offscreen",
        "MENTORDESK_PASSPHRASE": PASSPHRASE,
    }
    env.pop("XDG_RUNTIME_DIR", None)
    db = work / "pilot.mentordesk"
    source = _applications(inputs / "applications.xlsx")
    ics, xlsx = exports / "calendar.ics", exports / "programme.xlsx"

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def cli(*args: str) -> str:
        return run("-m", "mentordesk.cli", *args)

    cli("init", "--db", str(db))
    run("-c", SETUP, str(db))
    assert "51 added" in cli("import", "applicants", str(source), "--db", str(db))
    script = NOTE_AND_EVENT.format(kind=_event_kind())
    run("-c", script, str(db), CANARY_NAME, CANARY_EMAIL, CANARY_NOTE)
    cli("export", "ics", str(ics), "--db", str(db))
    cli("export", "xlsx", str(xlsx), "--db", str(db))
    report, drafts = exports / "report.pdf", exports / "drafts"
    drafts.mkdir()
    cli("report", "programme", str(report), "--db", str(db))
    cli("drafts", "received", str(drafts), "--db", str(db))
    cli("backup", "--db", str(db))
    assert "51 people" in cli("info", "--db", str(db))
    assert "window closed" in run("-c", WINDOW, str(db), CANARY_NAME)

    # What the session wrote, so the scan is known to look at each kind of file.
    backups = {b.name.rsplit("-", 1)[-1] for b in (work / "pilot.mentordesk.backups").iterdir()}
    assert backups == {"import.mentordesk", "manual.mentordesk", "opened.mentordesk"}
    settings = [p for p in config.rglob("*") if p.is_file()]
    assert settings, "the window should have written its settings under XDG_CONFIG_HOME"
    assert any("pilot.mentordesk" in p.read_text(errors="replace") for p in settings)
    # The exports asked for hold the canary name, so the scan can see it.
    assert report.read_bytes().startswith(b"%PDF")
    (draft,) = (d for d in drafts.iterdir() if CANARY_NAME in d.name)
    assert set(files_containing(exports, CANARY_NAME)) == {ics, xlsx, draft}
    # The confidential note is in no file at all, exports included.
    for canary in (CANARY_NOTE, CANARY_NAME, CANARY_EMAIL):
        found = [
            p
            for p in files_containing(tmp_path, canary)
            if inputs not in p.parents and (canary == CANARY_NOTE or exports not in p.parents)
        ]
        assert found == [], f"{canary} found in {found}"
