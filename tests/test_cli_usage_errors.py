"""Usage errors name the option or the command, never the value typed (it may be a passphrase).

The walk goes through the real parser: every command and group, every option
with choices or a type, every flag, every abbreviation that could mean two
options; each gets a canary value that must appear nowhere in the output, while
the option's own name must (README, "mentordesk-cli", exit status 2).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from mentordesk.cli.app import build_parser, main
from tests.helpers.cli import commands, parsers
from tests.test_cli_subprocess import env as script_env  # noqa: F401  (a fixture)
from tests.test_cli_subprocess import run_cli

CANARY = "Hunter2-Canary"
PARSERS = dict(parsers(build_parser()))
LEAVES = {
    path: parser
    for path, parser in commands(build_parser())
    if not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
}


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``main(argv)``, expect a usage error (exit 2), and return what it printed."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert exited.value.code == 2, (argv, output)
    assert CANARY.lower() not in output.lower(), (argv, output)
    assert captured.err.startswith("usage: mentordesk-cli"), (argv, output)
    return captured.err


def _long_option(action: argparse.Action) -> str:
    return max(action.option_strings, key=len)


def _value_for(action: argparse.Action) -> str:
    """A value the action accepts, to fill in a command line around the one under test."""
    if action.choices:
        return str(next(iter(action.choices)))
    return "1" if action.type is int else "x"


def _with_required(parser: argparse.ArgumentParser) -> list[str]:
    """The command's positional arguments and required options, filled in acceptably."""
    argv: list[str] = []
    for action in parser._actions:
        if not action.option_strings:
            argv.append(_value_for(action))
        elif action.required:
            argv += [_long_option(action), _value_for(action)]
    return argv


def _choice_cases() -> list[tuple[tuple[str, ...], argparse.Action]]:
    return [
        (path, action)
        for path, parser in PARSERS.items()
        for action in parser._actions
        if action.choices
    ]


def _typed_options() -> list[tuple[tuple[str, ...], argparse.Action]]:
    return [
        (path, action)
        for path, parser in PARSERS.items()
        for action in parser._actions
        if action.option_strings and action.type not in (None, str, Path)
    ]


def _flags() -> list[tuple[tuple[str, ...], str]]:
    return [
        (path, _long_option(action))
        for path, parser in PARSERS.items()
        for action in parser._actions
        if action.option_strings and action.nargs == 0 and _long_option(action).startswith("--")
    ]


def _options_taking_a_value() -> list[tuple[tuple[str, ...], str]]:
    return [
        (path, _long_option(action))
        for path, parser in PARSERS.items()
        for action in parser._actions
        if action.option_strings and action.nargs is None
    ]


def _shared_start(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _shared_start(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _ambiguous_prefixes() -> list[tuple[tuple[str, ...], str, list[str]]]:
    """For each command, the shortest prefixes that two or more of its options start with."""
    found = []
    for path, parser in PARSERS.items():
        options = sorted(o for o in parser._option_string_actions if o.startswith("--"))
        prefixes = {_shared_start(a, b) for a in options for b in options if a < b}
        prefixes -= {"--", *options}
        for prefix in sorted(prefixes):
            found.append((path, prefix, [o for o in options if o.startswith(prefix)]))
    return found


def _name(path: tuple[str, ...]) -> str:
    return " ".join(path) or "(top level)"


def _id(value: object) -> str:
    """A short test id: the command, the option, or the action's name."""
    if isinstance(value, tuple):
        return _name(value)
    if isinstance(value, argparse.Action):
        return _long_option(value) if value.option_strings else str(value.metavar)
    return str(value)


def test_the_walk_finds_every_kind_of_value() -> None:
    assert len(_choice_cases()) > 10
    assert {a.type for _, a in _typed_options()} >= {int}
    assert len(_typed_options()) > 10
    assert len(_flags()) > 20
    assert len(_ambiguous_prefixes()) > 5


@pytest.mark.parametrize(("path", "action"), _choice_cases(), ids=_id)
def test_a_value_that_is_not_a_choice_names_the_option_and_the_choices(
    path: tuple[str, ...], action: argparse.Action, capsys: pytest.CaptureFixture[str]
) -> None:
    if isinstance(action, argparse._SubParsersAction):
        err = _usage_error([*path, CANARY], capsys)
        assert "unknown command" in err, _name(path)
    elif action.option_strings:
        option = _long_option(action)
        err = _usage_error([*path, option, CANARY], capsys)
        assert f"argument {'/'.join(action.option_strings)}:" in err, (_name(path), option)
    else:
        before = []
        for other in PARSERS[path]._actions:
            if other is action:
                break
            if not other.option_strings:
                before.append(_value_for(other))
        err = _usage_error([*path, *before, CANARY], capsys)
        assert f"argument {action.metavar}:" in err, _name(path)
    # What is allowed is the program's words, so it is listed.
    assert all(str(choice) in err for choice in action.choices), (_name(path), err)


@pytest.mark.parametrize(("path", "action"), _typed_options(), ids=_id)
def test_a_value_of_the_wrong_type_names_the_option(
    path: tuple[str, ...], action: argparse.Action, capsys: pytest.CaptureFixture[str]
) -> None:
    option = _long_option(action)
    for argv in ([*path, option, CANARY], [*path, f"{option}={CANARY}"]):
        err = _usage_error(argv, capsys)
        assert f"argument {'/'.join(action.option_strings)}:" in err, (_name(path), option)


def test_a_whole_number_option_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error(["demo", "--db", "x", "--size", CANARY], capsys)
    assert err.endswith(
        "mentordesk-cli demo: error: argument --size: expects a whole number from 1 to 100,000\n"
    )
    err = _usage_error(["backup", "--db", "x", "--keep", CANARY], capsys)
    assert err.endswith("argument --keep: expects a whole number from 1 to 1,000\n")


def test_a_date_option_shows_how_to_write_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error(["retention", "--db", "x", "--date", CANARY], capsys)
    assert "argument --date:" in err
    assert "is not a date written as YYYY-MM-DD, such as 2026-12-03" in err


@pytest.mark.parametrize(("path", "option"), _flags(), ids=_id)
def test_a_value_given_to_a_flag_is_not_repeated(
    path: tuple[str, ...], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_error([*path, f"{option}={CANARY}"], capsys)
    assert option in err, _name(path)
    assert "takes no value" in err, _name(path)


@pytest.mark.parametrize(("path", "option"), _options_taking_a_value(), ids=_id)
def test_an_option_missing_its_value_names_it(
    path: tuple[str, ...], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_error([*path, option, f"--{CANARY}"], capsys)
    assert option in err, _name(path)
    assert "expected one argument" in err, _name(path)


@pytest.mark.parametrize(("path", "prefix", "options"), _ambiguous_prefixes(), ids=_id)
def test_an_ambiguous_abbreviation_names_the_options_it_could_mean(
    path: tuple[str, ...], prefix: str, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_error([*path, f"{prefix}={CANARY}"], capsys)
    assert all(option in err for option in options), (_name(path), prefix, err)
    assert "write it in full" in err


@pytest.mark.parametrize("path", sorted(LEAVES), ids=_id)
def test_unknown_arguments_are_not_repeated(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [*path, *_with_required(LEAVES[path]), CANARY, f"--{CANARY}={CANARY}", f"-{CANARY}"]
    err = _usage_error(argv, capsys)
    assert "unknown arguments" in err, _name(path)
    # What the command takes instead is named, with the command's own usage.
    assert err.startswith(f"usage: mentordesk-cli {_name(path)}"), err
    parser = LEAVES[path]
    # A positional that takes any number of values (VARIANT…) takes the canary value too.
    takes_any_number = any(
        not action.option_strings and action.nargs in ("+", "*") for action in parser._actions
    )
    if takes_any_number:
        assert "2 options it does not take" in err, err
        assert "a value it does not take" not in err, err
    else:
        assert "2 options it does not take and a value it does not take" in err, err
    for action in parser._actions:
        if action.option_strings:
            assert max(action.option_strings, key=len) in err, (_name(path), err)


@pytest.mark.parametrize("path", sorted(LEAVES), ids=_id)
def test_a_missing_required_argument_is_named(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    parser = LEAVES[path]
    required = [a for a in parser._actions if a.required]
    if not required:
        pytest.skip("the command has no required argument")
    # An option that takes any text gets the canary: it is read, then the error is raised.
    takes_text = [
        a
        for a in parser._actions
        if a.option_strings
        and not a.required
        and a.nargs is None
        and not a.choices
        and a.type in (None, str, Path)
    ]
    given = [_long_option(takes_text[0]), CANARY] if takes_text else []
    err = _usage_error([*path, *given], capsys)
    assert "the following arguments are required:" in err
    first = required[0]
    assert (first.option_strings[0] if first.option_strings else str(first.metavar)) in err


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([CANARY, "info"], "unknown command (choose from: init, demo, info"),
        (["export", CANARY], "unknown command (choose from: ics, xlsx)"),
        (["import", "applicants", "--db", "f", "x", "--role", CANARY], "argument --role:"),
        (["demo", "--db", "f", "--size", CANARY], "argument --size: expects a whole number"),
        (["info", "--db", "f", f"--json={CANARY}"], "argument --json: takes no value"),
        (["import", "applicants", "--db", "f", "x", f"--d={CANARY}"], "--db, --dry-run"),
        (["drafts", "accepted", "out", "--db", "f", "--from", CANARY], "argument --from:"),
        (["retention", "--db", "f", "--date", CANARY], "is not a date written as YYYY-MM-DD"),
    ],
)
def test_as_a_script_meets_them(args: list[str], named: str, script_env: dict[str, str]) -> None:  # noqa: F811
    result = run_cli(args, script_env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert CANARY.lower() not in result.stderr.lower()
    assert named in result.stderr
    assert "Traceback" not in result.stderr
