from django.db import IntegrityError
from django.shortcuts import render

from accounts.actor import Actor
from accounts.infra.integrity import integrity_message
from accounts.services import audit

from .web import client_ip

SESSION_KEY = "organization_id"


class CurrentOrganizationMiddleware:
    """Sets request.actor (accounts.actor.Actor: the user, the organisation chosen in the switcher — else the
    first membership —, the roles held there) and request.organization (the same organisation, through
    which views scope every query, so another school's object is simply not found), and
    request.organizations (all of the user's, for the switcher)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        organization, roles, request.organizations = None, frozenset(), []
        user = request.user if request.user.is_authenticated else None
        if user is not None:
            memberships = list(user.memberships.select_related("organization").order_by("organization_id"))
            organizations = {m.organization_id: m.organization for m in memberships}
            request.organizations = list(organizations.values())
            if organizations:
                organization = organizations.get(request.session.get(SESSION_KEY)) or request.organizations[0]
                roles = frozenset(m.role for m in memberships if m.organization_id == organization.pk)
        request.actor = Actor(user=user, organization=organization, roles=roles)
        request.organization = organization
        return self.get_response(request)


class DownloadAuditMiddleware:
    """Every document the application hands out (a PDF, an .xlsx, a pack, a letter — any response that names a
    file) leaves an entry in the audit journal: who, from where, which page, which file. In one place, so a
    document page added later is recorded without remembering to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        disposition = response.get("Content-Disposition", "")
        if (
            response.status_code == 200
            and "filename" in disposition
            and not request.path.startswith("/static/")
        ):
            user = getattr(request, "user", None)
            audit(
                organization=getattr(request, "organization", None),
                actor=user if user is not None and user.is_authenticated else None,
                action="download",
                path=request.get_full_path()[:500],
                file=disposition[:300],
                ip=client_ip(request),
            )
        return response


class ConstraintErrorMiddleware:
    """The safety net: a database refusal no page caught is answered with a Russian page (409) naming the rule,
    never a 500 or the constraint's name."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, IntegrityError):
            return render(request, "409.html", {"message": integrity_message(exception)}, status=409)
        return None
