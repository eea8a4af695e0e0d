"""Communications in the window: templates, drafts, addresses, the log and reminders."""
