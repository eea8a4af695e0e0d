import errno

import pytest

from mentordesk.domain.errors import ExportFailed
from mentordesk.formats.files import write_atomically, write_bytes_atomically


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
