"""mentordesk-cli commands for PDF reports: programme report, letters, sheets, certificates."""

from __future__ import annotations

from typing import Any


def register(commands: Any, command: Any, group: Any) -> None:
    """Add this area's commands to the parser ``mentordesk.cli.build_parser`` builds."""
