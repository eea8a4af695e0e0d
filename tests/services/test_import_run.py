"""check_then_apply: every import checked, shown, then refused or written after a backup."""

import pytest
from sqlalchemy import func, select

from mentordesk.domain.errors import InvalidInput
from mentordesk.services.applicants import PersonInput, add_person
from mentordesk.services.import_run import ImportRefused, check_then_apply
from mentordesk.store.backups import list_backups
from mentordesk.store.models import Person


def _people(programme_file):
    with programme_file.session() as session:
        return session.scalar(select(func.count(Person.id)))


def _add_ada(session, _checked):
    return add_person(session, PersonInput("Ada", "Lovelace", "ada@example.org"))


def test_a_refused_import_shows_its_problems_and_writes_nothing(programme_file, programme_id):
    shown = []

    with pytest.raises(ImportRefused, match=r"^Row 2 has no email\.$"):
        check_then_apply(
            programme_file,
            lambda _session: ["Row 2 has no email."],
            _add_ada,
            refusal=lambda problems: problems[0] if problems else None,
            show=lambda problems, refused: shown.append((problems, refused)),
        )
    assert shown == [(["Row 2 has no email."], "Row 2 has no email.")]
    assert _people(programme_file) == 0
    assert list_backups(programme_file.path) == []


def test_a_dry_run_writes_nothing_and_makes_no_backup(programme_file, programme_id):
    run = check_then_apply(programme_file, lambda _session: "checked", _add_ada, dry_run=True)
    assert (run.checked, run.applied, run.backed_up) == ("checked", None, False)
    assert _people(programme_file) == 0
    assert list_backups(programme_file.path) == []


def test_a_file_holding_data_is_backed_up_before_the_import_is_written(
    programme_file, programme_id
):
    run = check_then_apply(programme_file, lambda _session: "checked", _add_ada)
    assert run.backed_up
    assert isinstance(run.applied, int)
    assert _people(programme_file) == 1
    (backup,) = list_backups(programme_file.path)
    assert backup.reason == "import"


def test_a_new_file_has_nothing_to_back_up(programme_file):
    run = check_then_apply(programme_file, lambda _session: "checked", _add_ada)
    assert not run.backed_up
    assert _people(programme_file) == 1
    assert list_backups(programme_file.path) == []


def test_an_import_failing_part_way_leaves_nothing_written(programme_file, programme_id):
    def half(session, _checked):
        _add_ada(session, _checked)
        raise InvalidInput("Row 40 was refused.")

    with pytest.raises(InvalidInput, match="Row 40"):
        check_then_apply(programme_file, lambda _session: "checked", half)
    assert _people(programme_file) == 0
