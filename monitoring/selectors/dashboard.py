"""The figures of a programme as tables, shared by the dashboard (a table beside each Chart.js chart), the
analytical report (a table beside each SVG chart) and the .xlsx: one source, so the three never disagree.

Each table: key, title, columns, rows (the first cell is the row's label), `series` — the indexes of the columns
a chart draws — and the chart's kind. The curator's view is limited to their forms: the school-wide figures
(coverage, consents, mentees waiting) are left out for them."""

from dataclasses import dataclass, field
from datetime import date

from accounts.models import Role
from mentoring.models import Pair, ProgrammeCurator
from monitoring.selectors.effect import Effect, effect_of
from monitoring.selectors.kpis import Kpis, kpis_for, previous_programme

STATES = [label for value, label in Pair.Status.choices if value != Pair.Status.DRAFT]


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list]
    series: list[int] = field(default_factory=list)
    chart: str = "bar"  # bar | stacked | none
    unit: str = ""
    note: str = ""


@dataclass
class Figures:
    programme: object
    kpis: Kpis
    previous: Kpis | None
    previous_year: str
    effect: Effect | None
    forms: set[str] | None  # None: the whole programme
    tables: list[Table] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        return self.forms is None

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)


def scope_forms(actor, programme) -> set[str] | None:
    """The forms whose figures the actor sees: all (None) for the coordinator and the director, the curator's
    areas for a curator (an area without a form is the whole programme)."""
    if actor.has_role(Role.COORDINATOR, Role.DIRECTOR):
        return None
    areas = list(
        ProgrammeCurator.objects.filter(programme=programme, curator=actor.user).select_related("form")
    )
    if any(area.form_id is None for area in areas):
        return None
    return {area.form.name for area in areas}


def _num(value):
    return "—" if value is None else value


def figures(programme, *, today: date, forms: set[str] | None = None) -> Figures:
    previous_programme_ = previous_programme(programme)
    wanted = [programme] + ([previous_programme_] if previous_programme_ else [])
    all_kpis = kpis_for(wanted, today=today)
    kpis = all_kpis[programme.pk]
    previous = all_kpis.get(previous_programme_.pk) if previous_programme_ else None
    result = Figures(
        programme=programme,
        kpis=kpis,
        previous=previous,
        previous_year=previous_programme_.academic_year if previous_programme_ else "",
        effect=effect_of(programme),
        forms=forms,
    )
    result.tables = _tables(result)
    return result


def _in_scope(figures: Figures, form: str) -> bool:
    return figures.forms is None or form in figures.forms


def _tables(f: Figures) -> list[Table]:
    k, p, year, prev = f.kpis, f.previous, f.kpis.year, f.previous_year
    tables = []
    if f.whole:
        columns = ["Категория", "Всего", "В программе", f"Охват {year}, %", "Цель, %"]
        series = [3, 4]
        if p:
            columns.append(f"Охват {prev}, %")
            series.append(5)
        rows = []
        for label, total, inside, pct, target, old in (
            (
                "Педагоги",
                k.teachers_total,
                k.teachers_in_programme,
                k.teachers_pct,
                k.teachers_target_pct,
                p.teachers_pct if p else None,
            ),
            (
                "Обучающиеся",
                k.students_total,
                k.students_in_programme,
                k.students_pct,
                k.students_target_pct,
                p.students_pct if p else None,
            ),
        ):
            row = [label, total, inside, pct, _num(target)]
            if p:
                row.append(old)
            rows.append(row)
        tables.append(
            Table(
                "coverage",
                "Охват наставничеством и целевые показатели",
                columns,
                rows,
                series,
                unit="%",
                note="Цель по годам внедрения: не менее 10 / 20 / 30 / 50 / 70 %.",
            )
        )
        key_rows = [
            ("Наставнических пар и групп (без проектов)", k.pairs_total, p and p.pairs_total),
            (
                "Индивидуальных планов утверждено",
                f"{k.plans_approved} из {k.plans_total}",
                p and f"{p.plans_approved} из {p.plans_total}",
            ),
            ("Мероприятий планов выполнено, %", k.plan_rows_done_pct, p and p.plan_rows_done_pct),
            ("Встреч на одну пару", k.meetings_per_pair, p and p.meetings_per_pair),
            (
                "Отзывов наставников получено в срок",
                f"{k.reviews_on_time} из {k.reviews_due}",
                p and f"{p.reviews_on_time} из {p.reviews_due}",
            ),
            ("Наставляемых без пары", k.mentees_waiting, p and p.mentees_waiting),
            ("Дольше всех ждёт пару, дней", k.mentees_waiting_max_days, p and p.mentees_waiting_max_days),
            (
                "Наставников обучено в «Школе наставников»",
                f"{k.mentors_trained} из {k.mentors_total}",
                p and f"{p.mentors_trained} из {p.mentors_total}",
            ),
            (
                "Участников с полным набором согласий, %",
                k.consents_complete_pct,
                p and p.consents_complete_pct,
            ),
            (
                "Средняя удовлетворённость (из 10)",
                _num(k.satisfaction_average),
                p and _num(p.satisfaction_average),
            ),
            (
                "Самооценка выросла у участников",
                f"{k.effect_improved} из {k.effect_compared}",
                p and f"{p.effect_improved} из {p.effect_compared}",
            ),
        ]
        columns = ["Показатель", year] + ([prev] if p else [])
        rows = [[label, now] + ([_num(old)] if p else []) for label, now, old in key_rows]
        tables.append(Table("key", "Основные показатели программы", columns, rows, chart="none"))

    forms = [form for form in k.pairs_by_form if _in_scope(f, form)]
    states = [s for s in STATES if any(k.pairs_by_form[form].get(s) for form in forms)]
    rows = [
        [form]
        + [k.pairs_by_form[form].get(s, 0) for s in states]
        + [sum(k.pairs_by_form[form].get(s, 0) for s in states)]
        for form in forms
    ]
    tables.append(
        Table(
            "pairs",
            "Наставнические пары и группы по формам и состояниям",
            ["Форма", *states, "Всего"],
            rows,
            list(range(1, len(states) + 1)),
            chart="stacked",
        )
    )

    sat_forms = sorted(
        {form for form in k.satisfaction_by_form}
        | ({form for form in p.satisfaction_by_form} if p else set())
    )
    sat_forms = [form for form in sat_forms if _in_scope(f, form)]
    columns = ["Форма", f"{year}, из 10"] + ([f"{prev}, из 10"] if p else [])
    rows = [
        [form, _num(k.satisfaction_by_form.get(form))]
        + ([_num(p.satisfaction_by_form.get(form))] if p else [])
        for form in sat_forms
    ]
    tables.append(
        Table(
            "satisfaction",
            "Удовлетворённость участников по формам (этап 1)",
            columns,
            rows,
            list(range(1, len(columns))),
            note=f"Ответили: {k.satisfaction_respondents}.",
        )
    )

    e = f.effect
    columns = [
        "Форма",
        "Участников",
        "До",
        "После",
        "Изменение",
        "95 % ДИ",
        "p (парный t-тест)",
        "Улучшили, %",
    ]
    rows = []
    if e is not None:
        for change in [c for c in e.by_form if _in_scope(f, c.name)] + ([e.overall] if f.whole else []):
            interval = "—" if change.ci_low is None else f"{change.ci_low:+.2f} … {change.ci_high:+.2f}"
            rows.append(
                [
                    change.name,
                    change.count,
                    _num(change.before),
                    _num(change.after),
                    _num(change.delta),
                    interval,
                    _num(change.p_value),
                    change.improved_pct,
                ]
            )
    tables.append(
        Table(
            "effect",
            "Результаты участников до и после (этап 2)",
            columns,
            rows,
            [2, 3],
            note="Средний балл самооценки из 10 (тревожность учтена в обратном направлении: выше — лучше).",
        )
    )
    if e is not None and f.whole:
        rows = [
            [q["text"], q["count"], _num(q["before"]), _num(q["after"]), _num(q["delta"])]
            for q in e.by_question
        ]
        tables.append(
            Table(
                "effect_questions",
                "Самооценка по вопросам: до и после",
                ["Вопрос", "Участников", "До", "После", "Изменение"],
                rows,
                chart="none",
                note="Исходные оценки (для вопросов о тревожности снижение — улучшение).",
            )
        )
    return tables
