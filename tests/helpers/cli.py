"""Walking mentordesk-cli's real argument parser, command by command."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

#: The repository: a child process started there imports this checkout's MentorDesk.
ROOT = Path(__file__).resolve().parents[2]


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command and command group below ``parser``, with its own parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield (*path, name), child
                yield from commands(child, (*path, name))


def parsers(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """The top-level parser (path ``()``) and then every command and group below it."""
    yield (), parser
    yield from commands(parser)


def run_in_child(
    args: Sequence[str | Path],
    env: dict[str, str],
    *,
    cwd: Path = ROOT,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mentordesk.cli ARGS`` in a child process, stdin closed (not a terminal).

    Args:
        args: the command line after ``mentordesk-cli``.
        env: the child's whole environment.
        cwd: where it runs (the repository, so the package is importable).
        preexec_fn: run in the child before it starts (a memory cap, say).
    """
    return subprocess.run(
        [sys.executable, "-m", "mentordesk.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        preexec_fn=preexec_fn,
    )
