"""Use cases of the programme office, shared by the window, the CLI and the tests; no Qt."""
