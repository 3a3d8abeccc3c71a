"""The HTTP side of the shared plumbing, used by the views of every app: permission decorators, POST
actions that report through messages, document responses, htmx detection and the rate limit of the
public link pages. Everything that sees a request lives under a views/ package."""

import ipaddress
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header

from accounts.infra.integrity import constraint_errors


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
    messages on the page `then` (a URL or a URL name with no arguments) that the browser is sent to. A
    database refusal is told in Russian too (accounts.infra.integrity)."""
    try:
        with constraint_errors():
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
    """A generated document with a Russian file name (RFC 6266 encoding). Documents hold personal data: no
    browser or proxy keeps a copy (Cache-Control: no-store)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    add_never_cache_headers(response)
    return response


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


def client_ip(request) -> str:
    """The visitor's address. X-Forwarded-For is believed only when the request comes from one of our
    TRUSTED_PROXIES (behind the proxy, BEHIND_HTTPS_PROXY): then, walking it from the right, the first address
    that is not one of our proxies is the visitor (entries further left come from the client and can be
    forged). From anyone else the header is ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not (settings.BEHIND_PROXY and forwarded and _is_trusted_proxy(remote)):
        return remote
    for address in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _is_trusted_proxy(address):
            return address
    return remote


def count_hit(scope: str, key: str, window: int) -> int:
    """One more hit of `key` in the shared cache (Redis or the workers' file cache), counted for `window`
    seconds from the first; returns the count."""
    name = f"ratelimit:{scope}:{key}"
    cache.add(name, 0, window)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, window)
        return 1


def rate_limited(scope: str, *, limit: int = 30, window: int = 600):
    """At most `limit` requests per `window` seconds per visitor on a public page that takes a token;
    beyond it a Russian 429 page. Guessing tokens is hopeless anyway (256 bits); the limit keeps scanners
    from loading the server. Token pages are never cached by the browser or a proxy."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if count_hit(scope, client_ip(request), window) > limit:
                response = render(request, "429.html", status=429)
            else:
                response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response

        return wrapper

    return decorator


def record_link_visit(request, action: str, *, link=None, problem: str = "") -> None:
    """A visit to a page opened by a single-purpose link (an invitation, a consent link) in the audit journal:
    which link — or why it was refused —, from which address, signed in as whom."""
    from accounts.services import audit

    audit(
        organization=getattr(link, "organization", None),
        actor=request.user if request.user.is_authenticated else None,
        action=action,
        obj=link,
        method=request.method,
        problem=problem,
        ip=client_ip(request),
    )
