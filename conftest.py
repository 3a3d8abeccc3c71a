"""Shared test fixtures: a compact world of two schools with one user per role.

Named actors (coordinator, curator, director, mentor, mentee, parent, observer and
a coordinator of another school) are the rows of every permission grid. The world's school belongs to a
municipality, where the observer works (the roll-up); the other school belongs to none.
"""

from dataclasses import dataclass, field
from datetime import date

import pytest

from accounts.models import Guardianship, Organization, Person, Role, User
from accounts.testing.factories import PASSWORD, PersonFactory, UserFactory
from accounts.testing.grid import ROLES  # noqa: F401 — the named actors, in the grid's order


@dataclass
class World:
    school: Organization
    other: Organization
    municipality: Organization | None = None  # the school's parent: the observer works there
    users: dict = field(default_factory=dict)
    persons: dict = field(default_factory=dict)

    def client(self, client, role):
        """The Django test client signed in as the named actor (None: anonymous)."""
        if role is not None:
            client.force_login(self.users[role])
        return client


def make_person(organization, last, first, middle="", *, sex="F", kind=Person.Kind.STAFF, **fields) -> Person:
    return PersonFactory(
        organization=organization,
        last_name=last,
        first_name=first,
        middle_name=middle,
        sex=sex,
        kind=kind,
        **fields,
    )


def make_user(username, person, organization, *roles) -> User:
    return UserFactory(username=username, person=person, roles=roles, roles__organization=organization)


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    municipality = Organization.objects.create(
        full_name="Управление образования администрации города Энска",
        short_name="Управление образования г. Энска",
        kind=Organization.Kind.MUNICIPALITY,
        city="г. Энск",
    )
    school = Organization.objects.create(
        parent=municipality,
        full_name="Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
        short_name="МБОУ «СОШ № 1»",
        city="г. Энск",
        director_name="Терешкова Валентина Петровна",
    )
    other = Organization.objects.create(full_name="МБОУ «Гимназия № 2» (полное)", short_name="Гимназия № 2")
    w = World(school=school, other=other, municipality=municipality)
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
        # The observer's login works for the municipality (the roll-up of its schools); their card stays a
        # person of the school, as anyone's the school keeps records of.
        w.users[key] = make_user(key, person, municipality if key == "observer" else school, role)
    w.persons["child"] = make_person(
        school, "Сидоров", "Павел", "Игоревич", sex="M", kind=Person.Kind.STUDENT, birth_date=date(2012, 5, 1)
    )
    Guardianship.objects.create(guardian=w.persons["parent"], child=w.persons["child"], relation="mother")
    w.persons["stranger_child"] = make_person(
        school, "Кузнецов", "Артём", "", sex="M", kind=Person.Kind.STUDENT
    )
    w.persons["other_coordinator"] = make_person(other, "Белова", "Ирина", "Андреевна")
    w.users["other_coordinator"] = make_user(
        "other_coordinator", w.persons["other_coordinator"], other, Role.COORDINATOR
    )
    w.persons["other_teacher"] = make_person(other, "Чужой", "Пётр", "Петрович", sex="M")
    return w


@pytest.fixture(scope="session", autouse=True)
def _session_settings(tmp_path_factory):
    from django.conf import settings
    from django.test.utils import override_settings

    # PBKDF2's deliberate slowness is for attackers, not for the test suite (the whole session, so that data
    # built once for a module signs in too).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The file cache (the rate limits' counters) of this test process alone: xdist's workers run side by side.
    if settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        default = {**settings.CACHES["default"], "LOCATION": str(tmp_path_factory.mktemp("cache"))}
        override_settings(CACHES={**settings.CACHES, "default": default}).enable()


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    # Stored files of the whole run (scans, signed orders' PDFs, packs) go to a temporary folder, never into the
    # working copy's media/ (the session, so that data built once for a module stores there too).
    from django.conf import settings

    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Letters go through the outbox as in production and are delivered to django.core.mail.outbox;
    # background work runs in the caller once the (captured) commit callbacks run.
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    }
    settings.TASKS_INLINE = True


@pytest.fixture
def programme(world):
    """A 2025/2026 programme of the world's school with the three school forms; the coordinator curates
    everything, the curator only «Учитель – ученик»."""
    return make_programme(world)


def make_programme(world):
    from mentoring.models import MentoringForm, Programme, ProgrammeCurator

    if not MentoringForm.objects.exists():
        # A transactional test (the live server's) flushed the catalogues the data migration loaded.
        from importlib import import_module

        from django.apps import apps

        import_module("mentoring.migrations.0002_load_catalogues").load(apps, None)
    programme = Programme.objects.create(
        organization=world.school,
        year=2025,
        start_date=date(2025, 9, 1),
        end_date=date(2026, 6, 30),
        teachers_target_pct=30,
        students_target_pct=20,
    )
    programme.forms.set(
        MentoringForm.objects.filter(code__in=["teacher_teacher", "teacher_pupil", "pupil_pupil"])
    )
    ProgrammeCurator.objects.create(programme=programme, curator=world.users["coordinator"])
    ProgrammeCurator.objects.create(
        programme=programme,
        curator=world.users["curator"],
        form=MentoringForm.objects.get(code="teacher_pupil"),
    )
    return programme


def make_bases(world):
    """Put the world's mentor in the mentor base and the mentee, the child and the stranger's child in the mentee base."""
    from mentoring.models import MenteeProfile, MentorProfile

    MentorProfile.objects.get_or_create(
        organization=world.school,
        person=world.persons["mentor"],
        defaults={"entered_on": date(2025, 9, 1), "competencies": "методика преподавания математики"},
    )
    for key in ["mentee", "child", "stranger_child"]:
        MenteeProfile.objects.get_or_create(
            organization=world.school,
            person=world.persons[key],
            defaults={"entered_on": date(2025, 9, 1), "main_request": "адаптация и повышение успеваемости"},
        )


@pytest.fixture
def agreed_pair(world, programme):
    """«Учитель – учитель»: the world's mentor with the young teacher, both consented and agreed."""
    from mentoring.tests.factories import make_pair

    make_bases(world)
    give_consents(world.persons["mentor"], world.persons["mentee"])
    return make_pair(
        programme,
        form="teacher_teacher",
        mentor=world.persons["mentor"],
        mentees=[world.persons["mentee"]],
        by=world.users["coordinator"],
        stage="agreed",
    )


@pytest.fixture
def active_pair(world, programme):
    """«Учитель – ученик»: the world's mentor with the parent's child, agreed, approved and working."""
    from mentoring.tests.factories import make_pair

    make_bases(world)
    return make_pair(
        programme,
        form="teacher_pupil",
        mentor=world.persons["mentor"],
        mentees=[world.persons["child"]],
        by=world.users["coordinator"],
    )


def give_consents(*persons, kinds=("participation", "personal_data")):
    """Record given consents as the paper path would (signer: the adult, or the first guardian)."""
    from django.utils import timezone

    from accounts.models import Consent

    for person in persons:
        guardian = person.guardianships.first()
        signer = guardian.guardian if person.is_minor() and guardian else person
        for kind in kinds:
            Consent.objects.create(
                organization=person.organization,
                subject=person,
                signer=signer,
                kind=kind,
                status=Consent.Status.GIVEN,
                method=Consent.Method.PAPER,
                given_at=timezone.now(),
            )


def delivered() -> list:
    """Deliver the outbox now — what the background delivery does after the commit, which a test's
    transaction never reaches — and return the letters that went out (django.core.mail.outbox)."""
    from django.core import mail

    from accounts.infra.mail import deliver_queued

    deliver_queued()
    return mail.outbox


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; every test starts with none.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page(monkeypatch):
    """A page of Debian's Chromium driven by Playwright (the journey tests, marked `browser`)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test stay synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page(locale="ru-RU")
        page.set_default_timeout(15000)
        yield page
        browser.close()


def sign_in(page, live_server, username, password=PASSWORD):
    from django.urls import reverse

    page.goto(live_server.url + reverse("accounts:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button:has-text('Войти')")
    page.wait_for_url(live_server.url + "/")


def screenshot_path(name: str) -> str:
    """var/screenshots/<name>: what the journeys saw, for a person to look at."""
    from pathlib import Path

    folder = Path(__file__).parent / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / name)
