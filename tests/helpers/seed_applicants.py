"""The seed programmes' applicants, as Microsoft Forms exports the way a coordinator has them.

Four programmes from /work/shared/seeds/, each with a small cohort made up for
it: ADVANCE (University of Luxembourg with LIH, LISER and LIST; organisations
spelled several ways), One Step Beyond (a staff scheme on UK grades with a
"Line manager" column and two career tracks), CERN Women in Technology (a
committee pairing people of the same department or field) and a mid-career
faculty scheme with a mentoring network. Positions are written in English,
French and German.

Every applicant also carries what the coordinator knows to be true — the
career stage and level the position means, the track, the institution behind
an organisation's spelling — so that a test can check the rules against the
truth, not against what MentorDesk stored.

The file has Microsoft Forms' own columns first (ID, Start time, Completion
time, Email, Name, Last modified time): a form inside an organisation records
who signed in, a form anyone can answer says "anonymous" and asks for the name
and email. The coordinator's "Decision" column comes last, typed into the
export after selection (or is left out, to decide with ``applicants status``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from mentordesk.domain.enums import Role

MENTOR, MENTEE = Role.MENTOR, Role.MENTEE


@dataclass(frozen=True)
class SeedApplicant:
    """One submission of a seed programme's form, and the facts behind it.

    Attributes:
        name: full name as typed.
        email: work email.
        role: mentor or mentee.
        position: the position as typed (English, French or German).
        stage: the career stage of the programme's list that the position means.
        level: that stage's level (the grade, for the staff scheme).
        track: that stage's track ("" for a list without tracks).
        strand: the strand answered ("" when the programme has one strand).
        organisation: the organisation as typed.
        institution: the institution really meant (the same for every spelling).
        department: department as typed.
        field: field as typed.
        line_manager: the line manager's email ("" for none).
        expertise: a mentor's topics.
        needs: a mentee's development needs.
        languages: languages they can mentor or be mentored in.
        capacity: the most mentees a mentor offers to take (None: not said).
        decision: the coordinator's decision typed in the export.
        submitted: when the form was sent (None: in the export's order, before the deadline).
    """

    name: str
    email: str
    role: Role
    position: str
    stage: str
    level: int
    track: str = ""
    strand: str = ""
    organisation: str = ""
    institution: str = ""
    department: str = ""
    field: str = ""
    line_manager: str = ""
    expertise: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    capacity: int | None = None
    decision: str = "Accepted"
    submitted: dt.datetime | None = None

    @property
    def accepted(self) -> bool:
        """Whether the coordinator accepted the application."""
        return self.decision == "Accepted"


@dataclass(frozen=True)
class Seed:
    """A seed programme's cohort and how its form was set up.

    Attributes:
        programme: the programme's name in the tests.
        applicants: the submissions, in the export's order.
        signed_in: the form was answered signed in (Forms fills Email and Name).
    """

    programme: str
    applicants: tuple[SeedApplicant, ...]
    signed_in: bool = False

    def by_email(self, email: str) -> SeedApplicant:
        """The applicant of this email (any case)."""
        wanted = email.strip().lower()
        return next(a for a in self.applicants if a.email.lower() == wanted)

    def chain(self, email: str, moved: Mapping[str, str] | None = None) -> set[str]:
        """The applicant's line manager, their manager, and so on up (emails, lower case).

        Args:
            email: the applicant's email.
            moved: line managers changed since the form (person's email → manager's).
        """
        changed = {k.lower(): v.lower() for k, v in (moved or {}).items()}

        def manager(of: str) -> str:
            return changed.get(of) or self.by_email(of).line_manager.lower()

        found: set[str] = set()
        current = manager(email.lower())
        while current and current not in found:
            found.add(current)
            current = manager(current)
        return found


Answer = Callable[[SeedApplicant], object]


def _column(header: str, answer: Answer) -> tuple[str, Answer]:
    return header, answer


def _ticked(values: Sequence[str]) -> str | None:
    """A multiple-choice answer as Forms writes it: each choice followed by ";"."""
    return "".join(f"{value};" for value in values) or None


def write_applicants(path: Path, seed: Seed, *, decisions: bool = True) -> Path:
    """Write ``seed``'s applications as a Microsoft Forms export (.xlsx) at ``path``.

    Only the questions some applicant answers are asked, as each programme's
    form asks its own: a strand question when applicants name strands, a
    "Line manager (email)" question for the staff scheme, and so on.

    Args:
        path: where to write it.
        seed: the programme and its applicants.
        decisions: the coordinator typed a "Decision" column into the export; without
            it, the applications are decided on afterwards (``applicants status``).

    Returns:
        ``path``.
    """
    people = seed.applicants
    columns: list[tuple[str, Answer]] = []
    if not seed.signed_in:
        columns += [
            _column("Your full name", lambda a: a.name),
            _column("Your email address", lambda a: a.email),
        ]
    columns.append(_column("I am applying as a", lambda a: a.role.label))
    optional: list[tuple[str, str, Answer]] = [
        ("strand", "Which strand are you applying for?", lambda a: a.strand or None),
        ("position", "What is your current position?", lambda a: a.position or None),
        ("organisation", "Institution", lambda a: a.organisation or None),
        ("department", "Department", lambda a: a.department or None),
        ("field", "Field", lambda a: a.field or None),
        ("line_manager", "Line manager (email)", lambda a: a.line_manager or None),
        (
            "expertise",
            "Topics you could mentor on\r\n(choose all that apply)",
            lambda a: _ticked(a.expertise),
        ),
        ("needs", "Which areas would you like support with?", lambda a: _ticked(a.needs)),
        (
            "languages",
            "Which languages are you comfortable\r\nmentoring in?",
            lambda a: _ticked(a.languages),
        ),
        ("capacity", "How many mentees could you take on?", lambda a: a.capacity),
    ]
    for name, header, answer in optional:
        if any(getattr(a, name) for a in people):
            columns.append(_column(header, answer))
    columns.append(
        _column(
            "I agree to the processing of my personal data for the mentoring programme",
            lambda a: "I agree",
        )
    )
    if decisions:
        columns.append(_column("Decision", lambda a: a.decision))

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Form1"
    own = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    sheet.append(own + [header for header, _ in columns])
    first = dt.datetime(2026, 11, 2, 9, 14)
    for number, person in enumerate(people, start=1):
        done = person.submitted or first + dt.timedelta(hours=7 * number, minutes=3 * number)
        forms = [
            number,
            done - dt.timedelta(minutes=6, seconds=number * 7),
            done,
            person.email if seed.signed_in else "anonymous",
            person.name if seed.signed_in else None,
            None,
        ]
        sheet.append(forms + [answer(person) for _, answer in columns])
    workbook.save(path)
    return path


# ADVANCE: University of Luxembourg with LIH, LISER and LIST ----------------------------------

_UL, _LIST, _LIH, _LISER = "University of Luxembourg", "LIST", "LIH", "LISER"


def _advance(
    name: str,
    email: str,
    role: Role,
    strand: str,
    position: str,
    stage: str,
    level: int,
    organisation: str,
    institution: str,
    **more: object,
) -> SeedApplicant:
    return SeedApplicant(
        name,
        email,
        role,
        position,
        stage,
        level,
        strand=strand,
        organisation=organisation,
        institution=institution,
        **more,  # type: ignore[arg-type]
    )


#: The ADVANCE applicants: Fellows and Faculty one-to-one, Circles for doctoral candidates.
ADVANCE = Seed(
    "ADVANCE 2027",
    (
        # Fellows: postdocs and research scientists on fixed-term contracts.
        _advance(
            "Leonie Kieffer", "leonie.kieffer@list.example", MENTEE, "Fellows",
            "Postdoctoral researcher", "Postdoctoral researcher", 3,
            "LIST", _LIST, needs=("Grant writing", "Industry collaboration"),
            field="Materials science",
        ),
        _advance(
            "Marc Weber", "marc.weber@list.example", MENTOR, "Fellows",
            "Research Scientist", "Research scientist", 4,
            "Luxembourg Institute of Science and Technology (LIST)", _LIST,
            expertise=("Grant writing", "Industry collaboration"), field="Materials science",
        ),
        _advance(
            "Élodie Marchal", "elodie.marchal@list.example", MENTEE, "Fellows",
            "Chercheuse postdoctorale", "Postdoctoral researcher", 3,
            "luxembourg institute of science & technology", _LIST,
            needs=("Work-life balance",), field="Environmental science",
        ),
        _advance(
            "Tom Schiltz", "tom.schiltz@uni.example", MENTOR, "Fellows",
            "Maître de conférences", "Assistant professor", 5,
            "University of Luxembourg", _UL, expertise=("Work-life balance",),
            field="Geography",
        ),
        _advance(
            "Jonas Becker", "jonas.becker@lih.example", MENTEE, "Fellows",
            "Postdoktorand", "Postdoctoral researcher", 3,
            "LIH", _LIH, needs=("Clinical trials",), field="Immunology",
        ),
        _advance(
            "Sofia Rossi", "sofia.rossi@lih.example", MENTOR, "Fellows",
            "Senior researcher", "Research scientist", 4,
            "Luxembourg Institute of Health (LIH)", _LIH, expertise=("Clinical trials",),
            field="Immunology",
        ),
        _advance(
            "Nadia Haddad", "nadia.haddad@uni.example", MENTEE, "Fellows",
            "Research associate", "Postdoctoral researcher", 3,
            "Université du Luxembourg", _UL, needs=("Teaching portfolio",),
            field="Linguistics",
        ),
        _advance(
            "Paul Hoffmann", "paul.hoffmann@uni.example", MENTOR, "Fellows",
            "Assistant Professor", "Assistant professor", 5,
            "University of Luxembourg", _UL, expertise=("Teaching portfolio",),
            field="Linguistics",
        ),
        _advance(
            "Ines Carvalho", "ines.carvalho@liser.example", MENTEE, "Fellows",
            "Postdoc", "Postdoctoral researcher", 3,
            "LISER", _LISER, needs=("Networking",), decision="Declined",
            submitted=dt.datetime(2026, 12, 22, 8, 41),  # after applications closed
        ),
        _advance(
            "Yusuf Demir", "yusuf.demir@lih.example", MENTOR, "Fellows",
            "Visiting researcher", "Research scientist", 4,
            "LIH", _LIH,
        ),
        # Faculty: researchers on permanent contracts.
        _advance(
            "Anna Muller", "anna.muller@uni.example", MENTEE, "Faculty",
            "Assistant Professor", "Assistant professor", 5,
            "University of Luxembourg", _UL, needs=("Promotion", "Leadership"),
        ),
        _advance(
            "Henri Lefèvre", "henri.lefevre@liser.example", MENTOR, "Faculty",
            "Full Professor", "Full professor", 7,
            "Luxembourg Institute of Socio-Economic Research (LISER)", _LISER,
            expertise=("Promotion", "Leadership"),
        ),
        _advance(
            "Claire Dumont", "claire.dumont@liser.example", MENTEE, "Faculty",
            "Chargée de recherche", "Research scientist", 4,
            "LISER", _LISER, needs=("Supervision",),
        ),
        _advance(
            "Luc Bernard", "luc.bernard@liser.example", MENTOR, "Faculty",
            "Professeur associé", "Associate professor", 6,
            "Luxembourg Institute of Socio-Economic Research", _LISER,
        ),
        _advance(
            "Greta Vogel", "greta.vogel@uni.example", MENTOR, "Faculty",
            "Professorin", "Full professor", 7,
            "University of Luxembourg", _UL, expertise=("Supervision",),
        ),
        # Circles: doctoral candidates in groups, with a facilitator.
        _advance(
            "Mia Thill", "mia.thill@uni.example", MENTEE, "Circles",
            "Doctoral candidate", "Doctoral candidate", 1, "University of Luxembourg", _UL,
        ),
        _advance(
            "Chloé Petit", "chloe.petit@list.example", MENTEE, "Circles",
            "Doctorante", "Doctoral candidate", 1, "LIST", _LIST,
        ),
        _advance(
            "Felix Braun", "felix.braun@lih.example", MENTEE, "Circles",
            "Doktorand", "Doctoral candidate", 1, "LIH", _LIH,
        ),
        _advance(
            "Rui Santos", "rui.santos@uni.example", MENTEE, "Circles",
            "PhD student", "Doctoral candidate", 1, "University of Luxembourg", _UL,
        ),
        _advance(
            "Lena Koch", "lena.koch@uni.example", MENTOR, "Circles",
            "Postdoctoral researcher", "Postdoctoral researcher", 3,
            "University of Luxembourg", _UL,
        ),
    ),
)  # fmt: skip


# One Step Beyond: a staff scheme on UK grades ------------------------------------------------

_ACADEMIC = "Academic and research"
_SERVICES = "Technical and professional services"


def _staff(
    name: str,
    email: str,
    role: Role,
    position: str,
    stage: str,
    grade: int,
    track: str,
    manager: str = "",
    **more: object,
) -> SeedApplicant:
    return SeedApplicant(
        name,
        email,
        role,
        position,
        stage,
        grade,
        track=track,
        line_manager=manager,
        organisation="College of Life and Environmental Sciences",
        institution="CLES",
        **more,  # type: ignore[arg-type]
    )


_PROF = "r.okafor@cles.example"
_ASSOC = "h.lindqvist@cles.example"
_SL = "d.morgan@cles.example"
_LECT = "s.patel@cles.example"
_HEAD = "j.whitfield@cles.example"
_LAB_MANAGER = "k.nowak@cles.example"
_SENIOR_TECH = "a.evans@cles.example"

#: The One Step Beyond applicants: academic and research staff, and technical staff.
ONE_STEP_BEYOND = Seed(
    "One Step Beyond 2027",
    (
        # Academic and research track (grades 6 to 10).
        _staff(
            "Ruth Okafor", _PROF, MENTOR, "Professor of Ecology", "Professor", 10, _ACADEMIC,
            expertise=("Fieldwork", "Leadership"),
        ),
        _staff(
            "Henrik Lindqvist", _ASSOC, MENTOR, "Associate Professor",
            "Associate professor (grade 9)", 9, _ACADEMIC, _PROF,
            expertise=("Grant writing", "Promotion"),
        ),
        _staff(
            "David Morgan", _SL, MENTOR, "Senior Lecturer in Zoology",
            "Senior lecturer (grade 8)", 8, _ACADEMIC, _ASSOC,
            expertise=("Grant writing", "Promotion"),
        ),
        _staff(
            "Camille Girard", "c.girard@cles.example", MENTOR, "Professeure associée",
            "Associate professor (grade 9)", 9, _ACADEMIC, _PROF, expertise=("Public engagement",),
        ),
        _staff(
            "Sunita Patel", _LECT, MENTOR, "Lecturer in Plant Sciences", "Lecturer (grade 7)", 7,
            _ACADEMIC, _ASSOC, expertise=("Teaching",),
        ),
        _staff(
            "Owen Price", "o.price@cles.example", MENTOR, "Research Assistant",
            "Research assistant (grade 6)", 6, _ACADEMIC, _LECT,
            expertise=("Instrumentation", "Career progression"),
        ),
        _staff(
            "Beatriz Lopes", "b.lopes@cles.example", MENTEE, "Postdoctoral Research Associate",
            "Research fellow (grade 7)", 7, _ACADEMIC, _SL, needs=("Grant writing", "Promotion"),
        ),
        _staff(
            "Katharina Roth", "k.roth@cles.example", MENTEE, "Wissenschaftliche Mitarbeiterin",
            "Research assistant (grade 6)", 6, _ACADEMIC, _LECT, needs=("Teaching", "Fieldwork"),
        ),
        _staff(
            "Julien Marchetti", "j.marchetti@cles.example", MENTEE, "Maître de conférences",
            "Lecturer (grade 7)", 7, _ACADEMIC, _ASSOC, needs=("Leadership", "Fieldwork"),
        ),
        # Technical and professional services track (grades 3 to 9).
        _staff(
            "Joan Whitfield", _HEAD, MENTOR, "Head of Technical Services", "Grade 9", 9,
            _SERVICES, expertise=("Leadership",),
        ),
        _staff(
            "Karol Nowak", _LAB_MANAGER, MENTOR, "Laboratory Manager", "Grade 7", 7, _SERVICES,
            _HEAD, expertise=("Instrumentation", "Career progression"),
        ),
        _staff(
            "Alys Evans", _SENIOR_TECH, MENTOR, "Senior Technician", "Grade 5", 5, _SERVICES,
            _LAB_MANAGER, expertise=("Instrumentation", "Career progression"),
        ),
        _staff(
            "Gareth Hughes", "g.hughes@cles.example", MENTOR, "Senior Technician, Imaging",
            "Grade 5", 5, _SERVICES, _LAB_MANAGER, expertise=("Instrumentation",), capacity=1,
        ),
        _staff(
            "Priya Raman", "p.raman@cles.example", MENTOR, "Technical Specialist", "Grade 6", 6,
            _SERVICES, _LAB_MANAGER, expertise=("Career progression",),
        ),
        *(
            _staff(
                name, email, MENTEE, position, "Grade 4", 4, _SERVICES, _SENIOR_TECH,
                needs=("Instrumentation", "Career progression"),
            )
            for name, email, position in (
                ("Tomasz Zielinski", "t.zielinski@cles.example", "Laboratory Technician"),
                ("Megan Lloyd", "m.lloyd@cles.example", "Lab Technician"),
                ("Ahmed Farouk", "a.farouk@cles.example", "Technician"),
                ("Lucy Turner", "l.turner@cles.example", "Laboratory technician (cell culture)"),
                ("Niamh Byrne", "n.byrne@cles.example", "Lab technician, teaching labs"),
                ("Ewan Fraser", "e.fraser@cles.example", "Technician (greenhouses)"),
            )
        ),
    ),
    signed_in=True,
)  # fmt: skip


# CERN Women in Technology: a committee pairing the same department or field ------------------

#: (department, field, a language only the mentee and the next mentor share)
_WIT_GROUPS = (
    ("IT", "Software engineering", "Italian"),
    ("EP", "Particle physics", "Polish"),
    ("BE", "Accelerator physics", "Greek"),
    ("TE", "Magnet engineering", "Swedish"),
    ("EN", "Mechanical engineering", "Dutch"),
    ("HR", "Human resources", "Portuguese"),
    ("FAP", "Finance", "Czech"),
    ("SCE", "Civil engineering", "Hungarian"),
    ("EP", "Detector electronics", "Romanian"),
    ("IT", "Databases", "Finnish"),
    ("BE", "Beam instrumentation", "Croatian"),
)
_WIT_MENTORS = (
    ("Maria Alvarez", "Senior software engineer", "Senior staff", 4),
    ("Agnieszka Nowicka", "Physicienne", "Staff", 3),
    ("Eleni Papadopoulou", "Section leader", "Section leader", 5),
    ("Ingrid Holm", "Ingénieure", "Staff", 3),
    ("Sanne de Vries", "Mechanical engineer", "Staff", 3),
    ("Joana Ferreira", "HR business partner, senior staff", "Senior staff", 4),
    ("Tereza Novak", "Chef de section", "Section leader", 5),
    ("Zsuzsa Kovacs", "Civil engineer", "Staff", 3),
    ("Ioana Popescu", "Senior physicist", "Senior staff", 4),
    ("Aino Virtanen", "Database engineer", "Staff", 3),
    ("Ana Horvat", "Senior engineer", "Senior staff", 4),
)
_WIT_MENTEES = (
    ("Giulia Bianchi", "Fellow", "Student or fellow", 1),
    ("Zofia Wozniak", "Doktorandin", "Student or fellow", 1),
    ("Katerina Ioannou", "Technical student", "Student or fellow", 1),
    ("Linnea Berg", "Junior engineer", "Junior staff", 2),
    ("Fleur Janssen", "Graduate engineer", "Junior staff", 2),
    ("Beatriz Costa", "Doctorante", "Student or fellow", 1),
    ("Petra Dvorak", "Senior fellow", "Student or fellow", 1),
    ("Reka Szabo", "Summer student", "Student or fellow", 1),
    ("Andreea Ionescu", "Doctoral student", "Student or fellow", 1),
    ("Emilia Laine", "Fellow", "Student or fellow", 1),
    ("Marta Kovac", "Junior technician", "Junior staff", 2),
    # Four more applied than there are mentors: the committee forms 11 pairs.
    ("Sara Lindgren", "Technical student", "Student or fellow", 1),
    ("Nora Haugen", "Fellow", "Student or fellow", 1),
    ("Chiara Conti", "Doctoral student", "Student or fellow", 1),
    ("Lea Fischer", "Junior engineer", "Junior staff", 2),
)


def _wit() -> tuple[SeedApplicant, ...]:
    people: list[SeedApplicant] = []
    count = len(_WIT_GROUPS)
    for number, (name, position, stage, level) in enumerate(_WIT_MENTORS):
        department, field, _ = _WIT_GROUPS[number]
        # The mentor shares a language with the mentee of the group before, not their own.
        language = _WIT_GROUPS[(number - 1) % count][2]
        people.append(
            SeedApplicant(
                name, _cern_email(name), MENTOR, position, stage, level,
                department=department, field=field, languages=("English", language),
            )
        )  # fmt: skip
    for number, (name, position, stage, level) in enumerate(_WIT_MENTEES):
        department, field, language = _WIT_GROUPS[number % count]
        people.append(
            SeedApplicant(
                name, _cern_email(name), MENTEE, position, stage, level,
                department=department, field=field, languages=(language,),
            )
        )  # fmt: skip
    return tuple(people)


def _cern_email(name: str) -> str:
    first, last = name.lower().split(" ", 1)
    return f"{first}.{last.replace(' ', '')}@cern.example"


#: The Women in Technology applicants: 11 mentors, 15 mentees.
WOMEN_IN_TECHNOLOGY = Seed("WIT Mentoring 2027", _wit(), signed_in=True)


# A mid-career faculty scheme with a mentoring network ----------------------------------------

MID_CAREER_STAGES = "Assistant professor, Associate professor, Full professor"
ONE_TO_ONE, NETWORK = "One-to-one", "Mentoring network"


def _faculty(
    name: str, email: str, role: Role, strand: str, position: str, stage: str, level: int,
    **more: object,
) -> SeedApplicant:  # fmt: skip
    return SeedApplicant(
        name,
        email,
        role,
        position,
        stage,
        level,
        strand=strand,
        organisation="State University",
        institution="State University",
        **more,  # type: ignore[arg-type]
    )


#: The mid-career scheme's applicants: one-to-one mentoring and a peer mentoring network.
MID_CAREER = Seed(
    "Mid-career faculty mentoring 2027",
    (
        _faculty(
            "Grace Owens", "g.owens@state.example", MENTEE, ONE_TO_ONE,
            "Associate Professor of Medicine", "Associate professor", 2,
            needs=("Sponsorship", "Promotion"),
        ),
        _faculty(
            "Amélie Roux", "a.roux@state.example", MENTEE, ONE_TO_ONE,
            "Professeure associée", "Associate professor", 2, needs=("Work-life balance",),
        ),
        _faculty(
            "Birgit Hahn", "b.hahn@state.example", MENTEE, ONE_TO_ONE,
            "W2-Professorin", "Associate professor", 2, needs=("Leadership",),
        ),
        _faculty(
            "Daniel Kim", "d.kim@state.example", MENTEE, ONE_TO_ONE,
            "Assistant Professor of Biology", "Assistant professor", 1,
            needs=("Sponsorship", "Promotion"),
        ),
        _faculty(
            "Robert Hayes", "r.hayes@state.example", MENTOR, ONE_TO_ONE,
            "Professor of Surgery", "Full professor", 3,
            expertise=("Sponsorship", "Promotion", "Leadership"),
        ),
        _faculty(
            "Wolfgang Richter", "w.richter@state.example", MENTOR, ONE_TO_ONE,
            "Ordentlicher Professor", "Full professor", 3,
            expertise=("Work-life balance", "Leadership"),
        ),
        _faculty(
            "Patricia Gomez", "p.gomez@state.example", MENTOR, ONE_TO_ONE,
            "Associate Professor of Nursing", "Associate professor", 2,
            expertise=("Leadership",),
        ),
        *(
            _faculty(name, email, MENTEE, NETWORK, position, "Associate professor", 2)
            for name, email, position in (
                ("Helen Brooks", "h.brooks@state.example", "Associate Professor of History"),
                ("Luis Ortega", "l.ortega@state.example", "Associate Professor"),
                ("Marie Dubois", "m.dubois@state.example", "Professeur associé"),
                ("Stefan Keller", "s.keller@state.example", "W2-Professor"),
            )
        ),
        _faculty(
            "Evelyn Carter", "e.carter@state.example", MENTOR, NETWORK,
            "Professor of Education", "Full professor", 3,
        ),
    ),
)  # fmt: skip

#: Every seed, in the order of /work/shared/seeds/.
SEEDS = (ADVANCE, ONE_STEP_BEYOND, WOMEN_IN_TECHNOLOGY, MID_CAREER)
