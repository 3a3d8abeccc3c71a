"""`python manage.py render_samples [--out var/samples]`: one of each document — every kind of order, the
individual plan, the review, both bases, the consents (signed, blank, withdrawn), the letters to parents, a pack —
as PDF and as PNG pages (pypdfium2, no system package) for a person to look at.

The sample school is built through the services inside a transaction that is rolled back at the end, so the
database is left as it was."""

import tempfile
from contextlib import contextmanager
from datetime import date, datetime, time
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from accounts.models import ConsentKind, Guardianship, Membership, Organization, Person, Role, User
from accounts.services import consents
from mentoring import services
from mentoring.documents.bases import MENTEE, MENTOR, render_base
from mentoring.documents.consents import render_consents
from mentoring.documents.letters import render_consent_letters
from mentoring.documents.plan import render_plan
from mentoring.documents.regulation import default_regulation
from mentoring.documents.review import render_review
from mentoring.models import (
    DocumentPack,
    IndividualPlan,
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    MentorSchoolSession,
    Order,
    PlanItem,
    PlanMark,
    Programme,
    ProgrammeCurator,
)
from mentoring.services.regulation import mentor_school_session_save, regulation_save

Kind = Order.Kind


class Clock:
    """The sample school's calendar: services read the date through django.utils.timezone, so the samples are
    the same whenever they are rendered and every order is signed on a day that fits its content."""

    def __init__(self):
        self.day = date(2025, 8, 25)
        self._real = timezone.now

    def set(self, day: date) -> None:
        self.day = day

    def now(self):
        return datetime.combine(self.day, time(10, 0), tzinfo=timezone.get_current_timezone())

    @contextmanager
    def running(self):
        timezone.now = self.now
        try:
            yield self
        finally:
            timezone.now = self._real


clock = Clock()
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


def _signed_pdf(order) -> bytes:
    return services.order_pdf(Order.objects.get(pk=order.pk))


MENTOR_SCHOOL = [
    # (date, time, topic, content, format, hours, trainer key or invited trainer)
    (
        date(2025, 10, 14),
        "15:00–16:30",
        "Целевая модель наставничества в школе",
        "Формы и ролевые модели, роли куратора, наставника и наставляемого, Положение о наставничестве школы.",
        "lecture",
        2,
        "coordinator",
    ),
    (
        date(2025, 10, 21),
        "15:00–16:30",
        "Первые встречи пары и индивидуальный план",
        "Организационная и пробная встречи, постановка целей, составление индивидуального плана.",
        "workshop",
        2,
        "mentor",
    ),
    (
        date(2025, 10, 28),
        "15:00–17:15",
        "Общение с наставляемым: доверие, обратная связь, трудные ситуации",
        "Активное слушание, обратная связь по модели «ситуация — действие — результат», о чём сообщать куратору.",
        "training",
        3,
        "Орлова Светлана Юрьевна, педагог-психолог ГБУ «Центр психолого-педагогической помощи»",
    ),
    (
        date(2025, 11, 11),
        "15:00–16:30",
        "Мониторинг и оценка результатов наставничества",
        "Анкеты удовлетворённости, отзыв о результатах наставничества, портфолио наставляемого.",
        "seminar",
        2,
        "coordinator",
    ),
]


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
    ProgrammeCurator.objects.create(programme=programme, curator=coordinator, form=forms["teacher_teacher"])
    ProgrammeCurator.objects.create(programme=programme, curator=coordinator, form=forms["teacher_pupil"])
    title, text = default_regulation(school)
    regulation_save(organization=school, title=title, text=text, by=coordinator)
    for day, clock_time, topic, content, kind, hours, trainer in MENTOR_SCHOOL:
        mentor_school_session_save(
            session=MentorSchoolSession(
                programme=programme,
                date=day,
                time=clock_time,
                topic=topic,
                content=content,
                format=kind,
                hours=hours,
                trainer=staff.get(trainer),
                trainer_name="" if trainer in staff else trainer,
                place="каб. 21",
            ),
            by=coordinator,
        )

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

    documents = []
    sign = partial(_approve, coordinator=coordinator, director=director)
    # The school year as it goes: each order is drafted and signed on its own day.
    clock.set(date(2025, 8, 28))
    target = services.order_draft_from_programme(programme=programme, kind=Kind.TARGET_MODEL, by=coordinator)
    # No roadmap app is connected here: the order stays a draft, its roadmap appendix listed as missing.
    documents.append(("order-target-model", services.order_pdf(target)))
    clock.set(date(2025, 8, 29))
    curators = sign(
        services.order_draft_from_programme(programme=programme, kind=Kind.CURATORS, by=coordinator)
    )
    documents.append(("order-curators", _signed_pdf(curators)))
    clock.set(date(2025, 9, 22))
    school_order = services.order_draft_from_programme(
        programme=programme, kind=Kind.MENTOR_SCHOOL, by=coordinator
    )
    documents.append(("order-mentor-school", _signed_pdf(sign(school_order))))

    clock.set(date(2025, 9, 26))
    give_consents(
        [staff["mentor"], staff["mentor2"], staff["mentor3"], staff["young"], *pupils], by=coordinator
    )
    group = pair("teacher_pupil", staff["mentor"], pupils[:2])
    teachers = pair("teacher_teacher", staff["mentor2"], [staff["young"]])
    solo = pair("teacher_pupil", staff["mentor3"], [pupils[2]])
    clock.set(date(2025, 9, 29))
    pairs_order = sign(
        services.order_draft_pairs(programme=programme, pairs=[group, teachers, solo], by=coordinator)
    )
    documents.append(("order-pairs", _signed_pdf(pairs_order)))
    clock.set(date(2025, 10, 1))
    for made in (group, teachers, solo):
        services.pair_activate(pair=made, by=coordinator)
    clock.set(date(2025, 10, 6))
    amending = services.order_draft_free(
        organization=school,
        title="",
        amends=pairs_order,
        amendment=Order.Amendment.AMENDS,
        changes="1) в пункте 3 слова «в срок до 13.10.2025» заменить словами «в срок до 20.10.2025»;\n"
        "2) в приложении № 1 в строке 2 слова «Учитель – учитель» дополнить словами «(опытный педагог – "
        "молодой специалист)».",
        by=coordinator,
    )
    documents.append(("order-free", _signed_pdf(sign(amending))))
    clock.set(date(2025, 12, 15))
    replacement = services.order_draft_replacement(
        pair=solo, new_mentor=staff["mentor2"], ground="transfer", by=coordinator
    )
    documents.append(("order-replacement", _signed_pdf(sign(replacement))))
    clock.set(date(2026, 4, 20))
    final = services.order_draft_from_programme(programme=programme, kind=Kind.FINAL_EVENT, by=coordinator)
    documents.append(("order-final-event", _signed_pdf(sign(final))))
    clock.set(date(2026, 5, 25))
    reward = services.order_draft_reward(
        programme=programme,
        by=coordinator,
        awards=[
            (staff["mentor"], "mentor_of_year"),
            (pupils[0], "certificate"),
            (pupils[1], "certificate"),
            (staff["mentor2"], "thanks"),
        ],
    )
    documents.append(("order-reward", _signed_pdf(sign(reward))))
    clock.set(date(2026, 5, 20))
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
    documents += consent_samples(school, pupils, coordinator)
    documents.append(("pack", pack_sample(programme, coordinator)))
    return documents


def consent_samples(school, pupils, coordinator) -> list[tuple[str, bytes]]:
    """The consents of a girl signed online by her mother, a withdrawn one, a blank form for a pupil whose
    parents are not recorded yet, and letters to a mother and to a teacher who have no e-mail."""
    clock.set(date(2026, 5, 26))
    documents = [("consent-signed", render_consents(pupils[1]))]
    services.consent_withdraw(
        subject=pupils[2], kinds=[ConsentKind.PUBLICATION, ConsentKind.PARTICIPATION], by=coordinator
    )
    documents.append(("consent-withdrawn", render_consents(pupils[2])))
    orphan = _person(
        school,
        "Никитина",
        "Алина",
        "Сергеевна",
        "F",
        kind=Person.Kind.STUDENT,
        group="5А",
        birth_date=date(2014, 4, 2),
    )
    documents.append(("consent-blank", render_consents(orphan)))
    girl = _person(
        school,
        "Белова",
        "Ксения",
        "Андреевна",
        "F",
        kind=Person.Kind.STUDENT,
        group="6Б",
        birth_date=date(2013, 11, 5),
    )
    mother = _person(school, "Белова", "Наталья", "Викторовна", "F", kind=Person.Kind.EXTERNAL)
    Guardianship.objects.create(guardian=mother, child=girl, relation=Guardianship.Relation.MOTHER)
    teacher = _person(school, "Орехов", "Денис", "Павлович", "M", position="учитель физической культуры")
    links, _ = consents.consent_request_many(subjects=[girl, teacher], by=coordinator, send_email=False)
    documents.append(("letters", render_consent_letters(links, school)))
    return documents


def pack_sample(programme, coordinator) -> bytes:
    """All documents of the programme as one PDF, drafts included: the contents page first (its file goes to the
    command's temporary storage, see Command.handle)."""
    from mentoring.documents.packs import build_pack

    pack = DocumentPack.objects.create(
        organization=programme.organization,
        programme=programme,
        kind=DocumentPack.Kind.ALL,
        format=DocumentPack.Format.PDF,
        include_drafts=True,
        created_by=coordinator,
    )
    pack = build_pack(pack.pk)
    with pack.file.open("rb") as file:
        return file.read()


def write_pngs(data: bytes, stem: Path, *, dpi: int = 100) -> int:
    """Each page as stem-1.png, stem-2.png… with pypdfium2 (a wheel from PyPI: no system package needed)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72).to_pil()
            image.convert("L" if dpi <= 100 else "RGB").save(f"{stem}-{index + 1}.png", optimize=True)
        return len(document)
    finally:
        document.close()


class Command(BaseCommand):
    help = (
        "Рисует по одному документу каждого вида (PDF и PNG) на образцовых данных; база данных не меняется."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", default="var/samples", help="Папка для PDF и PNG (по умолчанию var/samples)."
        )
        parser.add_argument(
            "--dpi", type=int, default=100, help="Разрешение PNG (по умолчанию 100 точек на дюйм)."
        )

    def handle(self, *args, out, dpi, **options):
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        # The files the samples store (signed orders' PDFs, scans, the pack) go to a temporary folder, never to
        # the configured storage (MEDIA_ROOT or a bucket): the data is rolled back, so would be their files.
        local = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
        with (
            tempfile.TemporaryDirectory() as media,
            override_settings(STORAGES=local, MEDIA_ROOT=media),
            transaction.atomic(),
            clock.running(),
        ):
            documents = sample_documents()
            transaction.set_rollback(True)
        pages = 0
        for name, data in documents:
            for old in out.glob(f"{name}-*.png"):
                old.unlink()
            (out / f"{name}.pdf").write_bytes(data)
            pages += write_pngs(data, out / name, dpi=dpi)
        self.stdout.write(self.style.SUCCESS(f"Документов: {len(documents)}, страниц: {pages}, папка {out}."))
