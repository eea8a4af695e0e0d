"""File formats in and out of MentorDesk: Excel, CSV, iCalendar and PDF; no Qt."""
