"""Write paths of the accounts app: one function per use case, each in one transaction with an audit entry."""

from .audit import audit
from .invitations import (
    invitation_accept,
    invitation_check,
    invitation_confirm,
    invitation_create,
    invitation_revoke,
    membership_grant,
)
from .people import guardianship_add, organization_save, person_anonymise, person_save

__all__ = [
    "audit",
    "guardianship_add",
    "invitation_accept",
    "invitation_check",
    "invitation_confirm",
    "invitation_create",
    "invitation_revoke",
    "membership_grant",
    "organization_save",
    "person_anonymise",
    "person_save",
]
