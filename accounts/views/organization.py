"""The organisation's details (the letterhead of its documents) and the switcher between organisations."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts import rules, services
from accounts.forms import OrganizationForm

from .middleware import SESSION_KEY
from .web import member_required, rule_required


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
