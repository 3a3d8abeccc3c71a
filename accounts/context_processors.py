from django.utils.functional import SimpleLazyObject

from .models import Role
from .rules import NAV_RULES


def current(request):
    if not hasattr(request, "roles"):
        return {}
    role_names = dict(Role.choices)
    return {
        "can": SimpleLazyObject(lambda: {name: rule(request) for name, rule in NAV_RULES.items()}),
        "current_roles": [role_names[r] for r in Role.values if r in request.roles],
    }
