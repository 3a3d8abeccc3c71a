"""Safeguarding reports: the mentor raises one, the curators and the coordinator are told at once by an
e-mail without personal data, and only they see the report."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from conftest import make_person, make_user
from mentoring import services
from mentoring.models import MentoringForm, Pair, ProgrammeCurator, SafeguardingReport
from mentoring.tests.test_reviews import make_pairs

DESCRIPTION = "Павел рассказал, что старшеклассники отбирают у него деньги и угрожают"


def report(world, pair, **fields) -> SafeguardingReport:
    fields = {"kind": SafeguardingReport.Kind.VIOLENCE, "description": DESCRIPTION, **fields}
    return services.safeguarding_report(
        pair=pair, mentee=world.persons["child"], by=world.users["mentor"], **fields
    )


def test_mentor_reports_and_the_curators_get_an_email_without_personal_data(
    world, client, active_pair, django_capture_on_commit_callbacks
):
    client = world.client(client, "mentor")
    url = reverse("mentoring:safeguarding.create", args=[active_pair.pk])
    page = client.get(url).content.decode()
    assert "112" in page and all(label in page for label in SafeguardingReport.Kind.labels)
    data = {"mentee": world.persons["child"].pk, "kind": "violence", "description": DESCRIPTION}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, follow=True)
    assert "Сообщение передано куратору и координатору" in response.content.decode()
    created = SafeguardingReport.objects.get()
    assert created.reported_by == world.users["mentor"] and created.status == SafeguardingReport.Status.NEW
    [email] = mail.outbox
    assert sorted(email.to) == ["coordinator@example.com", "curator@example.com"]
    text = email.subject + email.body
    assert (
        "Стал жертвой насилия" in text and reverse("mentoring:safeguarding.detail", args=[created.pk]) in text
    )
    for secret in ["отбирают", "Сидоров", "Павел", "Игоревич", "7Б"]:
        assert secret not in text, secret


def test_the_mentor_sees_a_confirmation_only(world, client, active_pair):
    created = report(world, active_pair)
    client = world.client(client, "mentor")
    assert client.get(reverse("mentoring:safeguarding.detail", args=[created.pk])).status_code == 404
    assert client.get(reverse("mentoring:safeguarding.list")).status_code == 403


def test_a_report_needs_a_description_and_a_mentee_of_the_pair(world, client, active_pair):
    client = world.client(client, "mentor")
    url = reverse("mentoring:safeguarding.create", args=[active_pair.pk])
    response = client.post(
        url,
        {
            "mentee": world.persons["stranger_child"].pk,
            "kind": "threat_to_life_or_health",
            "description": "  ",
        },
    )
    assert {"mentee", "description"} <= set(response.context["form"].errors)
    assert not SafeguardingReport.objects.exists() and not mail.outbox


def test_reports_are_seen_by_the_coordinator_and_the_curators_of_the_area(
    world, client, programme, active_pair
):
    created = report(world, active_pair)
    for role in ["coordinator", "curator"]:
        client.logout()
        client = world.client(client, role)
        assert "Стал жертвой насилия" in client.get(reverse("mentoring:safeguarding.list")).content.decode()
        assert (
            DESCRIPTION
            in client.get(reverse("mentoring:safeguarding.detail", args=[created.pk])).content.decode()
        )
    elsewhere = make_user(
        "teachers_curator", make_person(world.school, "Орлова", "Нина"), world.school, Role.CURATOR
    )
    ProgrammeCurator.objects.create(
        programme=programme, curator=elsewhere, form=MentoringForm.objects.get(code="teacher_teacher")
    )
    client.logout()
    client.force_login(elsewhere)
    assert client.get(reverse("mentoring:safeguarding.list")).context["reports"].count() == 0
    assert client.get(reverse("mentoring:safeguarding.detail", args=[created.pk])).status_code == 404


def test_follow_up_closes_a_report_only_with_the_measures_taken(world, client, active_pair):
    created = report(world, active_pair)
    client = world.client(client, "curator")
    url = reverse("mentoring:safeguarding.detail", args=[created.pk])
    response = client.post(url, {"status": "closed", "follow_up": ""})
    assert "опишите принятые меры" in response.context["form"].errors["follow_up"][0]
    response = client.post(
        url, {"status": "closed", "follow_up": "Беседа с классным руководителем, психолог"}
    )
    assert response["Location"] == url
    created.refresh_from_db()
    assert created.status == SafeguardingReport.Status.CLOSED and created.handled_by == world.users["curator"]


def reports_on_new_pairs(world, programme, count):
    make_pairs(world, programme, count)
    for pair in Pair.objects.filter(safeguarding_reports=None).exclude(memberships=None):
        SafeguardingReport.objects.create(
            organization=world.school,
            pair=pair,
            mentee=pair.mentees.get(),
            kind="violence",
            description="…",
            reported_by=world.users["mentor"],
        )


def test_safeguarding_list_queries_do_not_grow(world, client, programme, django_assert_max_num_queries):
    client = world.client(client, "curator")
    url = reverse("mentoring:safeguarding.list")
    reports_on_new_pairs(world, programme, 5)
    with CaptureQueriesContext(connection) as five:
        assert len(client.get(url).context["reports"]) == 5
    reports_on_new_pairs(world, programme, 45)
    with django_assert_max_num_queries(len(five)):
        assert len(client.get(url).context["reports"]) == 50
