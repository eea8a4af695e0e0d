"""The one query of a programme's applicants that several services share."""

from mentordesk.domain.enums import ApplicationStatus, Role
from mentordesk.services.applicants import ApplicationInput, PersonInput, add_applicant
from mentordesk.services.programmes import (
    ProgrammeInput,
    StrandInput,
    applicants_in,
    create_programme,
    strand_choices,
)
from mentordesk.store.models import Application, Person, Strand


def test_lists_the_accepted_applications_of_that_programme_only(programme_file, programme_id):
    with programme_file.session() as s:
        other = create_programme(s, ProgrammeInput("Other 2026", strands=[StrandInput("Peers")]))
        strands = {c.name: c.id for c in strand_choices(s, programme_id)}
        fellows, circles = strands["Fellows"], strands["Circles"]
        (peers,) = (c.id for c in strand_choices(s, other))
        for name, strand, role, status in [
            ("Ana", fellows, Role.MENTEE, ApplicationStatus.ACCEPTED),
            ("Ben", circles, Role.MENTOR, ApplicationStatus.ACCEPTED),
            ("Cleo", fellows, Role.MENTEE, ApplicationStatus.WAITLISTED),
            ("Dan", peers, Role.MENTEE, ApplicationStatus.ACCEPTED),
        ]:
            add_applicant(
                s,
                PersonInput(name, "Test", f"{name.lower()}@uni.example"),
                ApplicationInput(strand, role, status),
            )

        accepted = s.execute(
            applicants_in(programme_id, Person.first_name, Application.role, Strand.name)
        ).all()
        waitlisted = s.execute(
            applicants_in(programme_id, Person.first_name, status=ApplicationStatus.WAITLISTED)
        ).all()
        narrowed = s.execute(
            applicants_in(programme_id, Person.first_name).where(Application.role == Role.MENTOR)
        ).all()

    assert sorted(tuple(r) for r in accepted) == [
        ("Ana", Role.MENTEE, "Fellows"),
        ("Ben", Role.MENTOR, "Circles"),
    ]
    assert [tuple(r) for r in waitlisted] == [("Cleo",)]
    assert [tuple(r) for r in narrowed] == [("Ben",)]
