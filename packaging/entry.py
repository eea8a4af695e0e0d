"""The frozen application's one entry point: the window, or the command line by its name.

``MentorDesk [--demo] [--self-test] [FILE]`` opens the window. The same program
started as ``mentordesk-cli`` (a link beside it on Linux and macOS, a console
build of it on Windows) is the command line, so the bundle carries one copy of
the code.
"""

import sys
from pathlib import Path

if Path(sys.argv[0]).stem.lower() == "mentordesk-cli":
    from mentordesk.cli.app import main
else:
    from mentordesk.gui.app import main

raise SystemExit(main())
