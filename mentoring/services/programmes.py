"""Programmes of an organisation and their curators' areas."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.services import audit
from mentoring.models import CURATOR_ROLES, Programme, ProgrammeCurator


@transaction.atomic
def programme_save(*, programme: Programme, forms, directions, by) -> Programme:
    if not forms:
        raise ValidationError({"forms": "Выберите хотя бы одну форму наставничества."})
    if programme.end_date <= programme.start_date:
        raise ValidationError({"end_date": "Окончание программы должно быть позже начала."})
    outside = (
        programme.pk
        and programme.pairs.filter(start_date__lt=programme.start_date).exists()
        or (programme.pk and programme.pairs.filter(end_date__gt=programme.end_date).exists())
    )
    if outside:
        raise ValidationError("Есть пары со сроками вне новых дат программы: сначала измените их сроки.")
    created = programme.pk is None
    programme.save()
    programme.forms.set(forms)
    programme.directions.set(directions)
    audit(
        organization=programme.organization,
        actor=by,
        action="programme.create" if created else "programme.update",
        obj=programme,
    )
    return programme


@transaction.atomic
def curator_area_add(*, programme: Programme, curator, by, form=None, direction=None) -> ProgrammeCurator:
    """A curator's area: the whole programme, a form, a direction, or a form within a direction."""
    programme = Programme.objects.select_for_update().get(
        pk=programme.pk
    )  # one area at a time: NULLs are not unique
    if not curator.memberships.filter(
        organization=programme.organization_id, role__in=CURATOR_ROLES
    ).exists():
        raise ValidationError("Куратором может быть только куратор или координатор этой организации.")
    if form is not None and not programme.forms.filter(pk=form.pk).exists():
        raise ValidationError(f"Форма «{form}» не выбрана в программе.")
    if direction is not None and not programme.directions.filter(pk=direction.pk).exists():
        raise ValidationError(f"Направление «{direction}» не выбрано в программе.")
    if programme.curators.filter(curator=curator, form=form, direction=direction).exists():
        raise ValidationError("Эта зона уже закреплена за куратором.")
    area = ProgrammeCurator.objects.create(
        programme=programme, curator=curator, form=form, direction=direction
    )
    audit(
        organization=programme.organization,
        actor=by,
        action="programme.curator.add",
        obj=area,
        curator=curator.pk,
    )
    return area


@transaction.atomic
def curator_area_delete(*, area: ProgrammeCurator, by) -> None:
    audit(
        organization=area.programme.organization,
        actor=by,
        action="programme.curator.delete",
        obj=area,
        curator=area.curator_id,
        form=area.form_id,
        direction=area.direction_id,
    )
    area.delete()
