"""What a load balancer asks an app server (anonymous, never cached; keep them off the public site at the proxy):
/health/ — the process answers (no dependency touched: a slow database must not get every server restarted);
/health/ready/ — it can serve: the database answers, the cache (Redis) stores and reads, the file storage (the
S3 bucket) writes, reads and deletes, and the broker accepts a connection when background work goes to Celery.
JSON, 200 when all pass, 500 naming the failed check otherwise (django-health-check runs them in parallel, each
with a time limit)."""

import dataclasses
import datetime

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


def live(request):
    response = JsonResponse({"status": "ok"})
    add_never_cache_headers(response)
    return response


@dataclasses.dataclass
class Broker(HealthCheck):
    """A connection to the Celery broker (Redis or RabbitMQ) opens. Workers are not asked: a busy or restarting
    worker does not make an app server unfit to answer."""

    timeout = datetime.timedelta(seconds=3)

    def run(self):
        from celery import current_app

        try:
            with current_app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=self.timeout.total_seconds())
        except Exception as error:  # kombu raises the transport's own errors
            raise ServiceUnavailable("Broker connection failed") from error


class Ready(HealthCheckView):
    def get_checks(self):
        yield Database()
        yield Cache()
        yield Storage()
        if settings.CELERY_BROKER_URL:
            yield Broker()

    def render_to_response(self, context, **kwargs):
        """JSON whatever the client accepts (a balancer's probe sends no Accept header)."""
        return self.render_to_response_json(kwargs.get("status", 200))


ready = Ready.as_view()
