"""What each role sees beyond the status codes of the grid (mentoring/tests/test_grid.py): lists scoped to the
organisation, the navigation per role, the admin for operators only, Cyrillic search, the spreadsheet round trip.
"""

import tablib
from django.urls import reverse


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
