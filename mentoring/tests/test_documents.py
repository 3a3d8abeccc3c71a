"""The PDFs of the individual plan (D3), the review (D4) and the two bases: the text a reader sees."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from conftest import make_bases
from mentoring import services
from mentoring.documents.plan import plans_for_documents, render_plan
from mentoring.models import IndividualPlan, PlanItem, PlanMark, Review
from mentoring.tests.factories import make_pair, make_plan

ANSWERS = {
    "topics_studied": "дроби и проценты",
    "tasks_completed": "проект «Геометрия вокруг нас»",
    "qualities_assessment": "ответственный, любознательный",
    "shortcomings": "неуверенность у доски",
    "further_study": "комбинаторика",
    "potential_and_recommendations": "олимпиада по математике",
    "additional_info": "",
}


def pdf_pages(data: bytes) -> list:
    return PdfReader(io.BytesIO(bytes(data))).pages


def pdf_text(data: bytes) -> str:
    """The extracted text with whitespace collapsed and words hyphenated at line ends joined again."""
    text = " ".join(" ".join(page.extract_text() for page in pdf_pages(data)).split())
    return re.sub(r"(?<=[а-яёa-z])- (?=[а-яёa-z])", "", text)


def is_draft(data: bytes) -> bool:
    """A draft carries «ПРОЕКТ» drawn across its pages (not as text) and in the PDF's title."""
    title = PdfReader(io.BytesIO(bytes(data))).metadata.title or ""
    return title.startswith("ПРОЕКТ")


def add_items(plan, by) -> None:
    services.plan_item_save(
        item=PlanItem(
            plan=plan,
            activity="Знакомство и диагностика",
            content="беседа, анкета",
            period="октябрь 2025",
            responsible="Наставник",
            is_done=True,
            done_on=date(2025, 10, 14),
            comment="анкета заполнена",
        ),
        by=by,
    )
    services.plan_item_save(
        item=PlanItem(
            plan=plan, activity="Проектная работа", period="январь – март 2026", responsible="Наставляемый"
        ),
        by=by,
    )


def approved_plan(world, pair, mentee) -> IndividualPlan:
    """A plan with two rows (one done), approved by the coordinator and marked."""
    mentor = world.users["mentor"]
    plan = make_plan(
        pair,
        mentee=mentee,
        by=mentor,
        goal="Подготовка к олимпиаде",
        recommendations="Решать по одной задаче в день",
        methodical_help="Подборка задач",
    )
    add_items(plan, mentor)
    services.plan_submit(plan=plan, by=mentor)
    services.plan_approve(plan=plan, by=world.users["coordinator"])
    plan.refresh_from_db()
    if pair.status == pair.Status.ACTIVE:
        services.plan_mark(plan=plan, mark=PlanMark.FULLY, by=world.users["coordinator"])
    return plans_for_documents().get(pk=plan.pk)


def submitted_review(world, pair, mentee) -> Review:
    return services.review_save(
        pair=pair, mentee=mentee, answers=ANSWERS, submit=True, by=world.users["mentor"]
    )


def active_pair_of(world, programme, *, form, mentor, mentees):
    """A working pair, as the active_pair fixture makes it (the people in the bases first)."""
    make_bases(world)
    return make_pair(programme, form=form, mentor=mentor, mentees=mentees, by=world.users["coordinator"])


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_plan_pdf_has_the_d3_header_table_sections_mark_and_signatures(world, active_pair):
    plan = approved_plan(world, active_pair, world.persons["child"])
    text = pdf_text(render_plan(plan))
    assert "ИНДИВИДУАЛЬНЫЙ ПЛАН осуществления наставничества" in text
    assert "осуществляется наставничество: Сидоров Павел Игоревич" in text
    assert "обучающийся 7Б" in text
    assert "Фамилия, имя, отчество наставника: Иванова Мария Петровна" in text
    assert "Наименование должности наставника: учитель" in text
    assert "с «01» октября 2025 г. по «29» мая 2026 г." in text
    for column in (
        "№ п/п",
        "Наименование и содержание мероприятий",
        "Период выполнения",
        "Ответственный за",
        "Отметка о выполнении",
    ):
        assert column in text
    assert (
        "1. Знакомство и диагностика беседа, анкета октябрь 2025 Наставник выполнено «14» октября 2025 г. анкета заполнена"
        in text
    )
    assert "2. Проектная работа январь – март 2026 Наставляемый" in text
    assert "Решать по одной задаче в день" in text and "Подборка задач" in text
    assert "Отметка о выполнении индивидуального плана: выполнен в полной мере" in text
    assert "А.Н. Зерщикова" in text and "М.П. Иванова" in text  # the curator who approved it, the mentor
    assert "(подпись / фамилия и инициалы куратора)" in text
    assert "ПРОЕКТ" not in text and not is_draft(render_plan(plan))


def test_a_plan_not_yet_approved_is_a_draft_without_the_curators_signature(world, active_pair):
    plan = make_plan(active_pair, mentee=world.persons["child"], by=world.users["mentor"])
    pdf = render_plan(plans_for_documents().get(pk=plan.pk))
    text = pdf_text(pdf)
    assert is_draft(pdf) and "ПРОЕКТ" not in text  # the mark is drawn across the page, not extractable
    assert "Зерщикова" not in text
    assert "Отметка о выполнении индивидуального плана" not in text


def test_plan_pdf_view_serves_a_pdf_named_after_the_mentee(world, client, active_pair):
    plan = approved_plan(world, active_pair, world.persons["child"])
    response = world.client(client, "parent").get(reverse("mentoring:plan.pdf", args=[plan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "Сидоров Павел Игоревич" in pdf_text(response.content)


def test_review_pdf_has_items_1_to_6_with_the_answers_and_signatures(world, client, active_pair):
    review = submitted_review(world, active_pair, world.persons["child"])
    services.review_acknowledge(review=review, by=world.users["curator"])
    response = world.client(client, "coordinator").get(reverse("mentoring:review.pdf", args=[review.pk]))
    text = pdf_text(response.content)
    assert "ОТЗЫВ о результатах наставничества" in text
    assert "1. Фамилия, имя, отчество и должность наставника: Иванова Мария Петровна, учитель" in text
    assert "(далее – наставляемый): Сидоров Павел Игоревич, обучающийся 7Б класса" in text
    assert "3. Период наставничества: с «01» октября 2025 г. по «29» мая 2026 г." in text
    assert "4. Информация о результатах наставничества:" in text
    assert "а) наставляемый изучил следующий перечень вопросов: дроби и проценты" in text
    assert (
        "б) наставляемый выполнил следующие задания, данные наставником: проект «Геометрия вокруг нас»"
        in text
    )
    assert (
        "в) оценка профессиональных и личностных качеств" in text and "ответственный, любознательный" in text
    )
    assert "г) наставляемому следует устранить следующие недостатки: неуверенность у доски" in text
    assert "д) наставляемому следует дополнительно изучить следующие вопросы: комбинаторика" in text
    assert "5. Определение потенциала наставляемого" in text and "олимпиада по математике" in text
    assert "6. Дополнительная информация о наставляемом" in text
    assert (
        "О.В. Лебедева" in text and "М.П. Иванова" in text
    )  # acknowledged by the curator, written by the mentor
    assert not is_draft(response.content)


def test_review_period_follows_the_mentees_plan(world, client, active_pair):
    plan = make_plan(active_pair, mentee=world.persons["child"], by=world.users["mentor"])
    plan.start_date, plan.end_date = date(2025, 11, 5), date(2026, 4, 30)
    services.plan_save(plan=plan, by=world.users["mentor"])
    review = submitted_review(world, active_pair, world.persons["child"])
    text = pdf_text(
        world.client(client, "mentor").get(reverse("mentoring:review.pdf", args=[review.pk])).content
    )
    assert "с «05» ноября 2025 г. по «30» апреля 2026 г." in text


def test_a_draft_review_is_marked_as_a_draft(world, client, active_pair):
    review = services.review_save(
        pair=active_pair, mentee=world.persons["child"], answers=ANSWERS, by=world.users["mentor"]
    )
    pdf = world.client(client, "mentor").get(reverse("mentoring:review.pdf", args=[review.pk])).content
    assert is_draft(pdf) and "дроби и проценты" in pdf_text(pdf)


def test_mentor_base_pdf_is_landscape_with_the_16_columns_and_the_pairs(world, client, active_pair):
    response = world.client(client, "director").get(reverse("mentoring:mentor_base.pdf"))
    page = pdf_pages(response.content)[0]
    assert page.mediabox.width > page.mediabox.height
    text = pdf_text(response.content)
    assert "База наставников" in text and "2025/2026 учебный год" in text
    for column in (
        "ФИО наставника",
        "Основные компетенции",
        "Интересы",
        "Желаемый возраст",
        "Ресурс времени",
        "Место работы/учебы наставляемого",
        "Ссылка на кейс/отзыв наставника",
    ):
        assert column in text
    assert "Иванова Мария Петровна" in text and "методика преподавания математики" in text
    assert "Сидоров Павел Игоревич" in text  # the mentee of her pair
    assert "Исследовательские, инновационные, социальные, иные." in text  # the seed's footnote


def test_mentee_base_pdf_has_the_13_columns_the_mark_and_the_representative(world, client, active_pair):
    approved_plan(world, active_pair, world.persons["child"])
    response = world.client(client, "curator").get(reverse("mentoring:mentee_base.pdf"))
    page = pdf_pages(response.content)[0]
    assert page.mediabox.width > page.mediabox.height
    text = pdf_text(response.content)
    assert "База наставляемых" in text
    for column in (
        "ФИО наставляемого",
        "Год рождения",
        "Основной запрос",
        "ФИО наставника",
        "Отметка о прохождении",
    ):
        assert column in text
    assert "Сидоров Павел Игоревич" in text and "Сидорова Елена Андреевна (мать)" in text
    assert "выполнен в полной мере" in text
    assert "Кузнецов Артём" in text  # in the base without a pair


def test_base_pdf_keeps_to_the_chosen_programme(world, client, active_pair):
    client = world.client(client, "coordinator")
    url = reverse("mentoring:mentor_base.pdf")
    assert "Сидоров" not in pdf_text(client.get(url, {"programme": _empty_programme(world).pk}).content)
    assert "Сидоров" in pdf_text(client.get(url, {"programme": active_pair.programme_id}).content)
    assert client.get(url, {"programme": "x"}).status_code == 404
    foreign = _empty_programme(world, organization=world.other)
    assert client.get(url, {"programme": foreign.pk}).status_code == 404


def _empty_programme(world, organization=None):
    from mentoring.models import Programme

    return Programme.objects.create(
        organization=organization or world.school,
        year=2026,
        start_date=date(2026, 9, 1),
        end_date=date(2027, 6, 30),
    )


def test_a_groups_plans_are_separate_documents(world, client, programme):
    group = active_pair_of(
        world,
        programme,
        form="teacher_pupil",
        mentor=world.persons["mentor"],
        mentees=[world.persons["child"], world.persons["stranger_child"]],
    )
    plan = make_plan(group, mentee=world.persons["stranger_child"], by=world.users["mentor"])
    text = pdf_text(world.client(client, "mentor").get(reverse("mentoring:plan.pdf", args=[plan.pk])).content)
    assert "Кузнецов Артём" in text and "Сидоров" not in text
