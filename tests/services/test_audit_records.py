"""Adding and editing records through the one pair of audited steps every service uses."""

from sqlalchemy import select

from mentordesk.domain.enums import StrandFormat, SurveyItemType, SurveyKind
from mentordesk.services.audit import record_added, record_edited
from mentordesk.services.surveys import (
    ItemInput,
    SurveyInput,
    add_item,
    create_survey,
    update_item,
    update_survey,
)
from mentordesk.store.models import AuditEntry, Strand

SECRET = "CANARY-audit-records-7731"


def entries(session):
    """Every audit entry as (action, entity, entity id, summary), oldest first."""
    rows = select(AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.summary)
    return [tuple(r) for r in session.execute(rows.order_by(AuditEntry.id))]


def test_a_record_is_added_and_edited_with_one_entry_each_naming_no_content(
    programme_file, programme_id
):
    with programme_file.session() as s:
        strand = Strand(
            programme_id=programme_id,
            name="Peers",
            format=StrandFormat.GROUP,
            description=SECRET,
        )
        strand_id = record_added(s, strand, "strand", "Peers")
        record_edited(s, strand, {"name": "Peers 2", "description": SECRET + "!"}, "strand")
        assert entries(s)[-2:] == [
            ("created", "strand", strand_id, "Peers"),
            ("edited", "strand", strand_id, ""),
        ]
    with programme_file.session() as s:
        saved = s.get(Strand, strand_id)
        assert (saved.name, saved.description) == ("Peers 2", SECRET + "!")
        assert not any(SECRET in str(cell) for row in entries(s) for cell in row)


def test_a_survey_and_its_item_are_audited_under_their_new_title_and_code(
    programme_file, programme_id
):
    with programme_file.session() as s:
        survey_id = create_survey(s, programme_id, SurveyInput("Kick-off", SurveyKind.PRE))
        item_id = add_item(s, survey_id, ItemInput("How ready are you?", code="ready"))
        update_survey(s, survey_id, SurveyInput("Start", SurveyKind.PRE))
        update_item(s, item_id, ItemInput("How set are you?", SurveyItemType.LIKERT, "set"))
        assert entries(s)[-4:] == [
            ("created", "survey", survey_id, "Kick-off"),
            ("created", "survey item", item_id, "Kick-off: ready"),
            ("edited", "survey", survey_id, "Start"),
            ("edited", "survey item", item_id, "Start: set"),
        ]
