"""The monitoring's part of `manage.py demo_data` (after the mentoring demo, inside its transaction).

The demo school gets the standard set and a year of questionnaires:
- intake of the 2026/2027 programme: the potential mentor's questionnaire answered by most of the mentor base
  (some proposals accepted, the rest waiting for the coordinator) and the young teachers' requests;
- the entry and exit self-assessment of the 2025/2026 pairs (before/after per participant);
- the year-end satisfaction of the 2025/2026 mentors and mentees, a named campaign per form and side (stage 1),
  and that year's SWOT filled from the results with the coordinator's conclusions and proposals (the
  dashboard's and the analytical report's figures);
- an anonymous satisfaction survey of the «Учитель – ученик» mentees (more than five answers: results shown);
- an interim feedback survey running now for class 8А and two teachers: the `mentor` and `mentee` logins and
  the `parent`'s child find it in «Мои анкеты»; one 8А student has no parent's consent and cannot answer.

The municipality's roll-up (build_rollup_demo, kept apart for easy merging): the login `observer` of «Управление
образования г. Энска», the parent of both demo schools, and a first-year programme of Гимназия № 2 (its targets,
no pairs yet), so the observer sees two schools side by side; the demo school's finished 2025/2026 programme is
last year beside the running 2026/2027.

Everything goes through the services. A campaign is made, answered and closed today (the services accept
answers only while a campaign runs), then dated as the year would have it. Campaigns are keyed on their title:
a second run finds them and changes nothing.
"""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Membership, Organization, Person, Role, User
from mentoring.models import MentorProfile
from monitoring import services
from monitoring.models import Campaign, IntakeProposal, Response, Swot
from monitoring.models.questionnaires import OTHER_LABEL
from monitoring.services.analysis import swot_prefill, swot_save

TEXTS = {
    "competencies": "",  # from the base entry
    "expectations": [
        "Хочу передать опыт подготовки к олимпиадам и сам(а) научиться новому у молодых коллег.",
        "Помочь новичкам быстрее освоиться в школе — когда-то мне самой очень помог наставник.",
        "Рассчитываю на живой обмен опытом и поддержку администрации.",
    ],
    "most_valuable": [
        "Регулярные встречи и то, что наставник всегда был на связи.",
        "Совместный проект — было интересно и получилось.",
        "Разбор трудных задач, теперь на контрольных спокойнее.",
        "Что со мной говорили как со взрослым.",
    ],
    "to_change": [
        "Встречаться чаще, хотя бы раз в неделю.",
        "Больше времени на проекты, меньше на бумаги.",
        "Выделить для встреч отдельный кабинет.",
    ],
    "obstacles": [
        "Не всегда совпадает расписание.",
        "Много контрольных в конце четверти.",
        "Болел(а) две недели.",
    ],
    "successes": [
        "Исправил(а) оценку по математике.",
        "Выступил(а) на школьной конференции.",
        "Стало легче в классе.",
    ],
    "main_request": "",  # from the base entry
}


def _text(code: str, index: int) -> str:
    pool = TEXTS.get(code) or ["Всё устраивает.", "Спасибо за программу!", "Пока трудно сказать."]
    return pool[index % len(pool)]


def _value(question, index: int, mood: int, place: int = 0) -> services.Value:
    """A plausible answer: scales around `mood` (1–10), varied by the respondent and the question's place."""
    wobble = (index * 7 + place * 5 + question.position * 3) % 3 - 1
    if question.type == "scale10":
        number = mood + wobble
        if question.code.startswith("anxiety"):
            number = 11 - number  # anxious people score anxiety high
        return services.Value(number=max(1, min(10, number)))
    if question.type == "scale5":
        return services.Value(number=max(1, min(5, round(mood / 2) + wobble)))
    if question.type == "yes_no":
        return services.Value(number=0 if (index + question.position) % 4 == 0 else 1)
    if question.type == "number":
        return services.Value(number=2 + index % 5)
    if question.type == "single":
        return services.Value(text=question.options[(index + question.position) % len(question.options)])
    if question.type == "multiple":
        return services.Value(choices=question.options[: 1 + index % 2])
    if question.type in ("long_text", "short_text"):
        return (
            services.Value(text=_text(question.code, index))
            if question.required or index % 2 == 0
            else services.Value()
        )
    return services.Value()


def _answer(invitation, index: int, mood: int, overrides: dict | None = None) -> bool:
    """Answer every section and submit; False when the service refuses (a minor without consent)."""
    overrides = overrides or {}
    sections = list(invitation.campaign.questionnaire.sections.prefetch_related("questions"))
    try:
        for number, section in enumerate(sections):
            values = {}
            for question in section.questions.all():
                if question.type in ("mentors", "mentees", "date"):
                    continue
                values[question.pk] = overrides.get(question.base_field or question.code) or _value(
                    question, index, mood
                )
            services.answer_section_save(
                invitation=invitation, section=section, values=values, submit=number == len(sections) - 1
            )
    except ValidationError:
        return False
    return True


def _campaign(school, programme, questionnaire, title, by, *, people=None, pairs=None, **fields) -> Campaign:
    today = timezone.localdate()
    campaign = services.campaign_save(
        campaign=Campaign(
            organization=school,
            programme=programme,
            questionnaire=questionnaire,
            title=title,
            opens_on=today,
            closes_on=today + timedelta(days=14),
            **fields,
        ),
        people=people,
        pairs=pairs,
        by=by,
    )
    services.campaign_launch(campaign=campaign, by=by)
    campaign.refresh_from_db()
    return campaign


def _invitations(campaign):
    return list(
        campaign.invitations.select_related("campaign__questionnaire", "person").order_by(
            "person__last_name", "pk"
        )
    )


def _date_as(campaign: Campaign, opens_on: date, closes_on: date) -> None:
    """Give a campaign made today the dates it had in the school year (answers on its last days)."""
    day = timezone.make_aware(datetime.combine(closes_on - timedelta(days=2), time(18, 0)))
    closed = timezone.make_aware(datetime.combine(closes_on + timedelta(days=1), time(9, 0)))
    if campaign.anonymous:
        day = timezone.make_aware(datetime.combine(closes_on - timedelta(days=2), time.min))
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=opens_on,
        closes_on=closes_on,
        launched_at=timezone.make_aware(datetime.combine(opens_on, time(9, 0))),
        closed_at=closed if campaign.status == Campaign.Status.CLOSED else None,
    )
    campaign.invitations.update(expires_at=closed, emailed_at=None)
    campaign.invitations.filter(used_at__isnull=False).update(used_at=day)
    Response.objects.filter(campaign=campaign).update(saved_at=day)
    Response.objects.filter(campaign=campaign, submitted_at__isnull=False).update(submitted_at=day)
    IntakeProposal.objects.filter(response__campaign=campaign).update(created_at=day)


def build_demo(school: Organization, other: Organization) -> None:
    """`other` gets nothing: its coordinator copies the standard set with one button."""
    coordinator = User.objects.get(username="coordinator")
    services.standard_set_install(organization=school, by=coordinator)
    standard = {q.standard_code: q for q in school.questionnaires.filter(is_current=True)}
    current = school.programmes.get(year=2026)
    previous = school.programmes.get(year=2025)
    existing = set(school.campaigns.values_list("title", flat=True))

    title = "Анкета потенциального наставника, 2026/2027"
    if title not in existing:
        _mentor_intake(school, current, standard["mentor_intake"], title, coordinator)
    title = "Запросы молодых педагогов, 2026/2027"
    if title not in existing:
        _teacher_requests(school, current, standard["mentee_intake_teachers"], title, coordinator)
    entry_title, exit_title = "Входная самооценка, 2025/2026", "Итоговая самооценка, 2025/2026"
    if entry_title not in existing:
        _entry_and_exit(school, previous, standard, entry_title, exit_title, coordinator)
    for form in previous.forms.filter(pk__in=previous.pairs.values("form")).order_by("position"):
        for side, mood in (("mentee", 8), ("mentor", 7)):
            who = "наставляемых" if side == "mentee" else "наставников"
            title = f"Удовлетворённость {who} «{form.name}», итоги 2025/2026"
            questionnaire = standard.get(f"satisfaction_{side}_{form.code}")
            if title not in existing and questionnaire is not None:
                _year_end_satisfaction(school, previous, form, questionnaire, title, mood, coordinator)
    if not Swot.objects.filter(programme=previous).exists():
        _analysis(previous, coordinator)
    title = "Удовлетворённость наставляемых «Учитель – ученик» (срез за первую четверть)"
    if title not in existing:
        _satisfaction(school, current, standard["satisfaction_mentee_teacher_pupil"], title, coordinator)
    title = "Промежуточная обратная связь: 8А и молодые педагоги"
    if title not in existing:
        _interim(school, current, standard["interim"], title, coordinator)
    build_rollup_demo(school, other)


OBSERVER = ("Кленова", "Татьяна", "Игоревна")  # a surname no demo person of the schools has


def build_rollup_demo(school: Organization, other: Organization) -> None:
    """The observer of the schools' municipality and the neighbour school's first programme (idempotent)."""
    from mentoring.demo import DEMO_PASSWORD
    from mentoring.models import MentoringForm, Programme
    from mentoring.services import programme_save

    municipality = school.parent
    if municipality is None:
        return
    last, first, middle = OBSERVER
    person, _ = Person.objects.get_or_create(
        organization=municipality,
        last_name=last,
        first_name=first,
        middle_name=middle,
        defaults={
            "sex": "F",
            "kind": Person.Kind.STAFF,
            "position": "главный специалист отдела общего образования",
            "email": "observer@uo-ensk.example",
        },
    )
    user, created = User.objects.get_or_create(username="observer")
    if created:
        user.set_password(DEMO_PASSWORD)
        user.first_name, user.last_name, user.email = first, last, person.email
        user.save()
    if person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    Membership.objects.get_or_create(user=user, organization=municipality, role=Role.OBSERVER)

    year = school.programmes.order_by("-year").values_list("year", flat=True).first()
    if year is None or other.parent_id != municipality.pk or other.programmes.filter(year=year).exists():
        return
    programme_save(
        programme=Programme(
            organization=other,
            year=year,
            title=f"Программа наставничества МБОУ «Гимназия № 2» на {year}/{year + 1} учебный год",
            start_date=date(year, 9, 1),
            end_date=date(year + 1, 5, 31),
            teachers_target_pct=10,
            students_target_pct=10,
        ),
        forms=list(MentoringForm.objects.filter(code="teacher_teacher")),
        directions=[],
        by=User.objects.get(username="other_coordinator"),
    )


def _mentor_intake(school, programme, questionnaire, title, by) -> None:
    """Ten of the twelve mentors of the base answer; seven entries are accepted (the coordinator kept the base's
    wording), three wait for a decision."""
    campaign = _campaign(school, programme, questionnaire, title, by, audience=Campaign.Audience.MENTOR_BASE)
    interests = dict(MentorProfile.Interest.choices)
    for index, invitation in enumerate(_invitations(campaign)[:10]):
        profile = invitation.person.mentor_profile
        chosen = [str(interests[code]) for code in profile.interests if code != MentorProfile.Interest.OTHER]
        overrides = {
            "competencies": services.Value(text=profile.competencies),
            "achievements": services.Value(text=profile.achievements),
            "desired_mentee_age": services.Value(text=profile.desired_mentee_age),
            "interests": services.Value(
                choices=chosen + ([OTHER_LABEL] if profile.interests_other else []),
                other=profile.interests_other,
            ),
            "experience_years": services.Value(number=profile.experience_years)
            if profile.experience_years
            else services.Value(),
        }
        _answer(invitation, index, 8, overrides)
    for index, proposal in enumerate(
        IntakeProposal.objects.filter(response__campaign=campaign).select_related("person")
    ):
        if index < 7:
            profile = proposal.person.mentor_profile
            fields = {**proposal.fields, "time_available": profile.time_available}
            services.intake_accept(proposal=proposal, fields=fields, by=by)
    services.campaign_close(campaign=campaign, by=by)
    campaign.refresh_from_db()
    _date_as(campaign, date(2026, 9, 7), date(2026, 9, 18))


def _teacher_requests(school, programme, questionnaire, title, by) -> None:
    teachers = [
        p.person
        for p in school.mentee_profiles.filter(person__kind=Person.Kind.STAFF).select_related("person")
    ]
    campaign = _campaign(
        school, programme, questionnaire, title, by, audience=Campaign.Audience.PEOPLE, people=teachers
    )
    for index, invitation in enumerate(_invitations(campaign)[:5]):
        profile = invitation.person.mentee_profile
        overrides = {
            "main_request": services.Value(text=profile.main_request),
            "category": services.Value(text=profile.category.name) if profile.category else services.Value(),
        }
        _answer(invitation, index, 7, overrides)
    services.campaign_close(campaign=campaign, by=by)
    campaign.refresh_from_db()
    _date_as(campaign, date(2026, 9, 7), date(2026, 9, 18))


def _entry_and_exit(school, programme, standard, entry_title, exit_title, by) -> None:
    """Every participant of the 2025/2026 pairs at the entry; at the exit most of them, grown by a point or
    three (and less anxious)."""
    pairs = list(programme.pairs.all())
    entry = _campaign(
        school, programme, standard["entry"], entry_title, by, audience=Campaign.Audience.PAIRS, pairs=pairs
    )
    people = _invitations(entry)
    for index, invitation in enumerate(people):
        _answer(invitation, index, 4 + index % 3)
    services.campaign_close(campaign=entry, by=by)
    exit_ = _campaign(
        school,
        programme,
        standard["exit"],
        exit_title,
        by,
        audience=Campaign.Audience.PAIRS,
        pairs=pairs,
        baseline=entry,
    )
    for index, invitation in enumerate(_invitations(exit_)[: max(1, len(people) - 1)]):
        _answer(invitation, index, 6 + index % 3 + (1 if index % 2 else 0))
    services.campaign_close(campaign=exit_, by=by)
    entry.refresh_from_db()
    exit_.refresh_from_db()
    _date_as(entry, date(2025, 9, 22), date(2025, 10, 3))
    _date_as(exit_, date(2026, 5, 12), date(2026, 5, 22))


def _year_end_satisfaction(school, programme, form, questionnaire, title, mood, by) -> None:
    """Stage 1 of the completed year: every participant of the form asked by name, most of them answer."""
    campaign = _campaign(
        school, programme, questionnaire, title, by, audience=Campaign.Audience.FORM, form=form
    )
    for index, invitation in enumerate(_invitations(campaign)):
        if index % 6 != 5:
            _answer(invitation, index, mood - index % 3)
    services.campaign_close(campaign=campaign, by=by)
    campaign.refresh_from_db()
    _date_as(campaign, date(2026, 5, 18), date(2026, 5, 29))


def _analysis(programme, by) -> None:
    """The SWOT of the completed year filled from its results, and the coordinator's conclusions."""
    swot = swot_prefill(programme=programme, by=by, today=programme.end_date)
    swot.conclusions = (
        "Программа наставничества 2025/2026 учебного года реализована: пары работали по утверждённым "
        "индивидуальным планам, участники отмечают рост уверенности и вовлечённости.\n"
        "Итоговая самооценка участников выше входной (см. раздел «Результаты участников до и после»)."
    )
    swot.proposals = (
        "Продолжить обучение наставников в «Школе наставников».\n"
        "Расширить форму «Ученик – ученик» для обучающихся 5–7 классов.\n"
        "Подобрать пары наставляемым, оставшимся без наставника, до 1 октября."
    )
    swot_save(swot=swot, by=by)


def _satisfaction(school, programme, questionnaire, title, by) -> None:
    form = programme.forms.get(code="teacher_pupil")
    campaign = _campaign(
        school,
        programme,
        questionnaire,
        title,
        by,
        audience=Campaign.Audience.FORM,
        form=form,
        anonymous=True,
    )
    answered = 0
    for index, invitation in enumerate(_invitations(campaign)):
        if index % 5 != 4 and _answer(invitation, index, 8):
            answered += 1
    services.campaign_close(campaign=campaign, by=by)
    campaign.refresh_from_db()
    _date_as(campaign, date(2026, 11, 2), date(2026, 11, 13))


def _interim(school, programme, questionnaire, title, by) -> None:
    """Running now. Half of 8А has answered; the student whose mother has not consented cannot."""
    class_8a = list(school.persons.filter(group="8А", kind=Person.Kind.STUDENT).order_by("last_name"))
    logins = [
        User.objects.get(username=name).persons.get(organization=school) for name in ("mentor", "mentee")
    ]
    parent = User.objects.get(username="parent").persons.get(organization=school)
    children = [link.child for link in parent.wards.select_related("child")]
    campaign = _campaign(
        school,
        programme,
        questionnaire,
        title,
        by,
        audience=Campaign.Audience.PEOPLE,
        people=class_8a + logins + children,
    )
    waiting = {person.pk for person in logins + children}
    for index, invitation in enumerate(_invitations(campaign)):
        if invitation.person_id not in waiting and index % 2 == 0:
            _answer(invitation, index, 7)
    opened = timezone.localdate() - timedelta(days=3)
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=opened, launched_at=timezone.make_aware(datetime.combine(opened, time(9, 0)))
    )
