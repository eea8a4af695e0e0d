import os
import signal
import subprocess
import sys
import textwrap

import pytest

from mentordesk.domain.errors import FileInUse
from mentordesk.store.lock import lock_path_for
from mentordesk.store.programme_file import ProgrammeFile
from tests.helpers.files import file_state

HOLD_OPEN = textwrap.dedent(
    """
    import sys, time
    from mentordesk.store.programme_file import ProgrammeFile
    opened = ProgrammeFile.open(sys.argv[1], sys.argv[2])
    print("open", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def holder(file_path, passphrase):
    """Another MentorDesk process holding the file open until the test ends."""
    ProgrammeFile.create(file_path, passphrase).close()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(file_path), passphrase],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open"
    yield process
    process.kill()
    process.wait()
    process.stdout.close()


def test_second_process_is_refused_with_a_message_naming_the_situation(
    holder, file_path, passphrase
):
    before = file_state(file_path)
    with pytest.raises(FileInUse) as raised:
        ProgrammeFile.open(file_path, passphrase)
    assert "already open in another MentorDesk window" in raised.value.message
    assert f"process {holder.pid}" in raised.value.message
    assert file_state(file_path) == before


def test_second_open_in_the_same_process_is_refused(programme_file, passphrase):
    with pytest.raises(FileInUse):
        ProgrammeFile.open(programme_file.path, passphrase)
    assert programme_file.is_open


def test_replacing_an_open_file_is_refused(holder, file_path, passphrase):
    before = file_state(file_path)
    with pytest.raises(FileInUse):
        ProgrammeFile.create(file_path, passphrase, replace=True)
    assert file_state(file_path) == before


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_lock_left_by_a_killed_process_does_not_block(holder, file_path, passphrase):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path_for(file_path).exists(), "the crash should have left its lock file behind"
    with ProgrammeFile.open(file_path, passphrase) as reopened:
        assert reopened.is_open
    assert not lock_path_for(file_path).exists()


def test_lock_file_holds_nothing_personal(programme_file):
    content = lock_path_for(programme_file.path).read_text()
    assert set(__import__("json").loads(content)) == {"pid", "host", "since"}
