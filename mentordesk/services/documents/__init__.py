"""The programme's PDF documents, one module each, over the pieces they share.

``sign_in`` (sign-in sheets for a training session or event), ``letters``
(introduction letters for the people of a new pairing), ``certificates``
(certificates of participation) and ``programme_report`` (the report for
leadership) each compose their document with the one PDF toolkit,
``formats/pdf.py``; ``common`` holds what they share: the letterhead, an
event's date and place as printed, output paths and all-or-nothing writing.
"""
