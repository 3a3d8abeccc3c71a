"""The roadmap of the demo school's running programme (2026/2027), called by `manage.py demo_data` after the
mentoring demo; a second call changes nothing.

It is made from the seed 000 template and approved by a signed order introducing the target model. Its bound
events are done by the demo's own facts (that order, the bases formed by 1 October, the signed pairs order of
8А); the other events that have ended are ticked with a note — except two left overdue: «Школа наставников»,
whose order the director returned, and the collection of mentee data the class teachers have not reported.
The running events are in progress, one of them marked so by hand, and the rest of the year is planned.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Organization, User
from mentoring import services as mentoring
from mentoring.models import Order, Programme

from . import selectors, services
from .models import Event, Roadmap

LEFT_OVERDUE = ("«Школа наставников»", "Сбор данных о наставляемых")
MARKED_IN_PROGRESS = "Текущий контроль и промежуточная обратная связь"
NOTES = {
    "Изучение материалов о наставничестве": "Папка материалов собрана, образцы документов изучены на совещании.",
    "Выбор форм и программ наставничества по потребностям школы": "Выбраны три формы, протокол совещания № 2.",
    "Информирование педагогов, обучающихся и родителей": "Педсовет 29.08, классные часы, новость на сайте.",
    "Сбор данных о наставниках": "Анкеты 18 педагогов, круглый стол 20.09.",
    "Отбор наставников из базы": "Отобраны наставники для трёх форм, протокол рабочей группы.",
    "Подбор наставников и наставляемых": "Общая встреча 02.10, анкеты предпочтений собраны.",
}


def build_demo(school: Organization, other: Organization) -> None:
    programme = Programme.objects.filter(organization=school, year=2026).first()
    if programme is None or Roadmap.objects.filter(programme=programme).exists():
        return
    coordinator, director = (User.objects.get(username=name) for name in ("coordinator", "director"))
    roadmap = services.roadmap_create(programme=programme, template="seven_stages_months", by=coordinator)
    # The order introducing the target model approves the roadmap (its appendix № 3): signed once it exists.
    target_model = programme.orders.filter(kind=Order.Kind.TARGET_MODEL)
    if not target_model.filter(status=Order.Status.APPROVED).exists():
        order = target_model.exclude(
            status=Order.Status.APPROVED
        ).first() or mentoring.order_draft_from_programme(
            programme=programme, kind=Order.Kind.TARGET_MODEL, by=coordinator
        )
        mentoring.order_submit(order=order, by=coordinator)
        mentoring.order_approve(order=order, by=director)
    today = timezone.localdate()
    events = selectors.annotate(list(selectors.with_people(roadmap.events.all())), programme, today)
    for event in events:
        if event.state == selectors.DONE or event.title in LEFT_OVERDUE:
            continue
        if event.end_date < today:
            done_on = max(event.start_date, event.end_date - timedelta(days=3))
            note = NOTES.get(event.title, "Выполнено в срок.")
            services.event_complete(event=event, note=note, by=coordinator, on=done_on)
        elif event.title == MARKED_IN_PROGRESS:
            event.status = Event.Status.IN_PROGRESS
            services.event_save(
                event=event, responsible_people=event.responsible_people.all(), by=coordinator
            )
