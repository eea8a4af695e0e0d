"""mentordesk-cli commands for surveys: their templates and the import of responses."""

from __future__ import annotations

from typing import Any


def register(commands: Any, command: Any, group: Any) -> None:
    """Add this area's commands to the parser ``mentordesk.cli.build_parser`` builds."""
