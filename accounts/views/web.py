"""The HTTP side of the shared plumbing, used by the views of every app: permission decorators, POST
actions that report through messages, document responses, htmx detection and the rate limit of the
public link pages. Everything that sees a request lives under a views/ package."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header


def rule_required(rule):
    """Signed in, a member of some organisation, and allowed by `rule(actor)` there (403 otherwise)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.organization is None:
                return render(request, "accounts/no_organization.html", status=403)
            if not rule(request.actor):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def member_required(view):
    return rule_required(lambda actor: True)(view)


def require(allowed: bool) -> None:
    """An object rule inside a view: 403 when it says no."""
    if not allowed:
        raise PermissionDenied


def post_action(request, action, *, success: str, then):
    """Run a small use case posted from a page: its ValidationError messages, or `success`, come back as
    messages on the page `then` (a URL or a URL name with no arguments) that the browser is sent to."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(then)


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def file_response(data: bytes, filename: str, *, content_type: str = "application/pdf", inline: bool = True):
    """A generated document with a Russian file name (RFC 6266 encoding)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    return response


def client_ip(request) -> str:
    """The visitor's address. Behind our proxy, the last X-Forwarded-For entry is the one the proxy added
    (earlier entries come from the client and can be forged)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(scope: str, *, limit: int = 30, window: int = 600):
    """At most `limit` requests per `window` seconds per address on a public page that takes a token;
    beyond it a Russian 429 page. Guessing tokens is hopeless anyway (256 bits); the limit keeps scanners
    from loading the server."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            key = f"ratelimit:{scope}:{client_ip(request)}"
            cache.add(key, 0, window)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, window)
                count = 1
            if count > limit:
                return render(request, "429.html", status=429)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
