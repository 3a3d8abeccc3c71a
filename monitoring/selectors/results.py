"""The results of a campaign: per question the distribution and the average, per form, per role and per pair,
the text answers, the preferences, and for an exit campaign the comparison with its entry campaign.

Computed in a constant number of queries, whatever the number of respondents (GROUP BY on the answers'
numeric and text columns; the JSON lists of multiple choices are counted here). The result is plain JSON:
closing a campaign stores it (Campaign.results), and the page and the export read the frozen copy from then on.

Anonymous campaigns: nothing is shown while fewer than MIN_ANONYMOUS_GROUP people have answered, a form or a
role with fewer answers is hidden, and there is no breakdown per pair at all."""

from collections import Counter, defaultdict

from django.db.models import Avg, Count, F, OuterRef, Subquery
from django.utils import timezone

from accounts.models import Person
from mentoring.models import MentoringForm, Pair, PairMentee
from monitoring.models import Answer, Campaign, Question, Response
from monitoring.models.campaigns import MIN_ANONYMOUS_GROUP, RespondentRole
from monitoring.models.questionnaires import (
    NUMERIC_TYPES,
    PEOPLE_TYPES,
    SCALE_TYPES,
    TEXT_TYPES,
    QuestionType,
)

TEXTS_SHOWN = 30  # text answers listed per question on the page; all of them are in the export
DISTINCT_NUMBERS = (
    12  # a number question shows its distribution when its answers have at most this many values
)


def submitted(campaign: Campaign):
    return Answer.objects.filter(response__campaign=campaign, response__submitted_at__isnull=False)


def _pct(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def _avg(value) -> float | None:
    return None if value is None else round(value, 2)


def _short(last: str, first: str, middle: str) -> str:
    initials = "".join(f"{part[0]}." for part in (first, middle) if part)
    return f"{last} {initials}".strip()


def pair_labels(pair_ids) -> dict[int, str]:
    """«Иванова М.П. — Сидоров П.И., Орлова В.» for each pair, in two queries."""
    names = ("last_name", "first_name", "middle_name")
    mentees = defaultdict(list)
    places = PairMentee.objects.filter(pair_id__in=pair_ids).order_by("slot")
    for pair_id, *name in places.values_list("pair_id", *[f"mentee__{n}" for n in names]):
        mentees[pair_id].append(_short(*name))
    labels = {}
    for pair_id, *name in Pair.objects.filter(pk__in=pair_ids).values_list(
        "pk", *[f"mentor__{n}" for n in names]
    ):
        labels[pair_id] = " — ".join(filter(None, [_short(*name), ", ".join(mentees[pair_id])]))
    return labels


def results_of(campaign: Campaign) -> dict:
    """What the results page shows: the frozen results of a closed campaign, else computed now."""
    if campaign.status == Campaign.Status.CLOSED and campaign.results is not None:
        return campaign.results
    return compute_results(campaign)


def compute_results(campaign: Campaign) -> dict:
    anonymous = campaign.anonymous
    groups = list(
        Response.objects.filter(campaign=campaign, submitted_at__isnull=False)
        .values("form_id", "role", "pair_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    respondents = sum(group["n"] for group in groups)
    result = {
        "computed_at": timezone.now().isoformat(),
        "anonymous": anonymous,
        "invited": campaign.invitations.count(),
        "respondents": respondents,
        "hidden": anonymous and respondents < MIN_ANONYMOUS_GROUP,
        "min_group": MIN_ANONYMOUS_GROUP,
        "sections": [],
        "comparison": None,
    }
    if result["hidden"]:
        return result

    by_form, by_role, by_pair = Counter(), Counter(), Counter()
    for group in groups:
        by_form[group["form_id"]] += group["n"]
        by_role[group["role"]] += group["n"]
        by_pair[group["pair_id"]] += group["n"]
    form_names = dict(
        MentoringForm.objects.filter(pk__in=[pk for pk in by_form if pk]).values_list("pk", "name")
    )
    role_names = dict(RespondentRole.choices)

    def shown(size: int) -> bool:
        return not anonymous or size >= MIN_ANONYMOUS_GROUP

    result["forms"] = [
        {"name": form_names.get(pk, "без формы"), "respondents": n, "hidden": not shown(n)}
        for pk, n in sorted(by_form.items(), key=lambda item: form_names.get(item[0], ""))
    ]
    result["roles"] = [
        {"name": role_names.get(role, role), "respondents": n, "hidden": not shown(n)}
        for role, n in by_role.items()
    ]

    sections = list(campaign.questionnaire.sections.prefetch_related("questions"))
    questions = [question for section in sections for question in section.questions.all()]
    ids_of = defaultdict(list)
    for question in questions:
        ids_of[question.type].append(question.pk)
    numeric_ids = [q.pk for q in questions if q.type in NUMERIC_TYPES]
    answers = submitted(campaign)

    # One scan gives the distributions and the averages per form and per role: the value counts per
    # (question, value, form, role) are few (at most 10 values × forms × roles per question).
    values = defaultdict(Counter)
    form_sums = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    role_sums = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    numeric_rows = (
        answers.filter(question_id__in=numeric_ids, number__isnull=False)
        .values_list("question_id", "number", "response__form_id", "response__role")
        .annotate(n=Count("id"))
        .order_by()
    )
    for question_id, number, form_id, role, n in numeric_rows:
        values[question_id][number] += n
        for sums, key in ((form_sums, form_id), (role_sums, role)):
            cell = sums[question_id][key]
            cell[0] += number * n
            cell[1] += n

    def averages(sums) -> dict:
        return {
            question_id: [(key, n, total / n) for key, (total, n) in cells.items()]
            for question_id, cells in sums.items()
        }

    form_rows, role_rows = averages(form_sums), averages(role_sums)
    pair_rows = {}
    if not anonymous:  # the second (and last) numeric scan
        rows = (
            answers.filter(question_id__in=numeric_ids, number__isnull=False)
            .values_list("question_id", "response__pair_id")
            .annotate(n=Count("id"), avg=Avg("number"))
            .order_by()
        )
        pair_rows = defaultdict(list)
        for question_id, pair_id, n, avg in rows:
            pair_rows[question_id].append((pair_id, n, avg))
    pair_names = pair_labels([pk for pk in by_pair if pk]) if pair_rows else {}

    singles = defaultdict(Counter)
    for row in (
        answers.filter(question_id__in=ids_of[QuestionType.SINGLE])
        .exclude(text="")
        .values("question_id", "text")
        .annotate(n=Count("id"))
    ):
        singles[row["question_id"]][row["text"]] = row["n"]
    lists = defaultdict(list)
    list_ids = ids_of[QuestionType.MULTIPLE] + [q.pk for q in questions if q.type in PEOPLE_TYPES]
    for question_id, choices in answers.filter(question_id__in=list_ids).values_list(
        "question_id", "choices"
    ):
        if choices:
            lists[question_id].append(choices)
    texts = defaultdict(list)
    text_ids = [q.pk for q in questions if q.type in TEXT_TYPES]
    for question_id, text in (
        answers.filter(question_id__in=text_ids)
        .exclude(text="")
        .order_by("-pk")
        .values_list("question_id", "text")
    ):
        texts[question_id].append(text)
    others = defaultdict(list)
    other_ids = [q.pk for q in questions if q.has_other]
    for question_id, other in (
        answers.filter(question_id__in=other_ids)
        .exclude(other="")
        .order_by("-pk")
        .values_list("question_id", "other")
    ):
        others[question_id].append(other)
    people = {}
    ranked = [
        choice for q in questions if q.type in PEOPLE_TYPES for lists_ in lists[q.pk] for choice in lists_
    ]
    if ranked:
        people = {p.pk: p.full_name for p in Person.objects.filter(pk__in=set(ranked))}

    for section in sections:
        items = []
        for question in section.questions.all():
            item = {
                "id": question.pk,
                "code": question.code,
                "text": question.text,
                "type": question.type,
                "type_label": str(question.get_type_display()),
                "scale_max": question.scale_max,
                "average": None,
                "distribution": [],
                "by_form": [],
                "by_role": [],
                "by_pair": [],
                "texts": [],
                "texts_total": 0,
                "others": others[question.pk][:TEXTS_SHOWN],
                "ranking": [],
            }
            if question.type in NUMERIC_TYPES:
                counter = values[question.pk]
                item["answered"] = total = sum(counter.values())
                if total:
                    item["average"] = _avg(sum(v * n for v, n in counter.items()) / total)
                    item["min"], item["max"] = min(counter), max(counter)
                item["distribution"] = _numeric_distribution(question, counter, total)
                item["by_form"] = [
                    {"name": form_names.get(pk, "без формы"), "count": n, "average": _avg(avg)}
                    for pk, n, avg in sorted(
                        form_rows.get(question.pk, []), key=lambda r: form_names.get(r[0], "")
                    )
                    if shown(by_form[pk])
                ]
                item["by_role"] = [
                    {"name": role_names.get(role, role), "count": n, "average": _avg(avg)}
                    for role, n, avg in role_rows.get(question.pk, [])
                    if shown(by_role[role])
                ]
                item["by_pair"] = sorted(
                    (
                        {"id": pk, "name": pair_names[pk], "count": n, "average": _avg(avg)}
                        for pk, n, avg in pair_rows.get(question.pk, [])
                        if pk in pair_names
                    ),
                    key=lambda row: row["name"],
                )
            elif question.type == QuestionType.SINGLE:
                counter = singles[question.pk]
                item["answered"] = total = sum(counter.values())
                labels = [*question.options, *[label for label in counter if label not in question.options]]
                item["distribution"] = [
                    {"label": label, "count": counter[label], "percent": _pct(counter[label], total)}
                    for label in labels
                ]
            elif question.type == QuestionType.MULTIPLE:
                chosen = lists[question.pk]
                item["answered"] = total = len(chosen)
                counter = Counter(option for options in chosen for option in options)
                labels = [*question.options, *[label for label in counter if label not in question.options]]
                item["distribution"] = [
                    {"label": label, "count": counter[label], "percent": _pct(counter[label], total)}
                    for label in labels
                ]
            elif question.type in PEOPLE_TYPES:
                chosen = lists[question.pk]
                item["answered"] = len(chosen)
                first = Counter(options[0] for options in chosen)
                mentions = Counter(pk for options in chosen for pk in options)
                item["ranking"] = [
                    {"name": people.get(pk, "—"), "first": first[pk], "total": n}
                    for pk, n in sorted(
                        mentions.items(), key=lambda kv: (-first[kv[0]], -kv[1], people.get(kv[0], ""))
                    )
                ]
            else:
                answered = texts[question.pk]
                item["answered"] = item["texts_total"] = len(answered)
                item["texts"] = answered[:TEXTS_SHOWN]
            items.append(item)
        result["sections"].append({"title": section.title, "questions": items})
    result["pairs"] = _pairs_summary(result["sections"], by_pair, pair_names)
    if campaign.baseline_id and not anonymous and not campaign.baseline.anonymous:
        result["comparison"] = before_after(campaign)
    return result


def _pairs_summary(sections, by_pair: Counter, names: dict) -> list[dict]:
    """Per pair (named campaigns): how many answered, the average of their 1–10 scale answers and the share of
    «да» — the page's one table of pairs; the average per question and pair is in the .xlsx."""
    totals = defaultdict(lambda: {"scale": [0.0, 0], "yes": [0.0, 0]})
    for section in sections:
        for item in section["questions"]:
            key = {"scale10": "scale", "yes_no": "yes"}.get(item["type"])
            if key is None:
                continue
            for row in item["by_pair"]:
                total = totals[row["id"]][key]
                total[0] += row["average"] * row["count"]
                total[1] += row["count"]
    rows = []
    for pk, name in names.items():
        scale, yes = totals[pk]["scale"], totals[pk]["yes"]
        rows.append(
            {
                "id": pk,
                "name": name,
                "respondents": by_pair[pk],
                "scale_average": _avg(scale[0] / scale[1]) if scale[1] else None,
                "yes_share": round(100 * yes[0] / yes[1]) if yes[1] else None,
            }
        )
    return sorted(rows, key=lambda row: row["name"])


def _numeric_distribution(question: Question, counter: Counter, total: int) -> list[dict]:
    if question.type == QuestionType.YES_NO:
        points = [(1.0, "да"), (0.0, "нет")]
    elif question.type in SCALE_TYPES:
        points = [(float(v), str(v)) for v in range(1, SCALE_TYPES[question.type] + 1)]
    elif len(counter) <= DISTINCT_NUMBERS:
        points = [(v, f"{v:g}") for v in sorted(counter)]
    else:
        return []
    return [{"label": label, "count": counter[v], "percent": _pct(counter[v], total)} for v, label in points]


def before_after(campaign: Campaign) -> dict:
    """Per question code the participants who answered both the entry campaign (the baseline) and this one:
    how many, their averages before and after, and the average change — one aggregate query."""
    baseline = campaign.baseline
    before = Answer.objects.filter(
        response__campaign=baseline,
        response__submitted_at__isnull=False,
        response__person=OuterRef("response__person"),
        question__code=OuterRef("question__code"),
        number__isnull=False,
    ).values("number")[:1]
    rows = (
        submitted(campaign)
        .filter(number__isnull=False, question__type__in=list(NUMERIC_TYPES))
        .exclude(question__code="")
        .annotate(before=Subquery(before))
        .filter(before__isnull=False)
        .values("question__code")
        .annotate(
            n=Count("id"),
            after_avg=Avg("number"),
            before_avg=Avg("before"),
            delta=Avg(F("number") - F("before")),
        )
        .order_by()
    )
    by_code = {row["question__code"]: row for row in rows}
    questions = Question.objects.filter(questionnaire=campaign.questionnaire, code__in=by_code).order_by(
        "section__position", "position"
    )
    return {
        "baseline": baseline.title,
        "baseline_id": baseline.pk,
        "rows": [
            {
                "code": question.code,
                "text": question.text,
                "count": by_code[question.code]["n"],
                "before": _avg(by_code[question.code]["before_avg"]),
                "after": _avg(by_code[question.code]["after_avg"]),
                "delta": _avg(by_code[question.code]["delta"]),
            }
            for question in questions
        ],
    }
