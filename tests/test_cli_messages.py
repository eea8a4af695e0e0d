import json
import shutil
from email.parser import BytesParser
from email.policy import default
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.cli.app import main
from mentordesk.cli.common import PASSPHRASE_VARIABLE
from mentordesk.services.events import event_rows
from mentordesk.services.messages import TEMPLATE_KEYS
from mentordesk.services.programmes import find_programme
from mentordesk.store.models import MessageLog
from mentordesk.store.programme_file import ProgrammeFile

#: A day of the demo with check-ins overdue and every applicant still to be told.
TODAY = "2026-11-25"
#: The demo's second orientation session, with people registered, is still to come then.
EARLY = "2026-01-10"
SECOND_ORIENTATION = "Orientation training (second session)"


@pytest.fixture
def demo_path(tmp_path, demo_template, passphrase, monkeypatch) -> Path:
    """A closed copy of the demo file, its passphrase in the environment."""
    path = tmp_path / "demo.mentordesk"
    shutil.copyfile(demo_template, path)
    monkeypatch.setenv(PASSPHRASE_VARIABLE, passphrase)
    return path


def event_id(path: Path, passphrase: str, title: str) -> int:
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        programme = find_programme(s, None)
        return next(r.event_id for r in event_rows(s, programme.id) if r.title == title)


def logged(path: Path, passphrase: str) -> int:
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        return s.scalar(select(func.count(MessageLog.id)))


def test_the_cli_offers_exactly_the_messages_the_issue_names(capsys):
    with pytest.raises(SystemExit):
        main(["drafts", "--help"])
    # The names themselves are pinned once, in tests/services/test_messages.py.
    assert ", ".join(TEMPLATE_KEYS) in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("template", TEMPLATE_KEYS)
def test_drafts_of_every_message_on_the_demo(template, demo_path, passphrase, tmp_path, capsys):
    out = tmp_path / "out"  # made by the command
    args = ["drafts", template, str(out), "--db", str(demo_path)]
    if template.startswith(("training-", "event-")):
        args += ["--event", str(event_id(demo_path, passphrase, SECOND_ORIENTATION))]
        args += ["--date", EARLY]
    else:
        args += ["--date", TODAY]
    if template == "survey":
        args += ["--survey-link", "https://forms.example/advance"]
    assert main(args) == 0
    printed = capsys.readouterr().out
    written = sorted(out.iterdir())
    assert written
    assert f"Wrote {len(written)} draft" in printed
    for path in written:
        assert path.name in printed
        assert path.suffix == ".eml"
        message = BytesParser(policy=default).parsebytes(path.read_bytes())
        assert message["X-Unsent"] == "1"
        (to,) = message["To"].addresses
        text = message.get_body(preferencelist=("plain",)).get_content()
        assert text.startswith(f"Dear {to.display_name.split()[0]},")
        assert "{" not in text
        assert "}" not in str(message["Subject"])
    assert logged(demo_path, passphrase) == len(written)


def test_status_messages_go_to_those_not_yet_told_unless_all(
    demo_path, passphrase, tmp_path, capsys
):
    out = tmp_path / "out"
    out.mkdir()
    db = ["--db", str(demo_path), "--date", TODAY]
    assert main(["drafts", "declined", str(out), *db]) == 0
    first = len(list(out.iterdir()))
    assert first > 0
    capsys.readouterr()
    assert main(["drafts", "declined", str(out), *db]) == 0
    assert "nobody needs it (--all writes to everyone again)" in capsys.readouterr().out
    assert len(list(out.iterdir())) == first
    assert main(["drafts", "declined", str(out), "--all", *db]) == 0
    assert len(list(out.iterdir())) == 2 * first
    assert any(p.name.endswith(" (2).eml") for p in out.iterdir())


def test_drafts_come_from_the_sender_given(demo_path, passphrase, tmp_path, capsys):
    out = tmp_path / "out"
    sender = "Bureau ADVANCE <advance@uni.example>"
    args = ["drafts", "closing", str(out), "--db", str(demo_path), "--from", sender]
    assert main([*args, "--date", TODAY]) == 0
    message = BytesParser(policy=default).parsebytes(next(out.iterdir()).read_bytes())
    assert str(message["From"]) == sender
    assert "With best wishes,\r\nBureau ADVANCE" in message.get_body().get_content()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["training-invitation"], "give --event ID"),
        (["accepted", "--event", "1"], "--event goes with"),
        (["survey"], "give the questionnaire's web address"),
    ],
)
def test_drafts_refuse_plainly_and_leave_no_folder(
    args, says, demo_path, passphrase, tmp_path, capsys
):
    out = tmp_path / "out"
    assert main(["drafts", args[0], str(out), "--db", str(demo_path), *args[1:]]) == 1
    assert says in capsys.readouterr().err
    assert not out.exists()
    assert logged(demo_path, passphrase) == 0


def test_templates_list_shows_the_programmes_own_wording(demo_path, passphrase, capsys):
    from mentordesk.services.messages import save_template

    with ProgrammeFile.open(demo_path, passphrase) as opened, opened.session() as s:
        save_template(s, find_programme(s, None).id, "closing", "Merci, {first_name}", "Merci !")
    assert main(["templates", "list", "--db", str(demo_path), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [t["key"] for t in listing] == list(TEMPLATE_KEYS)
    closing = listing[-1]
    assert (closing["customised"], closing["subject"]) == (True, "Merci, {first_name}")
    assert "first_name" in closing["placeholders"]
    assert main(["templates", "list", "--db", str(demo_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].split() == [
        "closing",
        "Closing",
        "and",
        "thanks",
        "own",
        "Merci,",
        "{first_name}",
    ]
    assert main(["templates", "show", "introduction", "--db", str(demo_path)]) == 0
    shown = capsys.readouterr().out
    assert "Subject: {programme}: meet your {other_role}" in shown
    assert "{why_matched}" in shown


def test_reminders_list_what_needs_doing(demo_path, capsys):
    assert main(["reminders", "--db", str(demo_path), "--date", TODAY, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {r["kind"] for r in found} >= {"check-in-due"}
    assert all(r["title"] and r["detail"] and r["person_ids"] for r in found)
    assert main(["reminders", "--db", str(demo_path), "--date", TODAY]) == 0
    printed = capsys.readouterr().out
    assert f"{len(found)} thing(s) need attention" in printed
    assert found[0]["title"] in printed
    assert main(["reminders", "--db", str(demo_path), "--date", "2025-09-01"]) == 0
    assert "Nothing in ADVANCE 2026 needs attention." in capsys.readouterr().out
