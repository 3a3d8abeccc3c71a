"""Document packs: the coordinator (or a curator) asks for a programme's documents; they are built after the
commit in the background (mentoring.documents.packs.build_pack)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.infra.background import run_after_commit
from accounts.services import audit
from mentoring.models import DocumentPack


@transaction.atomic
def pack_request(*, programme, kind: str, format: str, by, include_drafts: bool = False) -> DocumentPack:
    """Queue a pack; the build starts once the pack is committed (a worker or a thread must be able to read it).
    Approved documents only, unless the drafts are asked for: then they follow the approved ones."""
    pack = DocumentPack.objects.create(
        organization=programme.organization,
        programme=programme,
        kind=kind,
        format=format,
        include_drafts=include_drafts,
        created_by=by,
    )
    audit(
        organization=programme.organization,
        actor=by,
        action="pack.request",
        obj=pack,
        kind=kind,
        format=format,
    )
    run_after_commit("mentoring.tasks.build_pack", pack.pk)
    return pack


STALE = "Сборка прервалась (процесс, собиравший пакет, остановился). Нажмите «Повторить»."
OPEN_STATUSES = (DocumentPack.Status.QUEUED, DocumentPack.Status.RUNNING)


@transaction.atomic
def packs_fail_stale(*, packs=None, now=None) -> int:
    """Packs still «в очереди» or «собирается» PACK_STALE_MINUTES after they were asked for: their worker died
    (a restart, a killed thread). They are marked failed, so the page offers «Повторить» instead of waiting for
    ever. Returns how many."""
    now = now or timezone.now()
    packs = DocumentPack.objects.all() if packs is None else packs
    stale = packs.filter(
        status__in=OPEN_STATUSES, created_at__lt=now - timedelta(minutes=settings.PACK_STALE_MINUTES)
    )
    return stale.update(status=DocumentPack.Status.FAILED, error=STALE, finished_at=now)


@transaction.atomic
def pack_retry(*, pack, by) -> DocumentPack:
    """Build a failed pack again, from the start, in the background."""
    pack = DocumentPack.objects.select_for_update().get(pk=pack.pk)
    if pack.status != DocumentPack.Status.FAILED:
        raise ValidationError("Повторить можно только сборку, которая не удалась.")
    pack.status, pack.done, pack.total, pack.error, pack.finished_at = (
        DocumentPack.Status.QUEUED,
        0,
        0,
        "",
        None,
    )
    pack.created_at = timezone.now()  # the stale clock starts again
    pack.save(update_fields=["status", "done", "total", "error", "finished_at", "created_at"])
    audit(organization=pack.organization, actor=by, action="pack.retry", obj=pack)
    run_after_commit("mentoring.tasks.build_pack", pack.pk)
    return pack
