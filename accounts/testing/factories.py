"""factory-boy factories of the accounts models for tests: an organisation, a person (a teacher by default,
a pupil of 7Б with kind=STUDENT), a user with roles in an organisation."""

import factory

from accounts.models import Membership, Organization, Person, User

PASSWORD = "Test-pass-12345"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    full_name = factory.LazyAttribute(
        lambda o: f"Муниципальное бюджетное общеобразовательное учреждение «{o.short_name}»"
    )
    short_name = factory.Sequence(lambda n: f"Школа № {n + 1}")
    city = "г. Энск"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    last_name = factory.Sequence(lambda n: f"Участникова{n}")
    first_name = "Анна"
    middle_name = ""
    sex = Person.Sex.FEMALE
    kind = Person.Kind.STAFF
    position = factory.LazyAttribute(lambda p: "учитель" if p.kind == Person.Kind.STAFF else "")
    group = factory.LazyAttribute(lambda p: "7Б" if p.kind == Person.Kind.STUDENT else "")


class UserFactory(factory.django.DjangoModelFactory):
    """`UserFactory(username="mentor", person=..., organization=..., roles=[Role.MENTOR])`."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def person(self, create, person, **kwargs):
        if person is not None:
            person.user = self
            person.save()

    @factory.post_generation
    def roles(self, create, roles, organization=None, **kwargs):
        for role in roles or []:
            Membership.objects.create(user=self, organization=organization, role=role)
