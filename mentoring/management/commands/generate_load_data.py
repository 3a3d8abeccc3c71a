"""`python manage.py generate_load_data`: a generated region for the load benchmark (benchmarks/load.py) — by
default 50 organisations × 1,500 people, with the bases, working pairs, plans, consents, draft orders and one
signed order each, and logins for the simulated users. Written in bulk (the services would take hours for
75,000 people); refuses to run twice on one database and, like demo_data, with DEBUG=0 unless --force."""

import random
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import (
    Consent,
    Guardianship,
    Membership,
    Organization,
    Person,
    Role,
    User,
    normalise_search,
)
from mentoring import services
from mentoring.demo.names import PATRONYMICS, SURNAMES
from mentoring.models import (
    IndividualPlan,
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    MentorTerm,
    Order,
    Pair,
    PairMentee,
    PlanItem,
    Programme,
)

PASSWORD = "load-pass-12345"
PREFIX = "Нагрузочная школа"
FIRST = {
    "M": ["Иван", "Пётр", "Алексей", "Дмитрий", "Сергей"],
    "F": ["Анна", "Мария", "Елена", "Ольга", "Ирина"],
}
ACTIVITIES = ["Знакомство", "Диагностика", "Планирование", "Консультация", "Открытый урок", "Проект", "Итоги"]


def _name(rng: random.Random, sex: str) -> tuple[str, str, str]:
    index = 0 if sex == "M" else 1
    return rng.choice(SURNAMES)[index], rng.choice(FIRST[sex]), rng.choice(PATRONYMICS)[index]


class Command(BaseCommand):
    help = "Создаёт данные для нагрузочного теста: организации, участники, пары, планы, приказы."

    def add_arguments(self, parser):
        parser.add_argument("--organizations", type=int, default=50)
        parser.add_argument("--people", type=int, default=1500, help="Участников в каждой организации.")
        parser.add_argument("--force", action="store_true", help="Разрешить при DEBUG=0 (тестовая база).")

    def handle(self, *args, organizations, people, force=False, **options):
        if not (settings.DEMO_DATA_ALLOWED or force):
            raise CommandError("Данные для нагрузки создаются только на тестовой базе (DEBUG=1 или --force).")
        if Organization.objects.filter(short_name__startswith=PREFIX).exists():
            raise CommandError("Данные для нагрузки в этой базе уже есть.")
        if people < 100:
            raise CommandError("Нужно не меньше 100 участников на организацию.")
        self.password = make_password(PASSWORD)
        self.forms = {
            f.code: f for f in MentoringForm.objects.filter(code__in=["teacher_teacher", "teacher_pupil"])
        }
        self.today = timezone.localdate()
        year = self.today.year if self.today.month >= 9 else self.today.year - 1
        self.period = (date(year, 9, 1), date(year + 1, 6, 30))
        for number in range(1, organizations + 1):
            self._organization(number, people)
            self.stdout.write(f"{PREFIX} № {number}: готово")
        self.stdout.write(
            self.style.SUCCESS(f"Организаций: {organizations}, участников: {organizations * people}.")
        )

    def _users(self, organization, number, cards: dict[str, Person], roles: dict[str, str]) -> None:
        users = User.objects.bulk_create(
            [User(username=f"load{number}-{key}", password=self.password, email="") for key in cards]
        )
        for user, card in zip(users, cards.values(), strict=True):
            card.user = user
        Person.objects.bulk_update(list(cards.values()), ["user"])
        Membership.objects.bulk_create(
            [
                Membership(user=user, organization=organization, role=roles[key])
                for user, key in zip(users, cards, strict=True)
            ]
        )

    @transaction.atomic
    def _organization(self, number: int, count: int) -> None:
        rng = random.Random(number)
        organization = Organization.objects.create(
            full_name=f"Муниципальное бюджетное общеобразовательное учреждение «{PREFIX} № {number}»",
            short_name=f"{PREFIX} № {number}",
            city="г. Энск",
            director_name="Директорова Анна Ивановна",
        )
        programme = Programme.objects.create(
            organization=organization,
            year=self.period[0].year,
            start_date=self.period[0],
            end_date=self.period[1],
            teachers_target_pct=30,
            students_target_pct=20,
        )
        programme.forms.set(self.forms.values())
        staff_count, parent_count = count // 10, count // 10
        people = []
        for index in range(count):
            sex = rng.choice("MF")
            last, first, middle = _name(rng, sex)
            if index < staff_count:
                kind, extra = Person.Kind.STAFF, {"position": "учитель"}
            elif index < staff_count + parent_count:
                kind, extra = Person.Kind.EXTERNAL, {}
            else:
                grade = 1 + index % 11
                kind, extra = (
                    Person.Kind.STUDENT,
                    {
                        "group": f"{grade}{'АБВ'[index % 3]}",
                        "birth_date": date(self.today.year - 7 - grade, 1 + index % 12, 1 + index % 28),
                    },
                )
            person = Person(
                organization=organization,
                last_name=last,
                first_name=first,
                middle_name=middle,
                sex=sex,
                kind=kind,
                email=f"p{number}-{index}@example.com" if index % 3 else "",
                **extra,
            )
            person.search_text = normalise_search(f"{person.full_name} {person.group}")
            people.append(person)
        people = Person.objects.bulk_create(people, batch_size=1000)
        staff, parents = people[:staff_count], people[staff_count : staff_count + parent_count]
        students = people[staff_count + parent_count :]
        Guardianship.objects.bulk_create(
            [
                Guardianship(guardian=parent, child=students[i], relation="mother")
                for i, parent in enumerate(parents)
            ]
        )
        mentors, teacher_mentees = staff[: staff_count // 2], staff[staff_count // 2 : staff_count // 2 + 10]
        pupil_mentees = students[: len(mentors) * 2 + 100]
        MentorProfile.objects.bulk_create(
            [
                MentorProfile(
                    organization=organization,
                    person=mentor,
                    competencies="методика преподавания, проектная деятельность",
                    entered_on=self.period[0],
                )
                for mentor in mentors
            ]
        )
        MenteeProfile.objects.bulk_create(
            [
                MenteeProfile(
                    organization=organization,
                    person=mentee,
                    main_request="адаптация",
                    entered_on=self.period[0],
                )
                for mentee in [*teacher_mentees, *pupil_mentees]
            ]
        )
        # Pairs: each mentor with two pupils; the last hundred pupils wait for a pair.
        start, end = self.period[0] + timedelta(days=30), self.period[1] - timedelta(days=10)
        pairs = Pair.objects.bulk_create(
            [
                Pair(
                    organization=organization,
                    programme=programme,
                    form=self.forms["teacher_pupil"],
                    mentor=mentor,
                    status=Pair.Status.ACTIVE,
                    start_date=start,
                    end_date=end,
                    mentor_agreed_on=start,
                    approved_at=timezone.now(),
                )
                for mentor in mentors
            ]
        )
        places, terms, plans = [], [], []
        for i, pair in enumerate(pairs):
            terms.append(MentorTerm(pair=pair, mentor=pair.mentor, started_on=start))
            for slot, mentee in enumerate(pupil_mentees[2 * i : 2 * i + 2], 1):
                places.append(
                    PairMentee(
                        pair=pair,
                        mentee=mentee,
                        form=pair.form,
                        slot=slot,
                        joined_on=start,
                        mentee_agreed_on=start,
                    )
                )
                plans.append(IndividualPlan(pair=pair, mentee=mentee, start_date=start, end_date=end))
        PairMentee.objects.bulk_create(places)
        MentorTerm.objects.bulk_create(terms)
        plans = IndividualPlan.objects.bulk_create(plans)
        PlanItem.objects.bulk_create(
            [
                PlanItem(
                    plan=plan, position=k, activity=activity, period="в течение года", responsible="наставник"
                )
                for plan in plans
                for k, activity in enumerate(ACTIVITIES, 1)
            ]
        )
        now = timezone.now()
        Consent.objects.bulk_create(
            [
                Consent(
                    organization=organization,
                    subject=person,
                    signer=person,
                    kind=kind,
                    status=Consent.Status.GIVEN,
                    method=Consent.Method.PAPER,
                    given_at=now,
                )
                for person in [*mentors, *teacher_mentees]
                for kind in ("participation", "personal_data")
            ]
        )
        cards = {"coordinator": staff[-1], "director": staff[-2]}
        cards.update({f"mentor{k}": mentor for k, mentor in enumerate(mentors[:5])})
        cards.update({f"parent{k}": parent for k, parent in enumerate(parents[:2])})
        roles = {key: Role.MENTOR if key.startswith("mentor") else Role.PARENT for key in cards}
        roles.update({"coordinator": Role.COORDINATOR, "director": Role.DIRECTOR})
        self._users(organization, number, cards, roles)
        coordinator, director = cards["coordinator"].user, cards["director"].user
        for kind in (Order.Kind.TARGET_MODEL, Order.Kind.CURATORS, Order.Kind.FINAL_EVENT):
            order = services.order_draft_from_programme(programme=programme, kind=kind, by=coordinator)
        services.order_submit(order=order, by=coordinator)
        services.order_approve(order=order, by=director)  # one signed order with its PDF
