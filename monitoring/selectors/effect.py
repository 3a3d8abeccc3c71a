"""Monitoring stage 2, the programme's effect: before/after of the participants who answered both the entry
self-assessment (the baseline) and the exit one of a programme — per participant, per form and per question.

A participant's score is the average of their 1–10 (or 1–5, stretched to 1–10) answers to the questions whose
code is in both questionnaires; questions on anxiety (code «anxiety…») count reversed (11 − x), so that for every
score higher is better and «improved» means the score went up. Per form: the average change, its 95 %
confidence interval (Student's t), a paired t-test (scipy.stats.ttest_rel) and the share who improved.

Anonymous campaigns cannot be paired (no person behind an answer) and are left out. Two queries for any number
of programmes."""

import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from monitoring.models import Answer, Campaign, Kind
from monitoring.models.questionnaires import SCALE_TYPES

REVERSED_PREFIX = "anxiety"
SCALE_TOP = 10
NO_FORM = "без формы"


@dataclass(frozen=True)
class Change:
    """Before/after of a group (a form, or the whole programme)."""

    name: str
    count: int
    before: float | None
    after: float | None
    delta: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    improved: int

    @property
    def improved_pct(self) -> float:
        return round(100 * self.improved / self.count, 1) if self.count else 0.0

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < 0.05


@dataclass(frozen=True)
class Effect:
    programme_id: int
    overall: Change
    by_form: tuple[Change, ...]
    by_question: tuple[dict, ...]  # code, text, count, before, after, delta (raw values, not reversed)
    participants: tuple[
        dict, ...
    ]  # person_id, form, before, after, delta (person ids: the caller names them)


def _oriented(code: str, value: float, scale: int) -> float:
    value = value * SCALE_TOP / scale  # a 1–5 scale stretched to 1–10
    return SCALE_TOP + 1 - value if code.startswith(REVERSED_PREFIX) else value


def _mean(values) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def change_of(name: str, befores: list[float], afters: list[float]) -> Change:
    """The average change of paired scores with its 95 % interval and the paired t-test."""
    n = len(befores)
    deltas = [a - b for b, a in zip(befores, afters, strict=True)]
    improved = sum(1 for d in deltas if d > 0)
    ci_low = ci_high = p_value = None
    delta = _mean(deltas)
    if n >= 2:
        from scipy import stats

        mean = sum(deltas) / n
        sd = math.sqrt(sum((d - mean) ** 2 for d in deltas) / (n - 1))
        half = float(stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
        ci_low, ci_high = round(mean - half, 2), round(mean + half, 2)
        if sd > 0:
            p_value = float(stats.ttest_rel(afters, befores).pvalue)
        else:  # every participant changed by the same amount: no variance, certain unless it is zero
            p_value = 1.0 if mean == 0 else 0.0
    return Change(
        name=name,
        count=n,
        before=_mean(befores),
        after=_mean(afters),
        delta=delta,
        ci_low=ci_low,
        ci_high=ci_high,
        p_value=None if p_value is None else round(p_value, 4),
        improved=improved,
    )


def effects_for(programme_ids) -> dict[int, Effect]:
    """Stage 2 of many programmes: programme id → Effect (only programmes with an exit campaign paired)."""
    exits = Q(
        response__campaign__programme_id__in=programme_ids,
        response__campaign__questionnaire__kind=Kind.EXIT,
        response__campaign__baseline__isnull=False,
        response__campaign__anonymous=False,
        response__campaign__baseline__anonymous=False,
    )
    fields = (
        "response__campaign_id",
        "response__person_id",
        "response__form__name",
        "question__code",
        "question__type",
        "question__text",
        "number",
    )
    numeric = Q(
        response__submitted_at__isnull=False,
        response__person__isnull=False,
        number__isnull=False,
        question__type__in=list(SCALE_TYPES),
    ) & ~Q(question__code="")
    after_rows = list(
        Answer.objects.filter(exits & numeric)
        .values_list("response__campaign__programme_id", "response__campaign__baseline_id", *fields)
        .order_by()
    )
    if not after_rows:
        return {}
    baselines = {row[1] for row in after_rows}
    before = defaultdict(dict)  # (baseline campaign, person) → code → value
    for campaign_id, person_id, _form, code, type_, _text, number in (
        Answer.objects.filter(numeric, response__campaign_id__in=baselines).values_list(*fields).order_by()
    ):
        before[(campaign_id, person_id)][code] = _oriented(code, number, SCALE_TYPES[type_])
    # Per participant and per question, after the baseline is known.
    per_person = defaultdict(lambda: defaultdict(lambda: [[], []]))  # programme → (person, form) → [b], [a]
    per_question = defaultdict(lambda: defaultdict(lambda: [[], [], ""]))  # programme → code → raw b, a, text
    for programme_id, baseline_id, _campaign, person_id, form_name, code, type_, text, number in after_rows:
        earlier = before[(baseline_id, person_id)].get(code)
        if earlier is None:
            continue
        scale = SCALE_TYPES[type_]
        cell = per_person[programme_id][(person_id, form_name or NO_FORM)]
        cell[0].append(earlier)
        cell[1].append(_oriented(code, number, scale))
        question = per_question[programme_id][code]
        raw_before = earlier if not code.startswith(REVERSED_PREFIX) else SCALE_TOP + 1 - earlier
        question[0].append(raw_before * scale / SCALE_TOP)
        question[1].append(number)
        question[2] = text

    result = {}
    for programme_id, people in per_person.items():
        participants = []
        forms = defaultdict(lambda: ([], []))
        everyone = ([], [])
        for (person_id, form_name), (befores, afters) in people.items():
            b, a = sum(befores) / len(befores), sum(afters) / len(afters)
            participants.append(
                {
                    "person_id": person_id,
                    "form": form_name,
                    "before": round(b, 2),
                    "after": round(a, 2),
                    "delta": round(a - b, 2),
                }
            )
            for group in (forms[form_name], everyone):
                group[0].append(b)
                group[1].append(a)
        result[programme_id] = Effect(
            programme_id=programme_id,
            overall=change_of("Все участники", *everyone),
            by_form=tuple(change_of(name, *forms[name]) for name in sorted(forms)),
            by_question=tuple(
                {
                    "code": code,
                    "text": text,
                    "count": len(b),
                    "before": _mean(b),
                    "after": _mean(a),
                    "delta": _mean([y - x for x, y in zip(b, a, strict=True)]),
                    "reversed": code.startswith(REVERSED_PREFIX),
                }
                for code, (b, a, text) in sorted(per_question[programme_id].items())
            ),
            participants=tuple(sorted(participants, key=lambda row: (row["form"], row["person_id"]))),
        )
    return result


def effect_of(programme) -> Effect | None:
    return effects_for([programme.pk]).get(programme.pk)


def improved_counts(programme_ids) -> dict[int, tuple[int, int]]:
    """programme id → (participants compared, of them improved): the one line of stage 2 in the KPIs."""
    return {pk: (e.overall.count, e.overall.improved) for pk, e in effects_for(programme_ids).items()}


def exit_campaigns(programme):
    return Campaign.objects.filter(programme=programme, questionnaire__kind=Kind.EXIT, baseline__isnull=False)
