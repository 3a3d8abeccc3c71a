"""The admin's people export (django-import-export) escapes formula-like cells (issue 9, item 7) and a file it
wrote imports back to the same values."""

from io import BytesIO

import tablib
from import_export.formats.base_formats import CSV, XLSX
from openpyxl import load_workbook

from accounts.admin import PersonResource
from accounts.models import Person
from conftest import make_person


def test_formula_like_cells_are_escaped_in_xlsx_and_csv(world):
    make_person(world.school, "=1+1", "-2+3", "@SUM(A1)", phone="+7 900 000-00-00", email="x@example.com")
    dataset = PersonResource().export(Person.objects.filter(last_name="=1+1"))
    book = load_workbook(BytesIO(XLSX().export_data(dataset))).active
    row = {book.cell(1, c).value: book.cell(2, c) for c in range(1, book.max_column + 1)}
    assert row["last_name"].value == "'=1+1" and row["last_name"].data_type == "s"
    assert row["first_name"].value == "'-2+3"
    assert row["middle_name"].value == "'@SUM(A1)"
    assert row["phone"].value == "'+7 900 000-00-00"
    csv = CSV().export_data(PersonResource().export(Person.objects.filter(last_name="=1+1")))
    assert ",'=1+1," in csv and ",=1+1," not in csv


def test_an_exported_file_imports_back_as_typed(world):
    person = make_person(world.school, "=Иванов", "Иван", "", sex="M", phone="+7 900 000-00-00")
    exported = PersonResource().export(Person.objects.filter(pk=person.pk))
    Person.objects.filter(pk=person.pk).update(last_name="Другой", phone="")
    result = PersonResource().import_data(tablib.Dataset().load(exported.csv, format="csv"), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    person.refresh_from_db()
    assert person.last_name == "=Иванов" and person.phone == "+7 900 000-00-00"
