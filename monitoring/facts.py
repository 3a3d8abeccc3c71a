"""The monitoring's facts for the roadmap (mentoring.facts): «a campaign of this kind closed in the programme»,
one per questionnaire kind (campaign_closed:<kind>), and campaign_closed:intake for either intake kind."""

from functools import partial

from django.urls import reverse
from django.utils import timezone

from mentoring.facts import Evidence, register
from monitoring.models import Campaign, Kind
from monitoring.models.questionnaires import INTAKE_KINDS

LABELS = {
    Kind.MENTOR_INTAKE: "Проведено анкетирование потенциальных наставников",
    Kind.MENTEE_INTAKE: "Проведено анкетирование потенциальных наставляемых",
    Kind.PREFERENCE: "Проведено анкетирование предпочтений после групповой встречи",
    Kind.INTERIM: "Собрана промежуточная обратная связь",
    Kind.SATISFACTION: "Проведён мониторинг удовлетворённости участников (этап 1)",
    Kind.ENTRY: "Проведена входная самооценка участников (мониторинг, этап 2)",
    Kind.EXIT: "Проведена итоговая самооценка участников (мониторинг, этап 2)",
    Kind.CURATOR: "Заполнена анкета куратора",
    Kind.OTHER: "Завершён опрос участников",
}
INTAKE = "intake"


def latest_closed(programme, kinds) -> Evidence | None:
    campaign = (
        Campaign.objects.filter(
            programme=programme, status=Campaign.Status.CLOSED, questionnaire__kind__in=kinds
        )
        .order_by("-closed_at")
        .first()
    )
    if campaign is None:
        return None
    figures, closed_on = campaign.results or {}, timezone.localdate(campaign.closed_at)
    text = (
        f"Опрос «{campaign.title}» завершён {closed_on:%d.%m.%Y}: "
        f"ответили {figures.get('respondents', 0)} из {figures.get('invited', 0)}"
    )
    return Evidence(
        on=closed_on,
        text=text,
        url=reverse("monitoring:campaign.results", args=[campaign.pk]),
    )


# key → (label, check); built once, so that registering again (a second ready()) finds the same checks.
FACTS = {
    **{
        f"campaign_closed:{kind}": (label, partial(latest_closed, kinds=[kind]))
        for kind, label in LABELS.items()
    },
    f"campaign_closed:{INTAKE}": (
        "Проведено анкетирование потенциальных наставников и наставляемых",
        partial(latest_closed, kinds=list(INTAKE_KINDS)),
    ),
}


def register_facts() -> None:
    for key, (label, check) in FACTS.items():
        register(key, label)(check)
