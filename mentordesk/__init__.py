"""MentorDesk: run a research mentoring programme from one encrypted file."""

__version__ = "0.1.0"
APP_NAME = "MentorDesk"
FILE_SUFFIX = ".mentordesk"
