"""The invented people, places and words the demo programme is made of.

Every name is invented and every email domain is a reserved ``.example`` one, so
the demo can be shown, screenshotted and shared freely. The order of every list
matters: the demo draws from them with a seeded generator, so it is the same
programme each time.
"""

from __future__ import annotations

#: First names, drawn at random for each person.
FIRST_NAMES = [
    "Amélie",
    "Anja",
    "Bianca",
    "Carla",
    "Chiara",
    "Claire",
    "Dana",
    "Elena",
    "Emma",
    "Eva",
    "Fatima",
    "Hana",
    "Inès",
    "Irina",
    "Jana",
    "Julia",
    "Katarzyna",
    "Laura",
    "Lea",
    "Lina",
    "Maria",
    "Marta",
    "Maya",
    "Mei",
    "Nadia",
    "Nora",
    "Olga",
    "Paula",
    "Priya",
    "Rosa",
    "Sara",
    "Sofia",
    "Tanja",
    "Yara",
    "Zoé",
    "Ahmed",
    "Andrei",
    "Ben",
    "Carlos",
    "David",
    "Diego",
    "Elias",
    "Felix",
    "Hugo",
    "Jonas",
    "Kenji",
    "Luca",
    "Marc",
    "Mateo",
    "Nikolai",
    "Omar",
    "Pedro",
    "Raj",
    "Samuel",
    "Tom",
    "Victor",
    "Yusuf",
]
#: Last names, drawn at random for each person.
LAST_NAMES = [
    "Almeida",
    "Bauer",
    "Becker",
    "Bernard",
    "Costa",
    "Da Silva",
    "Silva",
    "Dubois",
    "Fischer",
    "Fontaine",
    "Garcia",
    "Hansen",
    "Hoffmann",
    "Ivanova",
    "Jansen",
    "Kowalska",
    "Kraus",
    "Lambert",
    "Lopes",
    "Martin",
    "Meyer",
    "Moreau",
    "Müller",
    "Nguyen",
    "Novak",
    "Olsen",
    "Petit",
    "Reuter",
    "Rossi",
    "Schmit",
    "Schneider",
    "Silva",
    "Thill",
    "Wagner",
    "Weber",
    "Weis",
    "Yilmaz",
    "Zhang",
    "Ferreira",
    "Haddad",
    "Kumar",
]

#: (organisation, email domain, departments)
INSTITUTIONS = (
    (
        "University of Luxembourg",
        "uni-lu.example",
        (
            "Faculty of Science, Technology and Medicine",
            "Faculty of Law, Economics and Finance",
            "Faculty of Humanities, Education and Social Sciences",
            "Interdisciplinary Centre for Security, Reliability and Trust",
            "Luxembourg Centre for Systems Biomedicine",
        ),
    ),
    (
        "Luxembourg Institute of Health",
        "lih.example",
        ("Department of Cancer Research", "Department of Precision Health"),
    ),
    (
        "Luxembourg Institute of Socio-Economic Research",
        "liser.example",
        ("Labour Market", "Urban Development and Mobility"),
    ),
    (
        "Luxembourg Institute of Science and Technology",
        "list.example",
        ("Materials Research and Technology", "Environmental Research and Innovation"),
    ),
)

#: Research fields, one per person.
FIELDS = (
    "Computer science",
    "Systems biology",
    "Economics",
    "Education",
    "Materials science",
    "Public health",
    "Law",
    "Physics",
    "Environmental science",
    "History",
)
#: What mentors and mentees name as expertise, three each.
EXPERTISE = (
    "grant writing",
    "leadership",
    "work–life balance",
    "publishing",
    "teaching",
    "industry collaboration",
    "career transitions",
    "negotiation",
    "supervising students",
    "networking",
    "tenure track",
    "returning after leave",
)
#: Languages spoken, two each.
LANGUAGES = ("English", "French", "German", "Luxembourgish", "Portuguese", "Italian")
#: A mentee's goals, one each.
MENTEE_GOALS = (
    "Prepare a competitive ERC Starting Grant application.",
    "Decide between an academic and an industry career.",
    "Build a network outside my own department.",
    "Negotiate a permanent position and plan the next five years.",
    "Grow confidence in leading a small research team.",
    "Balance a young family with fieldwork abroad.",
)
#: A mentee's development needs, two each.
MENTEE_NEEDS = (
    "feedback on a fellowship proposal",
    "visibility and networking",
    "time management",
    "leadership skills",
    "publishing strategy",
    "managing conflict in the lab",
)
#: (title, text) of the coordinator's notes about mentees.
NOTES = (
    (
        "Orientation follow-up",
        "Could not attend orientation because of a conference; sent the slides and "
        "offered the February session.",
    ),
    (
        "Matching preference",
        "Asked not to be matched within her own research unit; prefers a mentor from "
        "a partner institute.",
    ),
    (
        "Check-in call",
        "Pair meets every three weeks; both very positive. Mentee submitted the grant draft.",
    ),
    (
        "Pause requested",
        "Mentor on sabbatical for two months; the pair agreed to pause and resume in May.",
    ),
    (
        "Concern raised",
        "Mentee finds it hard to schedule meetings. Suggested a fixed monthly slot; "
        "review at next check-in.",
    ),
)

#: What mentees hope for, before the programme.
HOPES = (
    "A clear plan for the next two years and someone to test it against.",
    "Feedback on my fellowship proposal before the deadline.",
    "Contacts outside my institute.",
    "More confidence when negotiating my contract.",
)
#: What changed for them, after it.
CHANGES = (
    "I submitted the grant and know how to plan the next one.",
    "I now have a network beyond my own department.",
    "I stopped saying yes to everything and protect my writing time.",
    "I negotiated a contract extension with my head of unit.",
)
#: What worked, in the programme feedback.
WORKED = (
    "Regular meetings with a mentor outside my line of management.",
    "The circle meetings: hearing how others handle the same problems.",
    "The orientation training set clear expectations from the start.",
    "The networking evening with the partner institutes.",
)
#: What to change, in the programme feedback.
TO_CHANGE = (
    "More time for the pairs to meet at the start.",
    "Workshops earlier in the year.",
    "A mid-programme get-together for all mentees.",
    "Clearer guidance on how to end the relationship well.",
)

#: When applicants say they can meet, one each for some of them.
AVAILABILITY = (
    "Tuesday and Thursday afternoons",
    "Mornings before 10:00, online",
    "Once a month, any weekday",
    "Flexible, except during the August break",
)
#: Answers the application form asked for that no field holds: (question, answers).
OTHER_QUESTIONS = (
    (
        "How did you hear about the programme?",
        (
            "From my head of unit",
            "The doctoral school newsletter",
            "A colleague who took part last year",
            "The ADVANCE information session in October",
        ),
    ),
    (
        "Is there anything else we should know?",
        (
            "I am back from parental leave in March and would like to start after that.",
            "I would prefer to meet in French or English.",
            "I travel for fieldwork in May and June.",
        ),
    ),
)
