"""HTML → PDF with WeasyPrint. Every document extends templates/documents/base.html, which embeds PT Serif from
static/fonts, so a PDF looks the same on every machine. The rendering itself is shared with the lower layer
(accounts.infra.pdf: a person's data export is a PDF too); the mentoring documents add the «ПРОЕКТ» mark that a
draft carries across its pages (drawn, not text)."""

from accounts.infra import pdf
from accounts.infra.pdf import font_dir_uri, html_to_pdf, sha256


def render_html(template: str, context: dict) -> str:
    from mentoring.documents.watermark import draft_mark_uri

    return pdf.render_html(template, {**context, "draft_mark": draft_mark_uri()})


def render_pdf(template: str, context: dict) -> bytes:
    return html_to_pdf(render_html(template, context))


__all__ = ["font_dir_uri", "html_to_pdf", "render_html", "render_pdf", "sha256"]
