"""Packs of a programme's documents: the builder (called directly), the background start (a thread, or a
Celery task when a broker is configured), the progress page polled by htmx, the download."""

import io
import threading
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from accounts.infra import background
from mentoring import services
from mentoring.documents import packs
from mentoring.models import DocumentPack
from mentoring.tests.factories import make_plan
from mentoring.tests.test_documents import active_pair_of, approved_plan, pdf_text, submitted_review

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def two_plans(world, programme, active_pair):
    """The child's plan in «Учитель – ученик» (the curator's area) and the young teacher's in «Учитель – учитель»."""
    teachers = active_pair_of(
        world,
        programme,
        form="teacher_teacher",
        mentor=world.persons["mentor"],
        mentees=[world.persons["mentee"]],
    )
    return [
        approved_plan(world, active_pair, world.persons["child"]),
        approved_plan(world, teachers, world.persons["mentee"]),
    ]


def new_pack(world, programme, role="coordinator", **fields) -> DocumentPack:
    fields = {"kind": DocumentPack.Kind.PLANS, "format": DocumentPack.Format.PDF, **fields}
    return DocumentPack.objects.create(
        organization=world.school, programme=programme, created_by=world.users[role], **fields
    )


def test_builder_merges_the_plans_into_one_pdf_with_a_bookmark_each(world, programme, two_plans, monkeypatch):
    pack = new_pack(world, programme)
    seen = []
    render = packs.render_plan

    def spy(plan):  # what the progress bar would read from the database before each document
        stored = DocumentPack.objects.get(pk=pack.pk)
        seen.append((stored.status, stored.done, stored.total))
        return render(plan)

    monkeypatch.setattr(packs, "render_plan", spy)
    pack = packs.build_pack(pack.pk)
    assert seen == [("running", 0, 2), ("running", 1, 2)]
    pack.refresh_from_db()
    assert (pack.status, pack.done, pack.total, pack.error) == ("done", 2, 2, "")
    assert pack.finished_at is not None and pack.file.name.endswith(".pdf")
    reader = PdfReader(io.BytesIO(pack.file.open("rb").read()))
    documents = [
        item for item in reader.outline if not isinstance(item, list)
    ]  # a list: a document's own headings
    titles = [item.title for item in documents]
    assert titles == [
        "Индивидуальный план — Петров Иван Сергеевич",
        "Индивидуальный план — Сидоров Павел Игоревич",
    ]
    second = reader.get_destination_page_number(documents[1])
    assert 0 < second < len(reader.pages)
    assert "Петров Иван Сергеевич" in reader.pages[0].extract_text()
    assert "Сидоров Павел Игоревич" in reader.pages[second].extract_text()


def test_all_documents_as_a_zip_with_russian_names(world, programme, active_pair):
    by = world.users["coordinator"]
    teachers = active_pair_of(
        world,
        programme,
        form="teacher_teacher",
        mentor=world.persons["mentor"],
        mentees=[world.persons["mentee"]],
    )
    order = services.order_draft_from_programme(programme=programme, kind="final_event", by=by)
    services.order_submit(order=order, by=by)
    order = services.order_approve(order=order, by=world.users["director"])
    services.order_draft_from_programme(
        programme=programme, kind="mentor_school", by=by
    )  # a draft: not in the pack
    make_plan(teachers, mentee=world.persons["mentee"], by=world.users["mentor"])
    submitted_review(world, teachers, world.persons["mentee"])
    services.review_save(
        pair=active_pair, mentee=world.persons["child"], answers={}, by=world.users["mentor"]
    )
    pack = packs.build_pack(
        new_pack(world, programme, kind=DocumentPack.Kind.ALL, format=DocumentPack.Format.ZIP).pk
    )
    assert (pack.status, pack.done, pack.total) == ("done", 3, 3), pack.error  # drafts only on request
    pack = packs.build_pack(
        new_pack(
            world, programme, kind=DocumentPack.Kind.ALL, format=DocumentPack.Format.ZIP, include_drafts=True
        ).pk
    )
    assert (pack.status, pack.done, pack.total) == ("done", 5, 5), pack.error
    assert pack.file.name.endswith(".zip")
    order.refresh_from_db()
    with zipfile.ZipFile(pack.file.open("rb")) as archive:
        names = archive.namelist()
        assert names == [
            "000 Содержание.pdf",
            f"001 Приказ от {order.approved_on:%d.%m.%Y} № 1 {order.title}.pdf",
            "002 База наставников.pdf",
            "003 База наставляемых.pdf",
            # the drafts after the approved documents; the draft review is not in it at all
            "004 Индивидуальный план — Петров Иван Сергеевич.pdf",
            "005 Отзыв о результатах наставничества — Петров Иван Сергеевич.pdf",
        ]
        contents = pdf_text(archive.read(names[0]))
        assert contents.index("Утверждённые документы") < contents.index("База наставников")
        assert contents.index("Проекты (не утверждены)") < contents.index("Индивидуальный план")
        assert archive.read(names[1]) == order.stored_pdf()  # the frozen PDF, not a new rendering
        assert "Иванова Мария Петровна" in pdf_text(archive.read(names[2]))


def test_a_curators_pack_holds_only_the_pairs_of_their_area(world, programme, two_plans):
    titles = [d.title for d in packs.pack_documents(new_pack(world, programme, role="curator"))]
    assert titles == ["Индивидуальный план — Сидоров Павел Игоревич"]
    titles = [d.title for d in packs.pack_documents(new_pack(world, programme))]
    assert len(titles) == 2


def test_a_failure_is_recorded_without_its_internals(world, programme, two_plans, monkeypatch):
    """The page tells what happened in Russian; the exception's text (a server path here) stays in the log."""
    from weasyprint import HTML

    def broken(self, *args, **kwargs):
        raise OSError("[Errno 2] No such file: '/srv/nastav/static/fonts/pt-serif/PTSerif.ttf'")

    monkeypatch.setattr(HTML, "write_pdf", broken)
    pack = packs.build_pack(new_pack(world, programme).pk)
    pack.refresh_from_db()
    assert (pack.status, pack.error, pack.done, bool(pack.file)) == ("failed", packs.FAILED, 0, False)
    assert "/srv" not in pack.error and "Errno" not in pack.error
    assert pack.finished_at is not None


def _join_builder(pack) -> None:
    for thread in threading.enumerate():
        if thread.name == background.thread_name("mentoring.tasks.build_pack", pack.pk):
            thread.join(timeout=60)


@pytest.mark.django_db(transaction=True)  # catalogues reloaded by the programme fixture
def test_the_view_builds_the_pack_in_a_thread_after_the_commit(world, client, programme, two_plans, settings):
    """The default without a broker: a daemon thread of the web process. The test joins it by its name (if it
    has not finished already), so the outcome does not depend on timing."""
    settings.TASKS_INLINE = False
    client = world.client(client, "coordinator")
    response = client.post(
        reverse("mentoring:pack.create", args=[programme.pk]), {"kind": "plans", "format": "zip"}
    )
    pack = DocumentPack.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "mentoring:pack.detail", args=[pack.pk]
    )
    _join_builder(pack)
    pack.refresh_from_db()
    assert (pack.status, pack.done, pack.total, pack.created_by) == ("done", 2, 2, world.users["coordinator"])
    page = client.get(reverse("mentoring:pack.detail", args=[pack.pk])).content.decode()
    assert reverse("mentoring:pack.download", args=[pack.pk]) in page and "every 1s" not in page
    download = client.get(reverse("mentoring:pack.download", args=[pack.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert "filename*=utf-8''" in download["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as archive:
        names = archive.namelist()
        assert len(names) == 3 and names[0] == "000 Содержание.pdf"
        assert "Индивидуальный план — Петров Иван Сергеевич" in pdf_text(archive.read(names[0]))


def test_with_a_broker_the_view_queues_a_celery_task_with_the_id(
    world, client, programme, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    queued = []
    from celery import current_app

    monkeypatch.setattr(current_app, "send_task", lambda name, args, **options: queued.append((name, *args)))
    client = world.client(client, "curator")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("mentoring:pack.create", args=[programme.pk]), {"kind": "all", "format": "pdf"})
    pack = DocumentPack.objects.get()
    assert queued == []  # nothing starts before the commit
    for callback in callbacks:
        callback()
    assert queued == [("mentoring.tasks.build_pack", pack.pk)]
    assert (pack.kind, pack.format, pack.status) == ("all", "pdf", "queued")


def test_progress_block_polls_while_building_and_stops_when_done(world, client, programme):
    client = world.client(client, "coordinator")
    pack = new_pack(world, programme, status=DocumentPack.Status.RUNNING, done=1, total=3)
    url = reverse("mentoring:pack.detail", args=[pack.pk])
    partial = client.get(url, **HTMX).content.decode()
    assert 'hx-trigger="every 1s"' in partial and f'hx-get="{url}"' in partial
    assert "готово 1 из 3" in partial and "width: 33%" in partial
    assert "<html" not in partial  # only the block, swapped in place
    assert "<html" in client.get(url).content.decode()
    pack.status, pack.done = DocumentPack.Status.DONE, 3
    pack.file.save("pack.pdf", ContentFile(b"%PDF-1.7"), save=False)
    pack.save()
    partial = client.get(url, **HTMX).content.decode()
    assert "every 1s" not in partial and reverse("mentoring:pack.download", args=[pack.pk]) in partial
    pack.status, pack.error = DocumentPack.Status.FAILED, "нет места на диске"
    pack.save()
    partial = client.get(url, **HTMX).content.decode()
    assert "every 1s" not in partial and "нет места на диске" in partial


def test_an_unfinished_pack_is_not_downloaded(world, client, programme):
    pack = new_pack(world, programme, status=DocumentPack.Status.RUNNING)
    assert (
        world.client(client, "coordinator")
        .get(reverse("mentoring:pack.download", args=[pack.pk]))
        .status_code
        == 404
    )


def test_the_pack_form_validates_the_choice(world, client, programme):
    client = world.client(client, "coordinator")
    url = reverse("mentoring:pack.create", args=[programme.pk])
    page = client.get(url).content.decode()
    assert "Индивидуальные планы" in page and "ZIP-архив" in page
    response = client.post(url, {"kind": "everything", "format": "pdf"})
    assert response.status_code == 200 and response.context["form"].errors["kind"]
    assert not DocumentPack.objects.exists()
