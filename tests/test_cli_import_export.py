"""mentordesk-cli import applicants and export xlsx, on real files."""

import datetime as dt

import openpyxl
import pytest

from mentordesk.cli.app import main
from mentordesk.services.applicants import person_choices
from mentordesk.store.programme_file import ProgrammeFile

HEADERS = ["Timestamp", "Email Address", "Full name", "Strand", "Role", "Expertise"]


def applications_file(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


GOOD = [
    [dt.datetime(2026, 1, 5, 10), "zora@uni.example", "Zora Tester", "Fellows", "Mentee", "a, b"],
    [dt.datetime(2026, 1, 5, 11), "yann@uni.example", "Yann Test", "Faculty", "Mentor", "c"],
]
BAD = [dt.datetime(2026, 1, 6, 9), "not-an-email", "Bad Row", "Nowhere", "Mentor", ""]


@pytest.fixture
def demo_path(monkeypatch, demo_template, tmp_path, passphrase):
    """A copy of the demo file, its passphrase in the environment."""
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return path


def emails(path, passphrase):
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        return {p.email for p in person_choices(s)}


def test_a_clean_file_imports_and_a_second_import_adds_nothing(
    demo_path, tmp_path, passphrase, capsys
):
    source = applications_file(tmp_path / "applications.xlsx", GOOD)
    assert main(["import", "applicants", str(source), "--db", str(demo_path)]) == 0
    assert "2 added" in capsys.readouterr().out
    assert {"zora@uni.example", "yann@uni.example"} <= emails(demo_path, passphrase)
    assert main(["import", "applicants", str(source), "--db", str(demo_path)]) == 0
    assert "0 added, 0 updated, 2 skipped" in capsys.readouterr().out


def test_a_file_with_a_bad_row_is_rejected_whole_with_the_row_errors(
    demo_path, tmp_path, passphrase, capsys
):
    before = emails(demo_path, passphrase)
    source = applications_file(tmp_path / "applications.xlsx", [*GOOD, BAD])
    assert main(["import", "applicants", str(source), "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    assert "Row 4: Email Address: “not-an-email” is not a valid email address" in err
    assert "“Nowhere” is not a strand" in err
    assert "nothing was imported" in err
    assert emails(demo_path, passphrase) == before


def test_a_dry_run_writes_nothing(demo_path, tmp_path, passphrase, capsys):
    before = emails(demo_path, passphrase)
    source = applications_file(tmp_path / "applications.xlsx", GOOD)
    args = ["import", "applicants", str(source), "--db", str(demo_path), "--dry-run"]
    assert main(args) == 0
    assert "2 to add" in capsys.readouterr().out
    assert emails(demo_path, passphrase) == before


def test_an_unreadable_file_is_explained(demo_path, tmp_path, capsys):
    source = tmp_path / "applications.xlsx"
    source.write_text("this is not a spreadsheet")
    assert main(["import", "applicants", str(source), "--db", str(demo_path)]) == 1
    assert "not a spreadsheet" in capsys.readouterr().err


def test_export_xlsx_writes_the_programme_without_notes(demo_path, tmp_path, capsys):
    out = tmp_path / "advance.xlsx"
    assert main(["export", "xlsx", str(out), "--db", str(demo_path)]) == 0
    workbook = openpyxl.load_workbook(out)
    assert {"People", "Applications", "Events"} <= set(workbook.sheetnames)
    assert not any("note" in name.lower() for name in workbook.sheetnames)
    assert workbook["People"].max_row - 1 == 60
    assert "Wrote the workbook" in capsys.readouterr().out


def test_an_import_is_backed_up_first_and_a_dry_run_is_not(demo_path, tmp_path, passphrase):
    from mentordesk.store.backups import list_backups

    source = applications_file(tmp_path / "applications.xlsx", GOOD)
    args = ["import", "applicants", str(source), "--db", str(demo_path)]
    assert main([*args, "--dry-run"]) == 0
    assert list_backups(demo_path) == []
    assert main(args) == 0
    (backup,) = list_backups(demo_path)
    assert backup.reason == "import"
    # The backup holds the file as it was before the import.
    assert "zora@uni.example" not in emails(backup.path, passphrase)
    assert "zora@uni.example" in emails(demo_path, passphrase)


def test_info_mentions_a_cloud_synced_folder(
    demo_template, tmp_path, passphrase, monkeypatch, capsys
):
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    plain = tmp_path / "demo.mentordesk"
    plain.write_bytes(demo_template.read_bytes())
    assert main(["info", "--db", str(plain)]) == 0
    assert "synced" not in capsys.readouterr().out
    synced = tmp_path / "Dropbox" / "demo.mentordesk"
    synced.parent.mkdir()
    synced.write_bytes(demo_template.read_bytes())
    assert main(["info", "--db", str(synced)]) == 0
    out = capsys.readouterr().out
    assert "Note: demo.mentordesk is in a folder synced by Dropbox" in out
