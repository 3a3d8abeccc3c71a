"""Reads behind the SWOT and the report: the satisfaction items of a programme ranked by their average, and the
SWOT the results suggest."""

from django.db.models import Avg, Count

from monitoring.models import Answer, Kind
from monitoring.models.campaigns import MIN_ANONYMOUS_GROUP
from monitoring.models.questionnaires import QuestionType

SWOT_ITEMS = 3  # strengths and weaknesses suggested from the results


def rated_items(programme) -> list[dict]:
    """The 1–10 scale questions of the programme's satisfaction campaigns with their average, best first (one
    query). The same wording in several variants (per form) counts as one item; an item of an anonymous
    campaign with fewer than 5 answers is left out."""
    rows = (
        Answer.objects.filter(
            response__campaign__programme=programme,
            response__campaign__questionnaire__kind=Kind.SATISFACTION,
            response__submitted_at__isnull=False,
            question__type=QuestionType.SCALE_10,
            number__isnull=False,
        )
        .values_list("question__text", "response__campaign__anonymous")
        .annotate(avg=Avg("number"), n=Count("pk"))
        .order_by()
    )
    items = {}
    for text, anonymous, avg, n in rows:
        if anonymous and n < MIN_ANONYMOUS_GROUP:
            continue
        total, count = items.get(text, (0.0, 0))
        items[text] = (total + avg * n, count + n)
    ranked = [
        {"text": text, "average": round(total / count, 1), "count": count}
        for text, (total, count) in items.items()
    ]
    return sorted(ranked, key=lambda item: (-item["average"], item["text"]))


def _item_line(item: dict) -> str:
    return f"{item['text']} — {item['average']:g} из 10 ({item['count']} отв.)"


def swot_suggestions(programme, kpis) -> dict[str, str]:
    """What the results say: the best- and worst-rated items with their figures, and from the KPIs what helps
    (opportunities) and what endangers (threats) the programme's targets."""
    items = rated_items(programme)
    best = items[:SWOT_ITEMS]
    worst = [item for item in reversed(items[SWOT_ITEMS:])][:SWOT_ITEMS] if len(items) > SWOT_ITEMS else []
    strengths = [_item_line(item) for item in best]
    weaknesses = [_item_line(item) for item in worst]
    opportunities, threats = [], []
    if kpis.plan_rows_total:
        line = f"Выполнено мероприятий индивидуальных планов: {kpis.plan_rows_done_pct:g} %"
        (strengths if kpis.plan_rows_done_pct >= 75 else weaknesses).append(line)
    if kpis.reviews_due:
        line = f"Отзывы наставников получены в срок: {kpis.reviews_on_time} из {kpis.reviews_due}"
        (strengths if kpis.reviews_on_time == kpis.reviews_due else weaknesses).append(line)
    if kpis.effect_compared:
        opportunities.append(
            f"Самооценка выросла у {kpis.effect_improved} из {kpis.effect_compared} участников: "
            "опыт пар можно распространить"
        )
    if kpis.mentors_total and kpis.mentors_trained < kpis.mentors_total:
        opportunities.append(
            f"Обучение в «Школе наставников» ещё для {kpis.mentors_total - kpis.mentors_trained} наставников"
        )
    if kpis.mentees_waiting:
        threats.append(
            f"Без пары остаются {kpis.mentees_waiting} наставляемых (дольше всех — {kpis.mentees_waiting_max_days} дн.)"
        )
    if kpis.teachers_lagging:
        threats.append(f"Охват педагогов {kpis.teachers_pct:g} % ниже цели {kpis.teachers_target_pct} %")
    if kpis.students_lagging:
        threats.append(f"Охват обучающихся {kpis.students_pct:g} % ниже цели {kpis.students_target_pct} %")
    if kpis.participants_total and kpis.consents_complete < kpis.participants_total:
        threats.append(
            f"Не все согласия оформлены: {kpis.consents_complete} из {kpis.participants_total} участников"
        )
    return {
        "strengths": "\n".join(strengths),
        "weaknesses": "\n".join(weaknesses),
        "opportunities": "\n".join(opportunities),
        "threats": "\n".join(threats),
    }
