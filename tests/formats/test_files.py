import errno

import pytest

from mentordesk.domain.errors import ExportFailed
from mentordesk.formats.files import all_or_nothing, write_atomically, write_bytes_atomically


def test_the_file_appears_complete(tmp_path):
    target = tmp_path / "calendar.ics"
    write_bytes_atomically(target, b"BEGIN:VCALENDAR\r\n")
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["calendar.ics"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"yesterday's export")

    def disk_full(partial):
        partial.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportFailed, match="disk is full"):
        write_atomically(target, disk_full)
    assert target.read_bytes() == b"yesterday's export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.xlsx"]


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(ExportFailed, match="does not exist"):
        write_bytes_atomically(tmp_path / "nowhere" / "x.ics", b"x")


def test_an_unexpected_error_also_leaves_nothing(tmp_path):
    def broken(partial):
        partial.write_bytes(b"half")
        raise ValueError("bug")

    with pytest.raises(ValueError, match="bug"):
        write_atomically(tmp_path / "x.ics", broken)
    assert list(tmp_path.iterdir()) == []


def test_files_written_in_a_batch_that_fails_are_removed_again(tmp_path):
    kept = tmp_path / "kept before.eml"
    kept.write_bytes(b"from an earlier run")

    def interrupted_batch():
        with all_or_nothing() as written:
            for name in ("one.eml", "two.eml"):
                write_bytes_atomically(tmp_path / name, b"draft")
                written.append(tmp_path / name)
            raise KeyboardInterrupt  # Ctrl+C before the third

    with pytest.raises(KeyboardInterrupt):
        interrupted_batch()
    assert [p.name for p in tmp_path.iterdir()] == ["kept before.eml"]


def test_files_written_in_a_batch_that_succeeds_are_kept(tmp_path):
    with all_or_nothing() as written:
        write_bytes_atomically(tmp_path / "one.eml", b"draft")
        written.append(tmp_path / "one.eml")
    assert written == [tmp_path / "one.eml"]
    assert (tmp_path / "one.eml").read_bytes() == b"draft"
