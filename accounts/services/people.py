"""People of an organisation, their legal representatives, and the organisation's own details."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.infra.integrity import translate_constraint_errors
from accounts.models import ConsentRequest, Guardianship, Invitation, Membership, Person

from .audit import audit


@translate_constraint_errors
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


@translate_constraint_errors
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


@transaction.atomic
def organization_save(*, organization, by, changed: list[str]) -> None:
    organization.full_clean()
    organization.save()
    audit(organization=organization, actor=by, action="organization.update", obj=organization, fields=changed)


@transaction.atomic
def person_anonymise(*, person: Person, by) -> Person:
    """Erase a person's data (152-ФЗ, art. 21): the card keeps only what the school's records need to point at
    — «Участник № N», the sex for the grammar of old documents — and the login made for them is closed. Signed
    consents and signed orders are legal documents and keep their frozen text; the journal keeps its entries.
    Each app erases what it holds (accounts.personal_data.ERASERS) or refuses, in this transaction."""
    from accounts.personal_data import ERASERS

    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.anonymised_at:
        raise ValidationError("Данные этого участника уже обезличены.")
    if person.user_id and person.user_id == by.pk:
        raise ValidationError("Свои данные обезличивает другой сотрудник.")
    for erase in ERASERS:
        erase(person, by)
    user = person.user
    Guardianship.objects.filter(guardian=person).delete()
    Guardianship.objects.filter(child=person).delete()
    now = timezone.now()
    ConsentRequest.objects.filter(signer=person, used_at=None).update(revoked_at=now)
    Invitation.objects.filter(person=person, used_at=None).update(revoked_at=now, email="")
    person.last_name, person.first_name, person.middle_name = "Участник", f"№ {person.pk}", ""
    person.birth_date, person.email, person.phone, person.position, person.group = None, "", "", "", ""
    person.user, person.anonymised_at = None, now
    person.save()
    if user is not None:
        Membership.objects.filter(user=user, organization=person.organization).delete()
        if not user.persons.exists():  # the login served only this card: closed and emptied
            user.username, user.first_name, user.last_name, user.email = f"deleted-{user.pk}", "", "", ""
            user.is_active = False
            user.set_unusable_password()
            user.save()
    audit(organization=person.organization, actor=by, action="person.anonymise", obj=person)
    return person
