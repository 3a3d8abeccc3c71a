"""Invitations: a coordinator invites a person of the organisation into a role through a single-use link.

Who may grant what is accounts.rules (can_grant_role, can_propose_role); the service enforces it again, so no
path around the page grants more: nobody invites themself or accepts their own invitation, an invitation into
the director's role works only once the current director (or the platform operator) confirms it, and every
role granted is audited and reported to the director by e-mail."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import rules
from accounts.actor import Actor
from accounts.infra.mail import queue_mail
from accounts.infra.tokens import LinkError, absolute_url
from accounts.models import Invitation, Membership, Person, Role, User

from .audit import audit


def invitation_url(token: str) -> str:
    return absolute_url("accounts:invitation.accept", token)


def director_emails(organization) -> list[str]:
    return sorted(
        {
            m.user.email
            for m in Membership.objects.filter(organization=organization, role=Role.DIRECTOR).select_related(
                "user"
            )
            if m.user.email and m.user.is_active
        }
    )


@transaction.atomic
def invitation_create(*, person: Person, role: str, by, email: str = "") -> tuple[Invitation, str]:
    """Returns the invitation and its raw token — the only moment the token exists in clear."""
    if role not in Invitation.INVITABLE_ROLES:
        raise ValidationError("В эту роль нельзя пригласить по ссылке.")
    actor = Actor.of(by, person.organization)
    pending = False
    if not rules.can_grant_role(actor, role):
        if not rules.can_propose_role(actor, role):
            raise ValidationError(f"Вы не можете предоставить роль «{Role(role).label}».")
        pending = True
    if person.user_id and person.user_id == by.pk:
        raise ValidationError("Пригласить самого себя нельзя: роль предоставляет другой сотрудник.")
    address = (email or person.email).strip()
    if address and by.email and address.lower() == by.email.strip().lower():
        raise ValidationError(
            {"email": "Это ваш собственный адрес: приглашение отправляют самому участнику."}
        )
    if (
        person.user_id
        and Membership.objects.filter(
            user_id=person.user_id, organization_id=person.organization_id, role=role
        ).exists()
    ):
        raise ValidationError(f"У {person.short_name} уже есть эта роль.")
    invitation = Invitation(
        organization=person.organization,
        person=person,
        role=role,
        email=address,
        created_by=by,
        requires_confirmation=pending,
    )
    token = invitation.issue(timedelta(days=settings.INVITATION_TTL_DAYS))
    invitation.save()
    audit(
        organization=person.organization,
        actor=by,
        action="invitation.create",
        obj=invitation,
        role=role,
        pending=pending,
    )
    context = {"invitation": invitation, "url": invitation_url(token), "organization": person.organization}
    queue_mail("invitation", invitation.email, context)
    if pending:
        queue_mail(
            "invitation_confirm",
            director_emails(person.organization),
            {
                "invitation": invitation,
                "organization": person.organization,
                "url": absolute_url("accounts:invitation.list"),
            },
        )
    return invitation, token


def invitation_check(token: str, *, lock: bool = False) -> Invitation:
    """The invitation behind a token, or LinkError saying in Russian why it cannot be used."""
    invitation = Invitation.check_token(
        token, queryset=Invitation.objects.select_related("organization", "person", "created_by"), lock=lock
    )
    if invitation.awaits_confirmation:
        raise LinkError(*Invitation.MESSAGES["pending"])
    return invitation


@transaction.atomic
def invitation_confirm(*, invitation: Invitation, by) -> Invitation:
    """The current director (or the platform operator) confirms an invitation into the director's role."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    actor = Actor.of(by, invitation.organization)
    if not (rules.can_confirm_role_grants(actor) or rules.is_platform_operator(by)):
        raise ValidationError("Подтвердить приглашение может только директор или оператор платформы.")
    if not invitation.awaits_confirmation:
        raise ValidationError("Это приглашение не ждёт подтверждения.")
    if invitation.used_at or invitation.revoked_at:
        raise ValidationError("Приглашение уже использовано или отозвано.")
    if by.pk == invitation.created_by_id:
        raise ValidationError("Автор приглашения не может подтвердить его сам.")
    invitation.confirmed_at, invitation.confirmed_by = timezone.now(), by
    invitation.save(update_fields=["confirmed_at", "confirmed_by"])
    audit(organization=invitation.organization, actor=by, action="invitation.confirm", obj=invitation)
    return invitation


def membership_grant(*, user: User, organization, role: str, by, source: str) -> Membership:
    """Every role given to a login goes through here: audited and reported to the school's director."""
    membership, created = Membership.objects.get_or_create(user=user, organization=organization, role=role)
    if created:
        audit(
            organization=organization,
            actor=by,
            action="membership.grant",
            obj=membership,
            user=user.pk,
            role=role,
            source=source,
        )
        queue_mail(
            "role_granted",
            director_emails(organization),
            {"membership": membership, "organization": organization, "by": by, "source": source},
        )
    return membership


@transaction.atomic
def invitation_accept(
    *, token: str, user: User | None = None, username: str = "", password: str = ""
) -> User:
    """Use the link once: create the login (or take the signed-in user), link the Person, grant the role."""
    invitation = invitation_check(token, lock=True)
    person = invitation.person
    if user is not None and user.pk == invitation.created_by_id:
        raise ValidationError("Нельзя принять приглашение, которое вы создали сами.")
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
    membership_grant(
        user=user, organization=invitation.organization, role=invitation.role, by=user, source="invitation"
    )
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
