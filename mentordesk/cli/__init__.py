"""mentordesk-cli: the programme file from scripts and the terminal, in the spirit of keepassxc-cli.

:mod:`~mentordesk.cli.app` holds the parser and runs a command;
:mod:`~mentordesk.cli.common` what every command shares (the passphrase,
opening the file, dates, JSON); each other module the commands of one area.
"""
