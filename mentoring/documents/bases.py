"""The two bases of seed 003, Appendix 3, as landscape PDFs: the rows of mentoring.selectors.bases, as on the page
and in the .xlsx file (a person is one record; each of their pairs is a sub-row)."""

from django.utils import timezone

from mentoring.documents.render import render_pdf
from mentoring.models.catalogue_data import MENTEE_BASE_COLUMNS, MENTOR_BASE_COLUMNS
from mentoring.selectors import bases as base_rows

MENTOR, MENTEE = "mentor", "mentee"
# Column widths in mm: the 16 and 13 columns of seed 003, Appendix 3, across the 277 mm between the margins.
BASES = {
    MENTOR: {
        "title": base_rows.MENTOR_TITLE,
        "columns": MENTOR_BASE_COLUMNS,
        "profiles": "mentor_profiles",
        "prepare": base_rows.with_mentor_base,
        "rows": base_rows.mentor_rows,
        "widths": [6, 22, 22, 20, 22, 22, 16, 13, 14, 14, 24, 16, 16, 14, 16, 20],
    },
    MENTEE: {
        "title": base_rows.MENTEE_TITLE,
        "columns": MENTEE_BASE_COLUMNS,
        "profiles": "mentee_profiles",
        "prepare": base_rows.with_mentee_base,
        "rows": base_rows.mentee_rows,
        "widths": [6, 26, 32, 13, 32, 16, 26, 20, 28, 16, 22, 21, 19],
    },
}


def _headers(columns) -> tuple[list[dict], list[str]]:
    """Column titles with the seed's footnotes numbered under the table."""
    headers, footnotes = [], []
    for column in columns:
        if column.get("footnote"):
            footnotes.append(column["footnote"])
        headers.append(
            {"title": column["title_ru"], "note": len(footnotes) if column.get("footnote") else None}
        )
    return headers, footnotes


def base_context(kind: str, organization, programme=None) -> dict:
    """`programme`: its pairs only (None: the pairs of every programme), as the filter of the page."""
    base = BASES[kind]
    profiles = base["prepare"](getattr(organization, base["profiles"]).all(), programme)
    headers, footnotes = _headers(base["columns"])
    return {
        "title": base["title"],
        "organization": organization,
        "programme": programme,
        "columns": headers,
        "widths": base["widths"],
        "footnotes": footnotes,
        "rows": base["rows"](profiles),
        "today": timezone.localdate(),
    }


def render_base(kind: str, organization, programme=None) -> bytes:
    return render_pdf("documents/base_table.html", base_context(kind, organization, programme))
