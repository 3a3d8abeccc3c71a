"""The school's own documents that orders approve: the Положение о наставничестве (read by the administration,
edited by the coordinator; every save is a new version) and the «Школа наставников» of a programme (its sessions:
dates, topics, trainers)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.views.web import post_action, require, rule_required
from mentoring import rules
from mentoring.documents.regulation import current_regulation, default_regulation, regulation_blocks
from mentoring.forms.regulation import RegulationForm, SessionForm
from mentoring.models import MentorSchoolSession
from mentoring.services.regulation import (
    mentor_school_session_delete,
    mentor_school_session_save,
    regulation_save,
)


@rule_required(rules.can_view_orders)
def regulation_detail(request):
    organization = request.organization
    current = current_regulation(organization)
    return render(
        request,
        "mentoring/regulation/regulation_detail.html",
        {
            "current": current,
            "blocks": regulation_blocks(current.text) if current else [],
            "versions": organization.regulation_versions.select_related("created_by"),
        },
    )


@rule_required(rules.can_draft_orders)
def regulation_edit(request):
    organization = request.organization
    current = current_regulation(organization)
    title, text = (current.title, current.text) if current else default_regulation(organization)
    form = RegulationForm(request.POST or None, initial={"title": title, "text": text})
    if request.method == "POST" and form.is_valid():
        try:
            version = regulation_save(organization=organization, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Сохранена редакция № {version.number} Положения о наставничестве.")
            return redirect("mentoring:regulation.detail")
    return render(request, "mentoring/regulation/regulation_form.html", {"form": form, "current": current})


def _programme(request, pk):
    return get_object_or_404(request.organization.programmes, pk=pk)


@rule_required(rules.can_view_orders)
def mentor_school(request, pk):
    """The programme's «Школа наставников»: the sessions, and for the coordinator a form to add one."""
    programme = _programme(request, pk)
    may_edit = rules.can_draft_orders(request.actor)
    form = None
    if may_edit:
        form = SessionForm(
            request.POST or None,
            instance=MentorSchoolSession(programme=programme),
            organization=request.organization,
        )
        if request.method == "POST" and form.is_valid():
            try:
                mentor_school_session_save(session=form.save(commit=False), by=request.user)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Занятие добавлено в график.")
                return redirect("mentoring:mentor_school", pk=programme.pk)
    else:
        require(request.method != "POST")
    sessions = programme.mentor_school_sessions.select_related("trainer")
    return render(
        request,
        "mentoring/regulation/mentor_school.html",
        {
            "programme": programme,
            "sessions": sessions,
            "hours": sum(s.hours for s in sessions),
            "form": form,
        },
    )


@rule_required(rules.can_draft_orders)
def mentor_school_session_edit(request, pk, session_pk):
    programme = _programme(request, pk)
    session = get_object_or_404(programme.mentor_school_sessions, pk=session_pk)
    form = SessionForm(request.POST or None, instance=session, organization=request.organization)
    if request.method == "POST" and form.is_valid():
        try:
            mentor_school_session_save(session=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Занятие сохранено.")
            return redirect("mentoring:mentor_school", pk=programme.pk)
    return render(
        request,
        "mentoring/regulation/session_form.html",
        {"form": form, "programme": programme, "session": session},
    )


@require_POST
@rule_required(rules.can_draft_orders)
def mentor_school_session_remove(request, pk, session_pk):
    programme = _programme(request, pk)
    session = get_object_or_404(programme.mentor_school_sessions, pk=session_pk)
    return post_action(
        request,
        lambda: mentor_school_session_delete(session=session, by=request.user),
        success="Занятие удалено из графика.",
        then=reverse("mentoring:mentor_school", args=[programme.pk]),
    )
