"""mentordesk-cli commands for programmes: list, create from a template, edit, copy, alumni."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable

from mentordesk.cli.common import (
    Commands,
    add_json_option,
    iso,
    open_session,
    parse_day,
    print_json,
    whole_number,
)
from mentordesk.cli.stages import add_stages
from mentordesk.domain.enums import FieldPreference, StrandFormat
from mentordesk.domain.errors import InvalidInput
from mentordesk.domain.stages import parse_stages
from mentordesk.formats.text import plural
from mentordesk.services.matching.rules import MAX_CAPACITY, MAX_GRADE_GAP
from mentordesk.services.programme_copy import alumni, copy_programme
from mentordesk.services.programme_templates import TEMPLATES, ProgrammeInput, StrandInput
from mentordesk.services.programmes import (
    create_programme,
    edit_programme,
    find_programme,
    get_programme,
    list_programmes,
    programme_settings,
    strand_choices,
)
from mentordesk.store.models import Programme

_FORMATS = {"one-to-one": StrandFormat.ONE_TO_ONE, "group": StrandFormat.GROUP}
#: A strand's format as ``--strand`` spells it, so ``list --json`` reads back as it is typed.
_FORMAT_OPTION = {value: text for text, value in _FORMATS.items()}
_YES_NO = {"yes": True, "no": False}


def add_programme(programme: Commands) -> None:
    """``programme list``, ``create``, ``edit``, ``copy``, ``alumni`` and ``stages``."""
    listing = programme.command(
        "list",
        "List the file's programmes with their dates, rules and strands.",
        _list,
    )
    add_json_option(listing)
    create = programme.command(
        "create",
        "Create a programme in the file from a template, with its dates, rules and strands.",
        _create,
    )
    create.add_argument("name", metavar="NAME", help="the programme's name")
    create.add_argument(
        "--template",
        choices=list(TEMPLATES),
        default="blank",
        # Each description is a sentence of its own, full stop included.
        help="what it starts from (default: blank). "
        + " ".join(f"{key}: {t.description}" for key, t in TEMPLATES.items()),
    )
    _add_settings(create, editing=False)
    edit = programme.command(
        "edit",
        "Change a programme's settings; each change is said and applies to what follows.",
        _edit,
    )
    edit.add_argument("name", metavar="NAME", help="the programme's name")
    _add_settings(edit, editing=True)
    copy = programme.command(
        "copy",
        "Copy a programme to next year: its settings, strands, career stages, rules, "
        "training rules, message wording and surveys, without its people; dates move a year "
        "on, or so that it starts on --starts.",
        _copy,
    )
    copy.add_argument("name", metavar="NAME", help="the programme to copy")
    copy.add_argument("new", metavar="NEW", help="the new programme's name")
    copy.add_argument(
        "--starts", type=parse_day, metavar="YYYY-MM-DD", help="the day the new one starts"
    )
    past = programme.command(
        "alumni",
        "List everyone who took part in the programmes this one was copied from, with "
        "their role, strand and how their pairing ended.",
        _alumni,
    )
    past.add_argument("name", metavar="NAME", help="the programme")
    add_json_option(past)
    add_stages(programme)


def _add_settings(command: argparse.ArgumentParser, *, editing: bool) -> None:
    """The options ``create`` and ``edit`` share; ``edit`` has more."""
    command.add_argument(
        "--timezone",
        default=None,
        metavar="TZ",
        help="the time zone its events are in"
        + (
            ""
            if editing
            else " (default: the template's: Europe/London for staff-scheme, "
            "otherwise Europe/Luxembourg)"
        ),
    )
    for option, what in (
        ("--starts", "the day the programme starts"),
        ("--ends", "the day it ends"),
        ("--applications-open", "the day applications open"),
        ("--applications-close", "the application deadline"),
    ):
        command.add_argument(option, type=parse_day, metavar="YYYY-MM-DD", help=what)
    command.add_argument(
        "--duration-months",
        type=whole_number(1, 120),
        metavar="N",
        help="how long a pairing runs, in months",
    )
    command.add_argument(
        "--strand",
        action="append",
        default=[],
        metavar="NAME:one-to-one|group:PLACES",
        help="a strand, its format (default one-to-one) and its places; repeatable"
        + (
            "; a strand of that name already there is changed"
            if editing
            else "; the strands named replace the template's (one of its names keeps that "
            "strand's description; its training rules for all strands stay)"
        ),
    )
    command.add_argument(
        "--mentees-per-mentor",
        type=_limit(1, MAX_CAPACITY),
        metavar="N|none",
        help="the most mentees one mentor takes; none for no limit (a mentor then takes "
        "as many as they offer)",
    )
    command.add_argument(
        "--grade-gap",
        type=_limit(0, MAX_GRADE_GAP),
        metavar="N|none",
        help="the most career stage levels a mentor may be above their mentee; none for no "
        "limit (a mentor must still be above the mentee)",
    )
    command.add_argument(
        "--field-preference",
        choices=[f.value for f in FieldPreference],
        help="whether matching favours a mentor of the mentee's own field or department "
        "(same), another one (different) or neither (none)"
        + ("" if editing else " (default: the template's)"),
    )
    command.add_argument(
        "--stages",
        metavar="STAGES",
        help="the career stages, most junior first: “Stage 1, Stage 2, …”, or tracks as "
        "“Academic: Lecturer, Professor; Professional: Grade 5=5, Grade 6=6”"
        + ("" if editing else " (default: the template's)"),
    )
    if not editing:
        return
    command.add_argument(
        "--rename-strand",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="give a strand a new name (its applications and pairings follow); repeatable",
    )
    for option, what in (
        ("--retire-strand", "stop a strand taking new applications (it keeps its history)"),
        ("--restore-strand", "let a retired strand take applications again"),
        (
            "--remove-strand",
            "remove a strand that never held an application or a pairing (retire the others)",
        ),
    ):
        command.add_argument(
            option, action="append", default=[], metavar="NAME", help=what + "; repeatable"
        )
    command.add_argument("--rename", metavar="NEW", help="give the programme a new name")
    command.add_argument("--description", metavar="TEXT", help="what the programme is for")
    command.add_argument(
        "--answer-days",
        type=whole_number(1, 90),
        metavar="N",
        help="the days a mentor has to answer a proposal",
    )
    command.add_argument(
        "--letterhead",
        metavar="NAME",
        help='the organisation named at the top of documents ("" for the programme\'s name)',
    )
    command.add_argument(
        "--signature",
        metavar="TEXT",
        help="the line under the coordinator's name in letters and messages",
    )
    command.add_argument(
        "--within-track",
        choices=list(_YES_NO),
        help="whether mentor and mentee must be on the same career track",
    )


def _strand_parts(text: str) -> tuple[str, StrandFormat | None, int | None]:
    """A ``--strand`` value: "Fellows", "Circles:group" or "Circles:group:12"."""
    places = None
    parts = text.rsplit(":", 2)
    if len(parts) >= 2 and parts[-1].strip().isdigit():
        places = int(parts[-1])
        parts = parts[:-1]
    wanted = None
    if len(parts) >= 2 and parts[-1].strip().lower() in _FORMATS:
        wanted = _FORMATS[parts[-1].strip().lower()]
        parts = parts[:-1]
    name = ":".join(parts).strip()
    if not any(char.isalnum() for char in name):
        raise InvalidInput(
            "A --strand needs a name: NAME, NAME:one-to-one or NAME:group, then :PLACES "
            "as a whole number if the strand has a set number of places."
        )
    return name, wanted, places


def _list(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programmes = [get_programme(s, summary.id) for summary in list_programmes(s)]
        names = {p.id: p.name for p in programmes}
        listed = [_programme_json(p) for p in programmes]
        lines = [line for p in programmes for line in _programme_lines(p, names)]
    if args.json:
        print_json(listed)
        return 0
    if not programmes:
        print(f"{args.db} holds no programme yet; add one with: mentordesk-cli programme create")
    for line in lines:
        print(line)
    return 0


def _programme_json(p: Programme) -> dict[str, object]:
    """A programme as ``list --json`` writes it: each value as its option takes it."""
    return {
        "id": p.id,
        "name": p.name,
        "timezone": p.timezone,
        "starts": iso(p.starts_on),
        "ends": iso(p.ends_on),
        "applications_open": iso(p.applications_open_on),
        "applications_close": iso(p.applications_close_on),
        "duration_months": p.duration_months,
        "mentees_per_mentor": p.max_mentees_per_mentor,
        "grade_gap": p.max_grade_gap,
        "within_track": p.within_track,
        "field_preference": p.field_preference.value,
        "answer_days": p.response_days,
        "template": p.template,
        "copied_from": p.copied_from_id,
        "strands": [
            {
                "name": s.name,
                "format": _FORMAT_OPTION[s.format],
                "places": s.places,
                "retired": s.retired,
            }
            for s in p.strands
        ],
        "stages": [st.name for st in p.stages],
    }


#: How ``list`` says a field preference.
_FIELD_WORDS = {
    FieldPreference.NONE: "no preference",
    FieldPreference.SAME: "the same preferred",
    FieldPreference.DIFFERENT: "a different one preferred",
}


def _programme_lines(p: Programme, names: dict[int, str]) -> list[str]:
    """A programme as ``list`` prints it: dates, rules, stages, then its strands."""
    tracks = len({stage.track for stage in p.stages})
    stages = f"{len(p.stages)}" + (f" on {tracks} tracks" if tracks > 1 else "")
    made = [f"template: {p.template}"] if p.template else ["no template"]
    if p.copied_from_id in names:
        made.append(f"copied from {names[p.copied_from_id]}")
    return [
        f"{p.name} ({p.timezone}, {iso(p.starts_on) or '…'} to {iso(p.ends_on) or '…'})",
        f"  Applications open: {iso(p.applications_open_on) or 'not set'}; deadline: "
        f"{iso(p.applications_close_on) or 'not set'}",
        "  Duration: "
        + (plural(p.duration_months, "month") if p.duration_months else "not set")
        + f"; mentors answer within {plural(p.response_days, 'day')}",
        f"  Mentees per mentor: {_limit_text(p.max_mentees_per_mentor)}; "
        f"grade gap: {_limit_text(p.max_grade_gap)}",
        f"  Same career track only: {'yes' if p.within_track else 'no'}; "
        f"field or department: {_FIELD_WORDS[p.field_preference]}",
        f"  Career stages: {stages}; {', '.join(made)}",
        "  Strands:" + ("" if p.strands else " none yet"),
        *(
            f"  - {s.name}: {s.format.label.lower()}"
            + (f", {plural(s.places, 'place')}" if s.places is not None else "")
            + (" (retired)" if s.retired else "")
            for s in p.strands
        ),
    ]


def _limit_text(value: int | None) -> str:
    return "no limit" if value is None else str(value)


#: What ``--grade-gap`` and ``--mentees-per-mentor`` take for no limit.
_NO_LIMIT = "none"


def _limit(low: int, high: int) -> Callable[[str], int | str]:
    """A ``type=`` for a limit: a whole number from ``low`` to ``high``, or "none" to clear it.

    The error names the range, never the value typed (it could be a passphrase).
    """
    number = whole_number(low, high)

    def parse(text: str) -> int | str:
        if text.strip().casefold() in (_NO_LIMIT, "no limit"):
            return _NO_LIMIT
        try:
            return number(text)
        except argparse.ArgumentTypeError:
            raise argparse.ArgumentTypeError(
                f"expects a whole number from {low:,} to {high:,}, or none for no limit"
            ) from None

    return parse


def _apply_options(args: argparse.Namespace, data: ProgrammeInput) -> None:
    """Write the options given onto ``data``; a --strand of a name there changes that strand."""
    for option, attr in (
        ("timezone", "timezone"),
        ("starts", "starts_on"),
        ("ends", "ends_on"),
        ("applications_open", "applications_open_on"),
        ("applications_close", "applications_close_on"),
        ("duration_months", "duration_months"),
        ("mentees_per_mentor", "max_mentees_per_mentor"),
        ("grade_gap", "max_grade_gap"),
        ("rename", "name"),
        ("description", "description"),
        ("answer_days", "response_days"),
        ("letterhead", "letterhead_name"),
        ("signature", "signature_line"),
    ):
        value = getattr(args, option, None)
        if value is not None:
            setattr(data, attr, None if value == _NO_LIMIT else value)
    if getattr(args, "within_track", None) is not None:
        data.within_track = _YES_NO[args.within_track]
    if args.field_preference is not None:
        data.field_preference = FieldPreference(args.field_preference)
    if args.stages is not None:
        data.stages = parse_stages(args.stages)
    # Strands to rename or remove are found by the names they have now, before any changes.
    removed = [_strand_named(data, name, must=True) for name in getattr(args, "remove_strand", [])]
    renamed = [
        (_strand_named(data, old, must=True), new)
        for old, new in map(_renaming, getattr(args, "rename_strand", []))
    ]
    for strand, new in renamed:
        assert strand is not None  # must=True raises instead
        strand.name = new
    # Left out, a strand is removed by edit_programme, or refused if it holds any history.
    data.strands = [s for s in data.strands if not any(s is gone for gone in removed)]
    for text in args.strand:
        name, wanted, places = _strand_parts(text)
        strand = _strand_named(data, name, must=False)
        if strand is None:
            data.strands.append(StrandInput(name, wanted or StrandFormat.ONE_TO_ONE, places))
            continue
        strand.format = wanted or strand.format
        strand.places = strand.places if places is None else places
    for names, retired in (
        (getattr(args, "retire_strand", []), True),
        (getattr(args, "restore_strand", []), False),
    ):
        for name in names:
            found = _strand_named(data, name, must=True)
            assert found is not None  # must=True raises instead
            found.retired = retired


def _renaming(text: str) -> tuple[str, str]:
    """A ``--rename-strand`` value: "Faculty=Faculty and partners"."""
    old, equals, new = text.partition("=")
    if not equals or not old.strip() or not new.strip():
        raise InvalidInput(
            f"“{text}” is not a strand's renaming: write --rename-strand OLD=NEW, the strand's "
            "name, an equals sign and its new name."
        )
    return old.strip(), new.strip()


def _named_strands_only(texts: list[str], data: ProgrammeInput) -> None:
    """The strands of a new programme are those ``--strand`` names, in that order.

    They replace the template's: a template strand named again keeps its
    description, the others are left out (and the template's training rules
    for one of them with it; rules for all strands stay).
    """
    template = {strand.name.casefold(): strand for strand in data.strands}
    data.strands = []
    for text in texts:
        name, wanted, places = _strand_parts(text)
        if _strand_named(data, name, must=False) is None:
            kept = template.get(name.casefold())
            data.strands.append(
                kept or StrandInput(name, wanted or StrandFormat.ONE_TO_ONE, places)
            )


def _strand_named(data: ProgrammeInput, name: str, *, must: bool) -> StrandInput | None:
    wanted = name.strip().casefold()
    for strand in data.strands:
        if strand.name.casefold() == wanted:
            return strand
    if must:
        names = ", ".join(f"“{s.name}”" for s in data.strands) or "none yet"
        raise InvalidInput(
            f"“{name.strip()}” is not a strand of {data.name}; its strands: {names}."
        )
    return None


def _create(args: argparse.Namespace) -> int:
    data = TEMPLATES[args.template].input(args.name)
    if args.strand:
        _named_strands_only(args.strand, data)
    _apply_options(args, data)
    with open_session(args) as s:
        create_programme(s, data)
    strands = ", ".join(strand.name for strand in data.strands) or "no strands yet"
    stages = len(data.stages or ())
    told = f"{stages} career stages" if stages else "no career stages yet"
    print(f"Created {data.name.strip()} in {args.db} ({strands}; {told}).")
    return 0


def _edit(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.name)
        data = programme_settings(s, programme.id)
        taking = [strand.name for strand in data.strands if not strand.retired]
        _apply_options(args, data)
        changes = edit_programme(s, programme.id, data)
        name = get_programme(s, programme.id).name
        taking_now = strand_choices(s, programme.id)
        retired = [c.name for c in strand_choices(s, programme.id, retired=True) if c.retired]
    if not changes:
        print(f"Nothing changed in {programme.name}.")
    for line in changes:
        print(line)
    if taking and not taking_now:
        # Still done: a programme may close for good, but a slip here stops every application.
        restore = f"restored (--restore-strand {shlex.quote(retired[0])}) or " if retired else ""
        print(
            f"mentordesk-cli: warning: {name} has no strand taking applications now: "
            f"none can be added or imported until a strand is {restore}added (--strand NAME).",
            file=sys.stderr,
        )
    return 0


def _copy(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        source = find_programme(s, args.name)
        new_id = copy_programme(s, source.id, args.new, args.starts)
        copy = programme_settings(s, new_id)
    strands = ", ".join(strand.name for strand in copy.strands) or "no strands"
    dates = f"{iso(copy.starts_on) or '…'} to {iso(copy.ends_on) or '…'}"
    print(
        f"Copied {source.name} to {copy.name} ({dates}; {strands}; "
        f"{len(copy.stages or ())} career stages). No applications, pairings or events "
        "were copied."
    )
    return 0


def _alumni(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.name)
        rows = alumni(s, programme.id)
    if args.json:
        print_json(
            [
                {
                    "programme": r.programme,
                    "name": r.name,
                    "email": r.email,
                    "role": r.role.value,
                    "strand": r.strand,
                    "outcome": r.outcome,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print(f"{programme.name} has no alumni: it was not copied from a programme with people.")
    current = ""
    for r in rows:
        if r.programme != current:
            current = r.programme
            print(f"{current}:")
        print(f"  {r.role.value:<6}  {r.name} <{r.email}>, {r.strand}: {r.outcome}")
    return 0
