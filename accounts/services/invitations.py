"""Invitations: a coordinator invites a person of the organisation into a role through a single-use link."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.infra.mail import queue_mail
from accounts.infra.tokens import absolute_url
from accounts.models import Invitation, Membership, Person, User

from .audit import audit


def invitation_url(token: str) -> str:
    return absolute_url("accounts:invitation.accept", token)


@transaction.atomic
def invitation_create(*, person: Person, role: str, by, email: str = "") -> tuple[Invitation, str]:
    """Returns the invitation and its raw token — the only moment the token exists in clear."""
    if role not in Invitation.INVITABLE_ROLES:
        raise ValidationError("В эту роль нельзя пригласить по ссылке.")
    if (
        person.user_id
        and Membership.objects.filter(
            user_id=person.user_id, organization_id=person.organization_id, role=role
        ).exists()
    ):
        raise ValidationError(f"У {person.short_name} уже есть эта роль.")
    invitation = Invitation(
        organization=person.organization, person=person, role=role, email=email or person.email, created_by=by
    )
    token = invitation.issue(timedelta(days=settings.INVITATION_TTL_DAYS))
    invitation.save()
    audit(organization=person.organization, actor=by, action="invitation.create", obj=invitation, role=role)
    context = {"invitation": invitation, "url": invitation_url(token), "organization": person.organization}
    queue_mail("invitation", invitation.email, context)
    return invitation, token


def invitation_check(token: str, *, lock: bool = False) -> Invitation:
    """The invitation behind a token, or LinkError saying in Russian why it cannot be used."""
    return Invitation.check_token(
        token, queryset=Invitation.objects.select_related("organization", "person"), lock=lock
    )


@transaction.atomic
def invitation_accept(
    *, token: str, user: User | None = None, username: str = "", password: str = ""
) -> User:
    """Use the link once: create the login (or take the signed-in user), link the Person, grant the role."""
    invitation = invitation_check(token, lock=True)
    person = invitation.person
    if user is None:
        if person.user_id:
            raise ValidationError(
                "У этого участника уже есть учётная запись: войдите в неё и откройте ссылку снова."
            )
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError({"username": "Этот логин уже занят, выберите другой."})
        user = User(
            username=username,
            first_name=person.first_name,
            last_name=person.last_name,
            email=invitation.email or person.email,
        )
        validate_password(password, user)
        user.set_password(password)
        user.save()
    elif person.user_id and person.user_id != user.pk:
        raise ValidationError("Это приглашение выписано другому человеку. Выйдите и откройте ссылку снова.")
    elif (
        person.user_id is None and Person.objects.filter(organization=person.organization, user=user).exists()
    ):
        raise ValidationError("Ваша учётная запись уже связана с другим участником этой организации.")
    if person.user_id is None:
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    Membership.objects.get_or_create(user=user, organization=invitation.organization, role=invitation.role)
    invitation.used_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["used_at", "user"])
    audit(organization=invitation.organization, actor=user, action="invitation.accept", obj=invitation)
    return user


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> None:
    if invitation.used_at:
        raise ValidationError("Использованное приглашение отозвать нельзя.")
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit(organization=invitation.organization, actor=by, action="invitation.revoke", obj=invitation)
