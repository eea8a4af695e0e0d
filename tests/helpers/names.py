"""Names whose alphabetical order the stored text gets wrong (accented capitals sort after Z)."""

from __future__ import annotations

#: First names as a coordinator types them, in no order.
FIRST_NAMES = ["Łukasz", "Ömer", "Zsófia", "Åsa", "Émile", "Ana", "Oscar", "Zoë", "Emma", "Lars"]
#: The same, alphabetically: accents are read as the letters they are on.
FIRST_NAMES_IN_ORDER = [
    "Ana",
    "Åsa",
    "Émile",
    "Emma",
    "Lars",
    "Łukasz",
    "Ömer",
    "Oscar",
    "Zoë",
    "Zsófia",
]
#: People (first name, last name), in no order; two share a last name.
PEOPLE = [
    ("Zsófia", "Zsigmond"),
    ("Łukasz", "Łukasiewicz"),
    ("Ömer", "Öztürk"),
    ("Åsa", "Åberg"),
    ("Émile", "Émond"),
    ("Zoë", "Abbott"),
    ("Oscar", "Olsen"),
    ("Anna", "Zoëller"),
    ("Lars", "Lund"),
    ("Ørjan", "Østergaard"),
    ("Đorđe", "Đurić"),
    ("Jürgen", "Strauß"),
    ("Ana", "Abbott"),
    ("Maria", "de Vries"),
    ("Kemal", "Dursun"),
]
#: Their full names by last name, then first name, as registers and exports list them.
PEOPLE_IN_ORDER = [
    "Ana Abbott",
    "Zoë Abbott",
    "Åsa Åberg",
    "Maria de Vries",
    "Đorđe Đurić",
    "Kemal Dursun",
    "Émile Émond",
    "Łukasz Łukasiewicz",
    "Lars Lund",
    "Oscar Olsen",
    "Ørjan Østergaard",
    "Ömer Öztürk",
    "Jürgen Strauß",
    "Anna Zoëller",
    "Zsófia Zsigmond",
]
