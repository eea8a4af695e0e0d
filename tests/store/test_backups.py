import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import text

from mentordesk.domain.errors import PassphraseRefused, WrongPassphrase
from mentordesk.services.applicants import PersonInput, add_person, person_choices
from mentordesk.services.demo import build_demo
from mentordesk.store.backups import list_backups
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state


def people(opened):
    with opened.session() as session:
        return [p.email for p in person_choices(session)]


def test_a_backup_is_an_encrypted_copy_that_opens_with_the_same_passphrase(
    programme_file, passphrase
):
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    backup = programme_file.backup("manual")
    assert backup.path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert b"ada@example.org" not in backup.path.read_bytes()
    with ProgrammeFile.open(backup.path, passphrase) as restored:
        assert people(restored) == ["ada@example.org"]
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(backup.path, "not it")


def test_backups_rotate_per_reason_newest_first(programme_file):
    made = [programme_file.backup("opened", keep=3) for _ in range(5)]
    manual = programme_file.backup("manual", keep=3)
    kept = list_backups(programme_file.path)
    assert [b.path for b in kept] == [manual.path, *[b.path for b in reversed(made[-3:])]]
    assert not made[0].path.exists()


def test_changing_the_passphrase_keeps_the_data_and_replaces_every_connection(
    programme_file, file_path, passphrase
):
    with programme_file.session() as session:
        add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))
    new = 'a new passphrase ‘with’ "quotes"'
    programme_file.change_passphrase(new)
    # The open file goes on working with fresh connections keyed with the new passphrase.
    assert people(programme_file) == ["ada@example.org"]
    with programme_file.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM person")).scalar() == 1
    programme_file.close()
    with pytest.raises(WrongPassphrase):
        ProgrammeFile.open(file_path, passphrase)
    with ProgrammeFile.open(file_path, new) as reopened:
        assert people(reopened) == ["ada@example.org"]
    (before,) = [b for b in list_backups(file_path) if b.reason == "passphrase"]
    with ProgrammeFile.open(before.path, passphrase) as old_copy:
        assert people(old_copy) == ["ada@example.org"]


def test_a_blank_new_passphrase_changes_nothing(programme_file, file_path, passphrase):
    before = file_state(file_path)
    with pytest.raises(PassphraseRefused):
        programme_file.change_passphrase("   ")
    assert file_state(file_path) == before
    assert list_backups(file_path) == []


REKEY = textwrap.dedent(
    """
    import sys
    from mentordesk.store.programme_file import ProgrammeFile
    opened = ProgrammeFile.open(sys.argv[1], sys.argv[2])
    print("open", flush=True)
    opened.change_passphrase(sys.argv[3])
    print("done", flush=True)
    """
)


def _rekeyed(path):
    """The copy under the new passphrase a change is checking, if there is one now."""
    return list(path.parent.glob(f".{path.name}.*.rekeyed"))


def _until_rekeyed(path, present, process, timeout=60.0):
    """Until a copy under the new passphrase is there (or gone), or the change has ended."""
    deadline = time.perf_counter() + timeout
    while bool(_rekeyed(path)) != present and process.poll() is None:
        assert time.perf_counter() < deadline
        time.sleep(0.0005)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_during_a_passphrase_change_leaves_one_passphrase_working(tmp_path, passphrase):
    template = tmp_path / "template.mentordesk"
    with ProgrammeFile.create(template, passphrase) as made:
        build_demo(made, size=300)
        expected = people(made)
    new = "the new passphrase"
    # One run to the end, to learn how long a change takes on this machine (from the
    # moment the file is open, as the kills are timed).
    calibration = tmp_path / "calibration.mentordesk"
    calibration.write_bytes(template.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-c", REKEY, str(calibration), passphrase, new],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open"
    started = time.perf_counter()
    assert process.stdout.read().strip() == "done"
    assert process.wait() == 0
    process.stdout.close()
    # A little longer than the change, so that some kills come after it.
    duration = (time.perf_counter() - started) * 1.25
    rng = random.Random(7)
    outcomes = []
    for run in range(12):
        path = tmp_path / f"run{run}.mentordesk"
        path.write_bytes(template.read_bytes())
        process = subprocess.Popen(
            [sys.executable, "-c", REKEY, str(path), passphrase, new],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "open"
        if run % 3 == 1:
            # Just before the rename: the copy under the new passphrase is being checked.
            _until_rekeyed(path, True, process)
        elif run % 3 == 2:
            # Just after it: the copy has been renamed over the file.
            _until_rekeyed(path, True, process)
            _until_rekeyed(path, False, process)
        else:
            time.sleep(rng.uniform(0.0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        opened_with = []
        for candidate in (passphrase, new):
            try:
                with ProgrammeFile.open(path, candidate) as reopened:
                    with reopened.engine.connect() as connection:
                        check = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
                    assert check == "ok"
                    assert people(reopened) == expected
                    opened_with.append(candidate)
            except WrongPassphrase:
                pass
        assert len(opened_with) == 1, f"run {run}: opened with {opened_with}"
        outcomes.append(opened_with[0] == new)
        # Opening removed whatever the killed change had left beside the file.
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(f".run{run}")] == []
    # Both outcomes should occur over the runs; if not, the timing did not test anything.
    assert set(outcomes) == {True, False}


def test_a_flipped_byte_is_reported_with_the_newest_backup(programme_file, file_path, passphrase):
    from mentordesk.domain.errors import DamagedFile

    for n in range(200):
        with programme_file.session() as session:
            add_person(session, PersonInput(f"P{n}", "Person", f"p{n}@example.org"))
    newest = programme_file.backup("manual")
    programme_file.close()
    data = bytearray(file_path.read_bytes())
    data[4096 + 100] ^= 0xFF  # a byte inside page 2
    file_path.write_bytes(bytes(data))
    before = file_state(file_path)
    with pytest.raises(DamagedFile) as raised:
        ProgrammeFile.open(file_path, passphrase)
    assert "is damaged" in raised.value.message
    assert "one part of it no longer read" in raised.value.message
    assert "HMAC" not in raised.value.message  # the coordinator is told what, not how
    assert newest.path.name in raised.value.message
    assert file_state(file_path) == before
