"""HTML → PDF with WeasyPrint, for every app: the templates extend templates/documents/base.html, which embeds
PT Serif from static/fonts, so a PDF looks the same on every machine (mentoring.documents.render uses these)."""

import hashlib
from functools import cache

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration


@cache
def font_dir_uri() -> str:
    return (settings.BASE_DIR / "static" / "fonts" / "pt-serif").as_uri()


def render_html(template: str, context: dict) -> str:
    return render_to_string(template, {**context, "font_dir": font_dir_uri()})


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(font_config=FontConfiguration())


def render_pdf(template: str, context: dict) -> bytes:
    return html_to_pdf(render_html(template, context))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
