"""Documents a platform operator downloads from the Django admin (orders, plans, reviews): rendered by the
same functions as the school's pages, one PDF or a zip of several, and every document in the audit journal."""

from django.db import transaction

from accounts.services import audit
from mentoring.documents.packs import zip_pdfs
from mentoring.documents.plan import render_plan
from mentoring.documents.review import render_review
from mentoring.models import IndividualPlan, Order, Review

from .orders import order_pdf


def document_of(obj) -> tuple[str, bytes]:
    """The file name and the PDF of an order, a plan or a review — as its page on the site gives it."""
    if isinstance(obj, Order):
        return f"Приказ № {obj.number or 'проект'}.pdf".replace("/", "-"), order_pdf(obj)
    if isinstance(obj, IndividualPlan):
        return f"Индивидуальный план — {obj.mentee.full_name}.pdf", render_plan(obj)
    if isinstance(obj, Review):
        return f"Отзыв о результатах наставничества — {obj.mentee.full_name}.pdf", render_review(obj)
    raise TypeError(f"{type(obj).__name__} has no document")


def _organization(obj):
    return obj.organization if isinstance(obj, Order) else obj.pair.organization


def documents_download(*, objects, by, via: str = "admin") -> tuple[str, bytes, str]:
    """(file name, bytes, content type): one PDF for one object, a zip of numbered PDFs for several. Rendered
    before the transaction; the audit entries are written together once every document has rendered."""
    objects = list(objects)
    if not objects:
        raise ValueError("nothing to download")
    files = [document_of(obj) for obj in objects]
    with transaction.atomic():
        for obj, (name, _) in zip(objects, files, strict=True):
            audit(
                organization=_organization(obj),
                actor=by,
                action="document.download",
                obj=obj,
                via=via,
                file=name,
            )
    if len(files) == 1:
        name, data = files[0]
        return name, data, "application/pdf"
    kind = str(objects[0]._meta.verbose_name_plural).capitalize()
    numbered = [(name.removesuffix(".pdf"), data) for name, data in files]  # zip_pdfs numbers and adds .pdf
    return f"{kind} ({len(files)}).zip", zip_pdfs(numbered), "application/zip"
