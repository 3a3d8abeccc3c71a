"""The permission grid: every URL × every role, with objects of the own and of another school.

Later issues add their rows to GRID. A row is (url name, a function of the world giving the URL
arguments, expected status per actor); None is the anonymous visitor.
"""

import pytest
import tablib
from django.urls import reverse

from conftest import ROLES

ALL = [None, *ROLES]
STAFF = {"coordinator", "curator", "director"}


def expect(default, **overrides):
    table = {role: default for role in ROLES}
    table[None] = 302
    table.update(overrides)
    return table


GRID = [
    ("home", lambda w: [], expect(200)),
    (
        "accounts:person.list",
        lambda w: [],
        expect(403, coordinator=200, curator=200, director=200, other_coordinator=200),
    ),
    (
        "accounts:person.detail",
        lambda w: [w.persons["mentor"].pk],
        expect(404, coordinator=200, curator=200, director=200, mentor=200),
    ),
    (
        "accounts:person.detail",
        lambda w: [w.persons["child"].pk],
        expect(404, coordinator=200, curator=200, director=200, parent=200),
    ),
    (
        "accounts:person.detail",
        lambda w: [w.persons["stranger_child"].pk],
        expect(404, coordinator=200, curator=200, director=200),
    ),
    ("accounts:person.detail", lambda w: [w.persons["other_teacher"].pk], expect(404, other_coordinator=200)),
    ("accounts:person.create", lambda w: [], expect(403, coordinator=200, other_coordinator=200)),
    (
        "accounts:person.update",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    (
        "accounts:guardianship.add",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    (
        "accounts:invitation.create",
        lambda w: [w.persons["child"].pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    ("accounts:invitation.list", lambda w: [], expect(403, coordinator=200, other_coordinator=200)),
    (
        "accounts:organization.update",
        lambda w: [],
        expect(403, coordinator=200, director=200, other_coordinator=200),
    ),
    ("accounts:password.change", lambda w: [], expect(200)),
    ("admin:index", lambda w: [], expect(302)),
]

CASES = [(name, args, role, table[role]) for name, args, table in GRID for role in ALL]


@pytest.mark.parametrize(
    ("name", "args", "role", "status"),
    CASES,
    ids=[f"{n}-{name}-{role or 'anonymous'}" for n, (name, _, role, _) in enumerate(CASES)],
)
def test_permission_grid(world, client, name, args, role, status):
    response = world.client(client, role).get(reverse(name, args=args(world)))
    assert response.status_code == status, response.content[:300]
    if status == 302 and role is None:
        assert "/login/" in response["Location"]


def test_grid_covers_every_role():
    for _, _, table in GRID:
        assert set(table) == set(ALL)


def test_admin_is_open_to_platform_staff_only(world, client):
    world.users["coordinator"].is_staff = True
    world.users["coordinator"].save()
    assert world.client(client, "coordinator").get(reverse("admin:index")).status_code == 200


def test_person_list_shows_only_own_organisation(world, client):
    response = world.client(client, "other_coordinator").get(reverse("accounts:person.list"))
    text = response.content.decode()
    assert "Чужой" in text
    assert "Сидоров" not in text and "Зерщикова" not in text


def test_navigation_shows_each_role_only_what_it_may_use(world, client):
    people = f'href="{reverse("accounts:person.list")}"'
    invitations = f'href="{reverse("accounts:invitation.list")}"'
    coordinator_page = world.client(client, "coordinator").get(reverse("home")).content.decode()
    assert people in coordinator_page and invitations in coordinator_page
    client.logout()
    mentor_page = world.client(client, "mentor").get(reverse("home")).content.decode()
    assert people not in mentor_page and invitations not in mentor_page
    assert "Наставник" in mentor_page


def test_parent_home_lists_only_own_children(world, client):
    page = world.client(client, "parent").get(reverse("home")).content.decode()
    assert "Сидоров Павел Игоревич" in page
    assert "Кузнецов" not in page


def test_state_changing_urls_refuse_get(world, client):
    client = world.client(client, "coordinator")
    assert client.get(reverse("accounts:organization.switch")).status_code == 405
    assert client.get(reverse("accounts:logout")).status_code == 405


def test_person_search_ignores_case_in_cyrillic(world, client):
    page = world.client(client, "coordinator").get(reverse("accounts:person.list"), {"q": "сидоров павел"})
    text = page.content.decode()
    assert "Сидоров Павел Игоревич" in text and "Сидорова Елена" not in text


def test_people_round_trip_through_a_spreadsheet(world):
    from accounts.admin import PersonResource

    dataset = PersonResource().export(queryset=world.school.persons.filter(last_name="Сидоров"))
    assert dataset.dict[0]["organization"] == "МБОУ «СОШ № 1»" and dataset.dict[0]["group"] == "7Б"
    rows = tablib.Dataset(
        headers=["organization", "last_name", "first_name", "middle_name", "sex", "kind", "group"]
    )
    rows.append(["МБОУ «СОШ № 1»", "Новикова", "Дарья", "", "F", "student", "6А"])
    rows.append(["МБОУ «СОШ № 1»", "Ошибкин", "Пётр", "", "X", "student", "6А"])  # no such sex
    result = PersonResource().import_data(rows, dry_run=False, raise_errors=False)
    assert result.has_validation_errors()
    assert not world.school.persons.filter(last_name="Ошибкин").exists()
