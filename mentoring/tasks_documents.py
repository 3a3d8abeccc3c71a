"""Document work in the background — packs, and the PDF of an order right after its signature: on a Celery worker when CELERY_BROKER_URL is set, otherwise in a
daemon thread of the web process (the embedded default needs no worker).

Start the worker with: celery -A mentoring worker -l info -I mentoring.tasks_documents"""

import threading

from celery import shared_task
from django.conf import settings
from django.db import connection

from mentoring.documents.packs import build_pack
from mentoring.services.orders import RENDER_ATTEMPTS, order_render_pdf, order_render_with_retries


@shared_task
def build_pack_task(pack_id: int) -> None:
    build_pack(pack_id)


def _build_in_thread(pack_id: int) -> None:
    try:
        build_pack(pack_id)
    finally:
        connection.close()  # the thread's own connection: nobody else would close it


def thread_name(pack_id: int) -> str:
    return f"document-pack-{pack_id}"


def start_pack_build(pack_id: int) -> None:
    """Called after the pack's transaction commits; passes the id, never the model instance."""
    if settings.CELERY_BROKER_URL:
        build_pack_task.delay(pack_id)
    else:
        threading.Thread(
            target=_build_in_thread, args=(pack_id,), name=thread_name(pack_id), daemon=True
        ).start()


# --- The PDF of a signed order -------------------------------------------------------------------------


@shared_task(bind=True, max_retries=RENDER_ATTEMPTS - 1, default_retry_delay=10)
def render_order_task(self, order_id: int) -> None:
    try:
        order_render_pdf(order_id)
    except Exception as error:
        raise self.retry(exc=error) from error


def _render_in_thread(order_id: int) -> None:
    try:
        order_render_with_retries(order_id)
    finally:
        connection.close()


def start_order_render(order_id: int) -> None:
    """Called after the signature commits: the director's request answers at once, the PDF follows."""
    if settings.CELERY_BROKER_URL:
        render_order_task.delay(order_id)
    else:
        threading.Thread(
            target=_render_in_thread, args=(order_id,), name=f"order-pdf-{order_id}", daemon=True
        ).start()
