"""How long the results of a big campaign take (issue 11). Not a test: run it by hand,

    .venv/bin/python benchmarks/surveys.py

A campaign of 1,000 respondents × 30 questions (20 scales 1–10, 4 yes/no, 3 single and 2 multiple choices,
1 long text) over 200 pairs of three forms: the campaign is launched and every respondent answers and submits
through the answering service, as on the answer page. Then, in turns, 5 times each, median:
(a) monitoring.selectors.compute_results — what the results page computes (distributions, averages per
    question, per form, per role and per pair, the choices, the texts);
(b) the results page itself through the test client (the computation plus the template);
(c) a bare aggregate query: the average of every question, one GROUP BY over the same answers.
The data live in a temporary SQLite database, migrated here."""

import statistics
import time
from datetime import date, timedelta

from bench_setup import temporary_django  # noqa: E402

TMP = temporary_django("bench-surveys-")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Avg  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Membership, Organization, Person, Role, User  # noqa: E402
from mentoring.models import MentoringForm, Pair, PairMentee, Programme  # noqa: E402
from monitoring import services  # noqa: E402
from monitoring.models import Answer, Campaign, Question, Questionnaire, Section  # noqa: E402
from monitoring.selectors import compute_results  # noqa: E402

PAIRS, MENTEES_PER_PAIR, REPEAT = 200, 4, 5
FORMS = ["teacher_teacher", "teacher_pupil", "pupil_pupil"]


def build_data():
    settings.ALLOWED_HOSTS = ["testserver"]
    school = Organization.objects.create(
        full_name="МБОУ «Средняя общеобразовательная школа № 1»", short_name="СОШ № 1"
    )
    coordinator_person = Person.objects.create(
        organization=school, last_name="Зерщикова", first_name="Анна", sex="F", kind="staff"
    )
    coordinator = User.objects.create_user("coordinator", password="x")
    coordinator_person.user = coordinator
    coordinator_person.save()
    Membership.objects.create(user=coordinator, organization=school, role=Role.COORDINATOR)
    forms = list(MentoringForm.objects.filter(code__in=FORMS))
    programme = Programme.objects.create(
        organization=school, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    programme.forms.set(forms)
    # The pairs are the campaign's audience only: made directly, without the pair lifecycle.
    people = Person.objects.bulk_create(
        Person(
            organization=school,
            last_name=f"Участников{i}",
            first_name="Иван",
            sex="M",
            kind="staff",
            birth_date=date(1990, 1, 1),
        )
        for i in range(PAIRS * (1 + MENTEES_PER_PAIR))
    )
    pairs = Pair.objects.bulk_create(
        Pair(
            organization=school,
            programme=programme,
            form=forms[i % len(forms)],
            mentor=people[i * (1 + MENTEES_PER_PAIR)],
            status=Pair.Status.ACTIVE,
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 29),
        )
        for i in range(PAIRS)
    )
    PairMentee.objects.bulk_create(
        PairMentee(
            pair=pair,
            mentee=people[i * (1 + MENTEES_PER_PAIR) + slot],
            form=pair.form,
            slot=slot,
            joined_on=date(2025, 10, 1),
        )
        for i, pair in enumerate(pairs)
        for slot in range(1, MENTEES_PER_PAIR + 1)
    )
    questionnaire = Questionnaire.objects.create(organization=school, title="Удовлетворённость участием")
    section = Section.objects.create(questionnaire=questionnaire, title="Оценка")
    kinds = ["scale10"] * 20 + ["yes_no"] * 4 + ["single"] * 3 + ["multiple"] * 2 + ["long_text"]
    Question.objects.bulk_create(
        Question(
            questionnaire=questionnaire,
            section=section,
            position=i,
            text=f"Вопрос {i + 1}",
            type=kind,
            options=["Первый", "Второй", "Третий"] if kind in ("single", "multiple") else [],
            required=kind != "long_text",
        )
        for i, kind in enumerate(kinds)
    )
    today = timezone.localdate()
    campaign = services.campaign_save(
        campaign=Campaign(
            organization=school,
            programme=programme,
            questionnaire=questionnaire,
            title="Удовлетворённость участием",
            audience=Campaign.Audience.PAIRS,
            opens_on=today,
            closes_on=today + timedelta(days=14),
        ),
        pairs=pairs,
        by=coordinator,
    )
    services.campaign_launch(campaign=campaign, by=coordinator)
    campaign.refresh_from_db()
    questions = list(section.questions.all())
    invitations = list(
        campaign.invitations.select_related("campaign__questionnaire", "person", "form", "pair")
    )
    for index, invitation in enumerate(invitations):
        values = {}
        for position, question in enumerate(questions):
            if question.type == "scale10":
                values[question.pk] = services.Value(number=1 + (index * 7 + position * 3) % 10)
            elif question.type == "yes_no":
                values[question.pk] = services.Value(number=(index + position) % 2)
            elif question.type == "single":
                values[question.pk] = services.Value(text=question.options[(index + position) % 3])
            elif question.type == "multiple":
                values[question.pk] = services.Value(choices=question.options[: 1 + index % 3])
            else:
                values[question.pk] = services.Value(text=f"Отзыв участника № {index + 1}")
        services.answer_section_save(invitation=invitation, section=section, values=values, submit=True)
    return campaign, coordinator


def seconds(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    campaign, coordinator = build_data()
    answers = Answer.objects.filter(response__campaign=campaign).count()
    print(
        f"Данные: {campaign.invitations.count()} отвечающих × {campaign.questionnaire.questions.count()} вопросов "
        f"= {answers} ответов, {PAIRS} пар трёх форм — {time.perf_counter() - started:.1f} с "
        f"(через сервис ответа; SQLite во временной папке {TMP})\n"
    )
    client = Client()
    client.force_login(coordinator)
    url = reverse("monitoring:campaign.results", args=[campaign.pk])

    def bare():
        return list(
            Answer.objects.filter(response__campaign=campaign, response__submitted_at__isnull=False)
            .values("question_id")
            .annotate(average=Avg("number"))
        )

    def page():
        response = client.get(url)
        assert response.status_code == 200 and "Ответили 1000 из 1000" in response.content.decode()

    rounds = [
        (seconds(lambda: compute_results(campaign)), seconds(page), seconds(bare)) for _ in range(REPEAT)
    ]
    computed, shown, plain = (statistics.median(column) for column in zip(*rounds, strict=True))
    print(f"compute_results (всё, что считает страница результатов): {computed:.3f} с")
    print(f"страница результатов целиком (расчёт + шаблон):          {shown:.3f} с")
    print(f"голый агрегатный запрос (среднее по каждому вопросу):    {plain:.3f} с")
    print(
        f"отношение: расчёт / голый запрос = {computed / plain:.1f}; страница / голый запрос = {shown / plain:.1f}"
    )


if __name__ == "__main__":
    main()
