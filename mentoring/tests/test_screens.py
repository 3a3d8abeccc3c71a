"""Issue 15, screens: «Мои пары» says who the pair is with, its form, period and status; the stacked rows a
phone shows (the browser journey checks the layout, here the markup it relies on)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def my_pairs_rows(html: str) -> list[str]:
    table = html.split('id="my-pairs"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], flags=re.S)


def test_my_pairs_of_a_mentor_links_the_mentees_not_the_mentor_and_shows_form_period_status(
    world, client, active_pair
):
    html = world.client(client, "mentor").get(reverse("mentoring:pair.list")).content.decode()
    [row] = my_pairs_rows(html)
    link = re.search(r'<a href="/m/pairs/\d+/">(.*?)</a>', row, flags=re.S).group(1)
    assert "Сидоров Павел Игоревич" in link
    assert "Иванова" not in row  # the mentor's own name is not the pair's title
    assert "вы — наставник" in row
    assert active_pair.form.name in row
    assert f"{active_pair.start_date:%d.%m.%Y} – {active_pair.end_date:%d.%m.%Y}" in row
    assert active_pair.get_status_display() in row
    # each cell is titled for the stacked layout below md
    for label in ("Пара", "Форма", "Период", "Статус"):
        assert f'data-label="{label}"' in row


def test_my_pairs_of_a_parent_names_the_mentor_and_the_child(world, client, active_pair):
    html = world.client(client, "parent").get(reverse("mentoring:pair.list")).content.decode()
    [row] = my_pairs_rows(html)
    link = re.search(r'<a href="/m/pairs/\d+/">(.*?)</a>', row, flags=re.S).group(1)
    assert "Иванова Мария Петровна" in link
    assert "наставляемые: Сидоров Павел Игоревич" in row
    assert active_pair.get_status_display() in row


def test_the_coordinators_register_keeps_the_mentor_column_and_stacks_on_a_phone(world, client, active_pair):
    html = world.client(client, "coordinator").get(reverse("mentoring:pair.list")).content.decode()
    assert 'id="my-pairs"' not in html
    assert 'class="table table-hover bg-white align-middle table-stack"' in html
    assert 'data-label="Наставник"' in html and "Иванова Мария Петровна" in html


def _consent(world, kind, status, requested, **fields):
    from datetime import datetime

    from django.utils import timezone

    from accounts.models import Consent

    def at(day):
        return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=12))

    return Consent.objects.create(
        organization=world.school,
        subject=world.persons["child"],
        signer=world.persons["parent"],
        kind=kind,
        status=status,
        method=Consent.Method.ONLINE,
        requested_at=at(requested),
        given_at=at(requested),
        withdrawn_at=at(fields.pop("withdrawn")) if "withdrawn" in fields else None,
        **fields,
    )


def consent_items(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<li class="mb-2" data-kind="(\w+)">(.*?)</li>\s*(?=<li class="mb-2"|</ul>)', html, re.S)
    )


def test_parents_consents_say_which_one_is_in_force(world, client):
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import Consent, ConsentKind

    today = timezone.localdate()

    def day(n):
        return today - timedelta(days=n)

    # personal data: given, withdrawn, given again — the new one is in force, the old one is history
    _consent(world, ConsentKind.PERSONAL_DATA, Consent.Status.WITHDRAWN, day(90), withdrawn=day(60))
    _consent(world, ConsentKind.PERSONAL_DATA, Consent.Status.GIVEN, day(30), expires_on=day(-300))
    # participation: given, then withdrawn — nothing in force
    _consent(world, ConsentKind.PARTICIPATION, Consent.Status.WITHDRAWN, day(90), withdrawn=day(10))
    # publication: given, but its term is over — not in force either
    _consent(world, ConsentKind.PUBLICATION, Consent.Status.GIVEN, day(400), expires_on=day(1))
    html = world.client(client, "parent").get(reverse("mentoring:consent.mine")).content.decode()
    items = consent_items(html)
    data, participation, publication = items["personal_data"], items["participation"], items["publication"]
    current = data.split("<details", 1)[0]
    assert "действует" in current and "не действует" not in current
    assert f"дано {day(30):%d.%m.%Y}, до {day(-300):%d.%m.%Y}" in current and "отозвано" not in current
    assert "История: ещё 1 (заменены текущим)" in data
    assert f"дано {day(90):%d.%m.%Y}, отозвано {day(60):%d.%m.%Y}" in data
    assert "не действует" in participation and f"отозвано {day(10):%d.%m.%Y}" in participation
    assert "<details" not in participation
    assert "не действует" in publication and f"истёк срок {day(1):%d.%m.%Y}" in publication


def add_mentees(world, count, start=0):
    """`count` pupils of 9А in the mentee base, each with a withdrawn consent and a guardian."""
    from datetime import date

    from accounts.models import Consent, ConsentKind, Guardianship, Person
    from conftest import make_person
    from mentoring.models import MenteeProfile

    for n in range(start, start + count):
        child = make_person(
            world.school,
            f"Ученикова{n:03d}",
            "Анна",
            "",
            kind=Person.Kind.STUDENT,
            group="9А",
            birth_date=date(2011, 1, 1),
        )
        MenteeProfile.objects.create(organization=world.school, person=child, entered_on=date(2025, 9, 1))
        Guardianship.objects.create(guardian=world.persons["parent"], child=child, relation="mother")
        Consent.objects.create(
            organization=world.school,
            subject=child,
            kind=ConsentKind.PUBLICATION,
            status=Consent.Status.REQUESTED,
        )


def test_consent_tracker_is_paginated_filtered_and_its_queries_do_not_grow(
    world, client, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    coordinator = world.client(client, "coordinator")
    url = reverse("mentoring:consent.tracker")
    add_mentees(world, 5)
    with CaptureQueriesContext(connection) as small:
        html = coordinator.get(url).content.decode()
    assert html.count('<tr class="table-warning">') == 5
    add_mentees(world, 70, start=5)  # past one page of 50
    with django_assert_num_queries(len(small)):
        html = coordinator.get(url).content.decode()
    assert html.count('<tr class="table-warning">') == 50
    assert "Участники 1–50 из 75" in html and "1 из 2" in html
    assert "Нет согласия: <strong>75</strong>" in html  # the count is of everyone, not of the page
    second = coordinator.get(url, {"page": 2}).content.decode()
    assert second.count('<tr class="table-warning">') == 25 and "Ученикова074" in second
    assert "Ученикова074" not in html
    # the search keeps the other filters and finds one person by name and class
    found = coordinator.get(url, {"q": "ученикова007 9а"}).content.decode()
    assert found.count('<tr class="table-warning">') == 1 and "Ученикова007" in found
    # one action still asks everyone filtered, not only the page shown
    coordinator.post(reverse("mentoring:consent.request_all"), {"group": "9А"})
    from accounts.models import ConsentRequest

    assert ConsentRequest.objects.filter(subject__group="9А").values("subject").distinct().count() == 75


def test_mentor_base_columns_and_compact_mode_are_remembered_per_user_and_exports_keep_everything(
    world, client, active_pair
):
    from io import BytesIO

    from openpyxl import load_workbook

    from conftest import make_bases
    from mentoring.models.catalogue_data import MENTOR_BASE_COLUMNS

    make_bases(world)
    url = reverse("mentoring:mentor_base.list")
    coordinator = world.client(client, "coordinator")
    full = coordinator.get(url).content.decode()
    assert full.count('<th scope="col"') == len(MENTOR_BASE_COLUMNS) + 1  # + the actions
    assert " base-compact" not in full and 'class="sticky-name">ФИО наставника' in full
    keep = ["contacts", "competencies", "mentee_full_names", "form", "end_date"]
    response = coordinator.post(
        reverse("mentoring:base.view", args=["mentors"]),
        {"columns": keep, "compact": "1", "back": url + "?pairing=paired"},
    )
    assert response["Location"] == url + "?pairing=paired"
    page = coordinator.get(url).content.decode()
    titles = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', page)
    wanted = {"number", "mentor_full_name", *keep}
    assert titles == [c["title_ru"] for c in MENTOR_BASE_COLUMNS if c["code"] in wanted]
    assert "Основные компетенции наставника" in titles and "Место работы/учебы наставника" not in titles
    assert " base-compact" in page and f"скрыто {len(MENTOR_BASE_COLUMNS) - len(wanted)}" in page
    assert "Иванова Мария Петровна" in page  # the name cannot be hidden
    # the row has as many cells as shown columns (+ actions): the pair's sub-cells were cut the same way
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    first_row = body.split("</tr>", 1)[0]
    assert first_row.count("<td") == len(titles) + 1
    # the .xlsx keeps every column
    sheet = load_workbook(BytesIO(coordinator.get(url, {"format": "xlsx"}).content)).active
    assert [cell.value for cell in sheet[2]] == [c["title_ru"] for c in MENTOR_BASE_COLUMNS]
    # another user's view is their own
    director = world.client(client.__class__(), "director").get(url).content.decode()
    assert (
        " base-compact" not in director and director.count('<th scope="col"') == len(MENTOR_BASE_COLUMNS) + 1
    )
    # «Показать все» brings everything back; a foreign «back» is not followed
    response = coordinator.post(
        reverse("mentoring:base.view", args=["mentors"]), {"reset": "1", "back": "https://evil.example/"}
    )
    assert response["Location"] == url
    assert coordinator.get(url).content.decode().count('<th scope="col"') == len(MENTOR_BASE_COLUMNS) + 1
    assert coordinator.post(reverse("mentoring:base.view", args=["nope"])).status_code == 404


def _pages_stay_constant(client, url, grow, row_marker, *, per_page=50):
    """The page's queries with a little data and with more than a page of it are the same number; the second
    page holds the rest."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    grow(5)
    with CaptureQueriesContext(connection) as small:
        first = client.get(url)
    assert first.status_code == 200
    grow(per_page + 10)
    with CaptureQueriesContext(connection) as large:
        full = client.get(url).content.decode()
    assert len(large) == len(small), (len(small), len(large))
    assert full.count(row_marker) == per_page and "1 из 2" in full
    rest = client.get(url, {"page": 2}).content.decode()
    assert rest.count(row_marker) == 15
    return full


def test_review_and_safeguarding_lists_are_paginated_with_constant_queries(world, client, programme):
    from mentoring.models import Pair, SafeguardingReport
    from mentoring.tests.test_bases import _grow

    coordinator = world.client(client, "coordinator")
    _pages_stay_constant(
        coordinator,
        reverse("mentoring:review.list"),
        lambda n: _grow(world, programme, n),
        'data-label="Наставляемый"',
    )

    def reports(n):
        pairs = Pair.objects.filter(safeguarding_reports__isnull=True).prefetch_related("memberships")[:n]
        SafeguardingReport.objects.bulk_create(
            SafeguardingReport(
                organization=world.school,
                pair=pair,
                mentee=pair.memberships.all()[0].mentee,
                kind=SafeguardingReport.Kind.choices[0][0],
                description="—",
                reported_by=world.users["mentor"],
            )
            for pair in pairs
        )

    Pair.objects.filter(safeguarding_reports__isnull=False).delete()
    _pages_stay_constant(
        coordinator, reverse("mentoring:safeguarding.list"), reports, 'data-label="Что произошло"'
    )


def test_invitation_list_is_paginated_with_constant_queries(world, client):
    from accounts import services as account_services
    from accounts.models import Person, Role
    from conftest import make_person

    def invite(n):
        for i in range(n):
            person = make_person(
                world.school, f"Приглашённый{Person.objects.count()}{i}", "Имя", kind=Person.Kind.STAFF
            )
            account_services.invitation_create(
                person=person,
                role=Role.MENTOR,
                by=world.users["coordinator"],
                email=f"p{person.pk}@example.ru",
            )

    _pages_stay_constant(
        world.client(client, "coordinator"), reverse("accounts:invitation.list"), invite, 'data-label="Роль"'
    )


def test_the_mentee_base_has_its_own_remembered_view(world, client, active_pair):
    from conftest import make_bases

    make_bases(world)
    coordinator = world.client(client, "coordinator")
    contacts = "Контактные данные для связи (данные представителя)"

    def headers(html):
        return re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', html)

    assert contacts in headers(coordinator.get(reverse("mentoring:mentee_base.list")).content.decode())
    coordinator.post(reverse("mentoring:base.view", args=["mentees"]), {"columns": ["birth_year"]})
    mentees = coordinator.get(reverse("mentoring:mentee_base.list")).content.decode()
    assert headers(mentees) == ["№", "ФИО наставляемого", "Год рождения наставляемого"]
    # the mentor base keeps its own view
    mentors = coordinator.get(reverse("mentoring:mentor_base.list")).content.decode()
    assert "Контактные данные для связи" in headers(mentors) and " base-compact" not in mentors
