"""The accounts app in the permission grid (see accounts.testing.grid)."""

from datetime import timedelta

from accounts.models import Invitation, Role
from accounts.testing.grid import expect, get, post

PUBLIC = expect(200, anonymous=200)


def build(world) -> None:
    invitation = Invitation(
        organization=world.school,
        person=world.persons["stranger_child"],
        role=Role.MENTEE,
        created_by=world.users["coordinator"],
    )
    world.o.invitation_token = invitation.issue(timedelta(days=14))
    invitation.save()
    world.o.invitation = invitation
    # A coordinator's invitation into the director's role, waiting for the director's confirmation.
    pending = Invitation(
        organization=world.school,
        person=world.persons["observer"],
        role=Role.DIRECTOR,
        created_by=world.users["coordinator"],
        requires_confirmation=True,
    )
    pending.issue(timedelta(days=14))
    pending.save()
    world.o.pending_invitation = pending


ROWS = [
    get("home", table=expect(200)),
    get("accounts:login", table=expect(302, anonymous=200)),  # a signed-in user goes home
    post("accounts:logout", table=expect(302)),
    get("accounts:password.change", table=expect(200)),
    get("accounts:password.change.done", table=expect(200)),
    get("accounts:password.reset", table=PUBLIC),
    get("accounts:password.reset.done", table=PUBLIC),
    get(
        "accounts:password.reset.confirm",
        lambda w: ["MQ", "wrong-token"],
        PUBLIC,
        note="an invalid link: a page",
    ),
    get("accounts:password.reset.complete", table=PUBLIC),
    get("accounts:invitation.accept", lambda w: [w.o.invitation_token], PUBLIC),
    get(
        "accounts:person.list",
        table=expect(403, coordinator=200, curator=200, director=200, other_coordinator=200),
    ),
    get("accounts:person.create", table=expect(403, coordinator=200, other_coordinator=200)),
    get(
        "accounts:person.detail",
        lambda w: [w.persons["mentor"].pk],
        expect(404, coordinator=200, curator=200, director=200, mentor=200),
        note="a teacher: the staff and the person themself",
    ),
    get(
        "accounts:person.detail",
        lambda w: [w.persons["child"].pk],
        expect(404, coordinator=200, curator=200, director=200, parent=200),
        note="a child: the staff and the parent",
    ),
    get(
        "accounts:person.detail",
        lambda w: [w.persons["stranger_child"].pk],
        expect(404, coordinator=200, curator=200, director=200),
        note="another family's child",
    ),
    get(
        "accounts:person.detail",
        lambda w: [w.persons["other_teacher"].pk],
        expect(404, other_coordinator=200),
    ),
    get(
        "accounts:person.update",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    get(
        "accounts:guardianship.add",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    get(
        "accounts:invitation.create",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    get(
        "accounts:invitation.list",
        table=expect(403, coordinator=200, director=200, other_coordinator=200),
    ),
    post(
        "accounts:invitation.confirm",
        lambda w: [w.o.pending_invitation.pk],
        expect(403, director=302),
        note="only the current director confirms an invitation into the director's role",
    ),
    post(
        "accounts:invitation.revoke",
        lambda w: [w.o.invitation.pk],
        expect(403, coordinator=302, other_coordinator=404),
    ),
    # 152-ФЗ (issue 9): the coordinator exports and erases a person's data
    get(
        "accounts:person.data_export",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    post(
        "accounts:person.anonymise",
        lambda w: [w.persons["observer"].pk],
        expect(403, coordinator=302, other_coordinator=404),
        note="a person in no pair: the coordinator erases their data",
    ),
    get(
        "accounts:organization.update",
        table=expect(403, coordinator=200, director=200, other_coordinator=200),
    ),
    post(
        "accounts:organization.switch",
        table=expect(302, other_coordinator=404, observer=404),
        data=lambda w: {"organization": w.school.pk},
        note="to the world's school: not one of the other coordinator's (nor the municipal observer's)",
    ),
    get("admin:index", table=expect(302)),
]
