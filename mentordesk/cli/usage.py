"""Usage errors of mentordesk-cli in words that name the option, never the value typed.

argparse quotes what was typed in most of its errors ("invalid choice: 'x'",
"invalid int value: 'x'", "ignored explicit argument 'x'", an ambiguous
``--opt=x``). Anything typed may be a passphrase or a person's details, so
:func:`usage_message` rewrites each kind of error from the program's own words
only: the option's name, the choices or the kind of value it takes. A message
it does not recognise becomes a general one rather than passing through.

A ``type=`` function's ``ArgumentTypeError`` is the program's own text and is
kept, so it must never quote its value (``tests/test_cli_usage_errors.py``
checks every option with a canary value).
"""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Callable, Iterable, Sequence

_ARGUMENT = "argument "
#: What a value of each built-in type looks like, in plain words.
_TYPE_WORDS: dict[object, str] = {int: "a whole number", float: "a number"}
#: argparse's messages that quote nothing typed, kept as they are.
_SAFE_PROBLEMS = ("expected ", "not allowed with argument ")
_SAFE_MESSAGES = ("the following arguments are required:", "one of the arguments ")


def usage_message(parser: argparse.ArgumentParser, message: str) -> str:
    """The error argparse raised, said again without anything the user typed.

    Args:
        parser: the parser (command or group) whose command line was wrong.
        message: argparse's message, which may quote the user's text.

    Returns:
        A message naming the option or the command and, where useful, what it
        accepts; unknown arguments are not handled here (the caller words them).
    """
    if message.startswith(_ARGUMENT) and ": " in message:
        name, _, problem = message[len(_ARGUMENT) :].partition(": ")
        action = _action_named(parser, name)
        if action is not None:
            return f"{_ARGUMENT}{name}: {_problem(action, problem)}"
        if problem.startswith(_SAFE_PROBLEMS):
            return message
        return f"{_ARGUMENT}{name}: not a value it accepts (see --help)"
    if message.startswith(_SAFE_MESSAGES):
        return message
    if message.startswith("ambiguous option:"):
        # "ambiguous option: --d=TYPED could match --db, --dry-run": the options
        # after the last " could match " are the program's own.
        _, found, matches = message.rpartition(" could match ")
        if found:
            return f"an abbreviated option could mean any of {matches}; write it in full"
    return "the command line is not valid (see --help)"


def _problem(action: argparse.Action, problem: str) -> str:
    """What is wrong with the value given to ``action``, in the program's words."""
    if problem.startswith(_SAFE_PROBLEMS):
        return problem
    if isinstance(action, argparse._SubParsersAction):
        return f"unknown command (choose from: {_listed(action.choices)})"
    if action.choices is not None:
        return f"not one of the values it accepts (choose from: {_listed(action.choices)})"
    if problem.startswith("ignored explicit argument"):
        return "takes no value"
    if problem.startswith("invalid ") and " value: " in problem:
        return f"expects {_TYPE_WORDS.get(action.type, _value_words(action))}"
    if _is_own_type(action.type):
        return problem  # the type's ArgumentTypeError, which never quotes the value
    return "not a value it accepts (see --help)"


def _listed(choices: Iterable[object]) -> str:
    return ", ".join(str(choice) for choice in choices)


def _value_words(action: argparse.Action) -> str:
    metavar = action.metavar if isinstance(action.metavar, str) else None
    return f"a {metavar}" if metavar else "another kind of value"


def _is_own_type(type_function: Callable[[str], object] | object) -> bool:
    """A ``type=`` function written for MentorDesk, not a class such as int or Path."""
    return inspect.isfunction(type_function)


def _action_named(parser: argparse.ArgumentParser, name: str) -> argparse.Action | None:
    """The parser's action argparse calls ``name`` in its errors."""
    for action in parser._actions:
        if action.option_strings:
            called = "/".join(action.option_strings)
        elif isinstance(action.metavar, str) and action.metavar != argparse.SUPPRESS:
            called = action.metavar
        else:
            called = action.dest
        if called == name:
            return action
    return None


def command_parser(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser of the command that ``argv`` names (``parser`` itself when it names none).

    Follows the command and group names in ``argv`` down the tree of
    sub-parsers, so an error about the command line can show that command's
    own usage and options.
    """
    current = parser
    for token in argv:
        commands = next(
            (a for a in current._actions if isinstance(a, argparse._SubParsersAction)), None
        )
        if commands is not None and token in commands.choices:
            current = commands.choices[token]
    return current


def unknown_arguments_message(parser: argparse.ArgumentParser, extras: Sequence[str]) -> str:
    """Arguments the command does not take, counted and never quoted, with what it does take.

    Args:
        parser: the parser of the command that was given them.
        extras: the arguments it did not take (only counted here).
    """
    options = sum(1 for extra in extras if extra.startswith("-"))
    values = len(extras) - options
    parts = [
        (f"{count} {kind}s" if count > 1 else f"a{'n' if kind == 'option' else ''} {kind}")
        + " it does not take"
        for count, kind in ((options, "option"), (values, "value"))
        if count
    ]
    taken = [
        max(action.option_strings, key=len)
        for action in parser._actions
        if action.option_strings and action.help != argparse.SUPPRESS
    ]
    offer = f"; its options are {', '.join(taken)}" if taken else ""
    return (
        f"unknown arguments: {' and '.join(parts)} (not repeated here in case one is a "
        f"passphrase){offer}"
    )
