"""mentordesk-cli programme stages: a programme's career stages and its applicants' to check."""

from __future__ import annotations

import argparse

from mentordesk.cli.common import Commands, add_json_option, open_session, print_json
from mentordesk.formats.text import plural
from mentordesk.services.career_stages import (
    confirm_stages,
    guess_missing_stages,
    ladder_of,
    stage_problems,
)
from mentordesk.services.programmes import find_programme


def add_stages(programme: Commands) -> None:
    """``programme stages NAME [--json] [--confirm-all]``, added to the ``programme`` group."""
    stages = programme.command(
        "stages",
        "List a programme's career stages by track, then its applicants whose stage was "
        "guessed from their position (to confirm) or is unknown.",
        _stages,
    )
    stages.add_argument("name", metavar="NAME", help="the programme")
    stages.add_argument(
        "--confirm-all",
        action="store_true",
        help="first give applicants without a stage the one their position suggests, then "
        "confirm every guessed stage as it is listed; unknown stages stay to be set "
        "with: mentordesk-cli person set EMAIL --stage NAME",
    )
    add_json_option(stages)


def _stages(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        programme = find_programme(s, args.name)
        said: list[str] = []
        if args.confirm_all:
            guessed = guess_missing_stages(s, programme.id)
            to_confirm = [row[0] for row in stage_problems(s, programme.id).guessed]
            confirmed = confirm_stages(s, to_confirm, programme_id=programme.id)
            said.append(
                f"Confirmed the career stage of {plural(confirmed, 'person', 'people')}"
                + (f" ({guessed} newly guessed from their position)." if guessed else ".")
            )
        ladder = ladder_of(s, programme.id)
        report = stage_problems(s, programme.id)
    if args.json:
        print_json(
            {
                "programme": programme.name,
                "within_track": ladder.within_track,
                "stages": [
                    {"name": st.name, "track": st.track, "level": st.level} for st in ladder.stages
                ],
                "guessed": [
                    {
                        "id": pid,
                        "name": name,
                        "position": position,
                        "stage": stage,
                        "note": report.notes.get(pid, ("", ""))[1],
                    }
                    for pid, name, position, stage in report.guessed
                ],
                "unknown": [
                    {
                        "id": pid,
                        "name": name,
                        "position": position,
                        "stage": report.notes.get(pid, (stage, ""))[0],
                        "note": report.notes.get(pid, ("", ""))[1],
                    }
                    for pid, name, position, stage in report.unknown
                ],
            }
        )
        return 0
    for line in said:
        print(line)
    if not ladder.stages:
        print(
            f"{programme.name} has no career stages: set them with "
            "mentordesk-cli programme edit NAME --stages “Stage 1, Stage 2, …”."
        )
    else:
        within = " (mentors on the mentee's own track only)" if ladder.within_track else ""
        print(f"Career stages of {programme.name}, most junior first{within}:")
        for track in ladder.tracks:
            if track:
                print(f"  {track}:")
            indent = "    " if track else "  "
            for stage in (st for st in ladder.stages if st.track == track):
                print(f"{indent}{stage.name} (level {stage.level})")
    if report.guessed:
        count = plural(len(report.guessed), "applicant")
        print(
            f"Stages guessed from the position or the stage given, to confirm ({count}; "
            "--confirm-all confirms them as listed):"
        )
        for pid, name, position, guess in report.guessed:
            # A stage text the list lacks says how it was read: "“7” is not in this list; …".
            note = report.notes.get(pid, ("", ""))[1]
            why = f"position: {position or 'not given'}" + (f"; {note}" if note else "")
            print(f"  {name}: {guess} ({why})")
    if report.unknown:
        print(
            f"{plural(len(report.unknown), 'applicant')} with no known career stage: seniority "
            "and the grade gap are not checked for them in matching. Set each with "
            "mentordesk-cli person set EMAIL --stage NAME:"
        )
        for _, name, position, typed in report.unknown:
            # A stage the list lacks carries its own explanation: "Grade 4 (not in this list; …)".
            given = typed if typed.strip() else "no stage"
            print(f"  {name}: {given} (position: {position or 'not given'})")
    if ladder.stages and not report.guessed and not report.unknown:
        print("Every applicant's career stage is known and confirmed.")
    return 0
