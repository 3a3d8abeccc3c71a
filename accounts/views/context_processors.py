from django.utils.functional import SimpleLazyObject

from accounts.models import Role
from accounts.rules import NAV_RULES


def current(request):
    actor = getattr(request, "actor", None)
    if actor is None:
        return {}
    role_names = dict(Role.choices)
    return {
        "actor": actor,
        "can": SimpleLazyObject(lambda: {name: rule(actor) for name, rule in NAV_RULES.items()}),
        "current_roles": [role_names[r] for r in Role.values if r in actor.roles],
    }
