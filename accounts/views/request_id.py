"""The request id: taken from the proxy's X-Request-ID (nginx's $request_id) or made here, bound to every log record
of the request (accounts.infra.logs), returned in the response's X-Request-ID, and written with one access line
per request (the `accounts.access` logger, on with LOG_FORMAT=json)."""

import logging
import time

from accounts.infra.logs import new_request_id, request_id_bound

access = logging.getLogger("accounts.access")


def logged_path(request) -> str:
    """The path, except where it holds a secret: a link's token is logged as its route («…/<str:token>/»)."""
    match = getattr(request, "resolver_match", None)
    if match is not None and any("token" in name for name in match.kwargs):
        return "/" + match.route.lstrip("^")
    return request.path


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = new_request_id(request.headers.get("X-Request-ID"))
        started = time.monotonic()
        with request_id_bound(request.request_id):
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            access.info(
                "%s %s %s",
                request.method,
                logged_path(request),
                response.status_code,
                extra={
                    "method": request.method,
                    "path": logged_path(request),
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user_id": getattr(getattr(request, "user", None), "pk", None),
                },
            )
        return response
