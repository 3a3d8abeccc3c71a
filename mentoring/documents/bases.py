"""The two bases of seed 003, Appendix 3, as landscape PDFs: the rows of mentoring.exports, as on the page
and in the .xlsx file (a person is one record; each of their pairs is a sub-row)."""

from django.utils import timezone

from mentoring import exports
from mentoring.catalogue_data import MENTEE_BASE_COLUMNS, MENTOR_BASE_COLUMNS
from mentoring.documents.render import render_pdf

MENTOR, MENTEE = "mentor", "mentee"
BASES = {
    MENTOR: {"template": "documents/mentor_base.html", "title": exports.MENTOR_TITLE, "columns": MENTOR_BASE_COLUMNS,
             "profiles": "mentor_profiles", "prepare": exports.with_mentor_base, "rows": exports.mentor_rows},
    MENTEE: {"template": "documents/mentee_base.html", "title": exports.MENTEE_TITLE, "columns": MENTEE_BASE_COLUMNS,
             "profiles": "mentee_profiles", "prepare": exports.with_mentee_base, "rows": exports.mentee_rows},
}  # fmt: skip


def _headers(columns) -> tuple[list[dict], list[str]]:
    """Column titles with the seed's footnotes numbered under the table."""
    headers, footnotes = [], []
    for column in columns:
        if column.get("footnote"):
            footnotes.append(column["footnote"])
        headers.append({"title": column["title_ru"], "note": len(footnotes) if column.get("footnote") else None})
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
        "footnotes": footnotes,
        "rows": base["rows"](profiles),
        "today": timezone.localdate(),
    }


def render_base(kind: str, organization, programme=None) -> bytes:
    return render_pdf(BASES[kind]["template"], base_context(kind, organization, programme))
