"""The organisation's people: the list, a person's card, editing, legal representatives."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from accounts import rules, services
from accounts.forms import GuardianshipForm, PersonForm
from accounts.infra.forms import apply_errors
from accounts.models import Person, search_q
from accounts.personal_data import data_consent_withdrawn, processing_allowed_q

from .web import member_required, rule_required


@rule_required(rules.can_view_people)
def person_list(request):
    # Who withdrew their consent to data processing is listed only on request (to record a new consent or to
    # erase their data); anonymised cards are the school's records, not people to work with.
    withdrawn = request.GET.get("withdrawn") == "1"
    persons = request.organization.persons.filter(
        data_consent_withdrawn() if withdrawn else processing_allowed_q(), anonymised_at=None
    )
    query = request.GET.get("q", "").strip()
    if query:
        persons = persons.filter(search_q(query))
    kind = request.GET.get("kind", "")
    if kind in Person.Kind.values:
        persons = persons.filter(kind=kind)
    group = request.GET.get("group", "").strip()
    if group:
        persons = persons.filter(group__iexact=group)
    page = Paginator(persons.select_related("user"), 50).get_page(request.GET.get("page"))
    groups = (
        request.organization.persons.exclude(group="")
        .order_by("group")
        .values_list("group", flat=True)
        .distinct()
    )
    return render(
        request,
        "accounts/person_list.html",
        {
            "page": page,
            "query": query,
            "kind": kind,
            "group": group,
            "kinds": Person.Kind.choices,
            "groups": groups,
            "withdrawn": withdrawn,
        },
    )


def _visible_person(request, pk) -> Person:
    person = get_object_or_404(request.organization.persons, pk=pk)
    if not rules.can_view_person(request.actor, person):
        raise Http404
    return person


@member_required
def person_detail(request, pk):
    person = _visible_person(request, pk)
    context = {
        "person": person,
        "guardians": person.guardianships.select_related("guardian"),
        "wards": person.wards.select_related("child"),
        "roles": person.user.memberships.filter(organization=request.organization) if person.user_id else [],
        "invitations": person.invitations.all() if rules.can_invite(request.actor) else [],
    }
    return render(request, "accounts/person_detail.html", context)


@rule_required(rules.can_manage_people)
def person_edit(request, pk=None):
    person = (
        get_object_or_404(request.organization.persons, pk=pk)
        if pk
        else Person(organization=request.organization)
    )
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_save(
                person=form.save(commit=False), by=request.user, changed=form.changed_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Сведения об участнике «{person.full_name}» сохранены.")
            return redirect("accounts:person.detail", pk=person.pk)
    return render(request, "accounts/person_form.html", {"form": form, "person": person})


@rule_required(rules.can_manage_people)
def guardianship_add(request, pk):
    child = get_object_or_404(request.organization.persons, pk=pk)
    form = GuardianshipForm(request.POST or None, child=child)
    if request.method == "POST" and form.is_valid():
        try:
            services.guardianship_add(
                guardian=form.cleaned_data["guardian"],
                child=child,
                relation=form.cleaned_data["relation"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Законный представитель добавлен.")
            return redirect("accounts:person.detail", pk=child.pk)
    return render(request, "accounts/guardianship_form.html", {"form": form, "child": child})
