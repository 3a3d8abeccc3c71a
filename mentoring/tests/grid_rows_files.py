"""Stored files in the permission grid: the scan of a paper consent (see accounts.testing.grid). A parent sees
their child's; the staff who keep the bases see the school's; another school's scan is not found."""

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import Consent
from accounts.testing.grid import expect, get


def _scanned(person, signer) -> Consent:
    return Consent.objects.create(
        organization=person.organization,
        subject=person,
        signer=signer,
        kind="publication",
        status=Consent.Status.GIVEN,
        method=Consent.Method.PAPER,
        given_at=timezone.now(),
        scan=ContentFile(b"%PDF-1.4 scan", name="scan.pdf"),
    )


def build(world) -> None:
    world.o.scanned_consent = _scanned(world.persons["child"], world.persons["parent"])
    teacher = world.persons["other_teacher"]
    world.o.foreign_scanned_consent = _scanned(teacher, teacher)


ROWS = [
    get(
        "mentoring:consent.scan",
        lambda w: [w.o.scanned_consent.pk],
        expect(404, coordinator=200, curator=200, parent=200),
        note="the child's, signed by the parent",
    ),
    get(
        "mentoring:consent.scan",
        lambda w: [w.o.foreign_scanned_consent.pk],
        expect(404, other_coordinator=200),
        note="another school's",
    ),
]
