"""Career stages: each programme's ordered list of stages, on one or more tracks.

A programme keeps its own list ("Doctoral candidate … Full professor", or UK
grades 3 to 10 on two tracks). A person's stage is a name from that list; when
nobody gave one, the stage is guessed from the position they typed
("Doktorandin", "Maître de conférences", "Head of Finance"). The grade gap of
the matching rules counts in levels, the scale all tracks of a list share.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from mentordesk.domain.errors import InvalidInput


def stage_words(text: str) -> str:
    """Reduce a stage name or a position to lower-case words without accents or punctuation.

    Args:
        text: "Maître de conférences", "W3-Professorin", "Research fellow (grade 7)".

    Returns:
        "maitre de conferences", "w3 professorin", "research fellow grade 7".
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+|_", " ", plain).split())


def stage_key(text: str) -> str:
    """The key two spellings of one stage share: hyphens, spaces and other joiners do not count.

    "Post-doc", "post doc" and "Postdoc" share the key "postdoc"; so do
    "Maître de conférences" and "maitre-de-conferences".

    Args:
        text: a stage name, a wording or a position.

    Returns:
        The words of :func:`stage_words` run together ("" for a text without letters or digits).
    """
    return stage_words(text).replace(" ", "")


@dataclass(frozen=True)
class Stage:
    """One career stage of a programme's list.

    Attributes:
        name: as the coordinator wrote it; unique in the programme across tracks.
        track: the career track, "" when the list has only one.
        level: the place on the scale all tracks share (1 the most junior); the
            grade gap of the matching rules counts in levels.
        wordings: position texts that mean this stage ("postdoc", "chercheur
            postdoctoral"), used to guess a stage from a position.
    """

    name: str
    track: str = ""
    level: int = 1
    wordings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The stage as forms and lists show it: "Technical services — Grade 5", or its name alone.

        The one way a stage is shown with its track; a stage without a track is its name.
        """
        return f"{self.track} — {self.name}" if self.track else self.name


@dataclass(frozen=True)
class StageReading:
    """How a stage answer reads against a list, with the person's position.

    Attributes:
        stage: the stage the person holds, None when unknown.
        guessed: the stage is a guess, to confirm (not a name of the list as given).
        named: the stage the answer named when the position puts the person on
            another track ("Grade 7" for a "Lecturer in Chemistry"); None otherwise.
    """

    stage: Stage | None
    guessed: bool = False
    named: Stage | None = None


#: A grade given by its number alone: "7", "G7", "grade7", "Band 7".
_GRADE_NUMBER = re.compile(r"^(?:g|gr|grade|band|level|niveau|stufe)?\s?(\d{1,2})$")
#: A list whose stage names carry their grade ("Grade 7", "Lecturer (grade 7)").
_GRADE_IN_NAME = re.compile(r"\b(?:grade|band) \d{1,2}\b")


@dataclass(frozen=True)
class Ladder:
    """One programme's career stages and whether its pairs stay on one track.

    Attributes:
        stages: in the order the programme lists them.
        within_track: True when mentor and mentee must be on the same track.
    """

    stages: tuple[Stage, ...] = ()
    within_track: bool = False

    @cached_property
    def _by_key(self) -> dict[str, Stage]:
        found: dict[str, Stage] = {}
        for stage in self.stages:
            found.setdefault(stage_key(stage.name), stage)
        return found

    @cached_property
    def _phrases(self) -> tuple[tuple[str, int, Stage], ...]:
        """Every wording and stage name as ``(key, order, stage)``, longest first.

        The key has no spaces (:func:`stage_key`), so "post doc" and "postdoc" are one wording.
        """
        phrases: dict[str, tuple[int, Stage]] = {}
        for order, stage in enumerate(self.stages):
            for text in (stage.name, *stage.wordings):
                key = stage_key(text)
                if key and key not in phrases:
                    phrases[key] = (order, stage)
        ranked = sorted(phrases.items(), key=lambda item: (-len(item[0]), item[1][0]))
        return tuple((key, order, stage) for key, (order, stage) in ranked)

    @cached_property
    def _counts_in_grades(self) -> bool:
        return any(_GRADE_IN_NAME.search(stage_words(stage.name)) for stage in self.stages)

    @property
    def tracks(self) -> tuple[str, ...]:
        """The tracks in the order their first stage is listed ("" for a list without tracks)."""
        return tuple(dict.fromkeys(stage.track for stage in self.stages))

    @property
    def level_span(self) -> int:
        """The highest level minus the lowest, 0 for an empty list."""
        levels = [stage.level for stage in self.stages]
        return max(levels) - min(levels) if levels else 0

    def find(self, name: str) -> Stage | None:
        """The stage of this name, ignoring case, accents, punctuation, spacing and hyphens.

        Args:
            name: a stage name as stored on a person or typed in a command.

        Returns:
            The stage, or None when the list has no stage of that name.
        """
        key = stage_key(name)
        return self._by_key.get(key) if key else None

    def guess(self, position: str, *, track: str | None = None) -> Stage | None:
        """Guess the stage a position text means.

        The longest wording or stage name found in the text as whole words
        wins, so "Assistant Professor" is an assistant professor, not a
        professor; hyphens and spaces between words do not count ("Post-doc",
        "post doc" and "postdoc" are one wording, and "Post-doctorant" is a
        postdoc, not a "doctorant"). At equal length the one found earlier in
        the text wins, then the one listed first.

        Args:
            position: the position as typed ("Postdoctoral Research Associate", "Doktorandin").
            track: only stages of this track (None: any).

        Returns:
            The stage, or None when no wording fits (always None for an empty text).
        """
        words = stage_words(position).split()
        if not words:
            return None
        text = "".join(words)
        bounds = {0}
        for word in words:
            bounds.add(max(bounds) + len(word))
        best: tuple[int, int, int, Stage] | None = None
        for phrase, order, stage in self._phrases:
            if best is not None and len(phrase) < best[0]:
                break
            if track is not None and stage.track != track:
                continue
            at = text.find(phrase)
            while at >= 0 and not (at in bounds and at + len(phrase) in bounds):
                at = text.find(phrase, at + 1)
            if at < 0:
                continue
            ranking = (len(phrase), -at, -order)
            if best is None or ranking > best[:3]:
                best = (*ranking, stage)
        return best[3] if best else None

    def resolve(self, stage: str, position: str) -> tuple[Stage | None, bool]:
        """The stage a person holds in this programme, and whether it is only a guess.

        A stage name from this list is taken as it is. A grade's number alone
        ("7", "G7") in a list of grades is the stage of that level on the
        position's track. Otherwise (empty, or a name from another programme's
        list) the stage is guessed from that name, then from the position.

        Args:
            stage: the person's stored stage name ("" when none).
            position: the person's position text.

        Returns:
            ``(stage, guessed)``; ``(None, False)`` when the stage is unknown.
        """
        found = self.find(stage)
        if found is not None:
            return found, False
        guessed = self._by_number(stage, position) or self.guess(stage) or self.guess(position)
        return (guessed, True) if guessed is not None else (None, False)

    def read(self, answer: str, position: str) -> StageReading:
        """Read a stage answer (an import's, a form's) with the person's position.

        As :meth:`resolve`, except that an answer naming a stage of one track
        while the position clearly belongs to another ("Grade 7" for a
        "Lecturer in Chemistry", where "Grade 7" is a services grade) is read
        on the position's track at the same level ("Lecturer (grade 7)"), or as
        the position's stage when that track has no such level; the stage is
        then a guess, to confirm.

        Args:
            answer: the stage as given ("" when none).
            position: the position as given.
        """
        found = self.find(answer)
        if found is None:
            stage, guessed = self.resolve(answer, position)
            return StageReading(stage, guessed)
        if len(self.tracks) < 2:
            return StageReading(found)
        by_position = self.guess(position)
        if (
            by_position is None
            or by_position.track == found.track
            or self.guess(position, track=found.track) is not None
        ):
            return StageReading(found)
        moved = self._at_level(by_position.track, found.level, by_position) or by_position
        return StageReading(moved, True, found)

    def _at_level(self, track: str, level: int, preferred: Stage | None) -> Stage | None:
        """The stage of ``track`` at ``level``: ``preferred`` if it is one, else the first."""
        there = [s for s in self.stages if s.track == track and s.level == level]
        if preferred is not None and preferred in there:
            return preferred
        return there[0] if there else None

    def _by_number(self, answer: str, position: str) -> Stage | None:
        """The stage a grade's number alone gives ("7" → level 7 on the position's track)."""
        number = _GRADE_NUMBER.match(stage_words(answer))
        if number is None or not self._counts_in_grades:
            return None
        level = int(number[1])
        by_position = self.guess(position)
        if by_position is not None:
            return self._at_level(by_position.track, level, by_position) or by_position
        return self.find(f"grade {level}") or next(
            (s for s in self.stages if s.level == level and len(self.tracks) == 1), None
        )


def parse_stages(text: str) -> tuple[Stage, ...]:
    """Read a list of stages as the command line takes it.

    "Stage 1, Stage 2, Stage 3" is one track with levels 1, 2, 3.
    "Academic: Lecturer, Senior lecturer, Professor; Professional: Grade 5=5,
    Grade 6=6" gives two tracks; an item's level follows "=", else it is one
    above the item before it in its track (1 for the first). A name that a
    template's list also has takes that stage's wordings for guessing.

    Args:
        text: the stages as typed.

    Returns:
        The stages in the order given.

    Raises:
        InvalidInput: no stage, an empty name, a name given twice, a level that
            is not a whole number of at least 1, or a track named twice.
    """
    parts = [part.strip() for part in text.split(";")]
    if not any(parts):
        raise InvalidInput(
            "No career stages given: list them separated by commas, "
            "e.g. “Lecturer, Senior lecturer, Professor”."
        )
    stages: list[Stage] = []
    names: dict[str, str] = {}
    tracks: set[str] = set()
    for part in parts:
        track, items = _track_and_items(part, several=len(parts) > 1)
        if stage_key(track) in tracks:
            raise InvalidInput(
                f"The track “{track}” is given twice: "
                "list all its stages once, separated by commas."
            )
        tracks.add(stage_key(track))
        level = 0
        for number, item in enumerate(items, start=1):
            name, level = _name_and_level(item, number, track, level)
            key = stage_key(name)
            if key in names:
                raise InvalidInput(
                    f"The stage “{name}” is given twice (as “{names[key]}” too): "
                    "each stage name can appear once."
                )
            names[key] = name
            stages.append(Stage(name, track, level, _known_wordings(key)))
    return tuple(stages)


def _track_and_items(part: str, *, several: bool) -> tuple[str, list[str]]:
    """Split "Track: a, b" into the track and its items."""
    where = " in the list" if not several else ""
    if not part:
        raise InvalidInput("A track of the career stages is empty: remove the extra “;”.")
    track, colon, rest = part.partition(":")
    if not colon:
        if several:
            raise InvalidInput(
                f"“{_short(part)}” needs its track's name first when stages are on several tracks, "
                "e.g. “Academic: Lecturer, Professor; Professional: Grade 5, Grade 6”."
            )
        track, rest = "", part
    track = " ".join(track.split())
    if colon and not track:
        raise InvalidInput(f"A track of the career stages has no name before “:”{where}.")
    return track, [item.strip() for item in rest.split(",")]


def _name_and_level(item: str, number: int, track: str, previous: int) -> tuple[str, int]:
    """Read "Grade 5=5" or "Lecturer"; a level left out is one above the previous."""
    name, equals, level_text = item.partition("=")
    name = " ".join(name.split())
    place = f"Stage {number}" + (f" of the track “{track}”" if track else "")
    if not stage_key(name):
        raise InvalidInput(
            f"{place} has no name: remove the extra comma or write the stage's name."
        )
    if not equals:
        return name, previous + 1
    try:
        level = int(level_text.strip())
    except ValueError:
        level = 0
    if level < 1:
        raise InvalidInput(
            f"The level of “{name}” must be a whole number of at least 1, "
            f"as in “{name}=3”, not “{level_text.strip()}”."
        )
    return name, level


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _known_wordings(key: str) -> tuple[str, ...]:
    """The wordings of a template's stage of the same name, so guessing works on a typed list."""
    for stage in (*ACADEMIC_STAGES, *STAFF_SCHEME_STAGES, *COMMITTEE_STAGES):
        if stage_key(stage.name) == key:
            return stage.wordings
    return ()


_ACADEMIC_TRACK = "Academic and research"
_PROFESSIONAL = "Professional and technical staff"

#: Academic leadership: on the academic track's top stage, never on a services track
#: ("Head of School of Biosciences", "Director of Research", "Doyenne", "Dekanin").
_ACADEMIC_LEADERS: tuple[str, ...] = (
    "head of school", "head of discipline", "head of department", "head of faculty",
    "head of college", "director of research", "research director", "dean", "associate dean",
    "deputy dean", "vice dean", "provost", "vice provost", "vice chancellor",
    "pro vice chancellor", "deputy vice chancellor",
    "doyen", "doyenne", "vice doyen", "vice doyenne", "directeur de departement",
    "directrice de departement", "directeur d ufr", "directrice d ufr",
    "directeur de la recherche", "directrice de la recherche", "recteur", "rectrice",
    "vice recteur", "vice rectrice",
    "dekan", "dekanin", "prodekan", "prodekanin", "studiendekan", "studiendekanin",
    "institutsleiter", "institutsleiterin", "institutsdirektor", "institutsdirektorin",
    "lehrstuhlinhaber", "lehrstuhlinhaberin", "rektor", "rektorin", "prorektor", "prorektorin",
)  # fmt: skip

#: Heads of a service, named by the service: a bare "head of" or "director" may be academic.
_SERVICE_HEADS: tuple[str, ...] = (
    "head of service", "head of services", "head of finance", "head of hr",
    "head of human resources", "head of estates", "head of it", "head of facilities",
    "head of operations", "head of administration", "head of technical services",
    "head of professional services", "head of research services", "head of student services",
    "head of procurement", "head of communications", "head of marketing", "head of planning",
    "director of finance", "director of operations", "director of estates", "director of hr",
    "director of human resources", "director of it", "director of administration",
    "director of professional services", "finance director", "operations director",
    "chief operating officer",
    "chef de service", "cheffe de service", "directeur administratif",
    "directrice administrative", "directeur financier", "directrice financiere",
    "directeur des ressources humaines", "directrice des ressources humaines",
    "responsable des ressources humaines", "directeur des services", "directrice des services",
    "secretaire general", "secretaire generale",
    "abteilungsleiter", "abteilungsleiterin", "verwaltungsleiter", "verwaltungsleiterin",
    "leiter der verwaltung", "leiterin der verwaltung", "personalleiter", "personalleiterin",
    "dezernent", "dezernentin", "kanzler", "kanzlerin",
)  # fmt: skip

ACADEMIC_STAGES: tuple[Stage, ...] = (
    Stage("Doctoral candidate", _ACADEMIC_TRACK, 1, (
        "phd", "phd student", "phd candidate", "doctoral student", "doctoral researcher",
        "doctorant", "doctorante", "etudiant en doctorat", "etudiante en doctorat", "doktorand",
        "doktorandin", "promovend", "promovendin",
    )),
    Stage("Research assistant", _ACADEMIC_TRACK, 2, (
        "research assistant", "assistant de recherche", "assistante de recherche",
        "ingenieur de recherche", "ingenieure de recherche", "wissenschaftlicher mitarbeiter",
        "wissenschaftliche mitarbeiterin",
    )),
    Stage("Postdoctoral researcher", _ACADEMIC_TRACK, 3, (
        "postdoc", "post doc", "postdoctoral", "post doctoral", "postdoctoral research",
        "research associate", "research fellow", "postdoctorant", "postdoctorante",
        "chercheur postdoctoral", "chercheuse postdoctorale", "postdoktorand", "postdoktorandin",
    )),
    Stage("Research scientist", _ACADEMIC_TRACK, 4, (
        "research scientist", "scientist", "senior research fellow", "senior researcher",
        "chercheur", "chercheuse", "charge de recherche", "chargee de recherche",
        "wissenschaftler", "wissenschaftlerin", "forscher", "forscherin",
    )),
    Stage("Assistant professor", _ACADEMIC_TRACK, 5, (
        "assistant professor", "lecturer", "maitre de conferences", "professeur assistant",
        "professeure assistante", "juniorprofessor", "juniorprofessorin", "tenure track",
    )),
    Stage("Associate professor", _ACADEMIC_TRACK, 6, (
        "associate professor", "senior lecturer", "reader", "professeur associe",
        "professeure associee", "w2 professor", "w2 professorin", "ausserordentlicher professor",
        "ausserordentliche professorin",
    )),
    Stage("Full professor", _ACADEMIC_TRACK, 7, (
        "professor", "full professor", "chair", "professeur", "professeure",
        "professeur des universites", "professeur ordinaire", "professeur titulaire",
        "professorin", "w3 professor", "w3 professorin", "ordentlicher professor",
        "directeur de recherche", "directrice de recherche", "directeur de recherches",
        "directrice de recherches", "forschungsdirektor", "forschungsdirektorin",
        *_ACADEMIC_LEADERS,
    )),
    Stage("Administrative or technical officer", _PROFESSIONAL, 3, (
        "technician", "lab technician", "laboratory technician", "administrator",
        "research administrator", "administrative assistant", "administrative officer", "officer",
        "coordinator", "secretary", "engineer", "technicien", "technicienne", "gestionnaire",
        "assistant administratif", "assistante administrative", "techniker", "technikerin",
        "sachbearbeiter", "sachbearbeiterin",
    )),
    Stage("Senior officer or manager", _PROFESSIONAL, 5, (
        "senior technician", "senior administrator", "senior officer", "manager",
        "project manager", "research manager", "senior engineer", "responsable", "chef de projet",
        "cheffe de projet", "referent", "referentin",
    )),
    Stage("Head of service", _PROFESSIONAL, 7, (
        "head of", "head of service", "director of", "chef de service", "cheffe de service",
        "directeur administratif", "directrice administrative", "leiter", "leiterin",
        "abteilungsleiter", "abteilungsleiterin",
    )),
)  # fmt: skip

_SERVICES_TRACK = "Technical and professional services"

# Wordings in English, then French, then German; several to a line, as a table reads.
STAFF_SCHEME_STAGES: tuple[Stage, ...] = (
    Stage("Research assistant (grade 6)", _ACADEMIC_TRACK, 6, (
        "research assistant", "assistant de recherche", "assistante de recherche",
        "wissenschaftlicher mitarbeiter", "wissenschaftliche mitarbeiterin",
    )),
    Stage("Research fellow (grade 7)", _ACADEMIC_TRACK, 7, (
        "research fellow", "research associate", "postdoc", "post doc", "postdoctoral",
        "research scientist", "chercheur postdoctoral", "chercheuse postdoctorale",
        "postdoktorand", "postdoktorandin",
    )),
    Stage("Lecturer (grade 7)", _ACADEMIC_TRACK, 7, (
        "lecturer", "assistant professor", "teaching fellow", "maitre de conferences",
        "juniorprofessor", "juniorprofessorin",
    )),
    Stage("Senior lecturer (grade 8)", _ACADEMIC_TRACK, 8, (
        "senior lecturer", "senior research fellow", "principal lecturer",
    )),
    Stage("Associate professor (grade 9)", _ACADEMIC_TRACK, 9, (
        "associate professor", "reader", "professeur associe", "professeure associee",
    )),
    Stage("Professor", _ACADEMIC_TRACK, 10, (
        "professor", "full professor", "chair", "professeur", "professeure", "professorin",
        "w3 professor", "w3 professorin", *_ACADEMIC_LEADERS,
    )),
    Stage("Grade 3", _SERVICES_TRACK, 3, (
        "grade 3", "clerical assistant", "administrative assistant", "lab assistant",
        "laboratory assistant", "receptionist",
        "assistant administratif", "assistante administrative", "adjoint administratif",
        "adjointe administrative", "agent administratif", "agente administrative",
        "aide de laboratoire", "agent d accueil", "agente d accueil", "receptionniste",
        "verwaltungsassistent", "verwaltungsassistentin", "burokaufmann", "burokauffrau",
        "laborhelfer", "laborhelferin",
    )),
    Stage("Grade 4", _SERVICES_TRACK, 4, (
        "grade 4", "technician", "lab technician", "laboratory technician",
        "administrative officer", "secretary",
        "technicien", "technicienne", "technicien de laboratoire",
        "technicienne de laboratoire", "secretaire", "gestionnaire",
        "techniker", "technikerin", "laborant", "laborantin", "technischer assistent",
        "technische assistentin", "sekretar", "sekretarin", "sachbearbeiter",
        "sachbearbeiterin",
    )),
    Stage("Grade 5", _SERVICES_TRACK, 5, (
        "grade 5", "senior technician", "administrator", "research administrator",
        "coordinator", "officer",
        "technicien superieur", "technicienne superieure", "assistant ingenieur",
        "assistante ingenieure", "administrateur", "administratrice", "coordinateur",
        "coordinatrice",
        "koordinator", "koordinatorin", "meister", "meisterin",
    )),
    Stage("Grade 6", _SERVICES_TRACK, 6, (
        "grade 6", "senior administrator", "senior officer", "technical specialist",
        "team leader", "supervisor", "engineer",
        "ingenieur", "ingenieure", "ingenieur d etudes", "ingenieure d etudes",
        "charge de mission", "chargee de mission", "chef d equipe", "cheffe d equipe",
        "responsable d equipe",
        "ingenieurin", "referent", "referentin", "fachreferent", "fachreferentin",
        "teamleiter", "teamleiterin",
    )),
    Stage("Grade 7", _SERVICES_TRACK, 7, (
        "grade 7", "manager", "chief technician", "research manager", "project manager",
        "senior engineer",
        "responsable", "responsable administratif", "responsable administrative",
        "chef de projet", "cheffe de projet",
        "managerin", "projektleiter", "projektleiterin", "laborleiter", "laborleiterin",
    )),
    Stage("Grade 8", _SERVICES_TRACK, 8, (
        "grade 8", "senior manager", "deputy head", "deputy director", "assistant director",
        "directeur adjoint", "directrice adjointe", "chef de service adjoint",
        "cheffe de service adjointe",
        "stellvertretender leiter", "stellvertretende leiterin",
        "stellvertretender abteilungsleiter", "stellvertretende abteilungsleiterin",
        "referatsleiter", "referatsleiterin",
    )),
    Stage("Grade 9", _SERVICES_TRACK, 9, ("grade 9", *_SERVICE_HEADS)),
)  # fmt: skip

COMMITTEE_STAGES: tuple[Stage, ...] = (
    Stage("Student or fellow", "", 1, (
        "student", "fellow", "phd", "doctoral student", "doctorant", "doctorante", "doktorand",
        "doktorandin", "postdoc", "post doc", "postdoctoral", "intern", "trainee", "apprentice",
        "technical student", "summer student", "research fellow", "senior fellow",
    )),
    Stage("Junior staff", "", 2, (
        "junior", "junior engineer", "junior technician", "graduate engineer", "junior scientist",
    )),
    Stage("Staff", "", 3, (
        "staff", "staff member", "engineer", "physicist", "scientist", "research scientist",
        "technician", "lab technician", "administrator", "research administrator", "officer",
        "ingenieur", "ingenieure", "physicien", "physicienne",
    )),
    Stage("Senior staff", "", 4, (
        "senior", "senior staff", "senior engineer", "senior physicist", "senior scientist",
        "senior technician", "senior administrator",
    )),
    Stage("Section leader", "", 5, (
        "section leader", "section head", "team leader", "project leader", "project manager",
        "manager", "chef de section",
    )),
    Stage("Group leader", "", 6, (
        "group leader", "head of", "deputy group leader", "department head", "director",
        "chef de groupe", "gruppenleiter", "gruppenleiterin",
    )),
)  # fmt: skip
