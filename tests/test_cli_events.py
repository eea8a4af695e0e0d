"""mentordesk-cli events and export ics, run in-process on a real demo file."""

import json

import pytest
import vobject

from mentordesk.cli.app import main


@pytest.fixture
def demo_path(monkeypatch, demo_template, tmp_path, passphrase):
    """A copy of the demo file, with its passphrase in the environment as scripts set it."""
    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    return path


def test_events_lists_ids_kinds_and_dates_as_json(demo_path, capsys):
    assert main(["events", "--db", str(demo_path), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert len(events) == 11
    kick_off = next(e for e in events if e["kind"] == "kick_off")
    assert kick_off["title"] == "ADVANCE 2026 kick-off"
    assert kick_off["starts_at"] == "2026-01-15T17:00:00+01:00"
    assert all(isinstance(e["id"], int) for e in events)


def test_events_prints_one_line_per_event(demo_path, capsys):
    assert main(["events", "--db", str(demo_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 11
    assert "2026-01-15 17:00" in lines[0]
    assert "ADVANCE 2026 kick-off" in lines[0]


def test_export_ics_writes_the_whole_calendar(demo_path, tmp_path, capsys):
    out = tmp_path / "advance.ics"
    assert main(["export", "ics", str(out), "--db", str(demo_path)]) == 0
    calendar = vobject.readOne(out.read_text(encoding="utf-8"))
    assert len(calendar.vevent_list) == 11
    assert "Wrote the calendar" in capsys.readouterr().out


def test_export_ics_of_chosen_events(demo_path, tmp_path, capsys):
    main(["events", "--db", str(demo_path), "--json"])
    ids = [e["id"] for e in json.loads(capsys.readouterr().out)][:2]
    out = tmp_path / "two.ics"
    args = ["export", "ics", str(out), "--db", str(demo_path)]
    assert main([*args, "--event", str(ids[0]), "--event", str(ids[1])]) == 0
    assert len(vobject.readOne(out.read_text(encoding="utf-8")).vevent_list) == 2


def test_an_unknown_event_is_named_and_nothing_is_written(demo_path, tmp_path, capsys):
    out = tmp_path / "none.ics"
    assert main(["export", "ics", str(out), "--db", str(demo_path), "--event", "999"]) == 1
    assert "no event with id 999" in capsys.readouterr().err
    assert not out.exists()
