"""The demo school, its neighbour and their people and logins; then the mentoring year and the documents.

Everything is keyed by stable natural keys (organisation names, usernames, full names), so a second run finds
what the first one made instead of duplicating it.
"""

from datetime import date

from accounts.models import Guardianship, Membership, Organization, Person, Role, User

from .documents import build_documents_demo
from .names import FEMALE_NAMES, PATRONYMICS, SUBJECTS, SURNAMES, demo_name
from .pairs import build_mentoring_demo

DEMO_PASSWORD = "demo12345"
SCHOOL = "МБОУ «Средняя общеобразовательная школа № 1»"
OTHER_SCHOOL = "МБОУ «Гимназия № 2»"

DEMO_LOGINS = [
    ("coordinator", "координатор, СОШ № 1"),
    ("director", "директор, СОШ № 1"),
    ("curator", "куратор, СОШ № 1"),
    ("mentor", "наставник (учитель), СОШ № 1"),
    ("mentee", "наставляемый (молодой специалист), СОШ № 1"),
    ("parent", "родитель наставляемого ученика, СОШ № 1"),
    ("other_coordinator", "координатор другой школы (Гимназия № 2)"),
    ("observer", "наблюдатель, Управление образования г. Энска: сводка по школам"),
    ("admin", "администратор платформы (Django admin)"),
]


def _user(username: str, person: Person | None, organization: Organization, *roles: str) -> User:
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_password(DEMO_PASSWORD)
        if person is not None:
            user.first_name, user.last_name, user.email = person.first_name, person.last_name, person.email
        user.save()
    if person is not None and person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    for role in roles:
        Membership.objects.get_or_create(user=user, organization=organization, role=role)
    return user


def _person(organization, last, first, middle, **fields) -> Person:
    person, _ = Person.objects.get_or_create(
        organization=organization, last_name=last, first_name=first, middle_name=middle, defaults=fields
    )
    return person


def build_demo() -> tuple[Organization, Organization]:
    region, _ = Organization.objects.get_or_create(
        short_name="Минобрнауки области",
        defaults={"full_name": "Министерство образования и науки области", "kind": Organization.Kind.REGION},
    )
    city_office, _ = Organization.objects.get_or_create(
        short_name="Управление образования г. Энска",
        defaults={
            "full_name": "Управление образования администрации города Энска",
            "kind": Organization.Kind.MUNICIPALITY,
            "parent": region,
            "city": "г. Энск",
        },
    )
    school, _ = Organization.objects.get_or_create(
        short_name=SCHOOL,
        defaults={
            "full_name": "Муниципальное бюджетное общеобразовательное учреждение "
            "«Средняя общеобразовательная школа № 1»",
            "kind": Organization.Kind.SCHOOL,
            "parent": city_office,
            "city": "г. Энск",
            "director_position": "Директор",
            "director_name": "Терешкова Валентина Петровна",
            "inn": "7701234567",
            "address": "г. Энск, ул. Школьная, д. 1",
            "phone": "+7 (800) 000-00-01",
        },
    )
    other, _ = Organization.objects.get_or_create(
        short_name=OTHER_SCHOOL,
        defaults={
            "full_name": "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»",
            "kind": Organization.Kind.SCHOOL,
            "parent": city_office,
            "city": "г. Энск",
            "director_name": "Белова Ирина Андреевна",
        },
    )
    staff = Person.Kind.STAFF
    director = _person(
        school,
        "Терешкова",
        "Валентина",
        "Петровна",
        sex="F",
        kind=staff,
        position="директор",
        email="director@school1.example",
    )
    _user("director", director, school, Role.DIRECTOR)
    coordinator = _person(
        school,
        "Зерщикова",
        "Анна",
        "Николаевна",
        sex="F",
        kind=staff,
        position="заместитель директора по УВР",
        email="coordinator@school1.example",
    )
    _user("coordinator", coordinator, school, Role.COORDINATOR, Role.CURATOR)
    curator = _person(
        school,
        "Лебедева",
        "Ольга",
        "Викторовна",
        sex="F",
        kind=staff,
        position="заместитель директора по ВР",
        email="curator@school1.example",
    )
    _user("curator", curator, school, Role.CURATOR)
    curator2 = _person(
        school,
        "Орлов",
        "Дмитрий",
        "Сергеевич",
        sex="M",
        kind=staff,
        position="руководитель МО учителей начальных классов",
    )
    _user("curator2", curator2, school, Role.CURATOR)

    mentors = []
    for i in range(10):
        sex = "F" if i % 3 else "M"
        last, first, middle = demo_name(i, sex)
        mentors.append(
            _person(
                school,
                last,
                first,
                middle,
                sex=sex,
                kind=staff,
                position=SUBJECTS[i],
                birth_date=date(1965 + i * 2, 1 + i, 10 + i),
            )
        )
    _user("mentor", mentors[0], school, Role.MENTOR)

    # 30 mentees: 6 young teachers and 24 students of four classes (the 10th and 11th graders are partly adults).
    mentees = []
    for i in range(6):
        sex = "F" if i % 2 == 0 else "M"
        last, first, middle = demo_name(10 + i, sex)
        mentees.append(
            _person(
                school,
                last,
                first,
                middle,
                sex=sex,
                kind=staff,
                position=SUBJECTS[(i + 3) % len(SUBJECTS)],
                birth_date=date(1999 + i % 3, 3 + i, 5 + i),
            )
        )
    _user("mentee", mentees[0], school, Role.MENTEE)
    classes = [("6А", 2014), ("7Б", 2013), ("9В", 2011), ("11А", 2008)]
    students = []
    for i in range(24):
        group, year = classes[i % 4]
        sex = "M" if i % 2 == 0 else "F"
        last, first, middle = demo_name(16 + i, sex)
        students.append(
            _person(
                school,
                last,
                first,
                middle,
                sex=sex,
                kind=Person.Kind.STUDENT,
                group=group,
                birth_date=date(year - (i % 2), 1 + (i % 12), 1 + i),
            )
        )
    mentees.extend(students)

    # 20 parents of the first 20 students: the mother (same surname, female form).
    for i, child in enumerate(students[:20]):
        male, female = SURNAMES[(16 + i) % len(SURNAMES)]
        first = FEMALE_NAMES[(i * 3 + 1) % 10]
        middle = PATRONYMICS[(i * 5 + 2) % len(PATRONYMICS)][1]
        parent = _person(
            school,
            female,
            first,
            middle,
            sex="F",
            kind=Person.Kind.EXTERNAL,
            position="родитель",
            email=f"parent{i + 1}@family.example",
        )
        Guardianship.objects.get_or_create(guardian=parent, child=child, defaults={"relation": "mother"})
        if i == 0:
            _user("parent", parent, school, Role.PARENT)

    other_coordinator = _person(
        other, "Белова", "Ирина", "Андреевна", sex="F", kind=staff, position="заместитель директора по УВР"
    )
    _user("other_coordinator", other_coordinator, other, Role.COORDINATOR)
    for i in range(3):
        last, first, middle = demo_name(40 + i, "F")
        _person(other, last, first, middle, sex="F", kind=staff, position=SUBJECTS[i])

    build_mentoring_demo(school)
    build_documents_demo(school)

    admin, created = User.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    return school, other
