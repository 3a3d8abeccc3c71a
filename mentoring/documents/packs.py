"""Packs: all plans (or all documents) of a programme as one PDF or a zip of PDFs, built in the background.

mentoring.services.packs.pack_request queues a pack; build_pack (the task mentoring.tasks.build_pack) builds
it. The job reads the programme as the pack's author may see it: a coordinator gets every pair, a curator
only the pairs of their area."""

import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from accounts.actor import Actor
from mentoring.documents.bases import MENTEE, MENTOR, render_base
from mentoring.documents.plan import plans_for_documents, render_plan
from mentoring.documents.render import render_pdf
from mentoring.documents.review import render_review, reviews_for_documents
from mentoring.models import DocumentPack, IndividualPlan, Order, Review
from mentoring.selectors.pairs import managed_pairs

logger = logging.getLogger(__name__)
UNSAFE = re.compile(r'[\\/:*?"<>|\n\r\t]+')
# What the pack page says when a build fails: never the exception's text (it may hold server paths).
FAILED = (
    "Пакет собрать не удалось: при формировании документов произошла ошибка. Нажмите «Повторить»; если ошибка "
    "повторится, сообщите администратору платформы."
)


def pack_pairs(pack: DocumentPack):
    """The programme's pairs as the pack's author may manage them: all for a coordinator, a curator's area."""
    return managed_pairs(Actor.of(pack.created_by, pack.organization)).filter(programme=pack.programme)


def _file_name(number: int, title: str) -> str:
    return f"{number:03d} {UNSAFE.sub('-', title).strip()[:120]}.pdf"


@dataclass
class PackDocument:
    title: str
    render: Callable[[], bytes]
    status: str  # «подписан», «утверждён», «принят куратором», or a draft's status
    draft: bool = False


def pack_documents(pack: DocumentPack) -> list[PackDocument]:
    """The documents of the pack in its order: the approved ones (signed orders, approved plans, accepted reviews,
    the bases), then — only if asked for — the drafts (plans not approved yet, reviews not accepted yet)."""
    from mentoring.services.orders import order_pdf

    pairs = pack_pairs(pack)
    approved, drafts = [], []
    if pack.kind == DocumentPack.Kind.ALL:
        orders = pack.programme.orders.filter(status=Order.Status.APPROVED).order_by("approved_on", "seq")
        for order in orders:
            title = f"Приказ от {order.approved_on:%d.%m.%Y} № {order.number} {order.title}"
            approved.append(PackDocument(title, partial(order_pdf, order), "подписан"))
    plans = plans_for_documents(IndividualPlan.objects.filter(pair__in=pairs))
    for plan in plans.order_by("pair__mentor__last_name", "mentee__last_name", "pk"):
        document = PackDocument(
            f"Индивидуальный план — {plan.mentee.full_name}",
            partial(render_plan, plan),
            plan.get_status_display().lower(),
            draft=plan.status != IndividualPlan.Status.APPROVED,
        )
        (drafts if document.draft else approved).append(document)
    if pack.kind == DocumentPack.Kind.ALL:
        reviews = reviews_for_documents(
            Review.objects.filter(pair__in=pairs).exclude(status=Review.Status.DRAFT)
        )
        for review in reviews.order_by("pair__mentor__last_name", "mentee__last_name", "pk"):
            document = PackDocument(
                f"Отзыв о результатах наставничества — {review.mentee.full_name}",
                partial(render_review, review),
                review.get_status_display().lower(),
                draft=review.status != Review.Status.ACKNOWLEDGED,
            )
            (drafts if document.draft else approved).append(document)
        for kind, title in ((MENTOR, "База наставников"), (MENTEE, "База наставляемых")):
            approved.append(
                PackDocument(
                    title, partial(render_base, kind, pack.organization, pack.programme), "на дату сборки"
                )
            )
    return approved + (drafts if pack.include_drafts else [])


def contents_pdf(pack: DocumentPack, documents: list[PackDocument], pages: list[int]) -> bytes:
    """The contents page: each document with its status and its first page in the merged PDF (a zip: its file)."""
    for offset in (1, 2, 3):
        rows, page = [], offset + 1
        for number, (document, count) in enumerate(zip(documents, pages, strict=True), 1):
            rows.append({"number": number, "document": document, "page": page})
            page += count
        data = render_pdf(
            "documents/pack_contents.html",
            {
                "pack": pack,
                "organization": pack.organization,
                "approved": [r for r in rows if not r["document"].draft],
                "drafts": [r for r in rows if r["document"].draft],
                "zip": pack.format == DocumentPack.Format.ZIP,
                "today": timezone.localdate(),
            },
        )
        if len(PdfReader(io.BytesIO(data)).pages) == offset:
            return data
    return data


def merge_pdfs(files: list[tuple[str, bytes]], contents: bytes | None = None) -> bytes:
    """One PDF with a bookmark per document (after the contents page, if any)."""
    writer = PdfWriter()
    if contents:
        writer.append(io.BytesIO(contents), import_outline=False)
    for title, data in files:
        writer.append(io.BytesIO(data), outline_item=title)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_pdfs(files: list[tuple[str, bytes]], contents: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if contents:
            archive.writestr("000 Содержание.pdf", contents)
        for number, (title, data) in enumerate(files, 1):
            archive.writestr(_file_name(number, title), data)
    return buffer.getvalue()


def pack_file_name(pack: DocumentPack) -> str:
    kind = "Индивидуальные планы" if pack.kind == DocumentPack.Kind.PLANS else "Документы программы"
    return f"{kind} {pack.programme.academic_year.replace('/', '-')}.{pack.format}"


def build_pack(pack_id: int) -> DocumentPack:
    """Render every document (progress saved after each), then merge or zip them into pack.file."""
    pack = DocumentPack.objects.select_related("programme", "organization", "created_by").get(pk=pack_id)
    try:
        documents = pack_documents(pack)
        pack.status, pack.done, pack.total, pack.error = DocumentPack.Status.RUNNING, 0, len(documents), ""
        pack.save(update_fields=["status", "done", "total", "error"])
        files = []
        for document in documents:
            files.append((document.title, document.render()))
            pack.done += 1
            pack.save(update_fields=["done"])
        pages = [len(PdfReader(io.BytesIO(data)).pages) for _, data in files]
        contents = contents_pdf(pack, documents, pages) if documents else None
        if pack.format == DocumentPack.Format.PDF:
            data = merge_pdfs(files, contents)
        else:
            data = zip_pdfs(files, contents)
        pack.file.save(pack_file_name(pack), ContentFile(data), save=False)
        pack.status = DocumentPack.Status.DONE
    except (
        Exception
    ):  # a background job has no one to raise to: the log keeps the details, the page a sentence
        logger.exception("Document pack %s failed", pack_id)
        pack.status, pack.error = DocumentPack.Status.FAILED, FAILED
    pack.finished_at = timezone.now()
    pack.save(update_fields=["status", "error", "file", "finished_at"])
    return pack
