"""Write paths of the accounts app: one function per use case, each in one transaction."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import AuditEntry, Guardianship, Invitation, Membership, Person, User


def audit(*, organization, actor, action: str, obj=None, **data) -> AuditEntry:
    return AuditEntry.objects.create(
        organization=organization,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )


@transaction.atomic
def person_save(*, person: Person, by, changed: list[str] | None = None) -> Person:
    """Create or update a person of person.organization (the form has validated the fields)."""
    created = person.pk is None
    person.full_clean()
    person.save()
    audit(
        organization=person.organization,
        actor=by,
        action="person.create" if created else "person.update",
        obj=person,
        fields=sorted(changed or []),
    )
    return person


@transaction.atomic
def guardianship_add(*, guardian: Person, child: Person, relation: str, by) -> Guardianship:
    if guardian.organization_id != child.organization_id:
        raise ValidationError("Родитель и ребёнок должны быть участниками одной организации.")
    if guardian.pk == child.pk:
        raise ValidationError("Человек не может быть законным представителем самого себя.")
    if child.kind != Person.Kind.STUDENT:
        raise ValidationError("Законного представителя указывают только для обучающегося.")
    if Guardianship.objects.filter(guardian=guardian, child=child).exists():
        raise ValidationError(f"{guardian.full_name} уже указан(а) законным представителем этого ребёнка.")
    link = Guardianship.objects.create(guardian=guardian, child=child, relation=relation)
    audit(
        organization=child.organization, actor=by, action="guardianship.add", obj=link, guardian=guardian.pk
    )
    return link


class InvitationError(Exception):
    """A link that cannot be used; `title` and `message` are shown to the visitor as they are."""

    def __init__(self, title: str, message: str):
        super().__init__(message)
        self.title = title
        self.message = message


def invitation_url(token: str) -> str:
    return settings.SITE_URL + reverse("accounts:invitation.accept", args=[token])


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
    token, token_hash = Invitation.new_token()
    invitation = Invitation.objects.create(
        organization=person.organization,
        person=person,
        role=role,
        email=email or person.email,
        token_hash=token_hash,
        created_by=by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_TTL_DAYS),
    )
    audit(organization=person.organization, actor=by, action="invitation.create", obj=invitation, role=role)
    if invitation.email:
        context = {
            "invitation": invitation,
            "url": invitation_url(token),
            "organization": person.organization,
        }
        transaction.on_commit(
            lambda: send_mail(
                render_to_string("emails/invitation_subject.txt", context).strip(),
                render_to_string("emails/invitation.txt", context),
                None,
                [invitation.email],
                html_message=render_to_string("emails/invitation.html", context),
            )
        )
    return invitation, token


def invitation_check(token: str, *, lock: bool = False) -> Invitation:
    """The invitation behind a token, or InvitationError saying in Russian why it cannot be used."""
    queryset = Invitation.objects.select_related("organization", "person")
    if lock:
        queryset = queryset.select_for_update()
    invitation = queryset.by_token(token).first()
    if invitation is None:
        raise InvitationError(
            "Ссылка недействительна",
            "Такой ссылки-приглашения нет. Проверьте, что ссылка скопирована полностью, "
            "или попросите координатора прислать новое приглашение.",
        )
    if invitation.used_at:
        raise InvitationError(
            "Приглашение уже использовано",
            "По этой ссылке уже создана учётная запись. Войдите со своим логином и паролем; "
            "если вы забыли пароль, воспользуйтесь восстановлением пароля.",
        )
    if invitation.revoked_at:
        raise InvitationError(
            "Приглашение отозвано", "Координатор отозвал это приглашение. Обратитесь к нему."
        )
    if invitation.expires_at <= timezone.now():
        raise InvitationError(
            "Срок действия приглашения истёк",
            "Ссылка больше не действует. Попросите координатора прислать новое приглашение.",
        )
    return invitation


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


@transaction.atomic
def organization_save(*, organization, by, changed: list[str]) -> None:
    organization.full_clean()
    organization.save()
    audit(organization=organization, actor=by, action="organization.update", obj=organization, fields=changed)
