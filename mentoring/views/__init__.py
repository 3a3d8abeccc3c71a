from django.contrib.auth.decorators import login_required
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from accounts.models import Person, Role


@login_required
def home(request):
    """One page that shows a section for each role the user holds in the current organisation."""
    if request.organization is None:
        return render(request, "accounts/no_organization.html", status=403)
    context = {"roles": request.roles, "Role": Role}
    if Role.PARENT in request.roles and request.person is not None:
        context["children"] = [g.child for g in request.person.wards.select_related("child")]
    if request.roles & {Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR}:
        persons = request.organization.persons
        context["counts"] = {
            "staff": persons.filter(kind=Person.Kind.STAFF).count(),
            "students": persons.filter(kind=Person.Kind.STUDENT).count(),
            "users": persons.filter(user__isnull=False).count(),
            "orders_waiting": request.organization.orders.filter(status="submitted").count(),
        }
    return render(request, "home.html", context)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors and no database: the error may come from either.
    return HttpResponseServerError(loader.get_template("500.html").render())
