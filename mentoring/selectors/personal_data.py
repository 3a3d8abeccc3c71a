"""What the mentoring core holds about a person, for their data export (accounts.personal_data): base entries,
pairs, plans, reviews about them, orders naming them. Safeguarding reports are left out on purpose: a disclosure
(violence, a threat to life) is not given to whoever asks for a child's data — 152-ФЗ art. 14 p. 8 limits access
that would harm the rights of others; the coordinator decides on it separately."""

from accounts.personal_data import Section, row
from mentoring.models import IndividualPlan, MenteeProfile, MentorProfile, OrderAcknowledgement, Pair, Review


def mentoring_sections(person) -> list[Section]:
    sections = []
    mentor = MentorProfile.objects.filter(person=person).select_related("category").first()
    if mentor is not None:
        sections.append(
            Section(
                "База наставников",
                [
                    row(
                        ("Категория", mentor.category),
                        ("Компетенции", mentor.competencies),
                        ("Достижения", mentor.achievements),
                        (
                            "Интересы",
                            ", ".join(mentor.interests)
                            + (f"; {mentor.interests_other}" if mentor.interests_other else ""),
                        ),
                        ("Желаемый возраст наставляемых", mentor.desired_mentee_age),
                        ("Ресурс времени", mentor.time_available),
                        ("Место работы (внешний наставник)", mentor.external_workplace),
                        ("Стаж, лет", mentor.experience_years),
                        ("Обучение", mentor.get_training_status_display()),
                        ("Кодекс наставника прочитан", mentor.code_acknowledged_on),
                        ("В базе с", mentor.entered_on),
                        ("Вышел(а) из базы", mentor.left_on),
                    )
                ],
            )
        )
    mentee = MenteeProfile.objects.filter(person=person).select_related("category").first()
    if mentee is not None:
        sections.append(
            Section(
                "База наставляемых",
                [
                    row(
                        ("Категория", mentee.category),
                        ("Основной запрос", mentee.main_request),
                        ("В базе с", mentee.entered_on),
                    )
                ],
            )
        )
    pairs = Pair.objects.filter(mentor=person) | Pair.objects.filter(memberships__mentee=person)
    rows = [
        row(
            ("Роль", "наставник" if pair.mentor_id == person.pk else "наставляемый"),
            ("Форма", pair.form.name),
            ("Наставник", pair.mentor.full_name),
            ("Начало", pair.start_date),
            ("Окончание", pair.end_date),
            ("Статус", pair.get_status_display()),
        )
        for pair in pairs.distinct().select_related("form", "mentor")
    ]
    if rows:
        sections.append(Section("Наставнические пары (группы)", rows))
    plans = [
        row(
            ("Пара", str(plan.pair)),
            ("Период", f"{plan.start_date:%d.%m.%Y} — {plan.end_date:%d.%m.%Y}"),
            ("Статус", plan.get_status_display()),
            ("Мероприятия", "; ".join(f"{item.activity} ({item.period})" for item in plan.items.all())),
        )
        for plan in IndividualPlan.objects.filter(mentee=person)
        .select_related("pair")
        .prefetch_related("items")
    ]
    if plans:
        sections.append(Section("Индивидуальные планы", plans))
    reviews = [
        row(
            ("Пара", str(review.pair)),
            ("Статус", review.get_status_display()),
            ("Ответы", "; ".join(f"{v}" for v in review.answers.values() if v)),
        )
        for review in Review.objects.filter(mentee=person).select_related("pair")
    ]
    if reviews:
        sections.append(Section("Отзывы наставника", reviews))
    orders = [
        row(("Приказ", str(ack.order)), ("Ознакомлен(а)", ack.acknowledged_on))
        for ack in OrderAcknowledgement.objects.filter(
            person=person, order__status="approved"
        ).select_related("order")
    ]
    if orders:
        sections.append(
            Section("Приказы, в которых назван(а)", orders, note="Подписанные приказы не изменяются.")
        )
    return sections
