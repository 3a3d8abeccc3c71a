from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import AuditEntry, Invitation, Membership, Role, User


@pytest.fixture
def invited(world):
    """A fresh invitation of a student without a login, as a mentee."""
    person = world.persons["stranger_child"]
    invitation, token = services.invitation_create(
        person=person, role=Role.MENTEE, by=world.users["coordinator"], email="kid@example.com"
    )
    return invitation, token


def accept(client, token, username="newuser", password="Strong-pass-987"):
    return client.post(
        reverse("accounts:invitation.accept", args=[token]),
        {"username": username, "password1": password, "password2": password},
    )


def test_coordinator_invites_through_the_page_and_an_email_goes_out(
    world, client, django_capture_on_commit_callbacks
):
    child = world.persons["child"]
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client(client, "coordinator").post(
            reverse("accounts:invitation.create", args=[child.pk]),
            {"role": "mentee", "email": "pavel@example.com"},
        )
    assert response.status_code == 200
    invitation = Invitation.objects.get(person=child)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pavel@example.com"]
    assert "Приглашение" in message.subject
    # The link in the e-mail is the one shown on the page, and only its hash is stored.
    link = next(line for line in message.body.splitlines() if "/accounts/invite/" in line).strip()
    token = link.rsplit("/invite/", 1)[1].strip("/")
    assert token in response.content.decode()
    assert token not in invitation.token_hash
    assert Invitation.objects.by_token(token).get() == invitation


def test_accepting_creates_the_login_links_the_person_and_grants_the_role(world, client, invited):
    invitation, token = invited
    response = accept(client, token)
    assert response.status_code == 302
    user = User.objects.get(username="newuser")
    invitation.refresh_from_db()
    assert invitation.used_at is not None and invitation.user == user
    assert invitation.person.__class__.objects.get(pk=invitation.person_id).user == user
    assert Membership.objects.filter(user=user, organization=world.school, role=Role.MENTEE).exists()
    assert user.check_password("Strong-pass-987")
    assert AuditEntry.objects.filter(action="invitation.accept", actor=user).exists()
    # and the visitor is now signed in on their home page
    assert client.get(reverse("home")).status_code == 200


def test_reused_link_shows_a_russian_page_and_changes_nothing(world, client, invited):
    _, token = invited
    accept(client, token)
    client.logout()
    users_before = User.objects.count()
    response = accept(client, token, username="second")
    assert response.status_code == 410
    assert "Приглашение уже использовано" in response.content.decode()
    assert User.objects.count() == users_before
    assert not User.objects.filter(username="second").exists()


def test_expired_link_shows_a_russian_page_and_changes_nothing(world, client, invited):
    invitation, token = invited
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = accept(client, token)
    assert response.status_code == 410
    assert "Срок действия приглашения истёк" in response.content.decode()
    assert not User.objects.filter(username="newuser").exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: t[:20], lambda t: "x"]
)
def test_altered_link_shows_a_russian_page_and_changes_nothing(world, client, invited, mangle):
    invitation, token = invited
    response = accept(client, mangle(token))
    assert response.status_code == 410
    assert "Ссылка недействительна" in response.content.decode()
    assert not User.objects.filter(username="newuser").exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_revoked_link_is_refused(world, client, invited):
    invitation, token = invited
    services.invitation_revoke(invitation=invitation, by=world.users["coordinator"])
    response = client.get(reverse("accounts:invitation.accept", args=[token]))
    assert response.status_code == 410
    assert "отозвал" in response.content.decode()


def test_weak_or_mismatched_password_is_explained_and_nothing_is_saved(world, client, invited):
    invitation, token = invited
    response = client.post(
        reverse("accounts:invitation.accept", args=[token]),
        {"username": "newuser", "password1": "12345678", "password2": "12345678"},
    )
    assert response.status_code == 200
    assert "слишком" in response.content.decode()  # Django's Russian password messages
    response = client.post(
        reverse("accounts:invitation.accept", args=[token]),
        {"username": "newuser", "password1": "Strong-pass-987", "password2": "Strong-pass-988"},
    )
    assert "Пароли не совпадают" in response.content.decode()
    assert not User.objects.filter(username="newuser").exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_taken_username_is_explained(world, client, invited):
    _, token = invited
    response = accept(client, token, username="coordinator")
    assert "Этот логин уже занят" in response.content.decode()


def test_signed_in_user_adds_the_role_to_their_account(world, client):
    mentor = world.persons["mentor"]
    _, token = services.invitation_create(person=mentor, role=Role.CURATOR, by=world.users["coordinator"])
    world.client(client, "mentor").post(reverse("accounts:invitation.accept", args=[token]))
    assert Membership.objects.filter(user=world.users["mentor"], role=Role.CURATOR).exists()


def test_invitation_for_someone_else_is_refused_to_a_signed_in_user(world, client):
    _, token = services.invitation_create(
        person=world.persons["mentor"], role=Role.CURATOR, by=world.users["coordinator"]
    )
    response = world.client(client, "mentee").post(
        reverse("accounts:invitation.accept", args=[token]), follow=True
    )
    assert "выписано другому человеку" in response.content.decode()
    assert not Membership.objects.filter(
        role=Role.CURATOR, user__in=[world.users["mentee"], world.users["mentor"]]
    )


def test_role_already_held_cannot_be_invited_again(world):
    with pytest.raises(ValidationError, match="уже есть эта роль"):
        services.invitation_create(
            person=world.persons["mentor"], role=Role.MENTOR, by=world.users["coordinator"]
        )


def test_coordinator_role_cannot_be_given_by_link(world):
    with pytest.raises(ValidationError):
        services.invitation_create(
            person=world.persons["mentor"], role=Role.COORDINATOR, by=world.users["coordinator"]
        )


def test_other_school_cannot_revoke(world, client, invited):
    invitation, _ = invited
    response = world.client(client, "other_coordinator").post(
        reverse("accounts:invitation.revoke", args=[invitation.pk])
    )
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
