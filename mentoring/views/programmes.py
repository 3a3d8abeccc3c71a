"""Programmes of the organisation (forms, curators' areas, coverage, the bases deadline) and the catalogue
of the target model."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import member_required, rule_required
from accounts.models import Person
from accounts.services import audit
from accounts.views import _apply_errors
from mentoring import rules, services
from mentoring.forms_bases import CURATOR_ROLES, CuratorAreaForm, ProgrammeForm, academic_year_start
from mentoring.models import (
    Direction,
    MenteeCategory,
    MentorCategory,
    MentoringForm,
    Programme,
    ProgrammeCurator,
)


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


def coverage(programme: Programme) -> list[dict]:
    """Share of the organisation's staff and students who are mentees in open pairs of the programme."""
    in_pairs = Q(pair_memberships__is_open=True, pair_memberships__pair__programme=programme)
    staff, students = Q(kind=Person.Kind.STAFF), Q(kind=Person.Kind.STUDENT)
    counts = programme.organization.persons.aggregate(
        staff=Count("pk", filter=staff, distinct=True),
        staff_covered=Count("pk", filter=staff & in_pairs, distinct=True),
        students=Count("pk", filter=students, distinct=True),
        students_covered=Count("pk", filter=students & in_pairs, distinct=True),
    )
    rows = []
    for key, label, target in [
        ("staff", "Педагоги", programme.teachers_target_pct),
        ("students", "Обучающиеся", programme.students_target_pct),
    ]:
        total, covered = counts[key], counts[f"{key}_covered"]
        pct = round(covered * 100 / total, 1) if total else 0
        rows.append(
            {
                "label": label,
                "total": total,
                "covered": covered,
                "pct": pct,
                "target": target,
                "met": pct >= target,
            }
        )
    return rows


def bases_status(programme: Programme, today: date) -> dict:
    """The bases are formed by 1 October (seed 001 §3.3): after it an empty base is a warning."""
    organization = programme.organization
    return {
        "deadline": programme.bases_deadline,
        "overdue": today > programme.bases_deadline,
        "mentors": organization.mentor_profiles.filter(left_on__isnull=True).count(),
        "mentees": organization.mentee_profiles.filter(left_on__isnull=True).count(),
    }


@rule_required(rules.can_view_bases)
def programme_list(request):
    programmes = request.organization.programmes.annotate(pair_count=Count("pairs")).prefetch_related("forms")
    return render(request, "mentoring/programmes/programme_list.html", {"programmes": programmes})


@rule_required(rules.can_manage_programme)
def programme_edit(request, pk=None):
    if pk:
        programme, initial = get_object_or_404(request.organization.programmes, pk=pk), None
    else:
        programme = Programme(organization=request.organization)
        year = academic_year_start(timezone.localdate())
        initial = {"year": year, "start_date": date(year, 9, 1), "end_date": date(year + 1, 5, 31)}
    form = ProgrammeForm(request.POST or None, instance=programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_save(
                programme=form.save(commit=False),
                forms=form.cleaned_data["forms"],
                directions=form.cleaned_data["directions"],
                by=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Программа «{programme}» сохранена.")
            return redirect("mentoring:programme.detail", pk=programme.pk)
    return render(request, "mentoring/programmes/programme_form.html", {"form": form, "programme": programme})


@rule_required(rules.can_view_bases)
def programme_detail(request, pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    manage = rules.can_manage_programme(request)
    context = {
        "programme": programme,
        "forms": programme.forms.prefetch_related("role_models"),
        "directions": programme.directions.all(),
        "areas": programme.curators.select_related("curator", "form", "direction").order_by(
            "curator__last_name", "pk"
        ),
        "coverage": coverage(programme),
        "bases": bases_status(programme, timezone.localdate()),
        "manage": manage,
        "area_form": CuratorAreaForm(programme=programme) if manage else None,
    }
    return render(request, "mentoring/programmes/programme_detail.html", context)


@require_POST
@rule_required(rules.can_manage_programme)
def curator_add(request, pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    form = CuratorAreaForm(request.POST, programme=programme)
    try:
        if not form.is_valid():
            raise ValidationError([error for errors in form.errors.values() for error in errors])
        curator_area_add(programme=programme, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Зона куратора добавлена.")
    return redirect("mentoring:programme.detail", pk=programme.pk)


@require_POST
@rule_required(rules.can_manage_programme)
def curator_delete(request, pk, area_pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    area = get_object_or_404(programme.curators.select_related("programme__organization"), pk=area_pk)
    curator_area_delete(area=area, by=request.user)
    messages.success(request, "Зона куратора снята.")
    return redirect("mentoring:programme.detail", pk=programme.pk)


@member_required
def catalogue(request):
    context = {
        "forms": MentoringForm.objects.filter(is_active=True).prefetch_related("role_models"),
        "directions": Direction.objects.all(),
        "mentee_categories": MenteeCategory.objects.all(),
        "mentor_categories": MentorCategory.objects.all(),
    }
    return render(request, "mentoring/programmes/catalogue.html", context)
