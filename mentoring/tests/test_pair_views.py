from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Person
from conftest import make_bases, make_person
from mentoring import services
from mentoring.models import MenteeProfile, MentoringForm, Pair, ReplacementGround

pytestmark = pytest.mark.django_db


def test_coordinator_creates_a_pair_through_the_form(world, client, programme):
    make_bases(world)
    client = world.client(client, "coordinator")
    form = MentoringForm.objects.get(code="teacher_pupil")
    data = {
        "programme": programme.pk,
        "form": form.pk,
        "mentor": world.persons["mentor"].pk,
        "mentees": [world.persons["child"].pk],
        "start_date": "2025-10-01",
        "end_date": "2026-05-29",
        "goal": "Успеваемость",
    }
    response = client.post(reverse("mentoring:pair.create"), data)
    pair = Pair.objects.get()
    assert response["Location"] == reverse("mentoring:pair.detail", args=[pair.pk])
    assert list(pair.mentees.all()) == [world.persons["child"]]


def test_pair_form_explains_dates_outside_the_programme_and_saves_nothing(world, client, programme):
    make_bases(world)
    form = MentoringForm.objects.get(code="teacher_pupil")
    data = {
        "programme": programme.pk,
        "form": form.pk,
        "mentor": world.persons["mentor"].pk,
        "mentees": [world.persons["child"].pk],
        "start_date": "2025-08-01",
        "end_date": "2026-05-29",
    }
    response = world.client(client, "coordinator").post(reverse("mentoring:pair.create"), data)
    assert "в пределах программы" in response.content.decode()
    assert not Pair.objects.exists()


def test_curator_cannot_create_a_pair_outside_their_forms(world, client, programme):
    make_bases(world)
    form = MentoringForm.objects.get(code="teacher_teacher")
    data = {
        "programme": programme.pk,
        "form": form.pk,
        "mentor": world.persons["mentor"].pk,
        "mentees": [world.persons["mentee"].pk],
        "start_date": "2025-10-01",
        "end_date": "2026-05-29",
    }
    response = world.client(client, "curator").post(reverse("mentoring:pair.create"), data)
    assert "не входит в вашу зону" in response.content.decode()
    assert not Pair.objects.exists()


def test_a_parent_mentor_of_their_child_is_refused_on_the_pair_page(world, client, active_pair, programme):
    parent = world.persons["parent"]
    from mentoring.models import MentorProfile

    MentorProfile.objects.create(organization=world.school, person=parent, entered_on=date(2025, 9, 1))
    pair = services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code="teacher_pupil"),
        mentor=parent,
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1),
        by=world.users["coordinator"],
    )
    response = world.client(client, "coordinator").post(
        reverse("mentoring:pair.mentee.add", args=[pair.pk]),
        {"mentee": world.persons["child"].pk},
        follow=True,
    )
    assert "родитель не может быть наставником своего ребёнка" in response.content.decode()
    assert not pair.memberships.exists()


def test_lifecycle_through_the_pages(world, client, programme):
    make_bases(world)
    coordinator = world.client(client, "coordinator")
    pair = services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code="teacher_teacher"),
        mentor=world.persons["mentor"],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1),
        by=world.users["coordinator"],
        mentees=[world.persons["mentee"]],
    )
    url = reverse("mentoring:pair.agreement", args=[pair.pk])
    coordinator.post(url, {"person": world.persons["mentor"].pk})
    coordinator.post(url, {"person": world.persons["mentee"].pk})
    pair.refresh_from_db()
    assert pair.status == Pair.Status.AGREED
    services.pair_approve(pair=pair, by=world.users["director"])
    coordinator.post(reverse("mentoring:pair.activate", args=[pair.pk]))
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
    response = coordinator.post(
        reverse("mentoring:pair.terminate", args=[pair.pk]), {"reason": ""}, follow=True
    )
    assert "Обязательное поле" in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
    coordinator.post(reverse("mentoring:pair.complete", args=[pair.pk]), {"results": "План выполнен"})
    pair.refresh_from_db()
    assert pair.status == Pair.Status.COMPLETED and pair.results == "План выполнен"


def test_mentee_gives_own_agreement_but_not_for_others(world, client, programme):
    make_bases(world)
    pair = services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code="teacher_teacher"),
        mentor=world.persons["mentor"],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1),
        by=world.users["coordinator"],
        mentees=[world.persons["mentee"]],
    )
    mentee = world.client(client, "mentee")
    assert (
        mentee.post(
            reverse("mentoring:pair.agreement", args=[pair.pk]), {"person": world.persons["mentor"].pk}
        ).status_code
        == 403
    )
    mentee.post(reverse("mentoring:pair.agreement", args=[pair.pk]), {"person": world.persons["mentee"].pk})
    assert pair.memberships.get().mentee_agreed_on is not None
    assert Pair.objects.get(pk=pair.pk).mentor_agreed_on is None


def test_replacing_a_mentor_drafts_the_order_and_the_director_s_signature_replaces(
    world, client, active_pair
):
    from conftest import give_consents
    from mentoring.models import MentorProfile, Order

    other = make_person(world.school, "Смирнова", "Ольга", "Ивановна")
    MentorProfile.objects.create(organization=world.school, person=other, entered_on=date(2025, 9, 1))
    give_consents(other)
    response = world.client(client, "coordinator").post(
        reverse("mentoring:pair.replace_mentor", args=[active_pair.pk]),
        {"new_mentor": other.pk, "ground": ReplacementGround.TRANSFER},
        follow=True,
    )
    order = Order.objects.get(kind=Order.Kind.REPLACEMENT)
    assert "Наставник сменится, когда директор подпишет приказ" in response.content.decode()
    active_pair.refresh_from_db()
    assert active_pair.mentor == world.persons["mentor"]  # not before the signature
    services.order_submit(order=order, by=world.users["coordinator"])
    services.order_approve(order=order, by=world.users["director"])
    client.logout()
    page = world.client(client, "coordinator").get(reverse("mentoring:pair.detail", args=[active_pair.pk]))
    text = page.content.decode()
    assert "Иванова Мария Петровна: с" in text and "перевод наставника на другую работу" in text
    active_pair.refresh_from_db()
    assert active_pair.mentor == other


def test_mentor_sees_my_pairs_and_the_pair_page(world, client, active_pair):
    client = world.client(client, "mentor")
    page = client.get(reverse("mentoring:pair.list")).content.decode()
    assert "Мои пары" in page and "Сидоров Павел Игоревич" in page
    detail = client.get(reverse("mentoring:pair.detail", args=[active_pair.pk])).content.decode()
    assert "Сообщить куратору" in detail and "Составить план" in detail
    assert "Действия координатора" not in detail


def test_parent_sees_only_their_child_in_a_group(world, client, active_pair):
    stranger = world.persons["stranger_child"]
    Pair.objects.filter(pk=active_pair.pk).update(status=Pair.Status.DRAFT)
    services.pair_add_mentee(pair=active_pair, mentee=stranger, by=world.users["coordinator"])
    client = world.client(client, "parent")
    for url in [reverse("mentoring:pair.list"), reverse("mentoring:pair.detail", args=[active_pair.pk])]:
        page = client.get(url).content.decode()
        assert "Сидоров Павел" in page
        assert "Кузнецов" not in page


def test_pair_list_queries_do_not_grow_from_10_to_60_pairs(
    world, client, programme, django_assert_max_num_queries
):
    make_bases(world)
    form = MentoringForm.objects.get(code="teacher_pupil")
    coordinator = world.client(client, "coordinator")

    def add_pairs(count):
        for _ in range(count):
            child = make_person(world.school, "Ученик", "Имя", "", kind=Person.Kind.STUDENT)
            MenteeProfile.objects.create(
                organization=world.school, person=child, entered_on=date(2025, 9, 1), main_request="учёба"
            )
            services.pair_create(
                programme=programme,
                form=form,
                mentor=world.persons["mentor"],
                mentees=[child],
                start_date=date(2025, 10, 1),
                end_date=date(2026, 5, 1),
                by=world.users["coordinator"],
            )

    add_pairs(10)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert coordinator.get(reverse("mentoring:pair.list")).status_code == 200
    add_pairs(50)  # past one page of 50: the rows shown and the pager both grow
    with django_assert_max_num_queries(len(small)):
        response = coordinator.get(reverse("mentoring:pair.list"))
    assert response.content.decode().count("/m/pairs/") >= 50  # a full page of the 200
