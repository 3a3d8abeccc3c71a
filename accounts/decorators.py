from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def rule_required(rule):
    """Signed in, a member of some organisation, and allowed by `rule` there (403 otherwise)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.organization is None:
                return render(request, "accounts/no_organization.html", status=403)
            if not rule(request):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def member_required(view):
    return rule_required(lambda request: True)(view)
