"""render_samples renders every kind of document with PNG pages (pypdfium2), and a base keeps each record on one
page however long the table."""

import io
from datetime import date

from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from mentoring.documents.bases import BASES, MENTOR, _headers
from mentoring.documents.render import render_pdf
from mentoring.models.catalogue_data import MENTOR_BASE_COLUMNS
from mentoring.selectors.bases import BaseRow

KINDS = {
    "order-pairs",
    "order-target-model",
    "order-curators",
    "order-mentor-school",
    "order-replacement",
    "order-reward",
    "order-final-event",
    "order-free",
    "plan",
    "review",
    "mentor-base",
    "mentee-base",
    "consent-signed",
    "consent-withdrawn",
    "consent-blank",
    "letters",
    "pack",
}


def test_render_samples_renders_every_kind_as_pdf_and_png(db, tmp_path):
    call_command("render_samples", out=str(tmp_path), dpi=30, stdout=io.StringIO())
    assert {path.stem for path in tmp_path.glob("*.pdf")} == KINDS
    for kind in KINDS:
        pages = len(PdfReader(tmp_path / f"{kind}.pdf").pages)
        pngs = sorted(tmp_path.glob(f"{kind}-*.png"))
        assert len(pngs) == pages and pngs[0].read_bytes().startswith(b"\x89PNG"), kind
    from accounts.models import Organization

    assert not Organization.objects.filter(short_name="МБОУ «СОШ № 7»").exists()  # rolled back


def test_a_record_of_the_base_is_never_split_between_pages(db):
    """40 mentors with three pairs each: every mentor's three mentees are on the page that names the mentor."""
    rows = [
        BaseRow(
            profile=None,
            head=[n, f"Наставник{n:02d} Иван Петрович", "", "", "", "", "", "", "", ""],
            pairs=[
                [f"Ученик{n:02d}{k} Пётр", "Учитель – ученик", "обучающийся 7Б класса", "", ""] for k in "абв"
            ],
            tail=[""],
        )
        for n in range(1, 41)
    ]
    headers, footnotes = _headers(MENTOR_BASE_COLUMNS)
    context = {
        "title": "База наставников",
        "organization": {"full_name": "Школа"},
        "programme": None,
        "columns": headers,
        "widths": BASES[MENTOR]["widths"],
        "footnotes": footnotes,
        "rows": rows,
        "today": timezone.localdate() or date.today(),
    }
    pages = [
        page.extract_text()
        for page in PdfReader(io.BytesIO(render_pdf("documents/base_table.html", context))).pages
    ]
    assert len(pages) >= 3
    for n in range(1, 41):
        page = next(p for p in pages if f"Наставник{n:02d}" in p)
        assert all(f"Ученик{n:02d}{k}" in page for k in "абв"), n
