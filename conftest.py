"""Shared test fixtures: a compact world of two schools with one user per role.

Named actors (coordinator, curator, director, mentor, mentee, parent, observer and
a coordinator of another school) are the rows of every permission grid.
"""

from dataclasses import dataclass, field
from datetime import date

import pytest

from accounts.models import Guardianship, Membership, Organization, Person, Role, User

PASSWORD = "Test-pass-12345"
ROLES = ["coordinator", "curator", "director", "mentor", "mentee", "parent", "observer", "other_coordinator"]


@dataclass
class World:
    school: Organization
    other: Organization
    users: dict = field(default_factory=dict)
    persons: dict = field(default_factory=dict)

    def client(self, client, role):
        """The Django test client signed in as the named actor (None: anonymous)."""
        if role is not None:
            client.force_login(self.users[role])
        return client


def make_person(organization, last, first, middle="", *, sex="F", kind=Person.Kind.STAFF, **fields) -> Person:
    if kind == Person.Kind.STAFF:
        fields.setdefault("position", "учитель")
    if kind == Person.Kind.STUDENT:
        fields.setdefault("group", "7Б")
    return Person.objects.create(
        organization=organization, last_name=last, first_name=first, middle_name=middle, sex=sex, kind=kind, **fields
    )


def make_user(username, person, organization, *roles) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.com")
    if person is not None:
        person.user = user
        person.save()
    for role in roles:
        Membership.objects.create(user=user, organization=organization, role=role)
    return user


@pytest.fixture
def world(db) -> World:
    school = Organization.objects.create(
        full_name="Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
        short_name="МБОУ «СОШ № 1»",
        city="г. Энск",
        director_name="Терешкова Валентина Петровна",
    )
    other = Organization.objects.create(full_name="МБОУ «Гимназия № 2» (полное)", short_name="Гимназия № 2")
    w = World(school=school, other=other)
    actors = {
        "coordinator": ("Зерщикова", "Анна", "Николаевна", "F", Role.COORDINATOR),
        "curator": ("Лебедева", "Ольга", "Викторовна", "F", Role.CURATOR),
        "director": ("Терешкова", "Валентина", "Петровна", "F", Role.DIRECTOR),
        "mentor": ("Иванова", "Мария", "Петровна", "F", Role.MENTOR),
        "mentee": ("Петров", "Иван", "Сергеевич", "M", Role.MENTEE),
        "parent": ("Сидорова", "Елена", "Андреевна", "F", Role.PARENT),
        "observer": ("Наблюдателев", "Олег", "Олегович", "M", Role.OBSERVER),
    }
    for key, (last, first, middle, sex, role) in actors.items():
        kind = Person.Kind.EXTERNAL if key == "parent" else Person.Kind.STAFF
        person = make_person(school, last, first, middle, sex=sex, kind=kind)
        w.persons[key] = person
        w.users[key] = make_user(key, person, school, role)
    w.persons["child"] = make_person(
        school, "Сидоров", "Павел", "Игоревич", sex="M", kind=Person.Kind.STUDENT, birth_date=date(2012, 5, 1)
    )
    Guardianship.objects.create(guardian=w.persons["parent"], child=w.persons["child"], relation="mother")
    w.persons["stranger_child"] = make_person(school, "Кузнецов", "Артём", "", sex="M", kind=Person.Kind.STUDENT)
    w.persons["other_coordinator"] = make_person(other, "Белова", "Ирина", "Андреевна")
    w.users["other_coordinator"] = make_user("other_coordinator", w.persons["other_coordinator"], other,
                                             Role.COORDINATOR)  # fmt: skip
    w.persons["other_teacher"] = make_person(other, "Чужой", "Пётр", "Петрович", sex="M")
    return w


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # PBKDF2's deliberate slowness is for attackers, not for the test suite.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
