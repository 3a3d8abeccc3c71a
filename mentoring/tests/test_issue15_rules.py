"""Issue 15, items 1–11: dead ends and wrong answers of daily use (each test breaks without its fix)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.actor import Actor
from accounts.infra.integrity import CONSTRAINT_FIELDS, CONSTRAINT_MESSAGES
from accounts.models import AuditEntry, Consent
from conftest import give_consents, make_bases, make_person
from mentoring import services
from mentoring.models import (
    IndividualPlan,
    Meeting,
    MeetingComment,
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    Pair,
    PlanItem,
)
from mentoring.selectors.pending import pending_work
from mentoring.tests.factories import add_item, make_pair, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def child_pair(world, active_pair):
    give_consents(world.persons["mentor"], world.persons["child"])
    return active_pair


def _withdraw(world):
    return services.consent_withdraw(
        subject=world.persons["child"], kinds=["personal_data"], by=world.users["parent"]
    )


# 1. A suspended pair can resume ------------------------------------------------------------------------------


def test_a_suspended_pair_resumes_once_the_consent_is_valid_again(world, client, child_pair):
    _withdraw(world)
    child_pair.refresh_from_db()
    assert child_pair.status == Pair.Status.SUSPENDED and child_pair.suspended_from == Pair.Status.ACTIVE
    coordinator = world.users["coordinator"]
    # While the consent is withdrawn, it cannot resume, and the page says why.
    with pytest.raises(ValidationError) as excinfo:
        services.pair_resume(pair=child_pair, reason="Подписано", by=coordinator)
    assert "Сидоров Павел Игоревич" in " ".join(excinfo.value.messages)
    page = world.client(client, "coordinator").get(child_pair.get_absolute_url()).content.decode()
    assert "Возобновить можно, когда согласия снова подписаны" in page
    assert reverse("mentoring:pair.resume", args=[child_pair.pk]) not in page
    # Signed again: the page and the coordinator's work list propose to resume.
    give_consents(world.persons["child"], kinds=("personal_data",))
    page = world.client(client, "coordinator").get(child_pair.get_absolute_url()).content.decode()
    assert reverse("mentoring:pair.resume", args=[child_pair.pk]) in page
    keys = {item.key for item in pending_work(Actor.of(coordinator, world.school), date(2025, 11, 10))}
    assert "pairs_resumable" in keys
    # A reason is required.
    with pytest.raises(ValidationError):
        services.pair_resume(pair=child_pair, reason=" ", by=coordinator)
    response = world.client(client, "curator").post(
        reverse("mentoring:pair.resume", args=[child_pair.pk]), {"reason": "Согласие подписано заново"}
    )
    assert response.status_code == 302
    child_pair.refresh_from_db()
    assert child_pair.status == Pair.Status.ACTIVE and child_pair.suspended_from == ""
    entry = AuditEntry.objects.get(action="pair.resume")
    assert entry.data["reason"] == "Согласие подписано заново" and entry.actor == world.users["curator"]
    page = world.client(client, "coordinator").get(child_pair.get_absolute_url()).content.decode()
    assert "История пары" in page and "Возобновлена: Согласие подписано заново" in page
    assert "Приостановлена: отозвано согласие участника" in page
    # The mentor sees the pair again.
    assert world.client(client, "mentor").get(child_pair.get_absolute_url()).status_code == 200


def test_only_a_suspended_pair_resumes_and_only_by_its_managers(world, client, child_pair):
    with pytest.raises(ValidationError, match="только приостановленную"):
        services.pair_resume(pair=child_pair, reason="x", by=world.users["coordinator"])
    _withdraw(world)
    give_consents(world.persons["child"], kinds=("personal_data",))
    url = reverse("mentoring:pair.resume", args=[child_pair.pk])
    assert world.client(client, "director").post(url, {"reason": "x"}).status_code == 403
    child_pair.refresh_from_db()
    assert child_pair.status == Pair.Status.SUSPENDED


# 2. Every constraint has a Russian message, shown at its field -------------------------------------------------


def test_every_constraint_of_every_app_has_a_russian_message():
    from django.apps import apps

    names = [c.name for model in apps.get_models() for c in model._meta.constraints]
    assert names and [name for name in names if name not in CONSTRAINT_MESSAGES] == []
    assert set(CONSTRAINT_FIELDS) <= set(CONSTRAINT_MESSAGES)


def test_the_pair_form_shows_the_dates_constraint_at_the_end_date(world, client, programme):
    make_bases(world)
    data = {
        "programme": programme.pk,
        "form": MentoringForm.objects.get(code="teacher_pupil").pk,
        "mentor": world.persons["mentor"].pk,
        "start_date": "2026-05-01",
        "end_date": "2025-10-01",
    }
    response = world.client(client, "coordinator").post(reverse("mentoring:pair.create"), data)
    form = response.context["form"]
    assert form.errors["end_date"] == ["Окончание работы пары должно быть позже её начала."]
    assert not form.non_field_errors()
    assert "pair_dates_ordered" not in response.content.decode()


# 3. Each form states who may be mentor and mentee ------------------------------------------------------------


def _pupil(world, last, group):
    person = make_person(world.school, last, "Пётр", "", sex="M", kind="student", group=group)
    MenteeProfile.objects.create(organization=world.school, person=person, entered_on=date(2025, 9, 1))
    MentorProfile.objects.create(organization=world.school, person=person, entered_on=date(2025, 9, 1))
    return person


def test_the_form_refuses_participants_it_is_not_for(world, programme):
    make_bases(world)
    older, younger = _pupil(world, "Старший", "11А"), _pupil(world, "Младший", "6А")
    form = MentoringForm.objects.get(code="teacher_teacher")
    assert form.mentor_kinds == ["staff"] and form.mentee_kinds == ["staff"]
    by = world.users["coordinator"]
    # An 11А pupil is not a teacher: refused in «Учитель – учитель», naming the rule.
    with pytest.raises(ValidationError) as excinfo:
        services.pair_create(
            programme=programme, form=form, mentor=older, start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 1), by=by, mentees=[younger],
        )  # fmt: skip
    text = " ".join(excinfo.value.messages)
    assert "не может быть наставником" in text and "«Учитель – учитель»" in text
    assert "наставник — работник ОО (педагог)" in text
    assert not Pair.objects.exists()
    # «Ученик – ученик»: the older pupil for the younger one, never the other way round.
    pupils = MentoringForm.objects.get(code="pupil_pupil")
    pair = services.pair_create(
        programme=programme, form=pupils, mentor=older, start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1), by=by, mentees=[younger],
    )  # fmt: skip
    assert list(pair.mentees.all()) == [younger]
    back = services.pair_create(
        programme=programme, form=pupils, mentor=_pupil(world, "Шестой", "6Б"), start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1), by=by,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="не старше"):
        services.pair_add_mentee(pair=back, mentee=_pupil(world, "Седьмой", "7А"), by=by)
    # A teacher as mentee of a pupil-to-pupil pair: refused.
    with pytest.raises(ValidationError, match="не может быть наставляемым"):
        services.pair_add_mentee(pair=pair, mentee=world.persons["mentee"], by=by)


def test_the_catalogue_and_the_pair_form_state_who_may_take_part(world, client, programme):
    c = world.client(client, "coordinator")
    rule = "наставник — обучающийся, наставляемый — обучающийся; наставник учится в более старшем классе"
    assert rule in c.get(reverse("mentoring:catalogue")).content.decode()
    assert rule in c.get(reverse("mentoring:pair.create")).content.decode()


# 4. A form-level error appears once ----------------------------------------------------------------------------


def test_a_form_level_error_is_shown_once(world, client, programme):
    make_bases(world)
    data = {
        "programme": programme.pk,
        "form": MentoringForm.objects.get(code="teacher_pupil").pk,
        "mentor": world.persons["mentor"].pk,
        "start_date": "2025-08-01",
        "end_date": "2026-05-29",
    }
    page = world.client(client, "coordinator").post(reverse("mentoring:pair.create"), data).content.decode()
    assert page.count("Сроки пары должны быть в пределах программы") == 1


def test_the_import_page_shows_its_form_error_once(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("list.txt", b"not a table", content_type="text/plain")
    response = world.client(client, "coordinator").post(
        reverse("mentoring:import.start"), {"base": "mentees", "file": upload}
    )
    form = response.context["form"]
    errors = [str(e) for e in form.non_field_errors()] + [str(e) for e in form.errors.get("file", [])]
    assert errors
    page = response.content.decode()
    assert all(
        page.count(str(error)) == (2 if error in form.errors.get("file", []) else 1) for error in errors
    )


def test_no_template_lists_form_errors_beside_a_crispy_form():
    """The cause of the doubled errors: a page printed the form's errors itself and rendered it with crispy,
    which opens with the error summary (templates/bootstrap5/errors.html). One place lists them: the summary."""
    from pathlib import Path

    from django.conf import settings

    doubled = []
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in Path(folder).rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            crispy = "{% crispy form %}" in text or "{{ form|crispy }}" in text
            if crispy and ("form.non_field_errors" in text or "_error_summary.html" in text):
                doubled.append(str(path))
    assert doubled == []


# 5. A plan whose end is before its start -----------------------------------------------------------------------


def test_a_plan_ending_before_it_starts_is_told_so(world, active_pair):
    plan = IndividualPlan(
        pair=active_pair,
        mentee=world.persons["child"],
        start_date=date(2026, 3, 1),
        end_date=date(2025, 11, 1),
    )
    with pytest.raises(ValidationError) as excinfo:
        services.plan_save(plan=plan, by=world.users["mentor"])
    assert excinfo.value.message_dict == {"end_date": ["Окончание плана должно быть позже его начала."]}


# 6. One open pairs order per pair; the picker and the register ------------------------------------------------


def test_a_pair_goes_into_one_open_pairs_order(world, client, agreed_pair, programme):
    by = world.users["coordinator"]
    order = services.order_draft_pairs(programme=programme, pairs=[agreed_pair], by=by)
    with pytest.raises(ValidationError) as excinfo:
        services.order_draft_pairs(programme=programme, pairs=[agreed_pair], by=by)
    text = " ".join(excinfo.value.messages)
    assert "только в одном неподписанном приказе" in text and "Иванова М.П. → Петров И.С." in text
    # The picker does not offer it and says why.
    page = world.client(client, "coordinator").get(reverse("mentoring:order.create") + "?kind=pairs")
    form = page.context["form"]
    assert agreed_pair not in form.fields["pairs"].queryset
    assert "уже в неподписанном проекте приказа" in form.fields["pairs"].help_text
    # The register: created date, author, number of pairs.
    page = world.client(client, "coordinator").get(reverse("mentoring:order.list")).content.decode()
    assert (
        "Составлен" in page
        and "Зерщикова А.Н." in page
        and timezone.localtime(order.created_at).strftime("%d.%m.%Y") in page
    )
    row = page[page.index(reverse("mentoring:order.detail", args=[order.pk])) :]
    assert "<td>1</td>" in row[:2000]


def test_the_pairs_picker_names_mentor_mentees_and_form(world, client, programme):
    make_bases(world)
    give_consents(world.persons["mentor"], world.persons["child"])
    make_pair(
        programme,
        form="teacher_pupil",
        mentor=world.persons["mentor"],
        mentees=[world.persons["child"]],
        by=world.users["coordinator"],
        stage="agreed",
    )
    page = world.client(client, "coordinator").get(reverse("mentoring:order.create") + "?kind=pairs")
    assert "Иванова М.П. → Сидоров П.И. — Учитель – ученик" in page.content.decode()


# 7. Approved plan rows are marks only; a change of content needs re-approval ------------------------------------


@pytest.fixture
def approved_plan(world, active_pair):
    plan = make_plan(active_pair, by=world.users["mentor"], start=date(2025, 10, 1), end=date(2026, 5, 1))
    item = add_item(plan, by=world.users["mentor"])
    services.plan_submit(plan=plan, by=world.users["mentor"])
    services.plan_approve(plan=plan, by=world.users["curator"])
    plan.refresh_from_db()
    return plan, item


def test_marks_keep_the_plan_approved_but_content_changes_need_reapproval(world, client, approved_plan):
    plan, item = approved_plan
    mentor = world.users["mentor"]
    item.is_done, item.comment = True, "сделано"
    services.plan_item_save(item=item, by=mentor)
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.APPROVED
    page = world.client(client, "mentor").get(plan.get_absolute_url()).content.decode()
    assert "вернёт план в черновик" in page
    item.activity = "Другое мероприятие"
    services.plan_item_save(item=item, by=mentor)
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.DRAFT and plan.approved_at is None


@pytest.mark.parametrize("change", ["add", "delete"])
def test_adding_or_deleting_a_row_returns_an_approved_plan_to_draft(world, client, approved_plan, change):
    plan, item = approved_plan
    c = world.client(client, "mentor")
    if change == "add":
        response = c.post(
            reverse("mentoring:plan.item.create", args=[plan.pk]), {"activity": "Новое", "period": "май"}
        )
    else:
        response = c.post(reverse("mentoring:plan.item.delete", args=[plan.pk, item.pk]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.DRAFT
    page = c.get(plan.get_absolute_url()).content.decode()
    assert "план вернулся в черновик" in page


# 8. The two consents named apart; a withdrawn 152-ФЗ consent shown on the pair page -----------------------------


def test_the_pair_page_names_the_agreement_and_the_data_consent_apart(world, client, child_pair):
    Pair.objects.filter(pk=child_pair.pk).update(status=Pair.Status.ACTIVE)
    page = world.client(client, "coordinator").get(child_pair.get_absolute_url()).content.decode()
    assert "Согласие на участие в паре" in page and "Согласие на обработку данных" in page
    assert "152-ФЗ: отозвано" not in page
    Consent.objects.filter(subject=world.persons["child"], kind="personal_data").update(status="withdrawn")
    page = world.client(client, "coordinator").get(child_pair.get_absolute_url()).content.decode()
    assert "152-ФЗ: отозвано" in page
    Consent.objects.filter(subject=world.persons["child"], kind="participation").update(
        expires_on=date(2025, 1, 1)
    )
    page = world.client(client, "coordinator").get(child_pair.get_absolute_url()).content.decode()
    assert "на участие в программе: истёк срок" in page


# 9. Each role's list in the menu -------------------------------------------------------------------------------


def test_the_curator_lists_plans_waiting_for_approval(
    world, client, active_pair, django_assert_max_num_queries
):
    plan = make_plan(active_pair, by=world.users["mentor"], start=date(2025, 10, 1), end=date(2026, 5, 1))
    add_item(plan, by=world.users["mentor"])
    c = world.client(client, "curator")
    assert "Планов на утверждении нет" in c.get(reverse("mentoring:plan.list")).content.decode()
    services.plan_submit(plan=plan, by=world.users["mentor"])
    with django_assert_max_num_queries(12):
        page = c.get(reverse("mentoring:plan.list")).content.decode()
    assert plan.get_absolute_url() in page and "Сидоров Павел Игоревич" in page
    assert reverse("mentoring:plan.list") in c.get(reverse("home")).content.decode()  # in the menu


def test_the_director_reaches_the_mentors_reviews_from_the_menu(world, client, active_pair):
    c = world.client(client, "director")
    home = c.get(reverse("home")).content.decode()
    assert reverse("mentoring:review.list") in home
    response = c.get(reverse("mentoring:review.list"))
    assert response.status_code == 200 and "Сидоров Павел Игоревич" in response.content.decode()


# 10. The mentee's part -----------------------------------------------------------------------------------------


def test_a_mentee_marks_a_row_done_and_the_mentor_confirms(world, client, approved_plan):
    plan, item = approved_plan
    parent = world.client(client, "parent")
    page = parent.get(plan.get_absolute_url()).content.decode()
    assert "Я выполнил(а)" in page
    response = parent.post(reverse("mentoring:plan.item.propose", args=[plan.pk, item.pk]), {"done": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.mentee_done_on is not None and not item.is_done
    page = world.client(client, "mentor").get(plan.get_absolute_url()).content.decode()
    assert "подтвердить выполнение" in page and "data-proposed-done" in page
    item.is_done = True
    services.plan_item_save(item=item, by=world.users["mentor"])
    item.refresh_from_db()
    assert item.is_done and item.done_on is not None and item.mentee_done_on is None
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.APPROVED  # a mark, not a change
    with pytest.raises(ValidationError, match="уже подтвердил"):
        services.plan_item_propose_done(item=item, by=world.users["parent"])


def test_a_mentee_comments_on_a_meeting_that_took_place(world, client, active_pair):
    meeting = Meeting.objects.create(
        pair=active_pair, kind="organisational", date=date(2025, 10, 2), topic="Знакомство"
    )
    parent = world.client(client, "parent")
    url = reverse("mentoring:meeting.comment", args=[active_pair.pk, meeting.pk])
    assert url in parent.get(active_pair.get_absolute_url()).content.decode()
    assert parent.post(url, {"text": "Было полезно"}).status_code == 302
    comment = MeetingComment.objects.get()
    assert comment.author == world.persons["parent"] and comment.text == "Было полезно"
    assert (
        "Было полезно" in world.client(client, "mentor").get(active_pair.get_absolute_url()).content.decode()
    )
    # The mentor does not comment as a mentee.
    assert world.client(client, "mentor").post(url, {"text": "x"}).status_code == 403
    later = timezone.localdate() + timedelta(days=10)
    future = Meeting.objects.create(pair=active_pair, kind="regular", date=later, topic="Потом")
    with pytest.raises(ValidationError, match="ещё не прошла"):
        services.meeting_comment(
            meeting=future, author=world.persons["parent"], text="x", by=world.users["parent"]
        )


# 11. A second meeting of the same kind on the same date --------------------------------------------------------


def test_a_second_meeting_of_a_kind_on_a_date_asks_to_confirm(world, client, active_pair):
    c = world.client(client, "mentor")
    url = reverse("mentoring:meeting.create", args=[active_pair.pk])
    data = {"kind": "regular", "date": "2025-11-10", "topic": "Разбор задач"}
    assert c.post(url, data).status_code == 302
    response = c.post(url, data)
    assert response.status_code == 200
    assert "уже записана встреча «Регулярная встреча»" in response.content.decode()
    assert Meeting.objects.filter(pair=active_pair).count() == 1
    assert c.post(url, {**data, "confirm_duplicate": "on"}).status_code == 302
    assert Meeting.objects.filter(pair=active_pair).count() == 2
    assert PlanItem.objects.count() == 0
