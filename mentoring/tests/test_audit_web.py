"""The web layer records who downloaded personal data and who opened a safeguarding report (issue 9, item 9)."""

from django.urls import reverse

from accounts.models import AuditEntry
from mentoring import services
from mentoring.models import SafeguardingReport


def test_every_document_download_is_recorded(world, client, active_pair):
    coordinator = world.client(client, "coordinator")
    downloads = [
        reverse("mentoring:mentor_base.pdf"),
        reverse("mentoring:mentee_base.list") + "?format=xlsx",
        reverse("mentoring:consent.pdf", args=[world.persons["child"].pk]),
    ]
    for url in downloads:
        response = coordinator.get(url)
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    entries = AuditEntry.objects.filter(action="download", actor=world.users["coordinator"])
    assert sorted(e.data["path"] for e in entries) == sorted(downloads)
    assert all(e.organization == world.school and e.data["file"] for e in entries)
    coordinator.get(reverse("mentoring:mentee_base.list"))  # a page is not a download
    assert entries.count() == len(downloads)


def test_opening_a_safeguarding_report_is_recorded(world, client, active_pair):
    report = services.safeguarding_report(
        pair=active_pair,
        mentee=world.persons["child"],
        kind=SafeguardingReport.Kind.THREAT,
        description="Тревожные слова",
        by=world.users["mentor"],
    )
    world.client(client, "curator").get(reverse("mentoring:safeguarding.detail", args=[report.pk]))
    entry = AuditEntry.objects.get(action="safeguarding.open")
    assert entry.actor == world.users["curator"] and entry.object_id == str(report.pk)
