"""The smaller holes of issue 9, item 11 — each reproduced and now closed: a pack whose worker died, uploads
named by the uploader or read whole before the size check, a PDF failure at the signature, caching of personal
documents and token pages, the Content-Security-Policy, demo data on production, doubtful values, and database
constraints shown by their names."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import SkipFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.forms import PersonForm
from accounts.infra.integrity import constraint_errors
from accounts.models import Consent, Guardianship, Person
from accounts.services import consents
from mentoring import services
from mentoring.models import DocumentPack, IndividualPlan, Order, PlanItem, Programme

# --- Packs ---------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_pack_whose_worker_died_is_marked_failed_and_can_be_retried(
    world, client, programme, django_capture_on_commit_callbacks
):
    pack = DocumentPack.objects.create(
        organization=world.school,
        programme=programme,
        kind="plans",
        format="pdf",
        created_by=world.users["coordinator"],
        status=DocumentPack.Status.RUNNING,
    )
    DocumentPack.objects.filter(pk=pack.pk).update(created_at=timezone.now() - timedelta(minutes=31))
    coordinator = world.client(client, "coordinator")
    page = coordinator.get(reverse("mentoring:pack.detail", args=[pack.pk])).content.decode()
    assert "Сборка прервалась" in page and "Повторить" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(reverse("mentoring:pack.retry", args=[pack.pk]))
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.status == DocumentPack.Status.DONE and pack.file  # built again, by the background task


def test_a_fresh_pack_is_left_building_and_a_done_one_cannot_be_retried(world, programme):
    pack = DocumentPack.objects.create(
        organization=world.school, programme=programme, kind="plans", format="pdf", status="running"
    )
    from mentoring.services.packs import pack_retry, packs_fail_stale

    assert packs_fail_stale() == 0
    DocumentPack.objects.filter(pk=pack.pk).update(status="done")
    with pytest.raises(ValidationError, match="не удалась"):
        pack_retry(pack=pack, by=world.users["coordinator"])


# --- Uploads ---------------------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _paper(client, world, scan):
    return world.client(client, "coordinator").post(
        reverse("mentoring:consent.paper", args=[world.persons["child"].pk]),
        {
            "signer": world.persons["parent"].pk,
            "kinds": ["participation", "personal_data"],
            "signed_on": timezone.localdate().isoformat(),
            "scan": scan,
        },
    )


def test_an_upload_is_stored_under_a_name_the_server_chooses(world, client):
    _paper(client, world, SimpleUploadedFile("../../согласие.pdf.html", PNG, content_type="text/html"))
    consent = Consent.objects.get(kind="participation")
    name = consent.scan.name.rsplit("/", 1)[1]
    assert name.endswith(".png") and len(name) == 32 + 4  # a random hex name, the detected type's extension
    assert ".." not in consent.scan.name and "html" not in consent.scan.name


def test_an_oversized_upload_is_dropped_while_it_streams_in(world, client, settings):
    big = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * (settings.UPLOAD_MAX_BYTES + 1))
    response = _paper(client, world, big)
    assert "Файл больше 5 МБ" in response.content.decode()
    assert not Consent.objects.exists()


def test_the_size_limit_stops_at_the_first_chunk_past_it(settings):
    from accounts.views.uploads import SizeLimitUploadHandler

    request = RequestFactory().post("/")
    handler = SizeLimitUploadHandler(request)
    handler.new_file("scan", "scan.pdf", "application/pdf", None)
    chunk = b"0" * (64 * 1024)
    received = 0
    with pytest.raises(SkipFile):
        for start in range(0, 10 * settings.UPLOAD_MAX_BYTES, len(chunk)):
            handler.receive_data_chunk(chunk, start)
            received += len(chunk)
    assert received <= settings.UPLOAD_MAX_BYTES  # nothing past the limit was passed on to be kept
    assert request.uploads_refused == ["scan"]


# --- A PDF failure during the signature ------------------------------------------------------------------------


def test_a_pdf_failure_after_signing_is_told_in_russian_without_internals(
    world, client, programme, monkeypatch
):
    """The PDF is rendered after the signature (issue 13): the signature stands, a failed render is recorded
    for the operators, and the page tells the director in Russian — no path, no exception text."""
    from weasyprint import HTML

    from mentoring.services import orders as order_services

    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    director = world.client(client, "director")
    response = director.post(reverse("mentoring:order.approve", args=[order.pk]), follow=True)
    assert response.status_code == 200 and "Приказ подписан" in response.content.decode()

    def broken(self, *args, **kwargs):
        raise OSError("/usr/share/fonts: cannot open")

    monkeypatch.setattr(HTML, "write_pdf", broken)
    for _ in range(3):  # the background job's attempts
        with pytest.raises(OSError):
            order_services.order_render_pdf(order.pk)
    order.refresh_from_db()
    assert order.status == Order.Status.APPROVED and order.number and not order.pdf_sha256
    assert "/usr/share" in order.pdf_error  # kept for the operators
    html = director.get(reverse("mentoring:order.pdf_status", args=[order.pk])).content.decode()
    assert "сформировать его не удалось" in html and "/usr/share" not in html and "OSError" not in html


# --- Caching and the Content-Security-Policy --------------------------------------------------------------------


def test_token_pages_and_documents_are_not_cached(world, client):
    [(_, token)] = consents.consent_request(
        subject=world.persons["child"], by=world.users["coordinator"], send_email=False
    )
    for response in (
        client.get(reverse("mentoring:consent.sign", args=[token])),
        client.get(reverse("mentoring:consent.sign", args=["forged"])),
        world.client(client, "coordinator").get(
            reverse("mentoring:consent.pdf", args=[world.persons["child"].pk])
        ),
    ):
        assert "no-store" in response["Cache-Control"]


def test_every_page_carries_a_strict_content_security_policy(world, client):
    policy = world.client(client, "coordinator").get(reverse("home"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"  # no inline script, no eval, no CDN
    assert directives["default-src"] == "'self'" and directives["frame-ancestors"] == "'none'"


def test_templates_have_no_inline_script_or_event_handlers():
    from pathlib import Path

    from django.conf import settings

    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        if "documents" in path.parts or "emails" in path.parts:
            continue  # PDFs and letters are not served to a browser
        text = path.read_text()
        assert " onclick=" not in text and " onsubmit=" not in text and " onchange=" not in text, path
        assert "<script>" not in text and "<style" not in text, path


# --- demo_data ---------------------------------------------------------------------------------------------------


def test_demo_data_refuses_to_run_in_production(db, settings):
    settings.DEMO_DATA_ALLOWED = False  # what DEBUG=0 sets (the test runner itself runs with DEBUG off)
    with pytest.raises(CommandError, match="DEBUG=0"):
        call_command("demo_data")
    assert not Person.objects.exists()


def test_demo_data_with_debug_0_stops_before_touching_the_database(tmp_path):
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "demo_data"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "DEBUG=0" in result.stderr
    assert not (tmp_path / "prod.sqlite3").exists() or (tmp_path / "prod.sqlite3").stat().st_size == 0


# --- Doubtful values -------------------------------------------------------------------------------------------


def _person_form(world, **changes):
    data = {
        "last_name": "Новикова",
        "first_name": "Анна",
        "middle_name": "",
        "sex": "F",
        "kind": "staff",
        "position": "учитель",
        "group": "",
        "email": "",
        "phone": "",
        "birth_date": "1990-01-01",
        **changes,
    }
    return PersonForm(data, instance=Person(organization=world.school))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"birth_date": (date.today() + timedelta(days=1)).isoformat()}, "birth_date"),
        ({"birth_date": "1899-12-31"}, "birth_date"),
        ({"last_name": "Новикова\u200b"}, "last_name"),
        ({"first_name": "Ан\u202eна"}, "first_name"),
        ({"middle_name": "Ивановна\x07"}, "middle_name"),
    ],
)
def test_doubtful_person_values_are_refused(world, changes, field):
    form = _person_form(world, **changes)
    assert not form.is_valid() and field in form.errors
    assert all(
        any(ch in message for ch in "абвгдеёжзийклмнопрстуфхцчшщыэюя") for message in form.errors[field]
    )


def test_an_ordinary_person_passes(world):
    assert _person_form(world, last_name="Иванова-Петрова").is_valid()


@pytest.mark.parametrize("year", [1999, 2101])
def test_a_programme_year_outside_2000_2100_is_refused(world, year):
    programme = Programme(
        organization=world.school, year=year, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    with pytest.raises(ValidationError, match="2000 по 2100"):
        programme.full_clean()


def test_a_date_typed_with_an_implausible_year_is_refused_on_a_form(world, client, programme):
    response = world.client(client, "coordinator").post(
        reverse("mentoring:programme.update", args=[programme.pk]),
        {
            "title": programme.title,
            "year": programme.year,
            "start_date": "0202-09-01",
            "end_date": "2026-06-30",
            "forms": list(programme.forms.values_list("pk", flat=True)),
            "teachers_target_pct": 30,
            "students_target_pct": 20,
        },
    )
    assert "2000 по 2100" in response.content.decode()
    programme.refresh_from_db()
    assert programme.start_date == date(2025, 9, 1)


def test_a_plan_mark_dated_in_the_future_is_refused(world, active_pair):
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=active_pair,
            mentee=world.persons["child"],
            start_date=active_pair.start_date,
            end_date=active_pair.end_date,
        ),
        by=world.users["mentor"],
    )
    item = PlanItem(
        plan=plan,
        activity="Знакомство",
        period="октябрь",
        is_done=True,
        done_on=date.today() + timedelta(days=3),
    )
    with pytest.raises(ValidationError, match="не может быть в будущем"):
        services.plan_item_save(item=item, by=world.users["mentor"])
    assert not plan.items.exists()


# --- Constraints never shown by their names ---------------------------------------------------------------------


def test_a_constraint_checked_by_a_form_is_told_in_russian(world):
    duplicate = Person(
        organization=world.school,
        user=world.users["mentor"],
        last_name="Двойник",
        first_name="Мария",
        sex="F",
        kind="staff",
        position="учитель",
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    text = " ".join(error.value.messages)
    assert "person_one_per_user_and_org" not in text and "уже связана" in text


def test_a_database_refusal_becomes_a_russian_validation_error(world):
    with pytest.raises(ValidationError) as error, constraint_errors(), transaction.atomic():
        Guardianship.objects.create(
            guardian=world.persons["parent"], child=world.persons["child"], relation="father"
        )
    assert error.value.messages == ["Этот законный представитель уже указан у ребёнка."]


def test_a_refusal_no_page_caught_gets_a_russian_409_page(world):
    from accounts.views.middleware import ConstraintErrorMiddleware

    try:
        with transaction.atomic():
            Guardianship.objects.create(
                guardian=world.persons["parent"], child=world.persons["child"], relation="father"
            )
    except IntegrityError as refusal:
        error = refusal
    request = RequestFactory().get("/")
    request.user = world.users["coordinator"]
    request.organization, request.organizations = world.school, [world.school]
    from accounts.actor import Actor

    request.actor = Actor.of(world.users["coordinator"], world.school)
    response = ConstraintErrorMiddleware(lambda r: None).process_exception(request, error)
    html = response.content.decode()
    assert response.status_code == 409 and "уже указан у ребёнка" in html and "guardianship" not in html
