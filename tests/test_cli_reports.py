"""mentordesk-cli report: the PDF documents written from the command line on a real demo file."""

import json

import pytest

from mentordesk.cli.app import main
from tests.helpers.pdf import page_texts, pdf_text


@pytest.fixture
def demo_path(monkeypatch, demo_template, tmp_path, passphrase):
    """A copy of the demo file, with its passphrase in the environment as scripts set it."""
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return path


def event_ids(demo_path, capsys):
    assert main(["events", "--db", str(demo_path), "--json"]) == 0
    return {e["title"]: e["id"] for e in json.loads(capsys.readouterr().out)}


def test_report_programme_writes_the_report_dated_as_asked(demo_path, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    args = ["report", "programme", str(out), "--db", str(demo_path), "--date", "2026-11-25"]
    assert main(args) == 0
    assert f"Wrote the programme report of ADVANCE 2026 to {out}." in capsys.readouterr().out
    text = pdf_text(out)
    assert "ADVANCE 2026 · figures on 25 November 2026" in text
    assert "Applications and places" in text
    assert "fewer than 5" in text


def test_report_letters_writes_one_letter_per_person_of_each_new_pairing(
    demo_path, tmp_path, capsys
):
    out = tmp_path / "letters"
    assert main(["report", "letters", str(out), "--db", str(demo_path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    written = sorted(out.iterdir())
    assert printed[0] == f"Wrote {len(written)} introduction letters to {out}:"
    assert sorted(line.strip() for line in printed[1:]) == [p.name for p in written]
    assert len(written) >= 2
    assert all(p.suffix == ".pdf" for p in written)
    mentor = next(p for p in written if "(mentor of " in p.name)
    mentee_name = mentor.name.split("(mentor of ", 1)[1].removesuffix(").pdf")
    text = pdf_text(mentor)
    assert "Your mentee" in text
    assert mentee_name in text
    assert len(page_texts(mentor)) >= 2


def test_report_letters_for_chosen_pairings_and_an_unknown_one(demo_path, tmp_path, capsys):
    out = tmp_path / "letters"
    args = ["report", "letters", str(out), "--db", str(demo_path), "--pairing", "99999"]
    assert main(args) == 1
    assert "no longer in the file" in capsys.readouterr().err
    assert not out.exists()  # the folder the command made is removed again
    assert main(["report", "letters", str(out), "--db", str(demo_path), "--pairing", "1"]) == 0
    assert len(list(out.glob("*.pdf"))) == 2


def test_report_sign_in_writes_the_sheet_of_an_event(demo_path, tmp_path, capsys):
    events = event_ids(demo_path, capsys)
    title = "Orientation training for mentors and mentees"
    out = tmp_path / "sheet.pdf"
    args = ["report", "sign-in", str(out), "--db", str(demo_path), "--event", str(events[title])]
    assert main(args) == 0
    assert f"Wrote the sign-in sheet of “{title}” to {out}." in capsys.readouterr().out
    text = pdf_text(out)
    assert title in text
    assert "Signature" in text


def test_report_sign_in_of_an_unknown_event(demo_path, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    assert main(["report", "sign-in", str(out), "--db", str(demo_path), "--event", "999"]) == 1
    assert "no longer in the file" in capsys.readouterr().err
    assert not out.exists()


def test_report_certificates_for_everyone_or_one_person(demo_path, tmp_path, capsys):
    out = tmp_path / "certificates"
    assert main(["report", "certificates", str(out), "--db", str(demo_path)]) == 0
    everyone = sorted(out.iterdir())
    assert capsys.readouterr().out.startswith(f"Wrote {len(everyone)} certificates to {out}:")
    assert len(everyone) >= 10
    first = everyone[0]
    name = first.name.removeprefix("Certificate of participation - ").removesuffix(".pdf")
    assert f"This is to certify that {name}" in pdf_text(first)

    one = tmp_path / "one"
    args = ["report", "certificates", str(one), "--db", str(demo_path)]
    assert main([*args, "--person", "nobody@nowhere.example"]) == 1
    assert "Nobody in this file has the email nobody@nowhere.example" in capsys.readouterr().err
    assert not one.exists()


@pytest.mark.parametrize("what", ["programme", "sign-in"])
def test_a_pdf_into_a_missing_folder_or_onto_a_folder_is_refused_plainly(
    what, demo_path, tmp_path, capsys
):
    extra = ["--event", "1"] if what == "sign-in" else []
    missing = tmp_path / "no such folder" / "out.pdf"
    assert main(["report", what, str(missing), "--db", str(demo_path), *extra]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["report", what, str(tmp_path), "--db", str(demo_path), *extra]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("what", ["letters", "certificates"])
def test_documents_into_a_file_or_a_missing_parent_are_refused_plainly(
    what, demo_path, tmp_path, capsys
):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    assert main(["report", what, str(a_file), "--db", str(demo_path)]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert a_file.read_text() == "mine"
    deep = tmp_path / "missing" / "deeper"
    assert main(["report", what, str(deep), "--db", str(demo_path)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()


def test_a_date_not_written_as_iso_is_refused_before_anything_opens(demo_path, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "programme", str(out), "--db", str(demo_path), "--date", "25/11/2026"])
    assert exit_info.value.code == 2
    assert "is not a date written as YYYY-MM-DD" in capsys.readouterr().err
    assert not out.exists()
