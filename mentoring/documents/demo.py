"""The demo school's documents of issue 13, called from mentoring.demo.documents in one place: its Положение
о наставничестве (the default text, saved as version 1), the «Школа наставников» of the running programme
(dates, topics, trainers), the target-model order as a draft — honestly so: its roadmap appendix comes from the
roadmap app, which is not connected yet, and the order page says so — and a signed reward order for the finished
year that names a girl pupil «обучающаяся»."""

from datetime import date

from accounts.models import Person
from mentoring import services
from mentoring.documents.regulation import default_regulation
from mentoring.models import MentorSchoolSession, Order, Pair
from mentoring.services.regulation import mentor_school_session_save, regulation_save

SESSIONS = [
    (date(2026, 10, 13), "Целевая модель наставничества в нашей школе", "lecture", 2, "coordinator"),
    (date(2026, 10, 20), "Первые встречи пары и индивидуальный план", "workshop", 2, "mentor"),
    (
        date(2026, 10, 27),
        "Доверие и обратная связь: трудные ситуации в работе с наставляемым",
        "training",
        3,
        "Орлова Светлана Юрьевна, педагог-психолог ГБУ «Центр психолого-педагогической помощи»",
    ),
    (date(2026, 11, 10), "Мониторинг и отзыв о результатах наставничества", "seminar", 2, "coordinator"),
]


def build_documents_extras(school, programme, *, coordinator, director) -> None:
    if school.regulation_versions.exists():
        return  # built before
    title, text = default_regulation(school)
    regulation_save(organization=school, title=title, text=text, comment="типовой текст", by=coordinator)
    people = {
        "coordinator": coordinator.persons.get(organization=school),
        "mentor": Person.objects.get(organization=school, user__username="mentor"),
    }
    for day, topic, kind, hours, trainer in SESSIONS:
        mentor_school_session_save(
            session=MentorSchoolSession(
                programme=programme,
                date=day,
                time="15:00–16:30" if hours == 2 else "15:00–17:15",
                topic=topic,
                format=kind,
                hours=hours,
                trainer=people.get(trainer),
                trainer_name="" if trainer in people else trainer,
                place="кабинет 214",
            ),
            by=coordinator,
        )
    # A draft: the roadmap demo (roadmap/demo.py) signs it once the roadmap, its appendix № 3, exists.
    services.order_draft_from_programme(programme=programme, kind=Order.Kind.TARGET_MODEL, by=coordinator)
    finished = school.programmes.filter(year=programme.year - 1).first()
    if finished is None:
        return
    completed = list(
        finished.pairs.filter(status=Pair.Status.COMPLETED)
        .select_related("mentor")
        .prefetch_related("mentees")
    )
    mentors = list(dict.fromkeys(pair.mentor for pair in completed))
    girls = [
        m for pair in completed for m in pair.mentees.all() if m.kind == Person.Kind.STUDENT and m.sex == "F"
    ]
    boys = [
        m for pair in completed for m in pair.mentees.all() if m.kind == Person.Kind.STUDENT and m.sex == "M"
    ]
    awards = [(mentors[0], "mentor_of_year")] if mentors else []
    awards += [(pupil, "certificate") for pupil in (girls[:1] + boys[:1])]
    awards += [(mentor, "thanks") for mentor in mentors[1:3]]
    if awards:
        reward = services.order_draft_reward(programme=finished, awards=awards, by=coordinator)
        services.order_submit(order=reward, by=coordinator)
        services.order_approve(order=reward, by=director)
