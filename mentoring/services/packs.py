"""Document packs: the coordinator (or a curator) asks for a programme's documents; they are built after the
commit in the background (mentoring.documents.packs.build_pack)."""

from django.db import transaction

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
