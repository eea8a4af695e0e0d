"""The main window's tabs, one per kind of record."""
