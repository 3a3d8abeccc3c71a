"""The home page: a section for each role the user holds in the current organisation."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from accounts.models import Person, Role
from accounts.rules import is_staff
from mentoring import panels
from mentoring.selectors.pending import pending_work


@login_required
def home(request):
    """One page that shows a section for each role the user holds in the current organisation."""
    if request.organization is None:
        return render(request, "accounts/no_organization.html", status=403)
    actor, today = request.actor, timezone.localdate()
    # «Что сделать сейчас»: the app's pending work, then the panels the upper apps registered (the roadmap).
    context = {
        "roles": actor.roles,
        "Role": Role,
        "pending": pending_work(actor, today),
        "panels": panels.panels_for(actor, today),
    }
    if actor.has_role(Role.PARENT) and actor.person is not None:
        context["children"] = [g.child for g in actor.person.wards.select_related("child")]
    if is_staff(actor):
        persons = request.organization.persons
        context["counts"] = {
            "staff": persons.filter(kind=Person.Kind.STAFF).count(),
            "students": persons.filter(kind=Person.Kind.STUDENT).count(),
            "users": persons.filter(user__isnull=False).count(),
            "orders_waiting": request.organization.orders.filter(status="submitted").count(),
        }
    return render(request, "home.html", context)
