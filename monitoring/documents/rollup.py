"""The roll-up as .xlsx: one sheet per indicator (schools in rows: this year, the target where there is one, last
year and the change; the municipalities' subtotals in a region's roll-up and the total), the pairs and the
satisfaction by form, and the schools lagging behind their coverage targets. Figures and school names only."""

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from monitoring.documents.spreadsheets import safe
from monitoring.selectors.rollup import INDICATORS, Rollup, pairs_of_form

SHEET_NAME_MAX = 31


def _change(now, before):
    if now is None or before is None:
        return None
    return round(now - before, 2)


def _row(sheet, values, *, bold=False) -> None:
    sheet.append([safe(value) for value in values])
    if bold:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)


def _heading(sheet, rollup: Rollup, title: str, note: str = "") -> None:
    _row(
        sheet, [f"{title} — {rollup.organization.short_name}, {rollup.academic_year} учебный год"], bold=True
    )
    _row(sheet, [note or f"Сформировано {timezone.localdate():%d.%m.%Y}"])
    sheet.append([])


def _indicator_sheet(workbook, rollup: Rollup, indicator) -> None:
    sheet = workbook.create_sheet(indicator.title[:SHEET_NAME_MAX])
    unit = f", {indicator.unit}" if indicator.unit else ""
    _heading(sheet, rollup, indicator.title + unit, indicator.note)
    grouped = bool(rollup.groups)
    head = (["Муниципалитет"] if grouped else []) + ["Школа", str(rollup.academic_year)]
    if indicator.target:
        head += ["Цель"]
    head += [f"{rollup.year - 1}/{rollup.year}", "Изменение"]
    _row(sheet, head, bold=True)
    for row in rollup.rows:
        now, before = row.value(indicator), row.value(indicator, previous=True)
        values = ([row.group] if grouped else []) + [row.name, "нет программы" if row.kpis is None else now]
        if indicator.target:
            values += [indicator.target(row.kpis) if row.kpis else None]
        _row(sheet, values + [before, _change(now, before)])
    totals = [(f"Итого: {group}", group) for group in rollup.groups] + [("Итого", None)]
    for label, group in totals:
        now = rollup.total(indicator, group=group)
        before = rollup.total(indicator, previous=True, group=group)
        values = ([""] if grouped else []) + [label, now] + ([None] if indicator.target else [])
        _row(sheet, values + [before, _change(now, before)], bold=True)
    _widths(sheet, grouped)


def _forms_sheet(workbook, rollup: Rollup, title, forms, value, total, note) -> None:
    sheet = workbook.create_sheet(title[:SHEET_NAME_MAX])
    _heading(sheet, rollup, title, note)
    _row(sheet, ["Школа", *forms], bold=True)
    for row in rollup.with_programme:
        _row(sheet, [row.name, *[value(row.kpis, form) for form in forms]])
    _row(sheet, ["Итого", *[total(form) for form in forms]], bold=True)
    _widths(sheet, False)


def _lagging_sheet(workbook, rollup: Rollup) -> None:
    sheet = workbook.create_sheet("Отстают от целей")
    _heading(sheet, rollup, "Школы, отстающие от целевых показателей охвата")
    _row(sheet, ["Школа", "Охват педагогов, %", "Цель, %", "Охват обучающихся, %", "Цель, %"], bold=True)
    for row in rollup.lagging:
        k = row.kpis
        _row(sheet, [row.name, k.teachers_pct, k.teachers_target_pct, k.students_pct, k.students_target_pct])
    for row in rollup.without_programme:
        _row(sheet, [row.name, "нет программы на учебный год"])
    _widths(sheet, False)


def _widths(sheet, grouped: bool) -> None:
    sheet.column_dimensions["A"].width = 45
    if grouped:
        sheet.column_dimensions["B"].width = 45
    sheet["A1"].alignment = Alignment(wrap_text=False)


def rollup_xlsx(rollup: Rollup) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for indicator in INDICATORS:
        _indicator_sheet(workbook, rollup, indicator)
    _forms_sheet(
        workbook,
        rollup,
        "Пары по формам",
        rollup.forms,
        pairs_of_form,
        rollup.form_total,
        "пары и группы, кроме проектов",
    )
    _forms_sheet(
        workbook,
        rollup,
        "Удовлетворённость по формам",
        rollup.rated,
        lambda kpis, form: kpis.satisfaction_by_form.get(form),
        rollup.satisfaction_total,
        "средний балл из 10 (мониторинг, этап 1); итог — среднее по школам",
    )
    _lagging_sheet(workbook, rollup)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
