"""The individual plan (form D3): creation, the D3 page, inline rows with htmx and without JS, approval, mark."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_bases
from mentoring import services
from mentoring.models import IndividualPlan, MentoringForm
from mentoring.tests.factories import add_item, make_plan

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def plan(world, active_pair):
    return make_plan(active_pair, by=world.users["mentor"], recommendations="Вести дневник наблюдений")


def make_group(world, programme):
    """A draft group of «Учитель – ученик» with the child and the stranger's child."""
    make_bases(world)
    return services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code="teacher_pupil"),
        mentor=world.persons["mentor"],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 29),
        by=world.users["coordinator"],
        mentees=[world.persons["child"], world.persons["stranger_child"]],
    )


@pytest.fixture
def group(world, programme):
    return make_group(world, programme)


def plan_data(mentee, start="2025-10-01", end="2026-05-29"):
    return {"mentee": mentee.pk, "start_date": start, "end_date": end, "goal": "Адаптация в 7 классе"}


# --- Creating and changing the plan ----------------------------------------------------------------------


def test_mentor_creates_the_plan_of_the_pairs_mentee(world, client, active_pair):
    client = world.client(client, "mentor")
    child = world.persons["child"]
    url = reverse("mentoring:plan.create", args=[active_pair.pk]) + f"?mentee={child.pk}"
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"]["mentee"].value() == str(child.pk)
    response = client.post(url, plan_data(child))
    plan = IndividualPlan.objects.get(pair=active_pair, mentee=child)
    assert response.status_code == 302 and response["Location"] == reverse(
        "mentoring:plan.detail", args=[plan.pk]
    )
    assert plan.goal == "Адаптация в 7 классе" and plan.status == IndividualPlan.Status.DRAFT


@pytest.mark.parametrize(
    ("end", "message"),
    [
        ("2025-12-30", "не менее чем на 3 месяца"),
        ("2026-10-02", "не более чем на 1 год"),
        ("2025-09-01", "Окончание плана должно быть позже его начала"),
    ],
)
def test_plan_period_is_3_to_12_months_shown_at_the_field(world, client, active_pair, end, message):
    client = world.client(client, "mentor")
    child = world.persons["child"]
    response = client.post(reverse("mentoring:plan.create", args=[active_pair.pk]), plan_data(child, end=end))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors["end_date"])
    assert not IndividualPlan.objects.exists()


def test_plan_is_only_for_a_mentee_of_the_pair(world, client, active_pair):
    client = world.client(client, "mentor")
    stranger = world.persons["stranger_child"]
    url = reverse("mentoring:plan.create", args=[active_pair.pk])
    assert client.get(f"{url}?mentee={stranger.pk}").status_code == 404
    assert client.get(f"{url}?mentee=abc").status_code == 404
    response = client.post(url, plan_data(stranger))
    assert "mentee" in response.context["form"].errors and not IndividualPlan.objects.exists()


def test_an_existing_plan_opens_instead_of_a_second_one(world, client, plan):
    client = world.client(client, "mentor")
    url = reverse("mentoring:plan.create", args=[plan.pair_id])
    response = client.get(f"{url}?mentee={plan.mentee_id}")
    assert response["Location"] == reverse("mentoring:plan.detail", args=[plan.pk])
    assert client.get(url)["Location"] == reverse("mentoring:pair.detail", args=[plan.pair_id])


def test_a_group_has_a_plan_per_mentee(world, client, group):
    client = world.client(client, "mentor")
    child, stranger = world.persons["child"], world.persons["stranger_child"]
    url = reverse("mentoring:plan.create", args=[group.pk])
    client.post(url, plan_data(stranger))
    offered = client.get(url).context["form"].fields["mentee"].queryset
    assert list(offered) == [child]
    client.post(url, plan_data(child))
    assert set(group.plans.values_list("mentee", flat=True)) == {child.pk, stranger.pk}


def test_a_parent_sees_only_their_own_childs_plan_in_a_group(world, client, group):
    by = world.users["mentor"]
    own = make_plan(group, by=by, mentee=world.persons["child"])
    other = make_plan(group, by=by, mentee=world.persons["stranger_child"])
    client = world.client(client, "parent")
    assert client.get(reverse("mentoring:plan.detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("mentoring:plan.detail", args=[other.pk])).status_code == 404


def test_changing_an_approved_plan_sends_it_back_for_approval(world, client, plan):
    add_item(plan, by=world.users["mentor"])
    services.plan_submit(plan=plan, by=world.users["mentor"])
    services.plan_approve(plan=plan, by=world.users["curator"])
    client = world.client(client, "mentor")
    url = reverse("mentoring:plan.update", args=[plan.pk])
    assert "нужно будет утвердить снова" in client.get(url).content.decode()
    response = client.post(url, {"start_date": "2025-10-01", "end_date": "2026-04-30", "goal": "Новая цель"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.DRAFT and plan.end_date == date(2026, 4, 30)


def test_a_closed_pairs_plan_is_read_only(world, client, plan):
    add_item(plan, by=world.users["mentor"])
    services.pair_complete(pair=plan.pair, by=world.users["coordinator"])
    client = world.client(client, "mentor")
    assert client.get(reverse("mentoring:plan.update", args=[plan.pk])).status_code == 403
    page = client.get(reverse("mentoring:plan.detail", args=[plan.pk])).content.decode()
    assert reverse("mentoring:plan.item.create", args=[plan.pk]) not in page


# --- The D3 page -------------------------------------------------------------------------------------------


def test_plan_page_shows_the_d3_layout_and_progress(world, client, plan):
    by = world.users["mentor"]
    add_item(plan, by=by, activity="Диагностика затруднений", responsible="Иванова М.П.")
    add_item(
        plan,
        by=by,
        activity="Посещение уроков",
        is_done=True,
        done_on=date(2025, 11, 14),
        comment="посетили 3",
    )
    page = (
        world.client(client, "mentor").get(reverse("mentoring:plan.detail", args=[plan.pk])).content.decode()
    )
    for text in [
        "Сидоров Павел Игоревич",
        "обучающийся 7Б",
        "Иванова Мария Петровна",
        "учитель",
        "с «01» октября 2025 г. по «29» мая 2026 г.",
        "№ п/п",
        "Наименование и содержание мероприятий",
        "Период выполнения",
        "Ответственный за выполнение",
        "Отметка о выполнении",
        "Диагностика затруднений",
        "14.11.2025",
        "посетили 3",
        "1 из 2",
        "width: 50%",
        "Рекомендации наставника",
        "Вести дневник наблюдений",
        "Методическая и практическая помощь",
        "Черновик",
        "Представить куратору",
    ]:
        assert text in page, text


def test_a_parent_reads_the_plan_without_edit_controls(world, client, plan):
    item = add_item(plan, by=world.users["mentor"])
    page = (
        world.client(client, "parent").get(reverse("mentoring:plan.detail", args=[plan.pk])).content.decode()
    )
    assert item.activity in page
    assert reverse("mentoring:plan.item.update", args=[plan.pk, item.pk]) not in page
    assert reverse("mentoring:plan.update", args=[plan.pk]) not in page and "Представить куратору" not in page


# --- Rows inline with htmx, and the same URLs without JavaScript -------------------------------------------


def test_edit_button_swaps_the_row_for_a_form_row_and_saving_returns_the_display_row(world, client, plan):
    item = add_item(plan, by=world.users["mentor"])
    client = world.client(client, "mentor")
    url = reverse("mentoring:plan.item.update", args=[plan.pk, item.pk])
    form_row = client.get(url, **HTMX).content.decode()
    assert form_row.lstrip().startswith(f'<tr id="plan-item-{item.pk}"') and 'name="activity"' in form_row
    assert "<html" not in form_row
    data = {"activity": "Анкетирование", "period": "ноябрь 2025", "responsible": "Иванова М.П."}
    row = client.post(url, data, **HTMX).content.decode()
    assert row.lstrip().startswith(f'<tr id="plan-item-{item.pk}"') and "Анкетирование" in row
    assert 'name="activity"' not in row and 'id="plan-progress" class="mb-2" hx-swap-oob="true"' in row
    item.refresh_from_db()
    assert item.activity == "Анкетирование" and item.period == "ноябрь 2025"


def test_a_row_with_errors_comes_back_as_the_form_row(world, client, plan):
    item = add_item(plan, by=world.users["mentor"])
    client = world.client(client, "mentor")
    url = reverse("mentoring:plan.item.update", args=[plan.pk, item.pk])
    row = client.post(url, {"activity": "", "period": ""}, **HTMX).content.decode()
    assert 'name="activity"' in row and "Обязательное поле" in row
    item.refresh_from_db()
    assert item.activity == "Знакомство, выявление запроса"


def test_done_checkbox_marks_the_row_with_todays_date_and_unmarks_it(world, client, plan):
    item = add_item(plan, by=world.users["mentor"], comment="важно")
    client = world.client(client, "mentor")
    url = reverse("mentoring:plan.item.update", args=[plan.pk, item.pk])
    row = client.post(url, {"toggle": "1", "is_done": "on"}, **HTMX).content.decode()
    item.refresh_from_db()
    assert item.is_done and item.done_on == timezone.localdate() and item.comment == "важно"
    assert f"{item.done_on:%d.%m.%Y}" in row and "checked" in row and "1 из 1" in row
    client.post(url, {"toggle": "1"}, **HTMX)
    item.refresh_from_db()
    assert not item.is_done and item.done_on is None and item.activity == "Знакомство, выявление запроса"


def test_adding_a_row_appends_it(world, client, plan):
    add_item(plan, by=world.users["mentor"])
    client = world.client(client, "mentor")
    url = reverse("mentoring:plan.item.create", args=[plan.pk])
    assert client.get(url, **HTMX).content.decode().lstrip().startswith('<tr id="plan-item-new"')
    row = client.post(url, {"activity": "Открытый урок", "period": "декабрь 2025"}, **HTMX).content.decode()
    item = plan.items.get(activity="Открытый урок")
    assert item.position == 2 and f'<tr id="plan-item-{item.pk}"' in row and "0 из 2" in row


def test_deleting_a_row_removes_it(world, client, plan):
    first, second = (
        add_item(plan, by=world.users["mentor"]),
        add_item(plan, by=world.users["mentor"], activity="Итоги"),
    )
    client = world.client(client, "mentor")
    response = client.post(reverse("mentoring:plan.item.delete", args=[plan.pk, first.pk]), **HTMX)
    assert response.status_code == 200 and 'hx-swap-oob="true"' in response.content.decode()
    assert list(plan.items.all()) == [second]
    assert client.get(reverse("mentoring:plan.item.delete", args=[plan.pk, second.pk])).status_code == 405


def test_rows_work_as_plain_pages_without_javascript(world, client, plan):
    client = world.client(client, "mentor")
    detail = reverse("mentoring:plan.detail", args=[plan.pk])
    create = reverse("mentoring:plan.item.create", args=[plan.pk])
    assert "<html" in client.get(create).content.decode()
    response = client.post(create, {"activity": "Посещение уроков", "period": "ноябрь 2025"})
    assert response.status_code == 302 and response["Location"] == detail
    item = plan.items.get()
    update = reverse("mentoring:plan.item.update", args=[plan.pk, item.pk])
    assert "<html" in client.get(update).content.decode()
    assert client.post(update, {"toggle": "1", "is_done": "on"})["Location"] == detail
    item.refresh_from_db()
    assert item.is_done
    errors = client.post(update, {"activity": ""})
    assert errors.status_code == 200 and "<html" in errors.content.decode()
    assert client.post(reverse("mentoring:plan.item.delete", args=[plan.pk, item.pk]))["Location"] == detail
    assert not plan.items.exists()


def test_a_row_of_another_plan_is_not_found(world, client, group):
    plan = make_plan(group, by=world.users["mentor"], mentee=world.persons["child"])
    other = make_plan(group, by=world.users["mentor"], mentee=world.persons["stranger_child"])
    item = add_item(other, by=world.users["mentor"])
    client = world.client(client, "mentor")
    assert client.get(reverse("mentoring:plan.item.update", args=[plan.pk, item.pk])).status_code == 404
    assert client.post(reverse("mentoring:plan.item.delete", args=[plan.pk, item.pk])).status_code == 404


# --- Approval and the final mark ---------------------------------------------------------------------------


def test_mentor_submits_and_the_curator_approves(world, client, plan):
    mentor = world.client(client, "mentor")
    submit = reverse("mentoring:plan.submit", args=[plan.pk])
    response = mentor.post(submit, follow=True)
    assert "Добавьте в план хотя бы одно мероприятие" in response.content.decode()
    add_item(plan, by=world.users["mentor"])
    mentor.post(submit)
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.SUBMITTED
    assert mentor.post(reverse("mentoring:plan.approve", args=[plan.pk])).status_code == 403
    client.logout()
    curator = world.client(client, "curator")
    assert "Утвердить план" in curator.get(reverse("mentoring:plan.detail", args=[plan.pk])).content.decode()
    curator.post(reverse("mentoring:plan.approve", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.APPROVED and plan.approved_by == world.users["curator"]


def test_only_a_submitted_plan_is_approved(world, client, plan):
    response = world.client(client, "coordinator").post(
        reverse("mentoring:plan.approve", args=[plan.pk]), follow=True
    )
    assert "Утвердить можно план, представленный наставником" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.DRAFT


def test_final_mark_by_the_mentor_of_an_active_pair(world, client, plan):
    client = world.client(client, "mentor")
    url = reverse("mentoring:plan.mark", args=[plan.pk])
    assert (
        "Поставить отметку" in client.get(reverse("mentoring:plan.detail", args=[plan.pk])).content.decode()
    )
    assert "Выберите отметку" in client.post(url, {"mark": "excellent"}, follow=True).content.decode()
    client.post(url, {"mark": "partially"})
    plan.refresh_from_db()
    assert plan.mark == "partially" and plan.marked_on == timezone.localdate()


def test_no_final_mark_before_the_pair_works(world, client, group):
    plan = make_plan(group, by=world.users["mentor"])
    client = world.client(client, "mentor")
    assert (
        "Поставить отметку"
        not in client.get(reverse("mentoring:plan.detail", args=[plan.pk])).content.decode()
    )
    response = client.post(reverse("mentoring:plan.mark", args=[plan.pk]), {"mark": "fully"}, follow=True)
    assert "когда пара работает или завершена" in response.content.decode()
    plan.refresh_from_db()
    assert plan.mark == ""
