"""«Информационно-аналитическая справка по итогам реализации программы наставничества»: the figures and their
charts (vector SVG), the SWOT, the coordinator's conclusions and proposals, the school's letterhead and the
director's signature (the order documents' letterhead and signatory). Also the figures as .xlsx."""

import re
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from mentoring.documents.orders import signatory
from mentoring.documents.render import font_dir_uri, render_pdf
from monitoring.documents.charts import svg_data_uri
from monitoring.documents.spreadsheets import safe
from monitoring.selectors.dashboard import figures
from monitoring.services.analysis import swot_for

TITLE = "Информационно-аналитическая справка по итогам реализации программы наставничества"


def report_context(programme, *, today: date) -> dict:
    data = figures(programme, today=today)
    return {
        "title": TITLE,
        "programme": programme,
        "organization": programme.organization,
        "figures": data,
        "tables": [(table, svg_data_uri(table)) for table in data.tables],
        "swot": swot_for(programme),
        "signatory": signatory(programme.organization),
        "today": today,
        "font_dir": font_dir_uri(),
    }


def render_report(programme, *, today: date) -> bytes:
    return render_pdf("documents/monitoring_report.html", report_context(programme, today=today))


def report_filename(programme, ext: str) -> str:
    return f"Справка по итогам программы наставничества {programme.academic_year.replace('/', '-')}.{ext}"


def report_xlsx(programme, *, today: date) -> bytes:
    """The figures of the report, a sheet per table, the numbers as numbers."""
    data = figures(programme, today=today)
    book = Workbook()
    book.remove(book.active)
    for table in data.tables:
        sheet = book.create_sheet(re.sub(r"[\\/*?:\[\]]", "", table.title)[:31])
        sheet.append(
            [safe(f"{table.title} — {programme.organization.short_name}, {programme.academic_year}")]
        )
        sheet["A1"].font = Font(bold=True)
        sheet.append(table.columns)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True)
        for row in table.rows:
            sheet.append([safe(value) for value in row])
        if table.note:
            sheet.append([])
            sheet.append([safe(table.note)])
        sheet.column_dimensions["A"].width = 50
    out = BytesIO()
    book.save(out)
    return out.getvalue()
