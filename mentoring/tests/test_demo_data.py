"""The demo of `manage.py demo_data`, built once for the module (the tests only read it; the idempotency
test runs the command a second time inside its own savepoint)."""

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import Guardianship, Membership, Organization, Person, Role, User
from accounts.testing.data import built_once
from mentoring.demo import DEMO_LOGINS, DEMO_PASSWORD, SCHOOL


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        call_command("demo_data", stdout=open("/dev/null", "w"))
        yield


def test_demo_data_is_complete_and_idempotent(demo, db):
    counts = (
        Person.objects.count(),
        User.objects.count(),
        Guardianship.objects.count(),
        Membership.objects.count(),
    )
    call_command("demo_data", stdout=open("/dev/null", "w"))
    assert counts == (
        Person.objects.count(),
        User.objects.count(),
        Guardianship.objects.count(),
        Membership.objects.count(),
    )
    school = Organization.objects.get(short_name=SCHOOL)
    persons = school.persons
    mentors = Membership.objects.filter(organization=school, role=Role.MENTOR)
    assert mentors.exists()
    assert persons.filter(kind=Person.Kind.STUDENT).count() >= 24
    assert len({p.group for p in persons.filter(kind=Person.Kind.STUDENT)}) >= 3
    assert any(p.is_minor() for p in persons.filter(kind=Person.Kind.STUDENT))
    assert Guardianship.objects.filter(child__organization=school).count() >= 20
    parent = User.objects.get(username="parent").persons.get()
    assert parent.wards.exists()


def test_every_demo_login_signs_in_and_sees_a_home_page(demo, db):
    for username, _ in DEMO_LOGINS:
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD), username
        response = client.get("/")
        if username == "admin":
            assert response.status_code == 403  # a platform operator belongs to no school
            assert client.get("/admin/").status_code == 200
        else:
            assert response.status_code == 200, username
    other = Client()
    other.login(username="other_coordinator", password=DEMO_PASSWORD)
    assert "Гимназия № 2" in other.get("/").content.decode()


def test_demo_has_orders_and_consents_in_every_state(demo, db):
    from accounts.models import Consent
    from mentoring.models import Order
    from mentoring.services import approval_blockers

    school = Organization.objects.get(short_name=SCHOOL)
    approved = school.orders.get(kind=Order.Kind.PAIRS, status=Order.Status.APPROVED)
    assert approved.pairs.count() >= 10 and len(approved.frozen["appendices"][0]["rows"]) >= 10
    assert school.orders.filter(status=Order.Status.RETURNED).exclude(director_comment="").exists()
    waiting = school.orders.get(kind=Order.Kind.PAIRS, status=Order.Status.SUBMITTED)
    blockers = approval_blockers(waiting)
    assert blockers and all("согласи" in b and "законный представитель" in b for b in blockers)
    assert set(Consent.objects.filter(organization=school).values_list("status", flat=True)) == set(
        Consent.Status.values
    )
    assert set(Consent.objects.filter(organization=school).values_list("method", flat=True)) >= {
        "online",
        "paper",
    }


def test_every_page_a_demo_user_can_reach_works(demo, db):
    """Each demo login follows the links of its home page three clicks deep (GET only, at most 150 pages):
    nothing answers with an error, so every page links only to pages that work for that role. Document links
    (PDF, downloads) are left out: the grid checks who may open them, the document tests what they say."""
    import re

    link = re.compile(r'href="(/[^"#?]*)(?:\?[^"]*)?"')
    for username, _ in DEMO_LOGINS:
        if username == "admin":
            continue
        client = Client()
        client.login(username=username, password=DEMO_PASSWORD)
        seen, frontier = set(), ["/"]
        for _depth in range(3):
            found = []
            for url in frontier:
                if (
                    url in seen
                    or url.startswith(("/static/", "/admin/", "/accounts/logout"))
                    or url.endswith(("/pdf/", "/download/"))
                    or len(seen) >= 150
                ):
                    continue
                seen.add(url)
                response = client.get(url)
                assert response.status_code in (200, 302), (username, url, response.status_code)
                if response.get("Content-Type", "").startswith("text/html"):
                    found.extend(link.findall(response.content.decode()))
            frontier = found
        assert len(seen) > 3, username
