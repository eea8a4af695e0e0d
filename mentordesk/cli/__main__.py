"""Run mentordesk-cli as ``python -m mentordesk.cli``."""

from mentordesk.cli.app import main

raise SystemExit(main())
