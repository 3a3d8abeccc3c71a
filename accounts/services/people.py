"""People of an organisation, their legal representatives, and the organisation's own details."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.infra.integrity import translate_constraint_errors
from accounts.models import Guardianship, Person

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
