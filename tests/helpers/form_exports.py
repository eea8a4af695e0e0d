"""Application forms exported as the real tools write them, with what each file says.

Microsoft Forms (.xlsx), Google Forms (.csv), Qualtrics (.csv, codes over
questions over ImportIds), LimeSurvey (.xlsx, codes over questions) and a
coordinator's own sheet (.xlsx: a title, merged headers over two rows,
day-first dates, a totals row). Every writer fills the same kind of form with
the same made-up applicants (accented names, some answering twice, some
optional answers left blank) and returns a :class:`FormExport`: the questions
as written, what each one holds in a coordinator's eyes, and every row's
cells as written, so a test can compare what MentorDesk kept, cell for cell.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import random
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from mentordesk.domain.enums import ApplicantField, Role, StrandFormat
from mentordesk.formats.tables import CellValue
from mentordesk.services.programmes import ProgrammeInput, StrandInput, create_programme
from mentordesk.store.programme_file import ProgrammeFile

F = ApplicantField

#: The strands of the programme the files are imported into (tests/conftest.py's "Pilot 2026").
STRANDS = ("Fellows", "Circles")

#: Google Forms' answers to the strand question: a sentence naming the strand.
GOOGLE_STRANDS = {
    "Fellows": "The Fellows strand (one-to-one mentoring for postdocs)",
    "Circles": "Circles: small peer-mentoring groups for staff",
}
#: The same form written before the strands had names: no answer names a strand.
EARLY_STRANDS = {
    "Fellows": "Early-career researchers (postdocs)",
    "Circles": "Staff peer groups",
}
#: Google Forms' answers to the role question, as whole sentences.
GOOGLE_ROLES = {Role.MENTEE: "I'd like to be mentored", Role.MENTOR: "I'd like to offer mentoring"}

#: The programme the files are imported into.
PROGRAMME = "Pilot 2026"


def make_programme_file(path: Path, passphrase: str) -> int:
    """Make an encrypted programme file holding :data:`PROGRAMME` and close it; return its id.

    The programme is tests/conftest.py's: "Fellows" one-to-one and "Circles"
    in groups. The file is closed, so a child process can open it.
    """
    with ProgrammeFile.create(path, passphrase) as opened, opened.session() as session:
        return create_programme(
            session,
            ProgrammeInput(
                name=PROGRAMME,
                strands=[
                    StrandInput(STRANDS[0], StrandFormat.ONE_TO_ONE, 10),
                    StrandInput(STRANDS[1], StrandFormat.GROUP, 12),
                ],
            ),
        )


_FIRST = (
    "Zsófia", "Łukasz", "Ömer", "Åsa", "Émile", "Zoë", "Oscar", "Ørjan", "Đorđe", "Jürgen",
    "Ana", "Maria", "Kemal", "Siobhán", "François", "Inès", "Björn", "Chloé", "Dániel",
    "Małgorzata", "Nuño", "Renée", "Søren", "Tomáš", "Ýr",
)  # fmt: skip
_LAST = (
    "Zsigmond", "Łukasiewicz", "Öztürk", "Åberg", "Émond", "Abbott", "Olsen", "Østergaard",
    "Đurić", "Strauß", "de Vries", "Dursun", "Ní Bhriain", "Lefèvre", "García", "Müller",
    "Nowak", "O'Connor", "Sánchez", "Dvořák", "Håkansson", "Çelik", "van der Berg", "Kovács",
    "Jónsdóttir",
)  # fmt: skip
_DEPARTMENTS = (
    "Chemistry", "History", "Physics", "Library", "Human Resources", "Computer Science",
    "Modern Languages", "Biology",
)  # fmt: skip
_TOPICS = ("Networking", "Grant writing", "Teaching", "Work-life balance", "Leadership")
_LANGUAGES = ("French", "German", "Spanish", "Polish", "Turkish")
_SUPPORT = (
    "Writing my first grant application",
    "Finding my feet in a new department; building a network",
    "Balancing teaching and research",
    "Preparing for a promotion case, and speaking with more confidence in meetings",
)
_GOALS = (
    "A clearer plan for the next three years",
    "Someone outside my group to talk to about my career",
    "To give back: I had a mentor who changed my path",
    "Confidence in leading a small team",
    "Help me decide between industry and academia.\nAlso: advice on moving countries.",
)
_PREFERENCES = ("", "", "Someone from another faculty", "A woman in science, if possible")
_AVAILABILITY = ("Once a month", "Every two weeks", "Once a month, on weekday mornings")
_HEARD = ("", "A colleague", "The staff newsletter", "My head of department")
_EVENTS = ("Launch lunch", "Writing retreat", "Closing event")
_ANYTHING = ("", "", "", "", "I work part time (Mon–Wed)", "I may be on leave in May; back in June")


@dataclass(frozen=True)
class Applicant:
    """What one person answered on the application form (one submission).

    Attributes:
        first_name: as typed.
        last_name: as typed (may hold spaces: "de Vries").
        email: as typed (some with capitals).
        role: the side they apply for.
        strand: the strand's name in the programme.
        submitted: when they pressed Submit (local time, as the tool writes it).
        department: blank for a few.
        expertise: topics a mentor can help with (blank for mentees).
        languages: the languages they can mentor in.
        support: the areas a mentee wants support with (blank for mentors).
        goals: what they want to get out of the programme (may hold a line break).
        preferences: preferences for their match, often blank.
        availability: how often they can meet.
        heard_from: how they heard of the programme, sometimes blank.
        events: the events they would attend.
        anything_else: mostly blank.
        capacity: how many mentees a mentor can take (None for mentees).
        consent_on: the day they consented (the coordinator's sheet keeps it apart).
    """

    first_name: str
    last_name: str
    email: str
    role: Role
    strand: str
    submitted: dt.datetime
    department: str
    expertise: tuple[str, ...]
    languages: tuple[str, ...]
    support: str
    goals: str
    preferences: str
    availability: str
    heard_from: str
    events: tuple[str, ...]
    anything_else: str
    capacity: int | None
    consent_on: dt.date

    @property
    def full_name(self) -> str:
        """First and last name, as a form's "full name" question gets them."""
        return f"{self.first_name} {self.last_name}"

    @property
    def key(self) -> tuple[str, str, Role]:
        """Who applied for what: a later answer with the same key replaces an earlier one."""
        return self.email.lower(), self.strand, self.role


def _ascii(text: str) -> str:
    special = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})
    decomposed = unicodedata.normalize("NFKD", text.translate(special).replace("ß", "ss"))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def applicants(count: int = 50, repeats: int = 5, *, first: int = 0) -> list[Applicant]:
    """Made-up applicants in the order they submitted, some answering twice.

    Args:
        count: how many people.
        repeats: how many of them submit the form a second time, days later,
            with other goals and availability (the same strand and role).
        first: the number of the first person, so that two calls can give
            different people (their emails never meet).

    Returns:
        ``count + repeats`` submissions, oldest first.
    """
    chance = random.Random(15 + first)
    moment = dt.datetime(2026, 3, 2, 8, 47, 12)
    people: list[Applicant] = []
    for n in range(first, first + count):
        given, family = _FIRST[n % len(_FIRST)], _LAST[(n * 3 + n // len(_FIRST)) % len(_LAST)]
        email = f"{_ascii(given).lower()}.{_ascii(family).lower()}{n}@uni.example"
        if n % 9 == 4:
            email = email.replace(email[0], email[0].upper(), 1).replace("uni.", "Uni.")
        mentor = n % 3 == 0
        moment += dt.timedelta(minutes=chance.randrange(300, 1500), seconds=chance.randrange(60))
        people.append(
            Applicant(
                first_name=given,
                last_name=family,
                email=email,
                role=Role.MENTOR if mentor else Role.MENTEE,
                strand=STRANDS[(n // 2) % 2],
                submitted=moment,
                department="" if n % 11 == 7 else _DEPARTMENTS[n % len(_DEPARTMENTS)],
                expertise=tuple(chance.sample(_TOPICS, chance.randint(1, 3))) if mentor else (),
                languages=("English", *chance.sample(_LANGUAGES, n % 3)),
                support="" if mentor else _SUPPORT[n % len(_SUPPORT)],
                goals=_GOALS[n % len(_GOALS)],
                preferences=_PREFERENCES[n % len(_PREFERENCES)],
                availability=_AVAILABILITY[n % len(_AVAILABILITY)],
                heard_from=_HEARD[n % len(_HEARD)],
                events=tuple(chance.sample(_EVENTS, chance.randint(0, 2))),
                anything_else=_ANYTHING[n % len(_ANYTHING)],
                capacity=1 + n % 3 if mentor else None,
                consent_on=moment.date() - dt.timedelta(days=n % 2),
            )
        )
    again = [
        dataclasses.replace(
            person,
            submitted=person.submitted + dt.timedelta(days=3, hours=2, minutes=17),
            goals=f"{person.goals} (changed my mind: more on leadership)",
            availability="Every week, if possible",
        )
        for person in people[1 : 1 + 4 * repeats : 4]
    ]
    return sorted([*people, *again], key=lambda person: person.submitted)


@dataclass(frozen=True)
class Column:
    """One question of a form and how an applicant's answer to it is written.

    Attributes:
        question: the question as the tool writes it over the column.
        field: what the column holds in a coordinator's eyes: a field,
            OTHER for a question no field fits, IGNORE for the tool's own
            bookkeeping (a response number, an IP address, a start time).
        answer: the cell written for one applicant (the row's number, from 1, second).
        code: the tool's code for the question (Qualtrics, LimeSurvey), if any.
    """

    question: str
    field: ApplicantField
    answer: Callable[[Applicant, int], CellValue]
    code: str = ""


@dataclass(frozen=True)
class Answer:
    """One row of the file: who answered and the cells written, one per column."""

    applicant: Applicant
    cells: tuple[CellValue, ...]
    newest: bool
    """False when the same person answered again later for the same strand and role."""


@dataclass(frozen=True)
class FormExport:
    """A file written by one of the writers below and what it says.

    Attributes:
        path: the file.
        questions: each column's question as written (may hold line breaks).
        fields: what each column holds (see :attr:`Column.field`).
        codes: each column's code for tools that write one, else empty.
        answers: every row, in file order.
    """

    path: Path
    questions: tuple[str, ...]
    fields: tuple[ApplicantField, ...]
    codes: tuple[str, ...]
    answers: tuple[Answer, ...]

    def header(self, column: int) -> str:
        """The column's question as an importer reads it: line breaks and runs of spaces folded."""
        return " ".join(self.questions[column].split())

    def column(self, field: ApplicantField) -> int:
        """The one column holding ``field``."""
        (found,) = [c for c, held in enumerate(self.fields) if held is field]
        return found

    @property
    def kept(self) -> list[Answer]:
        """The rows an import keeps: each person's newest answer for a strand and role."""
        return [answer for answer in self.answers if answer.newest]


def _rows(
    columns: Sequence[Column], people: Sequence[Applicant], path: Path
) -> tuple[FormExport, list[list[CellValue]]]:
    newest: dict[tuple[str, str, Role], Applicant] = {}
    for person in people:
        if person.key not in newest or person.submitted > newest[person.key].submitted:
            newest[person.key] = person
    answers = tuple(
        Answer(
            person,
            tuple(column.answer(person, number) for column in columns),
            newest[person.key] is person,
        )
        for number, person in enumerate(people, start=1)
    )
    export = FormExport(
        path=path,
        questions=tuple(column.question for column in columns),
        fields=tuple(column.field for column in columns),
        codes=tuple(column.code for column in columns),
        answers=answers,
    )
    return export, [list(answer.cells) for answer in answers]


def _arranged(
    columns: list[Column],
    order: Sequence[int] | None,
    renamed: Mapping[str, str],
    extra: Sequence[Column],
) -> list[Column]:
    columns = [
        dataclasses.replace(c, question=renamed.get(c.question, c.question)) for c in columns
    ]
    columns += extra
    return [columns[i] for i in order] if order is not None else columns


def _write_xlsx(path: Path, sheet_name: str, rows: Sequence[Sequence[CellValue]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


Answerer = Callable[[Applicant, int], CellValue]


def _said(name: str) -> Answerer:
    """The applicant's answer ``name`` as written; an empty answer is an empty cell."""
    return lambda p, n: getattr(p, name) or None


def _ticked(name: str, *, between: str = ", ", after: str = "") -> Answerer:
    """A multiple-choice answer, its choices joined as the tool joins them; none is empty."""
    return lambda p, n: between.join(f"{c}{after}" for c in getattr(p, name)) or None


def _always(value: CellValue) -> Answerer:
    return lambda p, n: value


def _by_role(words: Mapping[Role, str]) -> Answerer:
    return lambda p, n: words[p.role]


def _iso(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def _submitted(*, minus: int = 0, iso: bool = False) -> Answerer:
    """The submission moment less ``minus`` seconds: a date-and-time cell, or ISO text."""

    def answer(p: Applicant, n: int) -> CellValue:
        moment = p.submitted - dt.timedelta(seconds=minus)
        return _iso(moment) if iso else moment

    return answer


# Microsoft Forms -------------------------------------------------------------------------


def forms_columns() -> list[Column]:
    """The columns of the Microsoft Forms application form, in the export's order."""
    return [
        Column("ID", F.IGNORE, lambda p, n: n),
        Column("Start time", F.IGNORE, lambda p, n: p.submitted - dt.timedelta(0, 240 + n * 7)),
        Column("Completion time", F.SUBMITTED_ON, _submitted()),
        Column("Email", F.IGNORE, _always("anonymous")),
        Column("Name", F.IGNORE, _always(None)),
        Column("Last modified time", F.IGNORE, _always(None)),
        Column("Your full name", F.FULL_NAME, _said("full_name")),
        Column("Your university email address", F.EMAIL, _said("email")),
        Column("I am applying as a", F.ROLE, lambda p, n: p.role.label),
        Column("Which strand are you applying for?", F.STRAND, _said("strand")),
        Column("Department or institute", F.DEPARTMENT, _said("department")),
        Column(
            "Topics you could mentor on\r\n(choose all that apply)",
            F.EXPERTISE,
            _ticked("expertise", between="", after=";"),
        ),
        Column(
            "Which languages are you comfortable\r\nmentoring in?",
            F.LANGUAGES,
            _ticked("languages", between="", after=";"),
        ),
        Column("Which areas would you like support with?", F.DEVELOPMENT_NEEDS, _said("support")),
        Column("What would you like to get out of the programme?", F.GOALS, _said("goals")),
        Column(
            "Do you have any preferences for your mentor or mentee?",
            F.PREFERENCES,
            _said("preferences"),
        ),
        Column("How often can you meet?", F.AVAILABILITY, _said("availability")),
        Column("How did you hear about the programme?", F.OTHER, _said("heard_from")),
        Column(
            "Which events would you like to attend?",
            F.OTHER,
            _ticked("events", between="", after=";"),
        ),
        Column("Anything else you would like us to know?", F.OTHER, _said("anything_else")),
        Column(
            "I agree to the processing of my personal data for the mentoring programme",
            F.CONSENT,
            _always("I agree"),
        ),
    ]


def write_microsoft_forms(
    path: Path,
    people: Sequence[Applicant] | None = None,
    *,
    order: Sequence[int] | None = None,
    renamed: Mapping[str, str] | None = None,
    extra: Sequence[Column] = (),
) -> FormExport:
    """Write a Microsoft Forms export (.xlsx), as "Open results in Excel" saves it.

    Its own columns first (ID, Start time, Completion time as real date-and-time
    cells; Email "anonymous", Name and Last modified time empty, as for a form
    anyone can answer), then one column per question: some headers hold
    ``\\r\\n``, multiple-choice answers end with ";" ("Networking;Grant writing;"),
    the consent question is answered "I agree".

    Args:
        path: where to write it.
        people: the submissions, in the file's order (default: :func:`applicants`).
        order: the columns' order, as indexes into the form's columns (and ``extra``).
        renamed: other wordings for some questions (question → new wording).
        extra: questions added after the form's own.
    """
    columns = _arranged(forms_columns(), order, renamed or {}, extra)
    export, rows = _rows(columns, applicants() if people is None else people, path)
    _write_xlsx(path, "Form1", [list(export.questions), *rows])
    return export


# Google Forms ----------------------------------------------------------------------------


def google_timestamp(moment: dt.datetime) -> str:
    """A Google Forms timestamp: "2026/03/14 10:22:13 AM GMT+1" (summer time from 29 March)."""
    offset = 2 if moment >= dt.datetime(2026, 3, 29, 2) else 1
    hour = moment.hour % 12 or 12
    noon = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {noon} GMT+{offset}"


def google_columns(strands: Mapping[str, str] = GOOGLE_STRANDS) -> list[Column]:
    """The columns of the Google Forms version of the form (other wording for every question).

    Args:
        strands: the answer each strand's applicants chose, by strand name.
    """
    consent = "I consent to my data being used to run the mentoring programme"
    return [
        Column("Timestamp", F.SUBMITTED_ON, lambda p, n: google_timestamp(p.submitted)),
        Column("Email address", F.EMAIL, _said("email")),
        Column("Given name(s)", F.FIRST_NAME, _said("first_name")),
        Column("Family name", F.LAST_NAME, _said("last_name")),
        Column("How would you like to take part?", F.ROLE, _by_role(GOOGLE_ROLES)),
        Column(
            "Which part of the programme interests you?",
            F.STRAND,
            lambda p, n: strands[p.strand],
        ),
        Column("Your department or institute", F.DEPARTMENT, _said("department")),
        Column("What can you offer a mentee?", F.EXPERTISE, _ticked("expertise")),
        Column("Languages you speak", F.LANGUAGES, _ticked("languages")),
        Column("What do you hope to gain from taking part?", F.GOALS, _said("goals")),
        Column("What challenges would you like to work on?", F.DEVELOPMENT_NEEDS, _said("support")),
        Column("When are you available to meet?", F.AVAILABILITY, _said("availability")),
        Column(
            "Any preferences about who you are matched with?",
            F.PREFERENCES,
            _said("preferences"),
        ),
        Column("Where did you find out about the programme?", F.OTHER, _said("heard_from")),
        Column("Anything else we should know?", F.OTHER, _said("anything_else")),
        Column("Privacy notice", F.CONSENT, _always(consent)),
    ]


def write_google_forms(
    path: Path,
    people: Sequence[Applicant] | None = None,
    *,
    strands: Mapping[str, str] = GOOGLE_STRANDS,
    order: Sequence[int] | None = None,
    renamed: Mapping[str, str] | None = None,
    extra: Sequence[Column] = (),
) -> FormExport:
    """Write a Google Forms export (.csv), as "Download responses (.csv)" saves it.

    Every cell quoted, UTF-8 without a byte order mark; "Timestamp" as text with
    its GMT offset; "Email address"; roles and strands as whole sentences;
    checkbox answers joined with ", "; a consent checkbox repeating its statement.

    Args:
        path: where to write it.
        people: the submissions, in the file's order (default: :func:`applicants`).
        strands: the answer each strand's applicants chose (see :data:`EARLY_STRANDS`).
        order: the columns' order, as indexes into the form's columns (and ``extra``).
        renamed: other wordings for some questions (question → new wording).
        extra: questions added after the form's own.
    """
    columns = _arranged(google_columns(strands), order, renamed or {}, extra)
    export, rows = _rows(columns, applicants() if people is None else people, path)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(export.questions)
        writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return export


# Qualtrics and LimeSurvey ----------------------------------------------------------------

_QUALTRICS_ROLES = {
    Role.MENTEE: "Mentee (I would like a mentor)",
    Role.MENTOR: "Mentor (I would like to mentor someone)",
}
#: Qualtrics' own columns: code, question, ImportId, and the answer written.
_QUALTRICS_OWN: tuple[tuple[str, str, str, Answerer], ...] = (
    ("StartDate", "Start Date", "startDate", _submitted(minus=300, iso=True)),
    ("EndDate", "End Date", "endDate", _submitted(iso=True)),
    ("Status", "Response Type", "status", _always("IP Address")),
    ("IPAddress", "IP Address", "ipAddress", lambda p, n: f"192.0.2.{n}"),
    ("Progress", "Progress", "progress", _always("100")),
    ("Duration (in seconds)", "Duration (in seconds)", "duration", lambda p, n: str(240 + n)),
    ("Finished", "Finished", "finished", _always("True")),
    ("RecordedDate", "Recorded Date", "recordedDate", _submitted(iso=True)),
    ("ResponseId", "Response ID", "_recordId", lambda p, n: f"R_{n:04d}aZ3kq9QmXbT"),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName", _always(None)),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName", _always(None)),
    ("RecipientEmail", "Recipient Email", "recipientEmail", _always(None)),
    ("ExternalReference", "External Data Reference", "externalDataReference", _always(None)),
    ("LocationLatitude", "Location Latitude", "locationLatitude", _always("51.7520")),
    ("LocationLongitude", "Location Longitude", "locationLongitude", _always("-1.2577")),
    ("DistributionChannel", "Distribution Channel", "distributionChannel", _always("anonymous")),
    ("UserLanguage", "User Language", "userLanguage", _always("EN")),
)


def qualtrics_columns() -> list[Column]:
    """The columns of the Qualtrics version of the form: its own, then Q1, Q2…."""
    own = [
        Column(question, F.SUBMITTED_ON if code == "RecordedDate" else F.IGNORE, answer, code)
        for code, question, _, answer in _QUALTRICS_OWN
    ]
    consent = "Data protection - do you consent to us keeping your answers for the programme?"
    questions = [
        Column("What is your name?", F.FULL_NAME, _said("full_name")),
        Column("What is your email address?", F.EMAIL, _said("email")),
        Column("Are you applying as a mentor or a mentee?", F.ROLE, _by_role(_QUALTRICS_ROLES)),
        Column("Which strand would you like to join?", F.STRAND, _said("strand")),
        Column("Which department are you in?", F.DEPARTMENT, _said("department")),
        Column("Topics you could mentor on", F.EXPERTISE, _ticked("expertise", between=",")),
        Column("What are your objectives for the programme?", F.GOALS, _said("goals")),
        Column("Areas to develop", F.DEVELOPMENT_NEEDS, _said("support")),
        Column("How often can you meet?", F.AVAILABILITY, _said("availability")),
        Column(consent, F.CONSENT, _always("Yes")),
        Column("How did you hear about the programme?", F.OTHER, _said("heard_from")),
        Column(
            "Is there anything else you would like to tell us?", F.OTHER, _said("anything_else")
        ),
    ]
    return own + [
        dataclasses.replace(column, code=f"Q{number}")
        for number, column in enumerate(questions, start=1)
    ]


def write_qualtrics(path: Path, people: Sequence[Applicant] | None = None) -> FormExport:
    """Write a Qualtrics export (.csv): codes, then questions, then ImportIds, then answers.

    Qualtrics' own columns (StartDate, EndDate, Status, IPAddress, Progress, …,
    ResponseId, Recipient…, Location…, DistributionChannel "anonymous") come
    first, dates as "2026-03-14 10:22:13" text; the third row is one JSON
    ``{"ImportId": …}`` per column; UTF-8 with a byte order mark.
    """
    columns = qualtrics_columns()
    export, rows = _rows(columns, applicants() if people is None else people, path)
    import_ids = [json.dumps({"ImportId": own[2]}) for own in _QUALTRICS_OWN]
    import_ids += [json.dumps({"ImportId": f"QID{n}"}) for n in range(1, 13)]
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(export.codes)
        writer.writerow(export.questions)
        writer.writerow(import_ids)
        writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return export


_LIMESURVEY_ROLES = {Role.MENTEE: "Mentee", Role.MENTOR: "Mentor/in"}


def limesurvey_columns() -> list[Column]:
    """The columns of the LimeSurvey version of the form: its own, then G01Q01…."""
    own = [
        Column("Response ID", F.IGNORE, lambda p, n: n, "id"),
        Column("Date submitted", F.SUBMITTED_ON, _submitted(iso=True), "submitdate"),
        Column("Last page", F.IGNORE, _always(3), "lastpage"),
        Column("Start language", F.IGNORE, _always("en"), "startlanguage"),
        Column("Seed", F.IGNORE, lambda p, n: 1_503_263_713 + n * 7919, "seed"),
        Column("Date started", F.IGNORE, _submitted(minus=360, iso=True), "startdate"),
        Column("Date last action", F.IGNORE, _submitted(iso=True), "datestamp"),
        Column("IP address", F.IGNORE, lambda p, n: f"198.51.100.{n}", "ipaddr"),
    ]
    questions = [
        [
            Column("First name", F.FIRST_NAME, _said("first_name")),
            Column("Last name", F.LAST_NAME, _said("last_name")),
            Column("Email address", F.EMAIL, _said("email")),
            Column(
                "Do you want to take part as a mentor or as a mentee?",
                F.ROLE,
                _by_role(_LIMESURVEY_ROLES),
            ),
            Column("Strand", F.STRAND, _said("strand")),
        ],
        [
            Column("Languages", F.LANGUAGES, _ticked("languages")),
            Column("What can you offer?", F.EXPERTISE, _ticked("expertise")),
            Column("What would you like to get out of the programme?", F.GOALS, _said("goals")),
            Column("Preferences for your mentor/mentee", F.PREFERENCES, _said("preferences")),
            Column("Time commitment", F.AVAILABILITY, _said("availability")),
        ],
        [
            Column("GDPR: I consent to the storage of my answers", F.CONSENT, _always("Yes")),
            Column("How did you hear about the programme?", F.OTHER, _said("heard_from")),
        ],
    ]
    return own + [
        dataclasses.replace(column, code=f"G{group:02d}Q{number:02d}")
        for group, columns in enumerate(questions, start=1)
        for number, column in enumerate(columns, start=1)
    ]


def write_limesurvey(path: Path, people: Sequence[Applicant] | None = None) -> FormExport:
    """Write a LimeSurvey export (.xlsx): question codes over question texts, then answers.

    LimeSurvey's own columns first (id, submitdate, lastpage, startlanguage,
    seed, startdate, datestamp, ipaddr), dates as "2026-03-14 10:22:13" text;
    the role is answered "Mentor/in" or "Mentee".
    """
    columns = limesurvey_columns()
    export, rows = _rows(columns, applicants() if people is None else people, path)
    _write_xlsx(path, "results-survey", [list(export.codes), list(export.questions), *rows])
    return export


# A coordinator's own sheet ---------------------------------------------------------------

#: The title and the groups of the coordinator's two header rows (merged across their columns).
COORDINATOR_TITLE = "Mentoring programme 2026: applications"
_GROUPS = (("Applicant", 0, 3), ("Application", 4, 8))


def _day_first(day: Callable[[Applicant], dt.date]) -> Answerer:
    return lambda p, n: f"{day(p):%d/%m/%Y}"


def coordinator_columns() -> list[Column]:
    """The columns of the coordinator's sheet, under their group titles."""
    return [
        Column("First name", F.FIRST_NAME, _said("first_name")),
        Column("Last name", F.LAST_NAME, _said("last_name")),
        Column("Email", F.EMAIL, _said("email")),
        Column("Department", F.DEPARTMENT, _said("department")),
        Column("Strand", F.STRAND, _said("strand")),
        Column("Role", F.ROLE, lambda p, n: p.role.label),
        Column("Applied on", F.SUBMITTED_ON, _day_first(lambda p: p.submitted.date())),
        Column("Consent given on", F.CONSENT_ON, _day_first(lambda p: p.consent_on)),
        Column("Number of mentees", F.CAPACITY, _said("capacity")),
        Column("Goals", F.GOALS, _said("goals")),
        Column("Interview notes", F.OTHER, lambda p, n: "Strong" if n % 5 == 0 else None),
    ]


def write_coordinator_sheet(path: Path, people: Sequence[Applicant] | None = None) -> FormExport:
    """Write a coordinator's own .xlsx: a title row, two merged header rows, a totals row.

    Row 1 holds a title, row 2 a note. Row 3 holds group titles merged across
    the columns under them ("Applicant", "Application") and two titles merged
    down over rows 3 and 4 ("Goals", "Interview notes"); row 4 the other
    column titles. Dates are day-first text ("14/03/2026"); some days are
    above 12, which settles the order of the others ("02/04/2026"). Under the
    last applicant, a "Total" row counts the emails and sums the mentees
    with formulas, saved with their values as Excel does. One row per person
    (default: 55 people, nobody twice).
    """
    columns = coordinator_columns()
    people = applicants(55, 0) if people is None else people
    export, rows = _rows(columns, people, path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Applications"
    sheet.append([COORDINATOR_TITLE])
    sheet.append(["Kept by the programme office; dates are day/month/year"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for title, left, right in _GROUPS:
        sheet.cell(row=3, column=left + 1, value=title)
        sheet.merge_cells(start_row=3, start_column=left + 1, end_row=3, end_column=right + 1)
        for index in range(left, right + 1):
            sheet.cell(row=4, column=index + 1, value=columns[index].question)
    for index in range(_GROUPS[-1][2] + 1, len(columns)):
        sheet.cell(row=3, column=index + 1, value=columns[index].question)
        sheet.merge_cells(start_row=3, start_column=index + 1, end_row=4, end_column=index + 1)
    for row in rows:
        sheet.append(row)
    last = 4 + len(rows)
    totals: list[CellValue] = [None] * len(columns)
    totals[0] = "Total"
    count, places = f"COUNTA(C5:C{last})", f"SUM(I5:I{last})"
    totals[2], totals[export.column(F.CAPACITY)] = f"={count}", f"={places}"
    sheet.append(totals)
    workbook.save(path)
    # Excel saves each formula with its value; openpyxl cannot, so the values are put in.
    _cache_values(path, {count: len(rows), places: sum(p.capacity or 0 for p in people)})
    return export


def _cache_values(path: Path, values: Mapping[str, int]) -> None:
    """Give formulas the values Excel would have saved with them."""
    with zipfile.ZipFile(path) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts.items():
            if info.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for formula, value in values.items():
                    empty, saved = f"<f>{formula}</f><v></v>", f"<f>{formula}</f><v>{value}</v>"
                    text = text.replace(empty, saved)
                data = text.encode("utf-8")
            archive.writestr(info, data)


_GOOGLE_NAME = "Mentoring application (Responses) - Form responses 1.csv"
#: Every shape, by name: the writer and the file name the tool gives its export.
WRITERS: dict[str, tuple[Callable[[Path], FormExport], str]] = {
    "microsoft forms": (write_microsoft_forms, "Mentoring application form(1-55).xlsx"),
    "google forms": (write_google_forms, _GOOGLE_NAME),
    "qualtrics": (write_qualtrics, "Mentoring+application_March+14,+2026_10.22.csv"),
    "limesurvey": (write_limesurvey, "results-survey482915.xlsx"),
    "coordinator": (write_coordinator_sheet, "Applications 2026 (programme office).xlsx"),
}
