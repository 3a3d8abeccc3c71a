"""Who may grant which role (issue 9, item 1): the attacks that let a coordinator sign as the director, each
reproduced and refused, and the paths that stay open."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import rules, services
from accounts.actor import Actor
from accounts.models import AuditEntry, Invitation, Membership, Role, User
from conftest import delivered, make_person

STRONG = "Strong-pass-987"


def accept(client, token, username="newdirector"):
    return client.post(
        reverse("accounts:invitation.accept", args=[token]),
        {"username": username, "password1": STRONG, "password2": STRONG},
    )


def actor(world, role):
    return Actor.of(world.users[role], world.school)


# The rules --------------------------------------------------------------------------------------------------


def test_a_coordinator_grants_only_roles_below_their_own(world):
    coordinator = actor(world, "coordinator")
    assert {r for r in Role if rules.can_grant_role(coordinator, r)} == {
        Role.CURATOR,
        Role.MENTOR,
        Role.MENTEE,
        Role.PARENT,
    }
    assert rules.can_propose_role(coordinator, Role.DIRECTOR)
    assert not rules.can_propose_role(coordinator, Role.COORDINATOR)


def test_a_mentor_or_a_curator_grants_nothing(world):
    for role in ("mentor", "curator", "parent", "mentee"):
        assert not any(rules.can_grant_role(actor(world, role), r) for r in Role)
        assert not rules.can_propose_role(actor(world, role), Role.DIRECTOR)


def test_the_director_grants_the_directors_role_and_confirms(world):
    director = actor(world, "director")
    assert rules.can_grant_role(director, Role.DIRECTOR)
    assert not rules.can_grant_role(director, Role.COORDINATOR)
    assert rules.can_confirm_role_grants(director)
    assert not rules.can_confirm_role_grants(actor(world, "coordinator"))


# The attack: a coordinator invites their own card as director ---------------------------------------------


def test_a_coordinator_cannot_invite_their_own_card(world):
    with pytest.raises(ValidationError, match="самого себя"):
        services.invitation_create(
            person=world.persons["coordinator"], role=Role.DIRECTOR, by=world.users["coordinator"]
        )
    with pytest.raises(ValidationError, match="самого себя"):
        services.invitation_create(
            person=world.persons["coordinator"], role=Role.MENTOR, by=world.users["coordinator"]
        )
    assert not Invitation.objects.exists()


def test_an_invented_person_with_the_coordinators_own_email_is_refused(world):
    invented = make_person(world.school, "Выдуманный", "Директор", "Иванович", sex="M")
    with pytest.raises(ValidationError, match="собственный адрес"):
        services.invitation_create(
            person=invented,
            role=Role.DIRECTOR,
            by=world.users["coordinator"],
            email=world.users["coordinator"].email.upper(),
        )


def test_a_coordinators_director_invitation_waits_for_the_director(world, client):
    invented = make_person(world.school, "Выдуманный", "Директор", "Иванович", sex="M")
    invitation, token = services.invitation_create(
        person=invented, role=Role.DIRECTOR, by=world.users["coordinator"], email="accomplice@example.com"
    )
    assert invitation.requires_confirmation and invitation.awaits_confirmation
    # The director is asked, the link does not work yet.
    letters = delivered()
    to_director = [m for m in letters if m.to == [world.users["director"].email]]
    assert to_director and "подтверждение" in to_director[0].subject
    response = accept(client, token)
    assert response.status_code == 410
    assert "ждёт подтверждения" in response.content.decode()
    assert not User.objects.filter(username="newdirector").exists()
    assert not Membership.objects.filter(role=Role.DIRECTOR).exclude(user=world.users["director"]).exists()


def test_the_coordinator_cannot_confirm_their_own_invitation(world, client):
    invented = make_person(world.school, "Выдуманный", "Директор", "", sex="M")
    invitation, _ = services.invitation_create(
        person=invented, role=Role.DIRECTOR, by=world.users["coordinator"]
    )
    with pytest.raises(ValidationError, match="только директор"):
        services.invitation_confirm(invitation=invitation, by=world.users["coordinator"])
    response = world.client(client, "coordinator").post(
        reverse("accounts:invitation.confirm", args=[invitation.pk])
    )
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.confirmed_at is None


def test_once_the_director_confirms_the_link_works_and_the_grant_is_audited_and_mailed(world, client):
    successor = make_person(world.school, "Новиков", "Пётр", "Ильич", sex="M")
    invitation, token = services.invitation_create(
        person=successor, role=Role.DIRECTOR, by=world.users["coordinator"], email="novikov@example.com"
    )
    response = world.client(client, "director").post(
        reverse("accounts:invitation.confirm", args=[invitation.pk])
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.confirmed_by == world.users["director"]
    client.logout()
    delivered().clear()
    assert accept(client, token).status_code == 302
    user = User.objects.get(username="newdirector")
    membership = Membership.objects.get(user=user, role=Role.DIRECTOR, organization=world.school)
    entry = AuditEntry.objects.get(action="membership.grant", object_id=str(membership.pk))
    assert entry.data["role"] == Role.DIRECTOR and entry.data["source"] == "invitation"
    assert AuditEntry.objects.filter(action="invitation.confirm", actor=world.users["director"]).exists()
    to_director = [m for m in delivered() if world.users["director"].email in m.to]
    assert len(to_director) == 1 and "Директор" in to_director[0].subject


def test_the_platform_operator_confirms_in_the_admin(world, client):
    operator = User.objects.create_user("operator", password="x", is_staff=True, is_superuser=True)
    invented = make_person(world.school, "Новиков", "Пётр", "", sex="M")
    invitation, _ = services.invitation_create(
        person=invented, role=Role.DIRECTOR, by=world.users["coordinator"]
    )
    client.force_login(operator)
    response = client.post(
        reverse("admin:accounts_invitation_changelist"),
        {"action": "confirm", "_selected_action": [invitation.pk]},
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.confirmed_by == operator


def test_nobody_accepts_an_invitation_they_created(world, client):
    """A coordinator invents a card, invites it as a mentor and accepts it while signed in."""
    invented = make_person(world.school, "Выдуманный", "Человек", "", sex="M")
    _, token = services.invitation_create(person=invented, role=Role.MENTOR, by=world.users["coordinator"])
    response = world.client(client, "coordinator").post(
        reverse("accounts:invitation.accept", args=[token]), follow=True
    )
    assert "создали сами" in response.content.decode()
    assert not Membership.objects.filter(user=world.users["coordinator"], role=Role.MENTOR).exists()


def test_roles_the_inviter_may_not_grant_are_refused_by_the_service(world):
    with pytest.raises(ValidationError, match="не можете предоставить"):
        services.invitation_create(
            person=world.persons["mentee"], role=Role.CURATOR, by=world.users["mentor"]
        )
    with pytest.raises(ValidationError, match="не можете предоставить"):
        services.invitation_create(
            person=world.persons["mentee"], role=Role.DIRECTOR, by=world.users["curator"]
        )


def test_the_form_offers_only_grantable_roles(world, client):
    response = world.client(client, "coordinator").get(
        reverse("accounts:invitation.create", args=[world.persons["mentee"].pk])
    )
    html = response.content.decode()
    assert "после подтверждения директором" in html
    assert 'value="coordinator"' not in html


def test_a_role_granted_in_the_admin_is_audited_and_mailed(world, client):
    operator = User.objects.create_user("operator", password="x", is_staff=True, is_superuser=True)
    client.force_login(operator)
    response = client.post(
        reverse("admin:accounts_membership_add"),
        {"user": world.users["mentee"].pk, "organization": world.school.pk, "role": Role.CURATOR},
    )
    assert response.status_code == 302, response.content[:500]
    membership = Membership.objects.get(user=world.users["mentee"], role=Role.CURATOR)
    assert AuditEntry.objects.filter(
        action="membership.grant", object_id=str(membership.pk), actor=operator, data__source="admin"
    ).exists()
    assert any(world.users["director"].email in m.to for m in delivered())
