"""The observer's roll-up: the schools below their municipality (or region) side by side, one school's figures
against last year, and the .xlsx of the roll-up. Schools outside the observer's organisation are not found
(404), as another school's objects are everywhere else."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from accounts.views.web import file_response, rule_required
from monitoring import rules
from monitoring.documents.rollup import rollup_xlsx
from monitoring.documents.spreadsheets import XLSX
from monitoring.selectors.rollup import INDICATORS, rollup_for

# The columns of the page's table (every indicator is on a school's page and in the .xlsx).
COLUMNS = (
    "teachers_pct",
    "students_pct",
    "pairs_total",
    "plans_approved_pct",
    "reviews_on_time_pct",
    "mentees_waiting",
    "mentors_trained_pct",
    "consents_complete_pct",
    "satisfaction",
)


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else None


def _cell(indicator, kpis):
    """(value, target, behind the target) of one school and indicator, for the template."""
    if kpis is None:
        return {"value": None, "target": None, "behind": False, "unit": indicator.unit}
    value = indicator.value(kpis)
    target = indicator.target(kpis) if indicator.target else None
    behind = target is not None and (value or 0) < target
    return {"value": value, "target": target, "behind": behind, "unit": indicator.unit}


def _table(data, columns):
    rows = [{"row": row, "cells": [_cell(c, row.kpis) for c in columns]} for row in data.rows]

    def line(label, **kwargs):
        cells = [{"value": data.total(c, **kwargs), "unit": c.unit} for c in columns]
        return {"label": label, "cells": cells}

    totals = [line(f"Итого: {group}", group=group) for group in data.groups]
    totals.append(line("Итого"))
    totals.append(line(f"Итого в {data.year - 1}/{data.year}", previous=True))
    return rows, totals


@rule_required(rules.can_view_rollup)
def rollup(request):
    data = rollup_for(request.organization, today=timezone.localdate(), year=_year(request))
    columns = [indicator for indicator in INDICATORS if indicator.key in COLUMNS]
    rows, totals = _table(data, columns)
    return render(
        request,
        "monitoring/rollup/rollup.html",
        {
            "rollup": data,
            "columns": columns,
            "rows": rows,
            "totals": totals,
            "form_totals": [(form, data.form_total(form)) for form in data.forms],
        },
    )


@rule_required(rules.can_view_rollup)
def rollup_school(request, pk):
    data = rollup_for(request.organization, today=timezone.localdate(), year=_year(request), schools=[pk])
    row = data.row(pk)
    if row is None:
        raise Http404("Школа не входит в вашу организацию")
    figures = [
        {
            "indicator": indicator,
            "now": row.value(indicator),
            "target": indicator.target(row.kpis) if indicator.target and row.kpis else None,
            "before": row.value(indicator, previous=True),
        }
        for indicator in INDICATORS
    ]
    for figure in figures:
        now, before = figure["now"], figure["before"]
        figure["change"] = None if now is None or before is None else round(now - before, 2)
    return render(request, "monitoring/rollup/school.html", {"rollup": data, "row": row, "figures": figures})


@rule_required(rules.can_view_rollup)
def rollup_export(request):
    data = rollup_for(request.organization, today=timezone.localdate(), year=_year(request))
    filename = f"Сводка по школам — {data.organization.short_name}, {data.academic_year}.xlsx"
    return file_response(rollup_xlsx(data), filename, content_type=XLSX, inline=False)
