import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import func, select

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.domain.errors import InvalidInput, NotFound
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.messages import (
    TEMPLATE_KEYS,
    default_template,
    example_values,
    get_template,
    log_rows,
    mark_sent,
    not_yet_told,
    placeholders,
    record_prepared,
    render,
    reset_template,
    save_template,
    template_problems,
    used_placeholders,
)
from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
from mentordesk.store.models import Application, MessageTemplate


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_every_default_template_is_sound_and_renders_with_examples(key):
    default = default_template(key)
    assert default.customised is False
    assert default.title
    assert template_problems(key, default.subject, default.body) == []
    allowed = {p.name for p in placeholders(key)}
    assert used_placeholders(default.subject + default.body) <= allowed
    body = render(default.body, example_values(key))
    assert "{" not in body
    assert "}" not in body
    assert body.startswith("Dear Amélie,")


def test_the_template_names_are_the_documented_ones():
    assert TEMPLATE_KEYS == (
        "received",
        "accepted",
        "waitlisted",
        "declined",
        "introduction",
        "training-invitation",
        "training-reminder",
        "event-invitation",
        "check-in",
        "survey",
        "invite-back",
        "closing",
    )


def test_introductions_offer_the_other_persons_details_and_events_their_dates():
    introduction = {p.name for p in placeholders("introduction")}
    assert {"other_name", "other_email", "other_position", "other_department", "why_matched"} <= (
        introduction
    )
    assert "event_date" not in introduction
    assert {"event_title", "event_date", "event_time", "event_location", "event_link"} <= {
        p.name for p in placeholders("training-invitation")
    }
    assert "due_date" in {p.name for p in placeholders("check-in")}
    assert "survey_link" in {p.name for p in placeholders("survey")}


def test_an_unknown_placeholder_is_named_with_a_suggestion():
    problems = template_problems("accepted", "Welcome", "Dear {frist_name},")
    assert problems == ["{frist_name} is not a placeholder. Did you mean {first_name}?"]


def test_an_unknown_placeholder_in_the_subject_is_found_too():
    (problem,) = template_problems("accepted", "Welcome to {programmme}", "Dear {first_name},")
    assert "{programmme}" in problem
    assert "{programme}" in problem


def test_a_placeholder_of_another_message_is_refused_by_name():
    (problem,) = template_problems("accepted", "Welcome", "See you on {event_date}.")
    assert problem == "{event_date} cannot be used in the Accepted message."


@pytest.mark.parametrize(
    "field",
    [
        "{person.__class__}",
        "{first_name.__class__.__mro__}",
        "{values[0]}",
        "{first_name!r}",
        "{first_name:>40}",
        "{0}",
        "{}",
    ],
)
def test_attribute_index_and_format_fields_are_refused(field):
    problems = template_problems("accepted", "Welcome", f"Dear {field},")
    assert len(problems) == 1
    assert field in problems[0]
    with pytest.raises(InvalidInput):
        render(f"Dear {field},", example_values("accepted"))


def test_attribute_access_is_refused_plainly_with_what_to_write():
    (problem,) = template_problems("accepted", "Welcome", "Dear {person.__class__},")
    assert "not allowed" in problem
    assert "plain name such as {first_name}" in problem


def test_spaces_or_capitals_in_a_placeholder_get_the_right_spelling_suggested():
    (problem,) = template_problems("accepted", "Welcome", "Dear { First_Name },")
    assert problem.endswith("Did you mean {first_name}?")


def test_unbalanced_braces_are_problems_and_doubled_braces_are_literal():
    assert template_problems("declined", "Sorry", "a { b") == [
        "An opening brace { in the message has no closing brace. Write {{ for a brace itself."
    ]
    assert template_problems("declined", "Sorry", "a } b") == [
        "A closing brace } in the message has no opening brace. Write }} for a brace itself."
    ]
    text = "Use {{first_name}} for {first_name}."
    assert template_problems("declined", "Sorry", text) == []
    assert render(text, {"first_name": "Ada"}) == "Use {first_name} for Ada."


def test_an_empty_or_multi_line_subject_and_an_empty_body_are_problems():
    assert template_problems("declined", "  ", "  ") == [
        "The subject is empty.",
        "The message is empty.",
    ]
    assert template_problems("declined", "a\nb", "text") == ["The subject must fit on one line."]
    assert template_problems("declined", "x" * 301, "text") == [
        "The subject is too long: at most 300 characters."
    ]


def test_an_unknown_message_key_is_refused():
    with pytest.raises(NotFound, match="no message called “welcome”"):
        template_problems("welcome", "a", "b")


def test_render_needs_a_value_for_every_field():
    with pytest.raises(InvalidInput, match="first_name"):
        render("Dear {first_name}", {})


_PIECES = ["{", "}", "{{", "}}", "first_name", "x", ".", "[0]", "!r", ":>4", " ", "\n"]


@given(st.lists(st.sampled_from([*_PIECES, "{first_name}", "{programme}"]), max_size=12))
@example(["{{", "first_name", "}}"])
def test_a_text_renders_exactly_when_it_has_no_problems(pieces):
    text = "".join(pieces)
    problems = template_problems("accepted", "Subject", f"{text} body")
    try:
        rendered = render(text, example_values("accepted"))
    except InvalidInput:
        assert problems
    else:
        assert problems == []
        assert rendered == _reference_render(text)


def _reference_render(text):
    """Render by scanning from the left: doubled braces first, then the two fields."""
    tokens = {"{{": "{", "}}": "}", "{first_name}": "Amélie", "{programme}": "ADVANCE 2026"}
    out, i = [], 0
    while i < len(text):
        token = next((t for t in tokens if text.startswith(t, i)), None)
        out.append(tokens[token] if token else text[i])
        i += len(token) if token else 1
    return "".join(out)


def test_saving_a_template_keeps_the_programmes_wording(programme_file, programme_id):
    with programme_file.session() as s:
        save_template(s, programme_id, "accepted", "Welcome, {first_name}!", "Hello {full_name}")
    with programme_file.session() as s:
        own = get_template(s, programme_id, "accepted")
        assert (own.subject, own.body, own.customised) == (
            "Welcome, {first_name}!",
            "Hello {full_name}",
            True,
        )
        assert get_template(s, programme_id, "declined").customised is False
        other = create_programme(s, ProgrammeInput("Other 2027", strands=[StrandInput("All")]))
        assert get_template(s, other, "accepted") == default_template("accepted")


def test_a_template_with_an_unknown_placeholder_is_not_saved(programme_file, programme_id):
    with programme_file.session() as s, pytest.raises(InvalidInput) as raised:
        save_template(s, programme_id, "accepted", "Welcome", "Dear {nickname}, {first}")
    assert "{nickname}" in raised.value.message
    assert "{first}" in raised.value.message
    with programme_file.session() as s:
        assert s.scalar(select(func.count(MessageTemplate.id))) == 0
        assert get_template(s, programme_id, "accepted").customised is False


def test_reset_and_saving_the_default_text_both_go_back_to_the_default(
    programme_file, programme_id
):
    default = default_template("closing")
    with programme_file.session() as s:
        save_template(s, programme_id, "closing", "Thanks", "Thank you {first_name}.")
        reset_template(s, programme_id, "closing")
        assert get_template(s, programme_id, "closing") == default
        save_template(s, programme_id, "closing", "Thanks", "Thank you {first_name}.")
        save_template(s, programme_id, "closing", default.subject, default.body)
        assert get_template(s, programme_id, "closing") == default
        assert s.scalar(select(func.count(MessageTemplate.id))) == 0


@pytest.fixture
def applicants(programme_file, programme_id, strands):
    """Ids of Ana (accepted), Ben (accepted), Cleo (waitlisted) and Dan (declined)."""
    people = {}
    with programme_file.session() as s:
        for name, status in [
            ("Ana", ApplicationStatus.ACCEPTED),
            ("Ben", ApplicationStatus.ACCEPTED),
            ("Cleo", ApplicationStatus.WAITLISTED),
            ("Dan", ApplicationStatus.DECLINED),
        ]:
            application = add_applicant(
                s,
                PersonInput(name, "Zed", f"{name.lower()}@uni.example"),
                ApplicationInput(strands["Fellows"], Role.MENTEE, status),
            )
            people[name] = s.get(Application, application).person_id
    return people


def test_the_log_lists_prepared_messages_and_marks_them_sent(
    programme_file, programme_id, applicants
):
    with programme_file.session() as s:
        first = record_prepared(s, programme_id, applicants["Ana"], "accepted", "Welcome")
        second = record_prepared(s, programme_id, applicants["Ben"], "accepted", "Welcome")
        third = record_prepared(s, programme_id, applicants["Ana"], "survey", "Your views")
    with programme_file.session() as s:
        rows = log_rows(s, programme_id)
        assert [r.id for r in rows] == [third, second, first]
        assert rows[0].template_title == "Survey request"
        assert rows[0].person_name == "Ana Zed"
        assert rows[0].email == "ana@uni.example"
        assert rows[0].prepared_at.tzinfo is not None
        assert [r.id for r in log_rows(s, programme_id, person_id=applicants["Ana"])] == [
            third,
            first,
        ]
        assert [r.id for r in log_rows(s, programme_id, template_key="accepted")] == [
            second,
            first,
        ]
        assert mark_sent(s, [first, third, first], dt.date(2026, 11, 25)) == 2
        assert mark_sent(s, [first], dt.date(2026, 11, 25)) == 0
    with programme_file.session() as s:
        assert [r.id for r in log_rows(s, programme_id, unsent_only=True)] == [second]
        (row,) = log_rows(s, programme_id, person_id=applicants["Ana"], template_key="accepted")
        assert row.sent_on == dt.date(2026, 11, 25)
        assert mark_sent(s, [first], None) == 1
        assert len(log_rows(s, programme_id, unsent_only=True)) == 2


def test_accepted_applicants_not_yet_told(programme_file, programme_id, applicants):
    with programme_file.session() as s:
        assert not_yet_told(s, programme_id, ApplicationStatus.ACCEPTED) == [
            applicants["Ana"],
            applicants["Ben"],
        ]
        record_prepared(s, programme_id, applicants["Ana"], "accepted", "Welcome")
        # Another message to Ben does not tell him he was accepted.
        record_prepared(s, programme_id, applicants["Ben"], "received", "Received")
        assert not_yet_told(s, programme_id, ApplicationStatus.ACCEPTED) == [applicants["Ben"]]
        assert not_yet_told(s, programme_id, ApplicationStatus.WAITLISTED) == [applicants["Cleo"]]
        assert not_yet_told(s, programme_id, ApplicationStatus.DECLINED) == [applicants["Dan"]]
        assert not_yet_told(s, programme_id, ApplicationStatus.RECEIVED) == []
        with pytest.raises(InvalidInput, match="withdrawn"):
            not_yet_told(s, programme_id, ApplicationStatus.WITHDRAWN)
