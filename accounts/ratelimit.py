"""A small fixed-window rate limit on the cache, for the public pages that take tokens."""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_ip(request) -> str:
    """The visitor's address. Behind our proxy, the last X-Forwarded-For entry is the one the proxy added
    (earlier entries come from the client and can be forged)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(scope: str, *, limit: int = 30, window: int = 600):
    """At most `limit` requests per `window` seconds per IP address; beyond it a Russian 429 page.
    Guessing tokens is hopeless anyway (256 bits); the limit keeps scanners from loading the server."""

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
