from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import rules, services
from .decorators import member_required, rule_required
from .forms import GuardianshipForm, InvitationAcceptForm, InvitationForm, OrganizationForm, PersonForm
from .middleware import SESSION_KEY
from .models import Person, search_q
from .ratelimit import rate_limited


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@rule_required(rules.can_view_people)
def person_list(request):
    persons = request.organization.persons.all()
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
        },
    )


def _visible_person(request, pk) -> Person:
    person = get_object_or_404(request.organization.persons, pk=pk)
    if not rules.can_view_person(request, person):
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
        "invitations": person.invitations.all() if rules.can_invite(request) else [],
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
            _apply_errors(form, error)
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
            _apply_errors(form, error)
        else:
            messages.success(request, "Законный представитель добавлен.")
            return redirect("accounts:person.detail", pk=child.pk)
    return render(request, "accounts/guardianship_form.html", {"form": form, "child": child})


@rule_required(rules.can_invite)
def invitation_create(request, pk):
    person = get_object_or_404(request.organization.persons, pk=pk)
    form = InvitationForm(request.POST or None, initial={"email": person.email})
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = services.invitation_create(
                person=person,
                role=form.cleaned_data["role"],
                email=form.cleaned_data["email"],
                by=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            # The raw token is shown once, here: it is stored only as a hash.
            return render(
                request,
                "accounts/invitation_created.html",
                {
                    "invitation": invitation,
                    "url": request.build_absolute_uri(reverse("accounts:invitation.accept", args=[token])),
                },
            )
    return render(request, "accounts/invitation_form.html", {"form": form, "person": person})


@rule_required(rules.can_invite)
def invitation_list(request):
    invitations = request.organization.invitations.select_related("person", "created_by")
    return render(request, "accounts/invitation_list.html", {"invitations": invitations[:500]})


@require_POST
@rule_required(rules.can_invite)
def invitation_revoke(request, pk):
    invitation = get_object_or_404(request.organization.invitations, pk=pk)
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Приглашение отозвано.")
    return redirect("accounts:invitation.list")


@rate_limited("invitation")
def invitation_accept(request, token):
    """Public: the invited person chooses a login and a password (or adds the role to their account)."""
    try:
        invitation = services.invitation_check(token)
    except services.InvitationError as error:
        return render(request, "accounts/invitation_invalid.html", {"error": error}, status=410)
    signed_in = request.user.is_authenticated
    form = None if signed_in else InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and (signed_in or form.is_valid()):
        try:
            if signed_in:
                user = services.invitation_accept(token=token, user=request.user)
            else:
                user = services.invitation_accept(
                    token=token,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password1"],
                )
        except services.InvitationError as error:
            return render(request, "accounts/invitation_invalid.html", {"error": error}, status=410)
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
            else:
                _apply_errors(form, error)
        else:
            if not signed_in:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[SESSION_KEY] = invitation.organization_id
            messages.success(request, f"Добро пожаловать! Роль «{invitation.get_role_display()}» подключена.")
            return redirect("home")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form})


@require_POST
@member_required
def organization_switch(request):
    try:
        organization_id = int(request.POST.get("organization", ""))
    except ValueError:
        raise Http404 from None
    if organization_id not in {org.pk for org in request.organizations}:
        raise Http404
    request.session[SESSION_KEY] = organization_id
    return redirect("home")


@rule_required(rules.can_edit_organization)
def organization_edit(request):
    form = OrganizationForm(request.POST or None, instance=request.organization)
    if request.method == "POST" and form.is_valid():
        organization = form.save(commit=False)
        services.organization_save(organization=organization, by=request.user, changed=form.changed_data)
        messages.success(request, "Реквизиты организации сохранены.")
        return redirect("home")
    return render(request, "accounts/organization_form.html", {"form": form})
