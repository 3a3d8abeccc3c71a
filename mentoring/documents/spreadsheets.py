"""The bases as .xlsx files (openpyxl)."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from accounts.infra.spreadsheets import set_text
from mentoring.selectors.bases import BaseRow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIDTHS = {
    "number": 5,
    "birth_year": 10,
    "entry_date": 12,
    "end_date": 12,
    "desired_mentee_age": 16,
    "time_resource": 16,
    "form": 22,
    "mentee_workplace": 24,
    "completion_mark": 20,
    "competencies": 36,
    "achievements": 36,
    "main_request": 36,
    "results": 36,
    "mentee_full_names": 32,
}
DEFAULT_WIDTH = 28


def base_xlsx(*, title: str, columns: list[dict], rows: list[BaseRow], organization, programme=None) -> bytes:
    """A title row (the base, the organisation, the academic year), a bold wrapped header frozen under it,
    then one row per person."""
    year = programme.academic_year if programme is not None else ""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    set_text(
        sheet.cell(row=1, column=1),
        f"{title} — {organization.short_name}" + (f", {year} учебный год" if year else ""),
    )
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    sheet["A1"].font = Font(bold=True, size=14)
    for index, column in enumerate(columns, 1):
        set_text(sheet.cell(row=2, column=index), column["title_ru"])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(rows, 3):
        # Cell by cell, as text: a competence typed as «=HYPERLINK(…)» stays the words typed.
        for index, value in enumerate(row.cells(), 1):
            cell = sheet.cell(row=number, column=index)
            set_text(cell, value)
            cell.alignment = wrap
    for index, column in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column["code"], DEFAULT_WIDTH)
    sheet.freeze_panes = "A3"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
