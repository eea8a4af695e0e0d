"""The retention rule: a preview that changes nothing, then erasing or anonymising the due."""

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from mentordesk.cli.app import main
from mentordesk.domain.enums import ApplicationStatus, Role, StrandFormat
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.applicants import ApplicationInput, add_application
from mentordesk.services.notes import NoteInput, add_note
from mentordesk.services.pairings import PairingInput, add_pairing
from mentordesk.services.privacy import ANONYMISED_DOMAIN, find_person
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    create_programme,
    strand_choices,
)
from mentordesk.services.retention import (
    RetentionAction,
    add_years,
    apply_retention,
    retention_preview,
    retention_rules,
    set_retention,
)
from mentordesk.store.models import AuditEntry, Erasure, Person
from mentordesk.store.programme_file import ProgrammeFile

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def programmes(programme_file, add_someone):
    """Two programmes, one ended in 2019 (keep 5 years), one running; people in each."""
    with programme_file.session() as s:
        ids = {}
        for name, ends in (("Pilot 2019", dt.date(2019, 12, 31)), ("Running 2026", None)):
            ids[name] = create_programme(
                s,
                ProgrammeInput(
                    name=name,
                    starts_on=dt.date(2019, 1, 1),
                    ends_on=ends,
                    strands=[StrandInput("Fellows", StrandFormat.ONE_TO_ONE, 10)],
                ),
            )
        set_retention(s, ids["Pilot 2019"], 5)
        fellows = {name: strand_choices(s, pid)[0].id for name, pid in ids.items()}
        people = {}
        for who, organisation in (
            ("mentor", "Physics"),
            ("mentee", "Chemistry"),
            ("both", "Biology"),
        ):
            people[who] = add_someone(
                s,
                first_name=who.capitalize(),
                last_name="Tester",
                email=f"{who}@test.example",
                organisation=organisation,
                department=f"CANARY-department-{who}",
            )
        accepted = ApplicationStatus.ACCEPTED
        old, running = fellows["Pilot 2019"], fellows["Running 2026"]
        add_application(s, people["mentor"], ApplicationInput(old, Role.MENTOR, accepted))
        add_application(
            s,
            people["mentee"],
            ApplicationInput(old, Role.MENTEE, accepted, goals="CANARY-goals"),
        )
        add_application(s, people["both"], ApplicationInput(old, Role.MENTEE, accepted))
        add_application(s, people["both"], ApplicationInput(running, Role.MENTEE, accepted))
        add_pairing(s, PairingInput(old, people["mentor"], [people["mentee"]], goals="CANARY"))
        add_note(s, NoteInput(dt.date(2019, 6, 1), "x", "CANARY-note", person_id=people["mentee"]))
        return ids, people


def test_the_preview_lists_the_due_and_those_kept_and_changes_nothing(
    programme_file, programmes, table_counts
):
    before = table_counts(programme_file)
    with programme_file.session() as s:
        cases = retention_preview(s, TODAY)
    assert table_counts(programme_file) == before
    by_email = {c.email: c for c in cases}
    assert set(by_email) == {"mentor@test.example", "mentee@test.example", "both@test.example"}
    due = by_email["mentee@test.example"]
    assert (due.programme, due.ended_on, due.due_on) == (
        "Pilot 2019",
        dt.date(2019, 12, 31),
        dt.date(2024, 12, 31),
    )
    assert due.action is RetentionAction.ERASE
    kept = by_email["both@test.example"]
    assert kept.action is None
    assert kept.kept_because == "still in Running 2026, which has not ended"
    # Listed in order: the due first, the kept last.
    assert cases[-1] is kept


def test_nobody_is_due_before_the_period_has_passed(programme_file, programmes):
    with programme_file.session() as s:
        assert retention_preview(s, dt.date(2024, 12, 30)) == []
        assert len(retention_preview(s, dt.date(2024, 12, 31))) == 3


def test_erasing_by_the_rule_matches_the_preview_and_names_nobody_in_the_audit(
    programme_file, programmes
):
    _ids, people = programmes
    with programme_file.session() as s:
        preview = retention_preview(s, TODAY)
        summary = apply_retention(s, TODAY, RetentionAction.ERASE)
    assert summary.people == sum(c.action is not None for c in preview) == 2
    assert summary.kept == 1
    with programme_file.session() as s:
        for email in ("mentor@test.example", "mentee@test.example"):
            with pytest.raises(NotFound):
                find_person(s, email)
        assert find_person(s, "both@test.example").department == "CANARY-department-both"
        assert len(s.scalars(select(Erasure)).all()) == 2
        (entry,) = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "retention: erased")
        ).all()
        assert entry.summary == "2 people erased by the retention rule; 1 kept"
        actions = s.execute(select(AuditEntry.action, AuditEntry.entity_id)).all()
        assert ("erased", people["mentee"]) not in actions
        # The next preview no longer lists them.
        assert [c.email for c in retention_preview(s, TODAY)] == ["both@test.example"]


def test_anonymising_by_the_rule_keeps_the_statistics(programme_file, programmes):
    _ids, people = programmes
    with programme_file.session() as s:
        summary = apply_retention(s, TODAY, RetentionAction.ANONYMISE)
    assert summary.people == 2
    with programme_file.session() as s:
        mentee = s.get(Person, people["mentee"])
        assert mentee.email.endswith(ANONYMISED_DOMAIN)
        assert mentee.organisation == "Chemistry"
        assert mentee.department == ""
        assert [a.status for a in mentee.applications] == [ApplicationStatus.ACCEPTED]
        assert [a.goals for a in mentee.applications] == [""]
        (entry,) = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "retention: anonymised")
        ).all()
        assert entry.summary.startswith("2 people anonymised")
        # Anonymised people are not offered for anonymising again, but can still be erased.
        assert retention_preview(s, TODAY, RetentionAction.ANONYMISE)[0].action is None
        erasable = retention_preview(s, TODAY, RetentionAction.ERASE)
        assert sum(c.action is RetentionAction.ERASE for c in erasable) == 2


def test_a_programme_without_a_rule_keeps_its_people(programme_file, programmes):
    ids, _people = programmes
    with programme_file.session() as s:
        set_retention(s, ids["Pilot 2019"], None)
        assert retention_preview(s, TODAY) == []
        assert apply_retention(s, TODAY, RetentionAction.ERASE).people == 0
        assert (
            s.scalars(select(AuditEntry).where(AuditEntry.action.like("retention:%"))).all() == []
        )


def test_the_rule_is_checked_and_its_changes_recorded(programme_file, programmes):
    ids, _people = programmes
    with programme_file.session() as s:
        with pytest.raises(InvalidInput, match="between 0 and 100"):
            set_retention(s, ids["Running 2026"], -1)
        set_retention(s, ids["Running 2026"], 3)
        rules = {r.programme: r for r in retention_rules(s)}
        assert rules["Running 2026"].years == 3
        assert rules["Running 2026"].due_on is None
        assert rules["Pilot 2019"].due_on == dt.date(2024, 12, 31)
        summaries = s.scalars(
            select(AuditEntry.summary).where(AuditEntry.action == "retention rule")
        ).all()
        assert summaries == ["5 years after the end", "3 years after the end"]
        with pytest.raises(NotFound):
            set_retention(s, 99_999, 2)


def test_a_leap_day_keeps_its_place_in_the_calendar():
    assert add_years(dt.date(2024, 2, 29), 5) == dt.date(2029, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_the_cli_previews_then_applies_the_rule(
    monkeypatch, demo_template, tmp_path, passphrase, capsys
):

    from mentordesk.store.models import Person

    path = tmp_path / "demo.mentordesk"
    path.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", passphrase)
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        people = s.scalar(select(func.count(Person.id)))
    later = ["--db", str(path), "--date", "2030-01-01"]
    assert main(["retention", *later, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["due"] == []  # no rule yet
    assert main(["retention", *later, "--years", "1"]) == 0
    shown = capsys.readouterr().out
    assert "kept 1 years" in shown
    assert "would be erased; run again with --apply" in shown
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        assert s.scalar(select(func.count(Person.id))) == people  # a preview changes nothing
    assert main(["retention", *later, "--json"]) == 0
    due = json.loads(capsys.readouterr().out)["due"]
    assert due
    assert main(["retention", *later, "--apply"]) == 0
    assert f"{len(due)} people erased" in capsys.readouterr().out
    with ProgrammeFile.open(path, passphrase) as opened, opened.session() as s:
        assert s.scalar(select(func.count(Person.id))) == people - len(due)
