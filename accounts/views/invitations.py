"""Invitations: the coordinator invites a person into a role; the person accepts through the link."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import rules, services
from accounts.forms import InvitationAcceptForm, InvitationForm
from accounts.infra.forms import apply_errors
from accounts.infra.tokens import LinkError

from .middleware import SESSION_KEY
from .web import post_action, rate_limited, record_link_visit, rule_required


@rule_required(rules.can_invite)
def invitation_create(request, pk):
    person = get_object_or_404(request.organization.persons, pk=pk)
    form = InvitationForm(request.POST or None, initial={"email": person.email}, actor=request.actor)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = services.invitation_create(
                person=person,
                role=form.cleaned_data["role"],
                email=form.cleaned_data["email"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
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


@rule_required(rules.can_view_invitations)
def invitation_list(request):
    invitations = request.organization.invitations.select_related("person", "created_by", "confirmed_by")
    page = Paginator(invitations.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/invitation_list.html",
        {
            "invitations": page,
            "page": page,
            "may_revoke": rules.can_invite(request.actor),
            "may_confirm": rules.can_confirm_role_grants(request.actor),
        },
    )


@require_POST
@rule_required(rules.can_confirm_role_grants)
def invitation_confirm(request, pk):
    invitation = get_object_or_404(request.organization.invitations, pk=pk)
    return post_action(
        request,
        lambda: services.invitation_confirm(invitation=invitation, by=request.user),
        success=f"Приглашение подтверждено: {invitation.person.full_name} сможет принять роль директора.",
        then="accounts:invitation.list",
    )


@require_POST
@rule_required(rules.can_invite)
def invitation_revoke(request, pk):
    invitation = get_object_or_404(request.organization.invitations, pk=pk)
    return post_action(
        request,
        lambda: services.invitation_revoke(invitation=invitation, by=request.user),
        success="Приглашение отозвано.",
        then="accounts:invitation.list",
    )


@rate_limited("invitation")
def invitation_accept(request, token):
    """Public: the invited person chooses a login and a password (or adds the role to their account)."""
    try:
        invitation = services.invitation_check(token)
    except LinkError as error:
        record_link_visit(request, "invitation.link_refused", problem=error.title)
        return render(request, "accounts/link_invalid.html", {"error": error}, status=410)
    record_link_visit(request, "invitation.link_open", link=invitation)
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
        except LinkError as error:
            return render(request, "accounts/link_invalid.html", {"error": error}, status=410)
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
            else:
                apply_errors(form, error)
        else:
            if not signed_in:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[SESSION_KEY] = invitation.organization_id
            messages.success(request, f"Добро пожаловать! Роль «{invitation.get_role_display()}» подключена.")
            return redirect("home")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form})
