"""HTML → PDF with WeasyPrint. Every document extends templates/documents/base.html, which embeds
PT Serif from static/fonts, so a PDF looks the same on every machine. The rendering itself is shared with the
lower layer (accounts.infra.pdf: a person's data export is a PDF too)."""

from accounts.infra.pdf import font_dir_uri, html_to_pdf, render_html, render_pdf, sha256

__all__ = ["font_dir_uri", "html_to_pdf", "render_html", "render_pdf", "sha256"]
