"""Orders a director signs without editing: real appendices, amendments that carry their change, people named in
the case their verb governs, deadlines after the signing date, the layout of the pages (ГОСТ Р 7.0.97)."""

import io
import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from conftest import give_consents, make_bases, make_person
from mentoring import services
from mentoring.documents import appendices
from mentoring.documents import orders as texts
from mentoring.documents.regulation import default_regulation
from mentoring.models import MenteeProfile, MentoringForm, Order, Pair
from mentoring.services import orders as order_services
from mentoring.services.regulation import regulation_save
from mentoring.tests.test_documents_regulation import add_session

Kind = Order.Kind


def pages_text(data: bytes) -> list[str]:
    """Each page's text with whitespace collapsed and words hyphenated at line ends joined again."""
    pages = []
    for page in PdfReader(io.BytesIO(bytes(data))).pages:
        text = " ".join(page.extract_text().replace("\xa0", " ").split())
        pages.append(re.sub(r"(?<=[а-яёa-z])- (?=[а-яёa-z])", "", text))
    return pages


def page_numbers(data: bytes) -> list[list[str]]:
    """Per page: the bare numbers printed in the top 20 mm, centred (within 20 mm of the middle)."""
    found = []
    for page in PdfReader(io.BytesIO(bytes(data))).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        marks = []

        def visit(text, cm, tm, font, size, marks=marks, width=width, height=height):
            x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
            if text.strip().isdigit() and y > height - 20 * 72 / 25.4 and abs(x - width / 2) < 20 * 72 / 25.4:
                marks.append(text.strip())

        page.extract_text(visitor_text=visit)
        found.append(marks)
    return found


def text_of(data: bytes) -> str:
    return " ".join(pages_text(data))


def sign(order, world) -> Order:
    services.order_submit(order=order, by=world.users["coordinator"])
    services.order_approve(order=order, by=world.users["director"])
    return Order.objects.get(pk=order.pk)


def signed_text(order) -> str:
    return text_of(services.order_pdf(Order.objects.get(pk=order.pk)))


def draft(world, programme, kind) -> Order:
    return services.order_draft_from_programme(programme=programme, kind=kind, by=world.users["coordinator"])


@pytest.fixture
def deputy(world):
    """The coordinator as the seeds have her: «Зерщикова Анна Николаевна, заместитель директора по УВР»."""
    person = world.persons["coordinator"]
    person.position = "заместитель директора по УВР"
    person.save()
    return person


# --- 1. Appendices that are there ---------------------------------------------------------------------


def test_the_target_model_order_waits_for_the_regulation_and_the_roadmap(
    world, programme, deputy, monkeypatch
):
    order = draft(world, programme, Kind.TARGET_MODEL)
    with pytest.raises(ValidationError) as error:
        services.order_submit(order=order, by=world.users["coordinator"])
    messages = " ".join(error.value.messages)
    assert "Приложение № 1 «Положение о наставничестве»: Положение о наставничестве не сохранено" in messages
    roadmap_problem = messages.split("Приложение № 3 «Дорожная карта", 1)[1]
    assert "дорожная карта" in roadmap_problem  # not yet connected, or (with the roadmap app) not yet made
    assert "Приложение № 2" not in messages  # the programme has its forms
    title, text = default_regulation(world.school)
    regulation_save(organization=world.school, title=title, text=text, by=world.users["coordinator"])
    assert [p for p in order_services.submission_blockers(order) if "Приложение № 1" in p] == []
    # The roadmap app provides the appendix (here a stand-in for it, restored after the test).
    monkeypatch.setitem(
        appendices._providers,
        appendices.ROADMAP,
        appendices.Provider(
            appendices.ROADMAP, lambda o: "<p>Этап 1. Подготовка: июнь – август.</p>", "нет карты"
        ),
    )
    order = sign(order, world)
    text = signed_text(order)
    assert "Приложение № 1 к приказу от" in text and "1. ОБЩИЕ ПОЛОЖЕНИЯ" in text
    assert "1.1. Настоящее Положение определяет, как в МБОУ «СОШ № 1»" in text
    assert "Приложение № 2" in text and "Форма «Учитель – учитель»" in text and "не менее 30 %" in text
    assert "Этап 1. Подготовка: июнь – август." in text
    assert "прилагается" not in text
    # The signed appendix is frozen: a later version of the Положение does not change the order.
    regulation_save(
        organization=world.school,
        title=title,
        text=text.replace("ОБЩИЕ", "ОСНОВНЫЕ"),
        by=world.users["coordinator"],
    )
    assert "1. ОБЩИЕ ПОЛОЖЕНИЯ" in text_of(
        order_services.render_frozen(Order.objects.get(pk=order.pk).frozen)
    )


def test_the_mentor_school_order_approves_a_real_programme_and_schedule(world, programme, deputy):
    order = draft(world, programme, Kind.MENTOR_SCHOOL)
    with pytest.raises(ValidationError, match="нет ни одного занятия"):
        services.order_submit(order=order, by=world.users["coordinator"])
    by = world.users["coordinator"]
    programme.end_date = date(2027, 6, 30)
    programme.save()
    add_session(programme, trainer=world.persons["mentor"], day=date(2026, 12, 8), by=by)
    add_session(
        programme, trainer_name="Орлова Светлана Юрьевна, педагог-психолог", day=date(2027, 1, 12), by=by
    )
    programme.end_date = date(2027, 6, 30)
    programme.save()
    order = sign(draft(world, programme, Kind.MENTOR_SCHOOL), world)
    text = signed_text(order)
    assert "Программа и график обучения наставников" in text
    assert "08.12.2026" in text and "12.01.2027" in text and "Целевая модель наставничества" in text
    assert "Иванова М.П., учитель" in text and "Орлова Светлана Юрьевна, педагог" in text
    assert "с приказом от" in text and "«Об организации „Школы наставников“ в МБОУ „СОШ № 1“" in text
    assert "Итого 4" in text
    # the trainer of the school and the coordinator are executors by name
    assert "Ивановой Марии Петровне, учителю, провести занятия" in text
    assert "Зерщиковой Анне Николаевне, заместителю директора по УВР, обеспечить участие наставников" in text
    assert "в срок до 19.01.2027" in text  # a week after the last session


# --- 2. The free / amending order ---------------------------------------------------------------------


def test_an_amending_order_names_the_order_and_carries_its_change(world, programme):
    first = sign(draft(world, programme, Kind.FINAL_EVENT), world)
    by = world.users["coordinator"]
    amending = services.order_draft_free(
        organization=world.school,
        title="Об изменениях",
        amends=first,
        amendment=Order.Amendment.AMENDS,
        by=by,
    )
    reference = f"от {first.approved_on:%d.%m.%Y} № {first.number} «{first.title}»"
    assert amending.title == f"О внесении изменений в приказ {reference}"
    assert amending.items[0] == f"Внести в приказ {reference} следующие изменения:"
    with pytest.raises(ValidationError, match="Пункт 1 не закончен"):
        services.order_submit(order=amending, by=by)
    services.order_update(
        order=amending,
        title=amending.title,
        preamble="В связи с переносом итогового мероприятия",
        items=[
            amending.items[0] + "\nв пункте 1 слова «в срок до» заменить словами «не позднее».",
            *amending.items[1:],
        ],
        by=by,
    )
    text = signed_text(sign(amending, world))
    assert f"Внести в приказ {reference} следующие изменения: в пункте 1 слова" in text
    cancelling = services.order_draft_free(
        organization=world.school, title="", amends=first, amendment=Order.Amendment.CANCELS, by=by
    )
    assert cancelling.title == f"О признании утратившим силу приказа {reference}"
    assert cancelling.items[0] == f"Признать утратившим силу приказ {reference}."
    assert order_services.submission_blockers(cancelling) == []


def test_an_order_whose_only_point_is_control_cannot_be_submitted(world):
    order = services.order_draft_free(
        organization=world.school, title="О чём-то", by=world.users["coordinator"]
    )
    assert order.items == [texts.CONTROL_ITEM]
    with pytest.raises(ValidationError, match="нет распорядительных пунктов, кроме пункта о контроле"):
        services.order_submit(order=order, by=world.users["coordinator"])


# --- 3. People named in the right case ----------------------------------------------------------------


def test_the_curators_order_names_each_curator_once_declined_with_all_their_areas(world, programme, deputy):
    programme.curators.create(
        curator=world.users["coordinator"], form=MentoringForm.objects.get(code="pupil_pupil")
    )
    text = signed_text(sign(draft(world, programme, Kind.CURATORS), world))
    assert (
        "— Зерщикову Анну Николаевну, заместителя директора по УВР, — по программе в целом; по форме «Ученик – ученик»"
        in text
    )
    assert "— Лебедеву Ольгу Викторовну, учителя, — по форме «Учитель – ученик»" in text
    assert text.count("Зерщикову Анну Николаевну") == 1
    assert (
        "Зерщиковой Анне Николаевне, заместителю директора по УВР, и Лебедевой Ольге Викторовне, учителю, "
        "обеспечить формирование баз" in text
    )
    assert "Кураторам" not in text  # executors are named people


def test_the_reward_order_puts_each_name_in_the_case_its_verb_governs(world, programme, girl):
    smirnov = make_person(world.school, "Смирнов", "Илья", "Андреевич", sex="M", position="учитель истории")
    order = services.order_draft_reward(
        programme=programme,
        awards=[
            (world.persons["mentor"], "mentor_of_year"),
            (world.persons["child"], "certificate"),
            (girl, "certificate"),
            (smirnov, "thanks"),
            (world.persons["mentee"], "best_pair"),
        ],
        by=world.users["coordinator"],
    )
    text = signed_text(sign(order, world))
    assert "Присвоить звание «Наставник года» Ивановой Марии Петровне, учителю." in text
    assert (
        "Наградить Почётной грамотой Сидорова Павла Игоревича, обучающегося 7Б класса, и Фёдорову Дарью "
        "Алексеевну, обучающуюся 7Б класса." in text
    )
    assert "Объявить благодарность Смирнову Илье Андреевичу, учителю истории." in text
    assert "Признать победителем в номинации «Лучшая пара» Петрова Ивана Сергеевича, учителя." in text
    assert "(учитель" not in text  # positions agree with the names, not in the nominative in brackets


# --- 4. Girls and boys --------------------------------------------------------------------------------


def test_a_girls_line_says_obuchayushchayasya_and_a_boys_obuchayushchiysya(world, programme, girl):
    make_bases(world)
    MenteeProfile.objects.create(organization=world.school, person=girl, entered_on=date(2025, 9, 1))
    give_consents(world.persons["mentor"], world.persons["child"], girl)
    by = world.users["coordinator"]
    pair = services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code="teacher_pupil"),
        mentor=world.persons["mentor"],
        mentees=[world.persons["child"], girl],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 29),
        by=by,
    )
    for person in (world.persons["mentor"], world.persons["child"], girl):
        services.pair_record_agreement(pair=pair, person=person, by=by)
    order = services.order_draft_pairs(programme=programme, pairs=[Pair.objects.get(pk=pair.pk)], by=by)
    text = signed_text(sign(order, world))
    assert (
        "— Иванову Марию Петровну, учителя, — наставником Сидорова Павла Игоревича, обучающегося 7Б класса, "
        "и Фёдоровой Дарьи Алексеевны, обучающейся 7Б класса." in text
    )
    assert "Фёдорова Дарья Алексеевна, обучающаяся 7Б класса" in text  # the appendix
    assert "Сидоров Павел Игоревич, обучающийся 7Б класса" in text


# --- 6. Deadlines -------------------------------------------------------------------------------------


def test_deadlines_are_counted_from_the_signing_date(world, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    assert "в срок до {+14}" in order.items[2]
    order = sign(order, world)
    due = order.approved_on + timedelta(days=14)
    assert f"в срок до {due:%d.%m.%Y}" in order.frozen["items"][2]
    assert "{+" not in " ".join(order.frozen["items"]) and f"в срок до {due:%d.%m.%Y}" in signed_text(order)


def test_signing_refuses_a_deadline_before_the_signing_date_naming_it(world, programme):
    order = draft(world, programme, Kind.FINAL_EVENT)
    yesterday = timezone.localdate() - timedelta(days=1)
    services.order_update(
        order=order,
        title=order.title,
        preamble=order.preamble,
        items=[f"Провести итоговое мероприятие в срок до {yesterday:%d.%m.%Y}.", texts.CONTROL_ITEM],
        by=world.users["coordinator"],
    )
    with pytest.raises(ValidationError) as error:
        services.order_submit(order=order, by=world.users["coordinator"])
    assert f"Пункт 1: срок «до {yesterday:%d.%m.%Y}» раньше даты подписания" in " ".join(error.value.messages)
    # Submitted while the date was ahead, signed after it: the director is refused with the same reason.
    Order.objects.filter(pk=order.pk).update(status=Order.Status.SUBMITTED)
    with pytest.raises(ValidationError, match="Пункт 1: срок «до"):
        services.order_approve(order=order, by=world.users["director"])
    assert not Order.objects.get(pk=order.pk).number


# --- 7, 8. The page: numbers, signature, acknowledgement, typography ----------------------------------


def test_page_numbers_at_the_top_from_page_two_and_the_acknowledgement_sheet_after_the_appendix(
    world, programme, agreed_pair
):
    order = sign(
        services.order_draft_pairs(programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]),
        world,
    )
    data = services.order_pdf(order)
    pages = pages_text(data)
    assert len(pages) >= 3
    numbers = page_numbers(data)
    # ГОСТ Р 7.0.97: the number at the top centre, from the second page; the first page has none
    assert numbers[0] == [] and all(numbers[i] == [str(i + 1)] for i in range(1, len(pages)))
    appendix = next(i for i, p in enumerate(pages) if "Приложение № 1 к приказу" in p)
    sheet = next(i for i, p in enumerate(pages) if "Лист ознакомления" in p)
    assert appendix < sheet and "Иванова Мария Петровна" in pages[sheet]


@pytest.mark.parametrize("filler", [14, 16, 18, 20])
def test_the_signature_and_the_acknowledgement_heading_never_stand_alone(world, programme, filler):
    """Orders of growing length: wherever the page breaks, the signature shares its page with the last point,
    and «С приказом ознакомлены» with the first person of the list."""
    order = draft(world, programme, Kind.FINAL_EVENT)
    points = [
        f"Пункт-заполнитель {n}: кураторам подготовить материалы к итоговому мероприятию, согласовать программу "
        "выступлений наставнических пар и разместить объявление на сайте школы."
        for n in range(filler)
    ]
    services.order_update(
        order=order,
        title=order.title,
        preamble=order.preamble,
        items=[*points, texts.CONTROL_ITEM],
        by=world.users["coordinator"],
    )
    pages = pages_text(services.order_pdf(order))
    signature = next(i for i, p in enumerate(pages) if "В.П. Терешкова" in p)
    assert "Контроль за исполнением настоящего приказа оставляю за собой." in pages[signature]
    heading = next(i for i, p in enumerate(pages) if "С приказом ознакомлены" in p)
    after = pages[heading].split("С приказом ознакомлены", 1)[1]
    assert "Зерщикова Анна Николаевна" in after or "Лебедева Ольга Викторовна" in after


def test_typography_of_the_order_text():
    from mentoring.templatetags.documents import typo

    html = str(typo("Приказ № 5 МБОУ «СОШ «Лицей» № 7» подписала В.П. Терешкова, ivanova@school.example"))
    assert "№\u00a05" in html
    assert '«СОШ „<span class="nh">Лицей</span>“\u00a0№\u00a07»' in html  # nested quotes „…“ inside «…»
    assert '<span class="nh">В.П.\u00a0Терешкова</span>' in html
    assert '<span class="nh">ivanova@school.example</span>' in html


# --- 12. The signature does not wait for the PDF ------------------------------------------------------


def test_the_signature_commits_without_rendering_and_the_pdf_follows(
    world, programme, agreed_pair, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    queued = []
    from celery import current_app

    monkeypatch.setattr(current_app, "send_task", lambda name, args, **options: queued.append((name, *args)))
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        services.order_approve(order=order, by=world.users["director"])
    order = Order.objects.get(pk=order.pk)
    assert order.status == Order.Status.APPROVED and order.number and order.frozen
    assert order.pdf_sha256 == "" and queued == [
        ("mentoring.tasks.render_order_pdf", order.pk)
    ]  # rendered by the worker, after the commit
    order = order_services.order_render_pdf(order.pk)
    assert (
        order.pdf_sha256
        and order.pdf_attempts == 1
        and "Петрова Ивана Сергеевича" in text_of(order.stored_pdf())
    )


def test_a_failed_render_is_recorded_and_retried(world, programme, agreed_pair, monkeypatch):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    order = sign(order, world)
    real, calls = order_services.render_frozen, []

    def flaky(frozen):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("нет памяти")
        return real(frozen)

    monkeypatch.setattr(order_services, "render_frozen", flaky)
    order_services.order_render_with_retries(order.pk, pause=0)
    order = Order.objects.get(pk=order.pk)
    assert len(calls) == 2 and order.pdf_attempts == 2 and order.pdf_sha256 and order.pdf_error == ""
    assert (
        order.frozen["items"] == Order.objects.get(pk=order.pk).frozen["items"]
    )  # the signed data is untouched


def test_the_order_page_shows_the_pdf_being_prepared_then_its_hash(world, client, programme, agreed_pair):
    from django.urls import reverse

    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    order = sign(order, world)
    director = world.client(client, "director")
    url = reverse("mentoring:order.pdf_status", args=[order.pk])
    partial = director.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "PDF формируется" in partial and 'hx-trigger="every 1s"' in partial
    assert (
        "PDF формируется" in director.get(reverse("mentoring:order.detail", args=[order.pk])).content.decode()
    )
    order = order_services.order_render_pdf(order.pk)
    partial = director.get(url).content.decode()
    assert order.pdf_sha256 in partial and "every 1s" not in partial
    assert world.client(client, "other_coordinator").get(url).status_code == 404


def test_a_quoted_old_deadline_in_an_amendment_is_not_a_deadline():
    day = date(2026, 3, 1)
    items = [
        "Внести изменения: слова «в срок до 13.10.2025» заменить словами «в срок до 20.03.2026».",
        "в срок до 01.02.2026.",
    ]
    assert texts.deadline_problems(items, day) == [
        "Пункт 2: срок «до 01.02.2026» раньше даты подписания 01.03.2026 — исправьте срок (или запишите его как "
        "«{+N}»: N дней со дня подписания)."
    ]
