"""A liveness probe for the reverse proxy or a monitor (and the «minimal view» of the load benchmark): the
whole middleware stack, one trivial query, no template."""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
