"""The columns a form tool adds to its export of its own accord, which are not answers.

Microsoft Forms opens with the response number and times, Qualtrics with
dates, the respondent's IP address and location, LimeSurvey with its response
id, seed and referring page. None of them is something the applicant was
asked; the IP address and the location are personal data nobody asked for,
so they are left out. The one that says when the answer was submitted, and
Microsoft Forms' sign-in, stand in for a question that would say it, and are
left out when a question says it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mentordesk.domain.enums import ApplicantField
from mentordesk.formats.columns import forms_metadata, header_key

F = ApplicantField


@dataclass(frozen=True)
class ToolColumn:
    """A column a form tool wrote of its own accord.

    Attributes:
        tool: the tool's name in the possessive ("Microsoft Forms'", "LimeSurvey's").
        what: what the column holds, in plain words ("the response number").
        fallback: the field it gives when no question gives it (the submission
            date, the sign-in email or name); None when it is always left out.
        personal: it holds personal data nobody asked the applicant for.
        sign_in: it is the account the respondent signed in with, not an answer.
    """

    tool: str
    what: str
    fallback: ApplicantField | None = None
    personal: bool = False
    sign_in: bool = False

    @property
    def _kind(self) -> str:
        return f"{self.tool} sign-in" if self.sign_in else f"{self.tool} own column"

    @property
    def reason(self) -> str:
        """Why the column is left out."""
        if self.personal:
            return (
                f"{self.tool} own column ({self.what}: personal data nobody asked the "
                "applicant for), not an answer"
            )
        return f"{self.tool} own column ({self.what}), not an answer"

    @property
    def given(self) -> str:
        """Why the column gives its field."""
        wanted = self.fallback.label.lower() if self.fallback else ""
        return f"{self._kind} ({self.what}), used as no question gives the {wanted}"

    def unused(self, source: str) -> str:
        """Why the column is left out when a question gives its field.

        Args:
            source: the question's column in words ("column H “Your email address”").

        Returns:
            The reason, in plain words.
        """
        wanted = self.fallback.label.lower() if self.fallback else ""
        if self.fallback is F.FULL_NAME:
            wanted = "name"  # a question may give it as a first and a last name
        return f"{self._kind} ({self.what}); the {wanted} comes from {source}, so left out"


_FORMS = "Microsoft Forms'"
_QUALTRICS = "Qualtrics'"
_LIMESURVEY = "LimeSurvey's"
_GOOGLE = "Google Forms'"

_CONTACT_LIST = "from the list of people the survey was sent to"
_CONTACT_COLUMNS = (
    "recipientlastname", "recipient last name", "recipientfirstname", "recipient first name",
    "recipientemail", "recipient email", "externalreference", "external data reference",
    "externaldatareference",
)  # fmt: skip
_QUALTRICS_COLUMNS: dict[str, ToolColumn] = {
    **dict.fromkeys(("startdate", "start date"), ToolColumn(_QUALTRICS, "when it was opened")),
    **dict.fromkeys(
        ("enddate", "end date"),
        ToolColumn(_QUALTRICS, "when the answer was finished", F.SUBMITTED_ON),
    ),
    **dict.fromkeys(("status", "response type"), ToolColumn(_QUALTRICS, "the response type")),
    **dict.fromkeys(
        ("ipaddress", "ip address"),
        ToolColumn(_QUALTRICS, "the respondent's IP address", personal=True),
    ),
    "progress": ToolColumn(_QUALTRICS, "how far the respondent got"),
    "duration in seconds": ToolColumn(_QUALTRICS, "how long answering took"),
    "finished": ToolColumn(_QUALTRICS, "whether the answer was finished"),
    **dict.fromkeys(
        ("recordeddate", "recorded date"),
        ToolColumn(_QUALTRICS, "when the answer was recorded", F.SUBMITTED_ON),
    ),
    **dict.fromkeys(("responseid", "response id"), ToolColumn(_QUALTRICS, "the response number")),
    **dict.fromkeys(_CONTACT_COLUMNS, ToolColumn(_QUALTRICS, _CONTACT_LIST)),
    **dict.fromkeys(
        ("locationlatitude", "location latitude", "locationlongitude", "location longitude"),
        ToolColumn(_QUALTRICS, "where the respondent was", personal=True),
    ),
    **dict.fromkeys(
        ("distributionchannel", "distribution channel"),
        ToolColumn(_QUALTRICS, "how the survey was sent"),
    ),
    **dict.fromkeys(
        ("userlanguage", "user language"),
        ToolColumn(_QUALTRICS, "the language the survey was shown in"),
    ),
}
#: Columns only Qualtrics writes; two of them make a file a Qualtrics export.
_QUALTRICS_SIGNS = frozenset({
    "responseid", "recordeddate", "recorded date", "ipaddress", "distributionchannel",
    "distribution channel", "userlanguage", "user language", "duration in seconds",
    "externalreference", "external data reference", "locationlatitude", "location latitude",
})  # fmt: skip
_RECORDED = frozenset({"recordeddate", "recorded date"})
_FINISHED = frozenset({"enddate", "end date"})
#: Qualtrics' fraud and spam checks ("Q_RecaptchaScore", "Q_RelevantIDDuplicate").
_QUALTRICS_CHECKS = ("q recaptcha", "q relevantid", "q ballotbox")

_LIMESURVEY_COLUMNS: dict[str, ToolColumn] = {
    **dict.fromkeys(("id", "response id"), ToolColumn(_LIMESURVEY, "the response number")),
    **dict.fromkeys(
        ("submitdate", "date submitted"),
        ToolColumn(_LIMESURVEY, "when the answer was submitted", F.SUBMITTED_ON),
    ),
    **dict.fromkeys(("lastpage", "last page"), ToolColumn(_LIMESURVEY, "the last page seen")),
    **dict.fromkeys(
        ("startlanguage", "start language"),
        ToolColumn(_LIMESURVEY, "the language the survey was shown in"),
    ),
    "seed": ToolColumn(_LIMESURVEY, "a number the survey drew to shuffle its questions"),
    **dict.fromkeys(("startdate", "date started"), ToolColumn(_LIMESURVEY, "when it was opened")),
    **dict.fromkeys(
        ("datestamp", "date last action"), ToolColumn(_LIMESURVEY, "when it was last changed")
    ),
    **dict.fromkeys(
        ("ipaddr", "ip address"),
        ToolColumn(_LIMESURVEY, "the respondent's IP address", personal=True),
    ),
    **dict.fromkeys(
        ("refurl", "referrer url"),
        ToolColumn(_LIMESURVEY, "the web page the respondent came from", personal=True),
    ),
}
_LIMESURVEY_SIGNS = frozenset({
    "submitdate", "lastpage", "startlanguage", "seed", "datestamp", "ipaddr", "refurl",
    "last page", "start language", "date last action", "referrer url",
})  # fmt: skip

_GOOGLE_TIMESTAMPS = frozenset({"timestamp", "horodateur", "zeitstempel", "marca temporal"})
_GOOGLE_SCORES = frozenset({"score", "total score", "note", "punktzahl", "punkte"})


def tool_columns(headers: Sequence[str]) -> dict[int, ToolColumn]:
    """Find the columns Microsoft Forms, Google Forms, Qualtrics or LimeSurvey added.

    Qualtrics and LimeSurvey columns are recognised by their codes
    ("ResponseId", "submitdate") or by the words their exports put on the row
    below ("Response ID", "Date submitted"), once two of the tool's own
    columns show whose export it is: a coordinator's "Status" is not
    Qualtrics' response type.

    Args:
        headers: the column titles as :func:`~mentordesk.formats.reading.read_table` gives them.

    Returns:
        Column index to what the tool wrote there.
    """
    keys = [header_key(header) for header in headers]
    found: dict[int, ToolColumn] = {}
    forms = forms_metadata(headers)
    if forms is not None:
        found[forms.id] = ToolColumn(_FORMS, "the response number")
        found[forms.start_time] = ToolColumn(_FORMS, "when the form was opened")
        found[forms.completion_time] = ToolColumn(
            _FORMS, "when the answer was submitted", F.SUBMITTED_ON
        )
        found[forms.email] = ToolColumn(_FORMS, "the address", F.EMAIL, sign_in=True)
        found[forms.name] = ToolColumn(_FORMS, "the name", F.FULL_NAME, sign_in=True)
        for column in range(forms.name + 1, forms.question_start):
            if column == forms.last_modified_time:
                found[column] = ToolColumn(_FORMS, "when the answer was last changed")
            elif column == forms.total_points:
                found[column] = ToolColumn(_FORMS, "the quiz score")
            else:
                found[column] = ToolColumn(_FORMS, "the quiz feedback")
        for column in range(forms.question_start, len(keys)):
            if keys[column].startswith(("points ", "feedback ")):
                found[column] = ToolColumn(_FORMS, "the quiz result of a question")
    if keys and keys[0] in _GOOGLE_TIMESTAMPS:
        for column in range(1, min(3, len(keys))):
            if keys[column] in _GOOGLE_SCORES:
                found[column] = ToolColumn(_GOOGLE, "the quiz score")
    if len(_QUALTRICS_SIGNS.intersection(keys)) >= 2:
        recorded = not _RECORDED.isdisjoint(keys)
        for column, key in enumerate(keys):
            if key in _QUALTRICS_COLUMNS:
                found[column] = _QUALTRICS_COLUMNS[key]
                if recorded and key in _FINISHED:
                    # One submission date: the moment Qualtrics recorded the answer.
                    found[column] = ToolColumn(_QUALTRICS, "when the answer was finished")
            elif key.startswith(_QUALTRICS_CHECKS):
                found[column] = ToolColumn(_QUALTRICS, "a check against spam and fraud")
    elif len(_LIMESURVEY_SIGNS.intersection(keys)) >= 2:
        for column, key in enumerate(keys):
            if key in _LIMESURVEY_COLUMNS:
                found[column] = _LIMESURVEY_COLUMNS[key]
    return found
