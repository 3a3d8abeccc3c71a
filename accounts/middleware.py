from django.utils.functional import SimpleLazyObject

SESSION_KEY = "organization_id"


def _person(request):
    if request.organization is None:
        return None
    return request.organization.persons.filter(user=request.user).first()


class CurrentOrganizationMiddleware:
    """Sets request.organization (chosen in the switcher, else the first membership),
    request.roles (the user's roles there), request.organizations (all of the user's) and
    request.person (the user's Person in that organisation, loaded on first use).
    Views query through request.organization, so another school's object is simply not found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.organization = None
        request.roles = frozenset()
        request.organizations = []
        if request.user.is_authenticated:
            memberships = list(
                request.user.memberships.select_related("organization").order_by("organization_id")
            )
            organizations = {m.organization_id: m.organization for m in memberships}
            request.organizations = list(organizations.values())
            if organizations:
                chosen = request.session.get(SESSION_KEY)
                current = organizations.get(chosen) or request.organizations[0]
                request.organization = current
                request.roles = frozenset(m.role for m in memberships if m.organization_id == current.pk)
        request.person = SimpleLazyObject(lambda: _person(request))
        return self.get_response(request)
