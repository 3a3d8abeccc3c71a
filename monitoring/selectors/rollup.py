"""The roll-up of a municipality or a region («сводка по школам»): the figures of every school under the
observer's organisation side by side, the totals, and the schools lagging behind their coverage targets.

Figures only: a row is a school's name and the numbers of monitoring.selectors.kpis (which never holds a
person's name or answer); the organisations' own details (the director's name, the address) are not read either.
The figures are not computed here: `kpis_for` over the schools' programmes of the year and the year before, in
one call; this module picks the programmes, groups and totals. The whole roll-up is a fixed number of queries,
whatever the number of schools (pinned in monitoring/tests/test_rollup.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from accounts.models import Organization
from mentoring.models import Pair, Programme
from monitoring.selectors.kpis import STATE_LABELS, Kpis, kpis_for

# Region → municipality → school, and one level more for a district inside a city.
LEVELS = 4
SCHOOL_KINDS = (Organization.Kind.SCHOOL, Organization.Kind.COLLEGE)
DRAFT = STATE_LABELS[Pair.Status.DRAFT]


def academic_year(today: date) -> int:
    """The school year running on `today` (from 1 September): 2026 for 30.11.2026 and for 31.05.2027."""
    return today.year if today.month >= 9 else today.year - 1


def descendants(organization: Organization):
    """Every organisation below `organization`, up to LEVELS levels down, in one query."""
    condition, path = Q(), "parent"
    for _ in range(LEVELS):
        condition |= Q(**{path: organization})
        path += "__parent"
    return Organization.objects.filter(condition)


def schools_under(organization: Organization):
    """The schools and colleges below `organization`: the only organisations whose figures the observer sees."""
    return descendants(organization).filter(kind__in=SCHOOL_KINDS)


def _pct(part, whole) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _number(value: float) -> str:
    """12.5 → «12,5», 0.0 → «0»: a figure as Russian text."""
    return f"{value:g}".replace(".", ",")


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 2) if values else None


@dataclass(frozen=True)
class Indicator:
    """One figure of the roll-up: its value for a school, its total over schools, the school's target (coverage),
    and whether more is better (for the change against last year)."""

    key: str
    title: str  # also the .xlsx sheet's name: at most 31 characters
    unit: str
    value: Callable[[Kpis], float | int | None]
    total: Callable[[list[Kpis]], float | int | None]
    target: Callable[[Kpis], int | None] | None = None
    more_is_better: bool = True
    note: str = ""


def _sum(attr):
    return lambda ks: sum(getattr(k, attr) for k in ks)


def _ratio(part, whole):
    return lambda ks: _pct(sum(getattr(k, part) for k in ks), sum(getattr(k, whole) for k in ks))


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "teachers_pct",
        "Охват педагогов",
        "%",
        lambda k: k.teachers_pct,
        _ratio("teachers_in_programme", "teachers_total"),
        target=lambda k: k.teachers_target_pct,
        note="педагоги-наставляемые в открытых парах от всех педагогов школы",
    ),
    Indicator(
        "students_pct",
        "Охват обучающихся",
        "%",
        lambda k: k.students_pct,
        _ratio("students_in_programme", "students_total"),
        target=lambda k: k.students_target_pct,
        note="обучающиеся-наставляемые в открытых парах от всех обучающихся школы",
    ),
    Indicator("pairs_total", "Пары и группы", "", lambda k: k.pairs_total, _sum("pairs_total")),
    Indicator(
        "plans_approved_pct",
        "Планы утверждены",
        "%",
        lambda k: _pct(k.plans_approved, k.plans_total),
        _ratio("plans_approved", "plans_total"),
    ),
    Indicator(
        "plan_rows_done_pct",
        "Пункты планов выполнены",
        "%",
        lambda k: _pct(k.plan_rows_done, k.plan_rows_total),
        _ratio("plan_rows_done", "plan_rows_total"),
    ),
    Indicator(
        "meetings_per_pair",
        "Встреч на пару",
        "",
        lambda k: k.meetings_per_pair,
        lambda ks: (
            round(sum(k.meetings_total for k in ks) / p, 1) if (p := sum(k.pairs_total for k in ks)) else None
        ),
    ),
    Indicator(
        "reviews_on_time_pct",
        "Отзывы в срок",
        "%",
        lambda k: _pct(k.reviews_on_time, k.reviews_due),
        _ratio("reviews_on_time", "reviews_due"),
        note="отзывы, поступившие к сроку, от всех, чей срок наступил",
    ),
    Indicator(
        "mentees_waiting",
        "Наставляемые без пары",
        "",
        lambda k: k.mentees_waiting,
        _sum("mentees_waiting"),
        more_is_better=False,
    ),
    Indicator(
        "mentees_waiting_max_days",
        "Дольше всех ждёт пару",
        "дн.",
        lambda k: k.mentees_waiting_max_days,
        lambda ks: max((k.mentees_waiting_max_days for k in ks), default=None),
        more_is_better=False,
    ),
    Indicator(
        "mentors_trained_pct",
        "Наставники обучены",
        "%",
        lambda k: _pct(k.mentors_trained, k.mentors_total),
        _ratio("mentors_trained", "mentors_total"),
        note="прошли «Школу наставников»",
    ),
    Indicator(
        "consents_complete_pct",
        "Согласия оформлены",
        "%",
        lambda k: _pct(k.consents_complete, k.participants_total),
        _ratio("consents_complete", "participants_total"),
    ),
    Indicator(
        "satisfaction",
        "Удовлетворённость",
        "из 10",
        lambda k: k.satisfaction_average,
        lambda ks: _mean(k.satisfaction_average for k in ks),
        note="мониторинг, этап 1; итог — среднее по школам",
    ),
    Indicator(
        "effect_improved_pct",
        "Результат улучшился",
        "%",
        lambda k: _pct(k.effect_improved, k.effect_compared),
        _ratio("effect_improved", "effect_compared"),
        note="мониторинг, этап 2: доля участников, чей итоговый результат выше входного",
    ),
)
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}


def pairs_of_form(kpis: Kpis, form: str) -> int:
    """Pairs of one form past the draft (as pairs_total counts them)."""
    states = kpis.pairs_by_form.get(form, {})
    return sum(n for state, n in states.items() if state != DRAFT)


@dataclass
class SchoolRow:
    school_id: int
    name: str
    group: str  # the municipality of a region's roll-up ('' for a municipality's own schools)
    kpis: Kpis | None  # None: no programme this year
    previous: Kpis | None = None

    @property
    def lagging(self) -> list[str]:
        """What the school lags behind: «педагоги: 12,5 % при цели 30 %»."""
        k = self.kpis
        if k is None:
            return []
        out = []
        if k.teachers_lagging:
            out.append(f"педагоги: {_number(k.teachers_pct)} % при цели {k.teachers_target_pct} %")
        if k.students_lagging:
            out.append(f"обучающиеся: {_number(k.students_pct)} % при цели {k.students_target_pct} %")
        return out

    def value(self, indicator: Indicator, *, previous: bool = False):
        k = self.previous if previous else self.kpis
        return None if k is None else indicator.value(k)


@dataclass
class Rollup:
    organization: Organization
    year: int
    years: list[int]
    rows: list[SchoolRow]
    forms: list[str] = field(default_factory=list)  # forms with pairs
    rated: list[str] = field(default_factory=list)  # forms with a satisfaction average
    groups: list[str] = field(default_factory=list)

    @property
    def academic_year(self) -> str:
        return f"{self.year}/{self.year + 1}"

    @property
    def with_programme(self) -> list[SchoolRow]:
        return [row for row in self.rows if row.kpis is not None]

    @property
    def without_programme(self) -> list[SchoolRow]:
        return [row for row in self.rows if row.kpis is None]

    @property
    def lagging(self) -> list[SchoolRow]:
        return [row for row in self.rows if row.lagging]

    def total(self, indicator: Indicator, *, previous: bool = False, group: str | None = None):
        rows = [row for row in self.rows if group is None or row.group == group]
        kpis = [row.previous if previous else row.kpis for row in rows]
        kpis = [k for k in kpis if k is not None]
        return indicator.total(kpis) if kpis else None

    def form_total(self, form: str) -> int:
        return sum(pairs_of_form(row.kpis, form) for row in self.with_programme)

    def satisfaction_total(self, form: str) -> float | None:
        return _mean(row.kpis.satisfaction_by_form.get(form) for row in self.with_programme)

    def row(self, school_id: int) -> SchoolRow | None:
        return next((row for row in self.rows if row.school_id == school_id), None)


def _group_of(school: Organization, top: Organization) -> str:
    """The organisation right below `top` on the way up from the school: the municipality in a region's roll-up;
    '' when the school is `top`'s own."""
    node = school
    while node.parent_id is not None and node.parent_id != top.pk:
        node = node.parent
    return "" if node is school else node.short_name


def rollup_for(organization: Organization, *, today: date, year: int | None = None, schools=None) -> Rollup:
    """The roll-up of the schools under `organization` for the school year `year` (the running one by default)
    with last year's figures beside it. One programme per school and year counts: the first one created (a
    school runs one programme a year; a second one would count its people twice). `schools` narrows it to some
    of those schools (a school's own page)."""
    year = academic_year(today) if year is None else year
    queryset = schools_under(organization).select_related(
        *["__".join(["parent"] * n) for n in range(1, LEVELS)]
    )
    if schools is not None:
        queryset = queryset.filter(pk__in=schools)
    schools = list(queryset.order_by("short_name", "pk"))
    ids = [school.pk for school in schools]
    years = sorted(
        set(Programme.objects.filter(organization_id__in=ids).values_list("year", flat=True).distinct())
        | {academic_year(today)},
        reverse=True,
    )
    chosen = {}
    for programme in (
        Programme.objects.filter(organization_id__in=ids, year__in=[year, year - 1])
        .only("pk", "organization_id", "year")
        .order_by("pk")
    ):
        chosen.setdefault((programme.organization_id, programme.year), programme)
    kpis = kpis_for(list(chosen.values()), today=today) if chosen else {}

    def of(school_id, y):
        programme = chosen.get((school_id, y))
        return kpis.get(programme.pk) if programme else None

    rows = [
        SchoolRow(
            school_id=school.pk,
            name=school.short_name,
            group=_group_of(school, organization),
            kpis=of(school.pk, year),
            previous=of(school.pk, year - 1),
        )
        for school in schools
    ]
    forms = sorted({form for row in rows if row.kpis for form in row.kpis.pairs_by_form})
    rated = sorted({form for row in rows if row.kpis for form in row.kpis.satisfaction_by_form})
    groups = sorted({row.group for row in rows if row.group})
    return Rollup(
        organization=organization, year=year, years=years, rows=rows, forms=forms, rated=rated, groups=groups
    )
