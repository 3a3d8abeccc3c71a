"""Files on S3-compatible storage (a local server on loopback): consent scans, signed orders' PDFs and packs are
written to the private bucket — nothing to MEDIA_ROOT — and reach a browser only through the views that check
permissions, streamed or by a short-lived signed URL."""

import urllib.request
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry, Consent
from accounts.services.consents import consent_record_paper
from conftest import give_consents
from mentoring import services
from mentoring.documents.render import sha256
from mentoring.models import DocumentPack, Order
from mentoring.services.orders import order_store_pdf

SCAN = b"%PDF-1.4\n% a scanned paper consent\n%%EOF\n"


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


def _paper_consent(world) -> Consent:
    consent_record_paper(
        subject=world.persons["child"],
        signer=world.persons["parent"],
        kinds=["participation", "personal_data"],
        scan=SimpleUploadedFile("scan.pdf", SCAN, content_type="application/pdf"),
        signed_on=date(2026, 9, 1),
        by=world.users["coordinator"],
    )
    return Consent.objects.get(subject=world.persons["child"], kind="participation")


def test_a_scan_uploaded_through_the_page_is_in_the_bucket_and_served_only_to_who_may_see_it(
    world, client, s3_storage, settings
):
    coordinator = world.client(client, "coordinator")
    response = coordinator.post(
        reverse("mentoring:consent.paper", args=[world.persons["child"].pk]),
        {
            "signer": world.persons["parent"].pk,
            "kinds": ["participation", "personal_data"],
            "signed_on": timezone.localdate().isoformat(),
            "scan": SimpleUploadedFile("скан.pdf", SCAN, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(subject=world.persons["child"], kind="participation")
    keys = s3_storage.keys("consents/")
    assert len(keys) == 2 and consent.scan.name in keys and s3_storage.read(consent.scan.name) == SCAN
    assert list(settings.MEDIA_ROOT.iterdir()) == []  # nothing on this server's disk

    url = reverse("mentoring:consent.scan", args=[consent.pk])
    response = coordinator.get(url)
    assert response.status_code == 200 and _content(response) == SCAN
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    for role, status in [
        ("parent", 200),
        ("curator", 200),
        ("director", 404),
        ("mentor", 404),
        ("other_coordinator", 404),
    ]:
        client.logout()
        assert world.client(client, role).get(url).status_code == status, role
    client.logout()
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page


def test_a_consent_without_a_scan_has_nothing_to_download(world, client, s3_storage):
    give_consents(world.persons["mentor"])
    consent = Consent.objects.filter(subject=world.persons["mentor"]).first()
    response = world.client(client, "coordinator").get(reverse("mentoring:consent.scan", args=[consent.pk]))
    assert response.status_code == 404


def test_with_signed_urls_the_download_is_a_redirect_that_expires_and_names_the_file(
    world, client, s3_storage, s3_endpoint, settings
):
    settings.S3_SIGNED_URL_SECONDS = 60
    consent = _paper_consent(world)
    url = reverse("mentoring:consent.scan", args=[consent.pk])
    assert world.client(client, "other_coordinator").get(url).status_code == 404  # checked before any URL
    client.logout()
    response = world.client(client, "coordinator").get(url)
    assert response.status_code == 302 and "no-store" in response["Cache-Control"]
    location = urlsplit(response["Location"])
    query = parse_qs(location.query)
    assert f"{location.scheme}://{location.netloc}" == s3_endpoint
    assert location.path == f"/{s3_storage.name}/{consent.scan.name}"
    assert query["X-Amz-Expires"] == ["60"] and query["X-Amz-Signature"][0]
    with urllib.request.urlopen(response["Location"], timeout=10) as answer:
        assert answer.read() == SCAN
        assert answer.headers["Content-Disposition"].startswith("attachment; filename*=utf-8''")
        assert answer.headers["Cache-Control"] == "no-store"
    # Private: nobody but the owner is granted anything on the object.
    grants = s3_storage.client.get_object_acl(Bucket=s3_storage.name, Key=consent.scan.name)["Grants"]
    assert all(grant["Grantee"].get("Type") == "CanonicalUser" for grant in grants)


@pytest.fixture
def submitted_order(world, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    return services.order_submit(order=order, by=world.users["coordinator"])


def test_a_signed_orders_pdf_is_stored_in_the_bucket_once(
    world, submitted_order, s3_storage, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.order_approve(order=submitted_order, by=world.users["director"])
    order = Order.objects.get(pk=submitted_order.pk)
    assert s3_storage.keys("orders/") == [order.pdf_file.name]
    assert sha256(s3_storage.read(order.pdf_file.name)) == order.pdf_sha256
    assert services.order_pdf(order) == order.stored_pdf()  # downloads read the stored file, no new rendering
    assert s3_storage.keys("orders/") == [order.pdf_file.name]


def test_two_renderers_of_one_order_keep_one_file(world, submitted_order, s3_storage):
    """A second worker (or a download on another server) that rendered the same order too: its file is removed,
    the first one stands with its checksum, and the journal has one entry."""
    services.order_approve(order=submitted_order, by=world.users["director"])  # the render is not run here
    first, second = Order.objects.get(pk=submitted_order.pk), Order.objects.get(pk=submitted_order.pk)
    assert order_store_pdf(first, b"%PDF-1.7 first rendering") is True
    assert order_store_pdf(second, b"%PDF-1.7 second rendering") is False
    order = Order.objects.get(pk=submitted_order.pk)
    assert s3_storage.keys("orders/") == [order.pdf_file.name]
    assert order.stored_pdf() == b"%PDF-1.7 first rendering"
    assert order.pdf_sha256 == sha256(b"%PDF-1.7 first rendering")
    assert AuditEntry.objects.filter(action="order.pdf").count() == 1


def test_a_pack_is_built_into_the_bucket_and_downloaded_through_the_permission_check(
    world, client, programme, s3_storage, settings, django_capture_on_commit_callbacks
):
    coordinator = world.client(client, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("mentoring:pack.create", args=[programme.pk]), {"kind": "all", "format": "zip"}
        )
    pack = DocumentPack.objects.get()
    assert pack.status == DocumentPack.Status.DONE, pack.error
    assert s3_storage.keys("packs/") == [pack.file.name]
    assert list(settings.MEDIA_ROOT.iterdir()) == []
    url = reverse("mentoring:pack.download", args=[pack.pk])
    response = coordinator.get(url)
    assert response.status_code == 200 and _content(response) == s3_storage.read(pack.file.name)
    assert response["Content-Type"] == "application/zip"
    client.logout()
    assert world.client(client, "other_coordinator").get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_signed_pdfs_from_the_column_to_the_storage_and_back(settings, tmp_path):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    settings.MEDIA_ROOT = tmp_path
    before = [("mentoring", "0006_signed_orders")]
    after = [("mentoring", "0007_order_pdf_in_storage")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        school = old.get_model("accounts", "Organization").objects.create(
            full_name="Школа", short_name="Школа"
        )
        pdf = b"%PDF-1.7 signed before the move"
        signed = old.get_model("mentoring", "Order").objects.create(
            organization=school,
            kind="free",
            title="Иной приказ",
            status="approved",
            year=2026,
            seq=1,
            number="1",
            approved_on=date(2026, 10, 1),
            frozen={},
            pdf=pdf,
            pdf_sha256=sha256(pdf),
        )

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        moved = (
            executor.loader.project_state(after)
            .apps.get_model("mentoring", "Order")
            .objects.get(pk=signed.pk)
        )
        assert moved.pdf_file.name == f"orders/2026/{signed.pk}-{sha256(pdf)[:16]}.pdf"
        assert (tmp_path / moved.pdf_file.name).read_bytes() == pdf

        executor = MigrationExecutor(connection)
        executor.migrate(before)
        back = (
            executor.loader.project_state(before)
            .apps.get_model("mentoring", "Order")
            .objects.get(pk=signed.pk)
        )
        assert bytes(back.pdf) == pdf
    finally:
        MigrationExecutor(connection).migrate(latest)
