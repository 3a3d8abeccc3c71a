"""`python manage.py render_samples [--out var/samples]`: one of each document — every kind of order, the
individual plan, the review, both bases — as PDF and as PNG pages (pdftoppm) for a person to look at.

The sample school is built through the services inside a transaction that is rolled back at the end, so the
database is left as it was."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Guardianship, Membership, Organization, Person, Role, User
from accounts.services import consents
from mentoring import services
from mentoring.documents.bases import MENTEE, MENTOR, render_base
from mentoring.documents.plan import render_plan
from mentoring.documents.review import render_review
from mentoring.models import (
    IndividualPlan,
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    Order,
    PlanItem,
    PlanMark,
    Programme,
    ProgrammeCurator,
)

Kind = Order.Kind
PLAN_ROWS = [
    (
        "Знакомство, диагностика затруднений",
        "Беседа, анкета «Мои затруднения», выбор форм взаимодействия",
        "октябрь 2025",
        "Наставник, наставляемый",
        date(2025, 10, 10),
        "проведена беседа, анкета заполнена",
    ),
    (
        "Посещение уроков наставника",
        "Посещение и анализ 4 уроков математики в 7-х классах",
        "октябрь – ноябрь 2025",
        "Наставляемый",
        date(2025, 11, 20),
        "",
    ),
    (
        "Подготовка к олимпиаде",
        "Решение задач школьного и муниципального этапов",
        "ноябрь – декабрь 2025",
        "Наставник",
        date(2025, 12, 15),
        "2-е место на муниципальном этапе",
    ),
    (
        "Проектная работа",
        "Исследовательский проект «Геометрия вокруг нас»",
        "январь – март 2026",
        "Наставник",
        None,
        "",
    ),
    ("Итоговая встреча", "Рефлексия, портфолио достижений", "май 2026", "Наставник, куратор", None, ""),
]
REVIEW_ANSWERS = {
    "topics_studied": "Решение олимпиадных задач по алгебре и геометрии; оформление исследовательского проекта.",
    "tasks_completed": "Подготовил и защитил проект «Геометрия вокруг нас»; участвовал в муниципальном этапе "
    "олимпиады (2-е место).",
    "qualities_assessment": "Ответственный, любознательный, умеет работать самостоятельно; "
    "нуждается в поддержке при публичных выступлениях.",
    "shortcomings": "Неуверенность при устных ответах.",
    "further_study": "Комбинаторика, теория вероятностей.",
    "potential_and_recommendations": "Высокий потенциал в математике: рекомендуется продолжить подготовку к "
    "олимпиадам и участие в научно-практической конференции.",
    "additional_info": "",
}


def _person(organization, last, first, middle, sex, **fields) -> Person:
    return Person.objects.create(
        organization=organization,
        last_name=last,
        first_name=first,
        middle_name=middle,
        sex=sex,
        kind=fields.pop("kind", Person.Kind.STAFF),
        **fields,
    )


def _user(username, person, organization, role) -> User:
    user = User.objects.create_user(
        username=f"sample-{username}", first_name=person.first_name, last_name=person.last_name
    )
    person.user = user
    person.save(update_fields=["user"])
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def give_consents(people, *, by) -> None:
    """As if each signer (the adult, or a legal representative) signed the link sent to them."""
    for person in people:
        link, token = consents.consent_request(subject=person, by=by, send_email=False)[0]
        consents.consent_code_verify(
            link=link, code=consents.consent_code_issue(link=link)
        )  # the signer's proof
        consents.consent_sign_online(
            token=token,
            signed_name=link.signer.full_name,
            agree=True,
            publication=False,
            ip=None,
            user_agent="",
        )


def _approve(order, *, coordinator, director) -> Order:
    services.order_submit(order=order, by=coordinator)
    return services.order_approve(order=order, by=director)


def sample_documents() -> list[tuple[str, bytes]]:
    """Builds the sample school and renders its documents; the caller rolls the data back."""
    school = Organization.objects.create(
        full_name="Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7 "
        "имени В.Г. Образцова»",
        short_name="МБОУ «СОШ № 7»",
        city="г. Образцовск",
        director_name="Терешкова Валентина Петровна",
        order_number_format="{n}-ОД",
    )
    staff = {
        "coordinator": _person(
            school, "Зерщикова", "Анна", "Николаевна", "F", position="заместитель директора по УВР"
        ),
        "director": _person(school, "Терешкова", "Валентина", "Петровна", "F", position="директор"),
        "mentor": _person(
            school,
            "Иванова",
            "Мария",
            "Петровна",
            "F",
            position="учитель математики",
            phone="+7 900 000-00-01",
            email="ivanova@school7.example",
        ),
        "mentor2": _person(school, "Смирнов", "Илья", "Андреевич", "M", position="учитель истории"),
        "mentor3": _person(school, "Кузнецова", "Ольга", "Викторовна", "F", position="учитель физики"),
        "young": _person(
            school,
            "Петров",
            "Иван",
            "Сергеевич",
            "M",
            position="учитель информатики",
            birth_date=date(2001, 3, 4),
            email="petrov@school7.example",
        ),
    }
    coordinator = _user("coordinator", staff["coordinator"], school, Role.COORDINATOR)
    director = _user("director", staff["director"], school, Role.DIRECTOR)
    pupils = [
        _person(
            school,
            "Сидоров",
            "Павел",
            "Игоревич",
            "M",
            kind=Person.Kind.STUDENT,
            group="7Б",
            birth_date=date(2012, 5, 1),
        ),
        _person(
            school,
            "Фёдорова",
            "Дарья",
            "Алексеевна",
            "F",
            kind=Person.Kind.STUDENT,
            group="7Б",
            birth_date=date(2012, 9, 12),
        ),
        _person(
            school,
            "Егоров",
            "Кирилл",
            "Дмитриевич",
            "M",
            kind=Person.Kind.STUDENT,
            group="9В",
            birth_date=date(2010, 2, 20),
        ),
    ]
    mothers = [
        ("Сидорова", "Елена", "Андреевна"),
        ("Фёдорова", "Наталья", "Ивановна"),
        ("Егорова", "Ирина", "Олеговна"),
    ]
    for child, (last, first, middle) in zip(pupils, mothers, strict=True):
        mother = _person(
            school, last, first, middle, "F", kind=Person.Kind.EXTERNAL, phone="+7 900 000-00-02"
        )
        Guardianship.objects.create(guardian=mother, child=child, relation=Guardianship.Relation.MOTHER)

    programme = Programme(
        organization=school,
        year=2025,
        start_date=date(2025, 9, 1),
        end_date=date(2026, 6, 30),
        teachers_target_pct=30,
        students_target_pct=20,
    )
    forms = {f.code: f for f in MentoringForm.objects.filter(code__in=["teacher_teacher", "teacher_pupil"])}
    services.programme_save(programme=programme, forms=list(forms.values()), directions=[], by=coordinator)
    ProgrammeCurator.objects.create(programme=programme, curator=coordinator)

    for key in ("mentor", "mentor2", "mentor3"):
        services.mentor_profile_save(
            profile=MentorProfile(
                organization=school,
                person=staff[key],
                entered_on=date(2025, 9, 1),
                experience_years=20,
                competencies="методика подготовки к олимпиадам, проектная деятельность",
                achievements="«Учитель года — 2019», победители олимпиад",
                interests=["research", "social"],
                desired_mentee_age="12–16 лет",
                time_available="2 часа в неделю",
                case_link="https://school7.example/nastavnichestvo/ivanova-case-2025",
            ),
            by=coordinator,
        )
    for person in (staff["young"], *pupils):
        services.mentee_profile_save(
            profile=MenteeProfile(
                organization=school,
                person=person,
                entered_on=date(2025, 9, 15),
                main_request="подготовка к олимпиаде по математике"
                if person.kind == Person.Kind.STUDENT
                else "адаптация молодого специалиста, методика урока",
            ),
            by=coordinator,
        )

    def pair(form, mentor, mentees):
        made = services.pair_create(
            programme=programme,
            form=forms[form],
            mentor=mentor,
            mentees=mentees,
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 29),
            by=coordinator,
        )
        for person in (mentor, *mentees):
            services.pair_record_agreement(pair=made, person=person, by=coordinator, on=date(2025, 9, 25))
        made.refresh_from_db()
        return made

    give_consents(
        [staff["mentor"], staff["mentor2"], staff["mentor3"], staff["young"], *pupils], by=coordinator
    )
    group = pair("teacher_pupil", staff["mentor"], pupils[:2])
    teachers = pair("teacher_teacher", staff["mentor2"], [staff["young"]])
    solo = pair("teacher_pupil", staff["mentor3"], [pupils[2]])
    documents = []
    pairs_order = _approve(
        services.order_draft_pairs(programme=programme, pairs=[group, teachers, solo], by=coordinator),
        coordinator=coordinator,
        director=director,
    )
    documents.append(("order-pairs", bytes(pairs_order.pdf)))
    for kind in (Kind.TARGET_MODEL, Kind.CURATORS, Kind.MENTOR_SCHOOL, Kind.FINAL_EVENT):
        order = services.order_draft_from_programme(programme=programme, kind=kind, by=coordinator)
        documents.append(
            (
                f"order-{kind.replace('_', '-')}",
                bytes(_approve(order, coordinator=coordinator, director=director).pdf),
            )
        )
    order = services.order_draft_replacement(
        pair=solo, new_mentor=staff["mentor2"], ground="transfer", by=coordinator
    )
    documents.append(
        ("order-replacement", bytes(_approve(order, coordinator=coordinator, director=director).pdf))
    )
    order = services.order_draft_reward(
        programme=programme,
        by=coordinator,
        awards=[
            (staff["mentor"], "mentor_of_year"),
            (pupils[0], "certificate"),
            (staff["mentor2"], "thanks"),
        ],
    )
    documents.append(("order-reward", bytes(_approve(order, coordinator=coordinator, director=director).pdf)))
    order = services.order_draft_free(
        organization=school,
        title="О внесении изменений в приказ об утверждении наставнических пар (групп)",
        amends=pairs_order,
        amendment=Order.Amendment.AMENDS,
        by=coordinator,
    )
    documents.append(("order-free", bytes(_approve(order, coordinator=coordinator, director=director).pdf)))

    mentor_user = _user("mentor", staff["mentor"], school, Role.MENTOR)
    group.refresh_from_db()  # approved and working since the pairs order
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=group,
            mentee=pupils[0],
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 29),
            goal="Развитие математических способностей, подготовка к олимпиадам.",
            recommendations="Вести дневник решённых задач; еженедельно разбирать одну олимпиадную задачу с наставником.",
            methodical_help="Подборка задач муниципального этапа; консультации по оформлению проекта.",
        ),
        by=mentor_user,
    )
    for activity, content, period, responsible, done_on, comment in PLAN_ROWS:
        services.plan_item_save(
            item=PlanItem(
                plan=plan,
                activity=activity,
                content=content,
                period=period,
                responsible=responsible,
                is_done=done_on is not None,
                done_on=done_on,
                comment=comment,
            ),
            by=mentor_user,
        )
    services.plan_submit(plan=plan, by=mentor_user)
    services.plan_approve(plan=plan, by=coordinator)
    services.plan_mark(plan=plan, mark=PlanMark.PARTIALLY, by=coordinator)
    documents.append(("plan", render_plan(IndividualPlan.objects.get(pk=plan.pk))))

    review = services.review_save(
        pair=group, mentee=pupils[0], answers=REVIEW_ANSWERS, submit=True, by=mentor_user
    )
    review = services.review_acknowledge(review=review, by=coordinator)
    documents.append(("review", render_review(review)))
    documents.append(("mentor-base", render_base(MENTOR, school, programme)))
    documents.append(("mentee-base", render_base(MENTEE, school, programme)))
    return documents


class Command(BaseCommand):
    help = (
        "Рисует по одному документу каждого вида (PDF и PNG) на образцовых данных; база данных не меняется."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", default="var/samples", help="Папка для PDF и PNG (по умолчанию var/samples)."
        )

    def handle(self, *args, out, **options):
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        with transaction.atomic():
            documents = sample_documents()
            transaction.set_rollback(True)
        pdftoppm = shutil.which("pdftoppm")
        for name, data in documents:
            for old in out.glob(f"{name}-*.png"):
                old.unlink()
            path = out / f"{name}.pdf"
            path.write_bytes(data)
            if pdftoppm:
                subprocess.run([pdftoppm, "-png", "-r", "70", str(path), str(out / name)], check=True)
        self.stdout.write(self.style.SUCCESS(f"Документов: {len(documents)}, папка {out}."))
        if not pdftoppm:
            self.stderr.write("pdftoppm не найден (в Debian — пакет poppler-utils): сохранены только PDF.")
