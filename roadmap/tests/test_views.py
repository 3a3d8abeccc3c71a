"""The roadmap's pages: making it, the table with live status, inline editing with htmx, ticks, the timeline,
«Мои задачи», the PDF."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from mentoring import services as mentoring
from mentoring.documents.regulation import default_regulation
from mentoring.services.regulation import regulation_save
from roadmap.models import Event, Roadmap
from roadmap.tests.conftest import event_titled

HX = {"HTTP_HX_REQUEST": "true"}


def test_the_coordinator_makes_the_roadmap_from_a_template(world, client, programme):
    client = world.client(client, "coordinator")
    url = reverse("roadmap:detail", args=[programme.pk])
    page = client.get(url)
    assert "Составить дорожную карту" in page.content.decode() and "Краткая карта" in page.content.decode()
    response = client.post(reverse("roadmap:create", args=[programme.pk]), {"base": "template:key_results"})
    assert response.status_code == 302 and response["Location"] == url
    roadmap = Roadmap.objects.get(programme=programme)
    assert roadmap.stages.count() == 7
    text = client.get(url).content.decode()
    assert "Формирование базы наставляемых" in text and "Проект" in text


def test_a_director_sees_that_the_roadmap_is_not_made_yet(world, client, programme):
    text = (
        world.client(client, "director").get(reverse("roadmap:detail", args=[programme.pk])).content.decode()
    )
    assert "ещё не составлена" in text and "Составить дорожную карту</button>" not in text


def test_an_unknown_choice_is_refused_in_russian(world, client, programme):
    response = world.client(client, "coordinator").post(
        reverse("roadmap:create", args=[programme.pk]), {"base": "template:nothing"}
    )
    assert response.status_code == 200 and "Выберите корректный вариант" in response.content.decode()
    assert not Roadmap.objects.exists()


def test_the_table_pins_its_queries(world, client, roadmap, django_assert_max_num_queries):
    client = world.client(client, "coordinator")
    url = reverse("roadmap:detail", args=[roadmap.programme_id])
    with django_assert_max_num_queries(30):  # sessions, actor, roadmap, stages, events, people, one per fact
        response = client.get(url)
    assert response.status_code == 200
    stage = roadmap.stages.get(number=6)
    for n in range(10):
        Event.objects.create(
            roadmap=roadmap,
            stage=stage,
            title=f"Доп {n}",
            start_date=date(2025, 11, 1),
            end_date=date(2025, 11, 30),
        ).responsible_people.add(world.persons["coordinator"])
    with django_assert_max_num_queries(30):
        assert "Доп 9" in client.get(url).content.decode()


def test_a_bound_event_completes_when_the_pairs_order_is_signed(world, client, roadmap, agreed_pair):
    url = reverse("roadmap:detail", args=[roadmap.programme_id])
    client = world.client(client, "coordinator")
    assert "Подписан приказ об утверждении наставнических пар" in client.get(url).content.decode()
    order = mentoring.order_draft_pairs(
        programme=roadmap.programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    mentoring.order_submit(order=order, by=world.users["coordinator"])
    order = mentoring.order_approve(order=order, by=world.users["director"])
    text = client.get(url).content.decode()
    assert f"Приказ от {order.approved_on:%d.%m.%Y} № {order.number}" in text
    assert reverse("mentoring:order.detail", args=[order.pk]) in text


def test_inline_editing_of_an_event_with_htmx(world, client, roadmap):
    client = world.client(client, "coordinator")
    event = event_titled(roadmap, "Отбор наставников из базы")
    url = reverse("roadmap:event.update", args=[roadmap.programme_id, event.pk])
    form = client.get(url, **HX).content.decode()
    assert form.startswith('<tr id="event-') and 'name="title"' in form
    data = {
        "stage": event.stage_id,
        "title": "Отбор наставников",
        "content": "По анкетам и собеседованию",
        "start_date": "2025-10-01",
        "end_date": "2025-10-15",
        "responsible_people": [world.persons["curator"].pk],
        "responsible_roles": ["curator"],
        "status": "planned",
        "fact": "",
    }
    row = client.post(url, data, **HX).content.decode()
    assert "Отбор наставников" in row and "Лебедева О.В." in row and "кураторы" in row
    event.refresh_from_db()
    assert event.end_date == date(2025, 10, 15) and event.responsible_roles == ["curator"]
    bad = client.post(url, {**data, "end_date": "2025-09-01"}, **HX).content.decode()
    assert "Срок не может быть раньше начала" in bad and 'class="table-info"' in bad


def test_adding_an_event_to_a_stage(world, client, roadmap):
    client = world.client(client, "coordinator")
    stage = roadmap.stages.get(number=7)
    url = reverse("roadmap:event.create", args=[roadmap.programme_id, stage.pk])
    response = client.post(
        url,
        {
            "stage": stage.pk,
            "title": "Доска почёта наставников",
            "start_date": "2026-05-01",
            "end_date": "2026-05-31",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    event = stage.events.get(title="Доска почёта наставников")
    assert event.position == 4 and event.roadmap == roadmap


def test_a_responsible_mentor_ticks_an_event_and_others_may_not(world, client, roadmap):
    meetings = event_titled(roadmap, "Встречи наставников и наставляемых")
    url = reverse("roadmap:event.complete", args=[roadmap.programme_id, meetings.pk])
    data = {"note": "Проведены все встречи", "done_on": "2025-11-20", "next": reverse("roadmap:tasks")}
    assert world.client(client, "mentee").post(url, data).status_code == 403
    response = world.client(client, "mentor").post(url, data)
    assert response.status_code == 302 and response["Location"] == reverse("roadmap:tasks")
    meetings.refresh_from_db()
    assert meetings.status == Event.Status.DONE and meetings.note == "Проведены все встречи"
    assert meetings.done_by == world.users["mentor"]


def test_a_tick_without_a_note_loses_nothing_and_says_why(world, client, roadmap):
    event = event_titled(roadmap, "Отбор наставников из базы")
    url = reverse("roadmap:event.complete", args=[roadmap.programme_id, event.pk])
    row = world.client(client, "coordinator").post(url, {"note": "", "done_on": "2025-10-10"}, **HX)
    assert "Обязательное поле" in row.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.PLANNED


def test_the_timeline_goes_month_by_month(world, client, roadmap):
    text = (
        world.client(client, "curator")
        .get(reverse("roadmap:timeline", args=[roadmap.programme_id]))
        .content.decode()
    )
    assert text.index("Июнь 2025") < text.index("Сентябрь 2025") < text.index("Май 2026")
    assert "Встречи наставников и наставляемых" in text


def test_my_tasks_by_person_and_by_role(world, client, current_roadmap):
    mentor = world.client(client, "mentor").get(reverse("roadmap:tasks")).content.decode()
    assert "Встречи наставников и наставляемых" in mentor and "Нормативная база" not in mentor
    director = world.persons["director"]
    page = world.client(client, "coordinator").get(reverse("roadmap:tasks") + f"?person={director.pk}")
    text = page.content.decode()
    assert "Задачи: Терешкова Валентина Петровна" in text and "Нормативная база целевой модели" in text
    assert "Изучение материалов о наставничестве" not in text


def test_the_pdf_is_the_seeds_table_and_carries_the_approval(world, client, roadmap):
    client = world.client(client, "director")
    url = reverse("roadmap:pdf", args=[roadmap.programme_id])
    first = _text(PdfReader(BytesIO(client.get(url).content)))
    assert "Дорожная карта реализации целевой модели наставничества" in first
    assert (
        "Наименование этапа" in first
        and "Формирование базы наставников" in first
        and "УТВЕРЖДЕНА" not in first
    )
    title, text = default_regulation(world.school)  # appendix № 1 of the order: the school's Положение
    regulation_save(organization=world.school, title=title, text=text, by=world.users["coordinator"])
    order = mentoring.order_draft_from_programme(
        programme=roadmap.programme, kind="target_model", by=world.users["coordinator"]
    )
    mentoring.order_submit(order=order, by=world.users["coordinator"])
    order = mentoring.order_approve(order=order, by=world.users["director"])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    text = _text(reader)
    assert "УТВЕРЖДЕНА" in text and f"№ {order.number}" in text
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape


def _text(reader) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("role", ["mentor", "parent", "observer"])
def test_the_roadmap_table_is_for_the_administration(world, client, roadmap, role):
    assert (
        world.client(client, role).get(reverse("roadmap:detail", args=[roadmap.programme_id])).status_code
        == 403
    )


def test_another_schools_coordinator_finds_nothing(world, client, roadmap):
    client = world.client(client, "other_coordinator")
    assert client.get(reverse("roadmap:detail", args=[roadmap.programme_id])).status_code == 404
    event = roadmap.events.first()
    url = reverse("roadmap:event.complete", args=[roadmap.programme_id, event.pk])
    assert client.post(url, {"note": "x", "done_on": "2025-10-01"}).status_code == 404


def test_the_appendix_of_the_target_model_order(world, roadmap):
    from mentoring.models import Order
    from roadmap.documents import roadmap_appendix_html

    order = mentoring.order_draft_from_programme(
        programme=roadmap.programme, kind=Order.Kind.TARGET_MODEL, by=world.users["coordinator"]
    )
    html = roadmap_appendix_html(order)
    assert "roadmap-appendix" in html and "Формирование базы наставников" in html and "<html" not in html
    Roadmap.objects.all().delete()
    assert roadmap_appendix_html(order) is None


def test_copy_to_next_year_from_the_roadmap_page(world, client, roadmap):
    from mentoring.models import Programme

    client = world.client(client, "coordinator")
    next_year = Programme.objects.create(
        organization=world.school, year=2026, start_date=date(2026, 9, 1), end_date=date(2027, 6, 30)
    )
    text = client.get(reverse("roadmap:detail", args=[roadmap.programme_id])).content.decode()
    assert "Скопировать на 2026/2027" in text
    form = client.get(reverse("roadmap:detail", args=[next_year.pk])).content.decode()
    assert (
        f'value="roadmap:{roadmap.pk}"' in form
        and "checked" in form.split(f'value="roadmap:{roadmap.pk}"')[1][:40]
    )
    client.post(reverse("roadmap:create", args=[next_year.pk]), {"base": f"roadmap:{roadmap.pk}"})
    copy = Roadmap.objects.get(programme=next_year)
    assert copy.events.count() == roadmap.events.count()
    assert (
        "Скопировать на"
        not in client.get(reverse("roadmap:detail", args=[roadmap.programme_id])).content.decode()
    )
