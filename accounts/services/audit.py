"""The audit journal: who did what and when — every service that changes data leaves one entry."""

from accounts.models import AuditEntry


def audit(*, organization, actor, action: str, obj=None, **data) -> AuditEntry:
    return AuditEntry.objects.create(
        organization=organization,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )
