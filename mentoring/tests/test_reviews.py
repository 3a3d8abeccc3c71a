"""The mentor's review (form D4): draft, submission, read-only after it, the due date, the curators' list."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Person
from mentoring import services
from mentoring.models import MentoringForm, Pair, PairMentee, Review
from mentoring.tests.factories import REVIEW_ANSWERS, make_pair

COMPLETE = REVIEW_ANSWERS


def on_day(monkeypatch, day: date) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)


def review_url(pair, mentee):
    return reverse("mentoring:review.edit", args=[pair.pk, mentee.pk])


def make_active_pair(world, programme, *, form: str, mentee: str, end: date) -> Pair:
    return make_pair(
        programme,
        form=form,
        mentor=world.persons["mentor"],
        mentees=[world.persons[mentee]],
        by=world.users["coordinator"],
        end=end,
    )


@pytest.fixture
def submitted(world, active_pair):
    return services.review_save(
        pair=active_pair,
        mentee=world.persons["child"],
        answers=COMPLETE,
        submit=True,
        by=world.users["mentor"],
    )


def test_review_page_shows_items_1_to_3_from_the_pair_and_the_due_date(
    world, client, active_pair, monkeypatch
):
    on_day(monkeypatch, date(2026, 5, 20))
    page = (
        world.client(client, "mentor").get(review_url(active_pair, world.persons["child"])).content.decode()
    )
    for text in [
        "Иванова Мария Петровна, учитель",
        "Сидоров Павел Игоревич, обучающийся 7Б",
        "с «01» октября 2025 г. по «29» мая 2026 г.",
        "не позднее 22.05.2026",
        "4. Информация о результатах наставничества",
        "4а. наставляемый изучил следующий перечень вопросов *",
        "Сохранить черновик",
        "Представить куратору",
    ]:
        assert text in page, text
    assert "просрочен" not in page


def test_review_is_late_after_the_due_date(world, client, active_pair, monkeypatch):
    on_day(monkeypatch, date(2026, 5, 25))
    page = world.client(client, "mentor").get(review_url(active_pair, world.persons["child"]))
    assert page.context["late"] and "просрочен" in page.content.decode()


def test_mentor_saves_a_draft(world, client, active_pair):
    url = review_url(active_pair, world.persons["child"])
    response = world.client(client, "mentor").post(url, {"topics_studied": " Дроби ", "save": ""})
    assert response["Location"] == url
    review = Review.objects.get()
    assert review.status == Review.Status.DRAFT and review.answers["topics_studied"] == "Дроби"
    assert review.answers["additional_info"] == ""
    assert "Дроби" in client.get(url).content.decode()


def test_submission_names_the_empty_required_items(world, client, active_pair):
    response = world.client(client, "mentor").post(
        review_url(active_pair, world.persons["child"]), {"topics_studied": "Дроби", "submit": ""}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Заполните обязательные пункты отзыва" in text
    assert "наставляемый выполнил следующие задания, данные наставником" in text and "Дроби" in text
    assert not Review.objects.filter(status=Review.Status.SUBMITTED).exists()


def test_a_submitted_review_is_read_only_for_the_mentor(world, client, active_pair):
    client = world.client(client, "mentor")
    url = review_url(active_pair, world.persons["child"])
    response = client.post(url, {**COMPLETE, "submit": ""})
    assert response["Location"] == reverse("mentoring:pair.detail", args=[active_pair.pk])
    review = Review.objects.get()
    assert review.status == Review.Status.SUBMITTED and review.submitted_at is not None
    page = client.get(url).content.decode()
    assert "Представлен куратору" in page and "Дроби и проценты" in page and "<textarea" not in page
    assert client.post(url, {**COMPLETE, "topics_studied": "Другое", "save": ""}).status_code == 403
    review.refresh_from_db()
    assert review.answers["topics_studied"] == "Дроби и проценты"


def test_only_a_mentee_of_the_pair_has_a_review(world, client, active_pair):
    client = world.client(client, "mentor")
    assert client.get(review_url(active_pair, world.persons["stranger_child"])).status_code == 404


def test_the_curator_reads_and_acknowledges_a_submitted_review(world, client, submitted):
    client = world.client(client, "curator")
    page = client.get(review_url(submitted.pair, submitted.mentee)).content.decode()
    assert "Ответственный, любознательный" in page and "Принять отзыв" in page and "<textarea" not in page
    client.post(reverse("mentoring:review.acknowledge", args=[submitted.pk]))
    submitted.refresh_from_db()
    assert (
        submitted.status == Review.Status.ACKNOWLEDGED and submitted.acknowledged_by == world.users["curator"]
    )


def test_a_draft_is_not_acknowledged(world, client, active_pair):
    review = services.review_save(
        pair=active_pair, mentee=world.persons["child"], answers={}, by=world.users["mentor"]
    )
    client = world.client(client, "coordinator")
    assert "Принять отзыв" not in client.get(review_url(active_pair, world.persons["child"])).content.decode()
    response = client.post(reverse("mentoring:review.acknowledge", args=[review.pk]), follow=True)
    assert "Принять можно только представленный отзыв" in response.content.decode()
    review.refresh_from_db()
    assert review.status == Review.Status.DRAFT


# --- The coordinator's and curators' list ------------------------------------------------------------------


def test_review_list_puts_late_reviews_first_and_keeps_to_the_area(
    world, client, programme, submitted, monkeypatch
):
    teachers = make_active_pair(
        world, programme, form="teacher_teacher", mentee="mentee", end=date(2026, 6, 30)
    )
    on_day(monkeypatch, date(2026, 6, 25))  # both due dates passed; only the teachers' review is missing
    rows = world.client(client, "coordinator").get(reverse("mentoring:review.list")).context["rows"]
    assert [(row["place"].pair, row["late"]) for row in rows] == [(teachers, True), (submitted.pair, False)]
    assert rows[0]["due"] == date(2026, 6, 23)
    client.logout()
    page = world.client(client, "curator").get(reverse("mentoring:review.list"))
    assert [row["place"].mentee for row in page.context["rows"]] == [world.persons["child"]]
    assert "Принять" in page.content.decode() and "Петров Иван" not in page.content.decode()


def test_review_list_keeps_recently_closed_pairs(world, client, submitted, monkeypatch):
    services.pair_complete(pair=submitted.pair, on=date(2026, 5, 29), by=world.users["coordinator"])
    url = reverse("mentoring:review.list")
    on_day(monkeypatch, date(2026, 7, 1))
    assert len(world.client(client, "coordinator").get(url).context["rows"]) == 1
    on_day(monkeypatch, date(2026, 10, 1))
    assert client.get(url).context["rows"] == []


def make_pairs(world, programme, count):
    form = MentoringForm.objects.get(code="teacher_pupil")
    for n in range(count):
        mentee = Person.objects.create(
            organization=world.school,
            last_name=f"Учеников{n}",
            first_name="Пётр",
            sex="M",
            kind=Person.Kind.STUDENT,
            group="6А",
        )
        pair = Pair.objects.create(
            organization=world.school,
            programme=programme,
            form=form,
            mentor=world.persons["mentor"],
            status=Pair.Status.ACTIVE,
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 29),
        )
        PairMentee.objects.create(pair=pair, mentee=mentee, form=form, slot=1, joined_on=date(2025, 10, 1))
        if n % 2:
            Review.objects.create(pair=pair, mentee=mentee, status=Review.Status.SUBMITTED)


def test_review_list_queries_do_not_grow_with_the_pairs(
    world, client, programme, django_assert_max_num_queries
):
    client = world.client(client, "curator")
    url = reverse("mentoring:review.list")
    make_pairs(world, programme, 5)
    with CaptureQueriesContext(connection) as five:
        assert len(client.get(url).context["rows"]) == 5
    make_pairs(world, programme, 45)
    with django_assert_max_num_queries(len(five)):
        assert len(client.get(url).context["rows"]) == 50
