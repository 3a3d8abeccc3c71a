"""The home page: a section for each role the user holds in the current organisation."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.models import Person, Role
from accounts.rules import is_staff


@login_required
def home(request):
    """One page that shows a section for each role the user holds in the current organisation."""
    if request.organization is None:
        return render(request, "accounts/no_organization.html", status=403)
    actor = request.actor
    context = {"roles": actor.roles, "Role": Role}
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
