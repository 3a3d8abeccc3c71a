"""Programmes of the organisation (forms, curators' areas, coverage, the bases deadline) and the catalogue
of the target model."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors, form_errors
from accounts.views.web import member_required, post_action, rule_required
from mentoring import rules, selectors, services
from mentoring.forms.programmes import CuratorAreaForm, ProgrammeForm, academic_year_start
from mentoring.models import Direction, MenteeCategory, MentorCategory, MentoringForm, Programme


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
            apply_errors(form, error)
        else:
            messages.success(request, f"Программа «{programme}» сохранена.")
            return redirect("mentoring:programme.detail", pk=programme.pk)
    return render(request, "mentoring/programmes/programme_form.html", {"form": form, "programme": programme})


@rule_required(rules.can_view_bases)
def programme_detail(request, pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    manage = rules.can_manage_programme(request.actor)
    context = {
        "programme": programme,
        "forms": programme.forms.prefetch_related("role_models"),
        "directions": programme.directions.all(),
        "areas": programme.curators.select_related("curator", "form", "direction").order_by(
            "curator__last_name", "pk"
        ),
        "coverage": selectors.coverage(programme),
        "bases": selectors.bases_status(programme, timezone.localdate()),
        "manage": manage,
        "area_form": CuratorAreaForm(programme=programme) if manage else None,
    }
    return render(request, "mentoring/programmes/programme_detail.html", context)


@require_POST
@rule_required(rules.can_manage_programme)
def curator_add(request, pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    form = CuratorAreaForm(request.POST, programme=programme)

    def add():
        if not form.is_valid():
            raise form_errors(form)
        services.curator_area_add(programme=programme, by=request.user, **form.cleaned_data)

    return post_action(request, add, success="Зона куратора добавлена.", then=programme)


@require_POST
@rule_required(rules.can_manage_programme)
def curator_delete(request, pk, area_pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    area = get_object_or_404(programme.curators.select_related("programme__organization"), pk=area_pk)
    return post_action(
        request,
        lambda: services.curator_area_delete(area=area, by=request.user),
        success="Зона куратора снята.",
        then=programme,
    )


@member_required
def catalogue(request):
    context = {
        "forms": MentoringForm.objects.filter(is_active=True).prefetch_related("role_models"),
        "directions": Direction.objects.all(),
        "mentee_categories": MenteeCategory.objects.all(),
        "mentor_categories": MentorCategory.objects.all(),
    }
    return render(request, "mentoring/programmes/catalogue.html", context)
