"""Start the MentorDesk window with ``python -m mentordesk``."""

from mentordesk.gui.app import main

raise SystemExit(main())
