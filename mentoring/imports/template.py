"""The downloadable templates (.xlsx) of both bases: our columns with a filled example row, and a «Справка»
sheet that says what each column takes and lists the target model's categories."""

from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from mentoring.models import ImportBase, MenteeCategory, MentorCategory

from .columns import fields_for
from .normalise import parse_date

# One name column in the template (the import also takes three); contacts go to their own columns.
LEFT_OUT = {"last_name", "first_name", "middle_name", "contacts", "parent_contacts"}
EXAMPLES = {
    ImportBase.MENTORS: {"full_name": "Орлова Наталья Сергеевна"},
    ImportBase.MENTEES: {
        "full_name": "Смирнов Алексей Дмитриевич",
        "parent_name": "Смирнова Ольга Викторовна",
    },
}
DATE_FIELDS = {"birth_date", "trained_on", "entered_on"}


def template_fields(base: str):
    return [field for field in fields_for(base) if field.code not in LEFT_OUT]


def _example(field, base):
    value = EXAMPLES[base].get(
        field.code, field.example_mentor if base == ImportBase.MENTORS else field.example_mentee
    )
    if field.code == "sex":
        value = "ж" if base == ImportBase.MENTORS else "м"
    if field.code in DATE_FIELDS and value:
        return parse_date(value)
    return value


def template_xlsx(base: str) -> bytes:
    fields = template_fields(base)
    categories = (MentorCategory if base == ImportBase.MENTORS else MenteeCategory).objects.order_by("id")
    book = Workbook()
    sheet = book.active
    sheet.title = ImportBase(base).label
    sheet.append([field.label for field in fields])
    sheet.append([_example(field, base) for field in fields])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for index, field in enumerate(fields, 1):
        header = sheet.cell(row=1, column=index)
        header.font, header.fill = bold, fill
        header.alignment = Alignment(wrap_text=True, vertical="center")
        example = sheet.cell(row=2, column=index)
        if isinstance(example.value, date):
            example.number_format = "DD.MM.YYYY"
        sheet.column_dimensions[get_column_letter(index)].width = (
            30 if field.code in {"main_request", "competencies", "category"} else 20
        )
    sheet.freeze_panes = "A2"

    help_sheet = book.create_sheet("Справка")
    help_sheet.append(["Столбец", "Что писать"])
    for field in fields:
        help_sheet.append([field.label, field.hint])
    help_sheet.append([])
    help_sheet.append(["Категории (целевая модель наставничества)"])
    first = help_sheet.max_row + 1
    for category in categories:
        help_sheet.append([category.name])
    last = help_sheet.max_row
    help_sheet.append([])
    help_sheet.append(
        ["Строку-пример замените своими данными. Столбцы можно переставлять, лишние — удалять."]
    )
    for cell in help_sheet[1]:
        cell.font = bold
    help_sheet.column_dimensions["A"].width = 45
    help_sheet.column_dimensions["B"].width = 90
    # A drop-down of the categories that still accepts anything typed (synonyms are understood on import).
    column = next(i for i, f in enumerate(fields, 1) if f.code == "category")
    choice = DataValidation(type="list", formula1=f"=Справка!$A${first}:$A${last}", showErrorMessage=False)
    sheet.add_data_validation(choice)
    choice.add(f"{get_column_letter(column)}2:{get_column_letter(column)}2000")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
