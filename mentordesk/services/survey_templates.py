"""The questionnaires MentorDesk ships, ready to add to a programme and adapt.

Every item is written for MentorDesk. The mentee pre and post self-assessments
share their item codes, so each person's answers before and after the
programme can be compared item by item. The mentor self-assessment follows the
six competency areas of evidence-based mentor training, with items of our own.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.domain.enums import Role, SurveyItemType, SurveyKind
from mentordesk.domain.errors import NotFound

LIKERT = SurveyItemType.LIKERT
YES_NO = SurveyItemType.YES_NO
TEXT = SurveyItemType.TEXT

#: The item code the dashboard and reports read the overall rating from (1–5).
OVERALL_RATING = "overall_rating"
#: The item code the dashboard and reports read "would recommend" from (yes/no).
WOULD_RECOMMEND = "would_recommend"

#: The six competency areas of evidence-based mentor training, in the usual order.
COMPETENCY_AREAS = (
    "Communication",
    "Aligning expectations",
    "Assessing understanding",
    "Equity and inclusion",
    "Fostering independence",
    "Professional development",
)


@dataclass(frozen=True)
class TemplateItem:
    """One question of a shipped questionnaire.

    Attributes:
        code: the stable short name, shared by a pre survey and its post survey.
        text: the question or statement as respondents read it.
        answer_type: a rating from 1 to 5, yes or no, or free text.
        area: the heading the item belongs to ("" for none).
    """

    code: str
    text: str
    answer_type: SurveyItemType = LIKERT
    area: str = ""


@dataclass(frozen=True)
class SurveyTemplate:
    """A shipped questionnaire.

    Attributes:
        key: the name scripts use (``mentordesk-cli surveys add --template KEY``).
        title: the survey's title once added to a programme.
        kind: pre, post, feedback, pulse check or self-assessment.
        role: who answers it; None for everyone.
        description: what it is for and how its ratings read.
        items: the questions, in order.
        day: for a pulse check, the day after the pairing started it is sent.
    """

    key: str
    title: str
    kind: SurveyKind
    role: Role | None
    description: str
    items: tuple[TemplateItem, ...]
    day: int | None = None


_AGREE_SCALE = "Rate each statement from 1 (strongly disagree) to 5 (strongly agree)."

_MENTEE_STATEMENTS = (
    TemplateItem(
        "goals_clarity",
        "I have clear goals for my career over the next two to three years.",
        area="Goals",
    ),
    TemplateItem(
        "career_planning_confidence",
        "I feel confident planning the next steps of my career.",
        area="Career planning",
    ),
    TemplateItem(
        "next_position_readiness",
        "I know what I need to do to be competitive for my next position.",
        area="Career planning",
    ),
    TemplateItem(
        "networking",
        "I have colleagues outside my own group whom I can ask for advice.",
        area="Networking",
    ),
    TemplateItem(
        "visibility",
        "I take opportunities to make my work visible: talks, committees, collaborations.",
        area="Networking",
    ),
    TemplateItem(
        "grant_writing",
        "I feel able to write a competitive grant or fellowship application.",
        area="Grants and publications",
    ),
    TemplateItem(
        "publication_planning",
        "I have a realistic plan for publishing my research over the next year.",
        area="Grants and publications",
    ),
    TemplateItem(
        "leadership",
        "I feel confident leading a project or supervising others.",
        area="Leadership",
    ),
    TemplateItem(
        "negotiation",
        "I feel able to negotiate for resources, time or a position.",
        area="Leadership",
    ),
    TemplateItem(
        "work_life_balance",
        "I balance the demands of my work and my life outside work in a way I can sustain.",
        area="Work–life balance",
    ),
    TemplateItem(
        "belonging",
        "I feel I belong in my research community.",
        area="Work–life balance",
    ),
)

_MENTEE_PRE = SurveyTemplate(
    key="mentee_pre",
    title="Mentee self-assessment (before)",
    kind=SurveyKind.PRE,
    role=Role.MENTEE,
    description=(
        "Sent to mentees before their first meeting, as the baseline for the same questions "
        f"at the end. {_AGREE_SCALE}"
    ),
    items=(
        *_MENTEE_STATEMENTS,
        TemplateItem("hopes", "What do you most hope to gain from the programme?", TEXT, "Goals"),
    ),
)

_MENTEE_POST = SurveyTemplate(
    key="mentee_post",
    title="Mentee self-assessment (after)",
    kind=SurveyKind.POST,
    role=Role.MENTEE,
    description=(
        "Sent to mentees at the end of the programme: the same statements as before it, so "
        f"the change on each can be reported. {_AGREE_SCALE}"
    ),
    items=(
        *_MENTEE_STATEMENTS,
        TemplateItem(
            "biggest_change",
            "What has changed most for you during the programme?",
            TEXT,
            "Goals",
        ),
    ),
)

_FEEDBACK = SurveyTemplate(
    key="programme_feedback",
    title="Programme feedback",
    kind=SurveyKind.FEEDBACK,
    role=None,
    description=(
        "Sent to mentors and mentees at the close of the programme. Ratings run from "
        "1 (poor) to 5 (excellent)."
    ),
    items=(
        TemplateItem(OVERALL_RATING, "Overall, how would you rate the programme?", area="Overall"),
        TemplateItem(
            WOULD_RECOMMEND,
            "Would you recommend the programme to a colleague?",
            YES_NO,
            "Overall",
        ),
        TemplateItem(
            "match_fit", "How well did your mentoring match suit your needs?", area="Matching"
        ),
        TemplateItem(
            "goals_progress",
            "How much progress did you make towards the goals you set at the start?",
            area="Matching",
        ),
        TemplateItem(
            "orientation_useful", "How useful was the orientation training?", area="Training"
        ),
        TemplateItem(
            "events_useful",
            "How useful were the workshops and networking events?",
            area="Training",
        ),
        TemplateItem(
            "organisation",
            "How well was the programme organised and communicated?",
            area="Organisation",
        ),
        TemplateItem("what_worked", "What worked well for you?", TEXT, "Comments"),
        TemplateItem(
            "what_to_change", "What should we change for the next cohort?", TEXT, "Comments"
        ),
    ),
)

_NEED_HELP = TemplateItem(
    "need_help", "Is there anything the programme office can help with?", TEXT
)

_PULSE_30 = SurveyTemplate(
    key="pulse_30",
    title="Pulse check: day 30",
    kind=SurveyKind.PULSE,
    role=None,
    day=30,
    description=(
        "A two-minute check a month after the pairing started: has the relationship got "
        "going? Ratings run from 1 (not at all) to 5 (very well)."
    ),
    items=(
        TemplateItem("met_yet", "Have you and your mentoring partner met at least once?", YES_NO),
        TemplateItem(
            "agreement_made",
            "Have you agreed how often, where and how you will meet?",
            YES_NO,
        ),
        TemplateItem("relationship_start", "How well is the relationship starting?"),
        _NEED_HELP,
    ),
)

_PULSE_60 = SurveyTemplate(
    key="pulse_60",
    title="Pulse check: day 60",
    kind=SurveyKind.PULSE,
    role=None,
    day=60,
    description=(
        "Two months in: are the meetings happening, and are they useful? Ratings run from "
        "1 (not at all) to 5 (very much)."
    ),
    items=(
        TemplateItem("meeting_as_agreed", "Are you meeting as often as you agreed?", YES_NO),
        TemplateItem("goals_progress", "How much progress are you making towards your goals?"),
        TemplateItem("relationship_quality", "How would you rate your mentoring relationship?"),
        _NEED_HELP,
    ),
)

_PULSE_90 = SurveyTemplate(
    key="pulse_90",
    title="Pulse check: day 90",
    kind=SurveyKind.PULSE,
    role=None,
    day=90,
    description=(
        "Three months in: is the pairing on track, or does it need the programme office? "
        "Ratings run from 1 (not at all) to 5 (very much)."
    ),
    items=(
        TemplateItem("on_track", "Is your mentoring on track to meet your goals?", YES_NO),
        TemplateItem("meeting_value", "How valuable have your meetings been to you?"),
        TemplateItem("relationship_quality", "How would you rate your mentoring relationship?"),
        _NEED_HELP,
    ),
)


def _competency(area: str, *statements: tuple[str, str]) -> tuple[TemplateItem, ...]:
    return tuple(TemplateItem(f"mentor_{code}", text, LIKERT, area) for code, text in statements)


_MENTOR_SELF_ASSESSMENT = SurveyTemplate(
    key="mentor_self_assessment",
    title="Mentor self-assessment",
    kind=SurveyKind.SELF_ASSESSMENT,
    role=Role.MENTOR,
    description=(
        "Mentors rate their own skill in the six competency areas of evidence-based mentor "
        "training, from 1 (not yet skilled) to 5 (very skilled). Useful before mentor "
        "training to choose what to practise, and again at the end."
    ),
    items=(
        *_competency(
            COMPETENCY_AREAS[0],
            ("active_listening", "Listening to my mentee attentively, without rushing to advise."),
            ("useful_feedback", "Giving feedback that is honest, specific and useful."),
            ("adapting_style", "Adapting how I communicate to my mentee's style and needs."),
        ),
        *_competency(
            COMPETENCY_AREAS[1],
            (
                "agreeing_ways_of_working",
                "Agreeing with my mentee how often, how and about what we will meet.",
            ),
            ("clarifying_role", "Making clear what I can and cannot offer as a mentor."),
            (
                "revisiting_expectations",
                "Reviewing our goals and expectations together as things change.",
            ),
        ),
        *_competency(
            COMPETENCY_AREAS[2],
            (
                "checking_understanding",
                "Checking that my mentee has understood the ideas and advice we discuss.",
            ),
            ("spotting_gaps", "Recognising gaps in my mentee's knowledge or skills."),
            (
                "thinking_questions",
                "Asking questions that help my mentee think a problem through.",
            ),
        ),
        *_competency(
            COMPETENCY_AREAS[3],
            (
                "own_assumptions",
                "Recognising how my own assumptions and biases may affect my mentoring.",
            ),
            (
                "different_paths",
                "Taking account of how my mentee's background and experiences shape their path.",
            ),
            (
                "responding_to_exclusion",
                "Helping my mentee respond to exclusion or unfair treatment they meet.",
            ),
        ),
        *_competency(
            COMPETENCY_AREAS[4],
            ("building_confidence", "Helping my mentee trust their own judgement."),
            ("mentee_leads", "Encouraging my mentee to set the agenda and lead our meetings."),
            ("stepping_back", "Stepping back so that my mentee takes their own decisions."),
        ),
        *_competency(
            COMPETENCY_AREAS[5],
            ("career_steps", "Helping my mentee plan the next steps of their career."),
            ("opening_networks", "Introducing my mentee to people and networks useful to them."),
            (
                "balancing_work_and_life",
                "Talking openly about balancing work with life outside work.",
            ),
        ),
        TemplateItem(
            "mentor_support_wanted",
            "In which of these areas would you like more training or support?",
            TEXT,
        ),
    ),
)

#: Every shipped template, by key, in the order they are offered.
TEMPLATES: dict[str, SurveyTemplate] = {
    t.key: t
    for t in (
        _MENTEE_PRE,
        _MENTEE_POST,
        _FEEDBACK,
        _PULSE_30,
        _PULSE_60,
        _PULSE_90,
        _MENTOR_SELF_ASSESSMENT,
    )
}


def get_template(key: str) -> SurveyTemplate:
    """The shipped template called ``key`` (case and surrounding spaces ignored).

    Raises:
        NotFound: there is no such template; the message lists the keys there are.
    """
    found = TEMPLATES.get(key.strip().lower())
    if found is None:
        raise NotFound(
            f"There is no survey template called “{key}”. The templates are: "
            f"{', '.join(TEMPLATES)}."
        )
    return found
