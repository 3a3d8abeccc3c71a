"""The rules of the pair lifecycle (mentoring/services/pairs.py): each rule with a case that breaks it and one
that passes, and the database constraints that repeat them."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import AuditEntry, Person
from conftest import make_bases, make_person
from mentoring import services
from mentoring.models import (
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    MentorTerm,
    Pair,
    PairMentee,
    ReplacementGround,
    RoleModel,
)
from mentoring.services import pairs as pair_services

pytestmark = pytest.mark.django_db

START, END = date(2025, 10, 1), date(2026, 5, 29)


def form(code: str) -> MentoringForm:
    return MentoringForm.objects.get(code=code)


def message(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def mentee_in_base(world, last, first, *, kind=Person.Kind.STUDENT, organization=None, **fields) -> Person:
    organization = organization or world.school
    person = make_person(organization, last, first, kind=kind, **fields)
    MenteeProfile.objects.create(
        organization=organization,
        person=person,
        entered_on=date(2025, 9, 1),
        main_request="повышение успеваемости",
    )
    return person


def mentor_in_base(world, person) -> Person:
    MentorProfile.objects.create(organization=person.organization, person=person, entered_on=date(2025, 9, 1))
    return person


def new_pair(world, programme, *, code="teacher_pupil", mentor=None, mentees=(), **fields) -> Pair:
    make_bases(world)
    fields.setdefault("start_date", START)
    fields.setdefault("end_date", END)
    return services.pair_create(
        programme=programme,
        form=form(code),
        mentor=mentor or world.persons["mentor"],
        by=world.users["coordinator"],
        mentees=mentees,
        **fields,
    )


def agree_all(world, pair) -> Pair:
    by = world.users["coordinator"]
    services.pair_record_agreement(pair=pair, person=pair.mentor, by=by, on=date(2025, 9, 25))
    for mentee in pair.mentees.filter(pair_memberships__pair=pair, pair_memberships__is_open=True):
        services.pair_record_agreement(pair=pair, person=mentee, by=by, on=date(2025, 9, 26))
    pair.refresh_from_db()
    return pair


def run_to(world, pair, status) -> Pair:
    """Walk a draft pair with mentees through the lifecycle up to `status`."""
    by = world.users["coordinator"]
    agree_all(world, pair)
    if status in (Pair.Status.APPROVED, Pair.Status.ACTIVE):
        services.pair_approve(pair=pair, by=by)
    if status == Pair.Status.ACTIVE:
        services.pair_activate(pair=pair, by=by)
    pair.refresh_from_db()
    assert pair.status == status
    return pair


# ---------------------------------------------------------------- pair_create


def test_pair_create_makes_a_draft_with_the_first_mentor_term_and_an_audit_entry(world, programme):
    pair = new_pair(
        world, programme, mentees=[world.persons["child"]], goal="Повышение успеваемости по математике"
    )
    assert pair.status == Pair.Status.DRAFT
    assert pair.organization == world.school
    assert list(pair.mentor_terms.values_list("mentor", "started_on", "ended_on")) == [
        (world.persons["mentor"].pk, START, None)
    ]
    assert list(pair.mentees.all()) == [world.persons["child"]]
    actions = list(AuditEntry.objects.filter(object_id=str(pair.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["pair.add_mentee", "pair.create"]
    assert AuditEntry.objects.get(action="pair.create").actor == world.users["coordinator"]


def test_pair_create_refuses_a_form_not_chosen_in_the_programme(world, programme):
    with pytest.raises(ValidationError) as excinfo:
        new_pair(world, programme, code="student_student")
    assert "не выбрана в программе" in message(excinfo)
    assert not Pair.objects.exists()


def test_pair_create_refuses_a_role_model_of_another_form(world, programme):
    foreign = RoleModel.objects.get(form__code="pupil_pupil", code="leader_passive")
    with pytest.raises(ValidationError) as excinfo:
        new_pair(world, programme, role_model=foreign)
    assert "Ролевая модель относится к другой форме" in message(excinfo)
    own = RoleModel.objects.filter(form__code="teacher_pupil").first()
    assert new_pair(world, programme, role_model=own).role_model == own


def test_pair_create_refuses_a_mentor_not_in_the_mentor_base(world, programme):
    teacher = make_person(world.school, "Новикова", "Дарья", "Игоревна")
    with pytest.raises(ValidationError) as excinfo:
        new_pair(world, programme, mentor=teacher)
    assert "нет в базе наставников" in message(excinfo)
    assert not Pair.objects.exists()
    mentor_in_base(world, teacher)
    assert new_pair(world, programme, mentor=teacher).mentor == teacher


def test_pair_create_refuses_a_mentor_of_another_organisation(world, programme):
    stranger = mentor_in_base(world, world.persons["other_teacher"])  # even in their own school's base
    with pytest.raises(ValidationError) as excinfo:
        new_pair(world, programme, mentor=stranger)
    assert "участником этой организации" in message(excinfo)
    assert not Pair.objects.exists()


@pytest.mark.parametrize(
    "start, end",
    [
        (date(2025, 8, 31), END),  # starts before the programme
        (START, date(2026, 7, 1)),  # ends after the programme
        (date(2025, 8, 1), date(2026, 7, 31)),
    ],
)
def test_pair_create_refuses_dates_outside_the_programme(world, programme, start, end):
    with pytest.raises(ValidationError) as excinfo:
        new_pair(world, programme, start_date=start, end_date=end)
    assert "в пределах программы: с 01.09.2025 по 30.06.2026" in message(excinfo)
    assert not Pair.objects.exists()


def test_pair_create_accepts_the_exact_programme_period(world, programme):
    pair = new_pair(world, programme, start_date=programme.start_date, end_date=programme.end_date)
    assert (pair.start_date, pair.end_date) == (date(2025, 9, 1), date(2026, 6, 30))


@pytest.mark.parametrize("end", [START, date(2025, 9, 15)])
def test_pair_create_refuses_an_end_not_after_the_start(world, programme, end):
    with pytest.raises(ValidationError) as excinfo:
        new_pair(world, programme, end_date=end)
    assert "Окончание работы пары должно быть позже её начала." in excinfo.value.messages
    assert not Pair.objects.exists()


def test_the_database_refuses_a_pair_ending_before_it_starts(world, programme):
    pair = new_pair(world, programme)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.filter(pk=pair.pk).update(end_date=date(2025, 9, 1))


# ----------------------------------------------------------- pair_add_mentee


def test_a_group_takes_five_mentees_and_refuses_the_sixth(world, programme):
    pair = new_pair(world, programme)
    children = [mentee_in_base(world, "Ученик", f"Номер{i}") for i in range(6)]
    for child in children[:5]:
        services.pair_add_mentee(pair=pair, mentee=child, by=world.users["coordinator"])
    assert pair.memberships.filter(is_open=True).count() == 5
    assert sorted(pair.memberships.values_list("slot", flat=True)) == [1, 2, 3, 4, 5]
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(pair=pair, mentee=children[5], by=world.users["coordinator"])
    assert message(excinfo) == "В группе не может быть больше 5 наставляемых."
    assert not children[5].pair_memberships.exists()


def test_the_database_refuses_a_sixth_open_place(world, programme):
    pair = new_pair(world, programme)
    children = [mentee_in_base(world, "Ученик", f"Номер{i}") for i in range(6)]
    for child in children[:5]:
        services.pair_add_mentee(pair=pair, mentee=child, by=world.users["coordinator"])
    place = {"pair": pair, "mentee": children[5], "form": pair.form, "joined_on": START}
    with pytest.raises(IntegrityError), transaction.atomic():
        PairMentee.objects.create(slot=6, **place)  # CheckConstraint: slot 1..5
    with pytest.raises(IntegrityError), transaction.atomic():
        PairMentee.objects.create(slot=3, **place)  # an open slot is taken
    # A closed place does not hold a slot: the unique slot is among open places only.
    PairMentee.objects.filter(pair=pair, slot=3).update(is_open=False)
    PairMentee.objects.create(slot=3, **place)
    assert pair.memberships.filter(is_open=True).count() == 5


def test_a_parent_cannot_mentor_their_own_child(world, programme):
    parent = mentor_in_base(world, world.persons["parent"])
    pair = new_pair(world, programme, code="teacher_pupil", mentor=parent)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(pair=pair, mentee=world.persons["child"], by=world.users["coordinator"])
    assert "родитель не может быть наставником своего ребёнка" in message(excinfo)
    assert "Сидорова Елена Андреевна" in message(excinfo)
    # Another child is fine for the same parent-mentor.
    services.pair_add_mentee(pair=pair, mentee=world.persons["stranger_child"], by=world.users["coordinator"])
    assert list(pair.mentees.all()) == [world.persons["stranger_child"]]


def test_pair_create_with_a_parent_and_their_child_saves_nothing(world, programme):
    parent = mentor_in_base(world, world.persons["parent"])
    with pytest.raises(ValidationError):
        new_pair(world, programme, code="teacher_pupil", mentor=parent, mentees=[world.persons["child"]])
    assert not Pair.objects.exists()
    assert not AuditEntry.objects.filter(action="pair.create").exists()


def test_the_mentor_cannot_be_their_own_mentee(world, programme):
    pair = new_pair(world, programme)
    MenteeProfile.objects.create(
        organization=world.school,
        person=world.persons["mentor"],
        entered_on=date(2025, 9, 1),
        main_request="цифровые навыки",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(pair=pair, mentee=world.persons["mentor"], by=world.users["coordinator"])
    assert message(excinfo) == "Наставник не может быть наставляемым в своей же паре."
    assert not pair.memberships.exists()


def test_a_mentee_must_be_in_the_mentee_base(world, programme):
    pair = new_pair(world, programme)
    outsider = make_person(world.school, "Базы", "Нет", kind=Person.Kind.STUDENT)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(pair=pair, mentee=outsider, by=world.users["coordinator"])
    assert message(excinfo) == "Базы Нет нет в базе наставляемых: сначала добавьте его (её) в базу."
    MenteeProfile.objects.create(
        organization=world.school, person=outsider, entered_on=date(2025, 9, 1), main_request="адаптация"
    )
    services.pair_add_mentee(pair=pair, mentee=outsider, by=world.users["coordinator"])
    assert pair.memberships.get().mentee == outsider


def test_a_mentee_of_another_organisation_is_refused(world, programme):
    pair = new_pair(world, programme)
    stranger = mentee_in_base(world, "Чужой", "Ученик", organization=world.other)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(pair=pair, mentee=stranger, by=world.users["coordinator"])
    assert message(excinfo) == "Наставляемый должен быть участником этой организации."
    assert not pair.memberships.exists()


def test_the_same_mentee_twice_in_a_pair_is_refused(world, programme):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(pair=pair, mentee=world.persons["child"], by=world.users["coordinator"])
    assert "уже в этой паре" in message(excinfo)


def test_one_open_pair_per_mentee_in_a_form_but_another_form_is_fine(world, programme):
    child = world.persons["child"]
    first = new_pair(world, programme, mentees=[child])
    second_mentor = mentor_in_base(world, make_person(world.school, "Смирнова", "Ольга", "Петровна"))
    second = new_pair(world, programme, mentor=second_mentor)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(pair=second, mentee=child, by=world.users["coordinator"])
    assert "уже состоит в паре по форме «Учитель – ученик»" in message(excinfo)
    assert "Иванова Мария Петровна" in message(excinfo)
    older_pupil = mentor_in_base(
        world, make_person(world.school, "Орлов", "Глеб", "", sex="M", kind="student", group="11А")
    )
    other_form = new_pair(world, programme, code="pupil_pupil", mentor=older_pupil)
    services.pair_add_mentee(pair=other_form, mentee=child, by=world.users["coordinator"])
    assert set(child.pair_memberships.filter(is_open=True).values_list("pair", flat=True)) == {
        first.pk,
        other_form.pk,
    }


def test_the_database_refuses_a_second_open_pair_per_mentee_and_form(world, programme):
    child = world.persons["child"]
    new_pair(world, programme, mentees=[child])
    second_mentor = mentor_in_base(world, make_person(world.school, "Смирнова", "Ольга", "Петровна"))
    second = new_pair(world, programme, mentor=second_mentor)
    with pytest.raises(IntegrityError), transaction.atomic():
        PairMentee.objects.create(pair=second, mentee=child, form=second.form, slot=1, joined_on=START)
    # A closed place in that form does not count.
    PairMentee.objects.create(
        pair=second, mentee=child, form=second.form, slot=1, joined_on=START, is_open=False
    )
    assert child.pair_memberships.count() == 2


@pytest.mark.parametrize("closing", ["complete", "terminate"])
def test_after_the_first_pair_closes_a_new_pair_in_that_form_is_fine(world, programme, active_pair, closing):
    child = world.persons["child"]
    by = world.users["coordinator"]
    if closing == "complete":
        services.pair_complete(pair=active_pair, by=by, on=date(2026, 5, 29))
    else:
        services.pair_terminate(pair=active_pair, reason="Переезд семьи", by=by, on=date(2026, 1, 20))
    second_mentor = mentor_in_base(world, make_person(world.school, "Смирнова", "Ольга", "Петровна"))
    second = new_pair(world, programme, mentor=second_mentor, start_date=date(2026, 2, 1))
    place = services.pair_add_mentee(pair=second, mentee=child, by=by)
    assert place.is_open and place.form.code == "teacher_pupil"


@pytest.mark.parametrize("status", [Pair.Status.APPROVED, Pair.Status.ACTIVE])
def test_no_mentee_is_added_to_an_approved_or_active_pair(world, programme, status):
    pair = run_to(world, new_pair(world, programme, mentees=[world.persons["child"]]), status)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_add_mentee(
            pair=pair, mentee=world.persons["stranger_child"], by=world.users["coordinator"]
        )
    assert "Состав можно менять только у пары в статусе «Проект» или «Согласована»" in message(excinfo)
    assert pair.memberships.count() == 1


def test_a_mentee_added_to_a_past_pair_joins_within_the_pair_dates(world, programme, monkeypatch):
    monkeypatch.setattr(pair_services, "_today", lambda: date(2026, 11, 23))
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    place = pair.memberships.get()
    assert pair.start_date <= place.joined_on <= pair.end_date


def test_a_mentee_added_before_the_start_joins_on_the_start(world, programme, monkeypatch):
    monkeypatch.setattr(pair_services, "_today", lambda: date(2025, 9, 20))
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    assert pair.memberships.get().joined_on == START


def test_a_mentor_who_left_the_mentor_base_gets_no_new_pair(world, programme):
    make_bases(world)
    MentorProfile.objects.filter(person=world.persons["mentor"]).update(left_on=date(2025, 9, 20))
    with pytest.raises(ValidationError):
        new_pair(world, programme)


def test_a_mentee_who_left_the_mentee_base_is_not_added(world, programme):
    pair = new_pair(world, programme)
    MenteeProfile.objects.filter(person=world.persons["child"]).update(left_on=date(2025, 9, 20))
    with pytest.raises(ValidationError):
        services.pair_add_mentee(pair=pair, mentee=world.persons["child"], by=world.users["coordinator"])


# ----------------------------------------------------------------- lifecycle


def test_agreement_of_the_mentor_and_all_mentees_makes_the_pair_agreed(world, programme):
    child, other = world.persons["child"], world.persons["stranger_child"]
    pair = new_pair(world, programme, mentees=[child, other])
    by = world.users["coordinator"]
    services.pair_record_agreement(pair=pair, person=world.persons["mentor"], by=by, on=date(2025, 9, 25))
    services.pair_record_agreement(pair=pair, person=child, by=by, on=date(2025, 9, 26))
    pair.refresh_from_db()
    assert pair.status == Pair.Status.DRAFT  # one mentee has not agreed yet
    assert pair.mentor_agreed_on == date(2025, 9, 25)
    services.pair_record_agreement(pair=pair, person=other, by=by, on=date(2025, 9, 27))
    pair.refresh_from_db()
    assert pair.status == Pair.Status.AGREED
    assert dict(pair.memberships.values_list("mentee", "mentee_agreed_on")) == {
        child.pk: date(2025, 9, 26),
        other.pk: date(2025, 9, 27),
    }
    assert AuditEntry.objects.filter(action="pair.agreement", object_id=str(pair.pk)).count() == 3


def test_mentees_agreement_without_the_mentors_leaves_a_draft(world, programme):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    services.pair_record_agreement(pair=pair, person=world.persons["child"], by=world.users["coordinator"])
    pair.refresh_from_db()
    assert pair.status == Pair.Status.DRAFT


def test_a_pair_without_mentees_is_not_agreed(world, programme):
    pair = new_pair(world, programme)
    services.pair_record_agreement(pair=pair, person=world.persons["mentor"], by=world.users["coordinator"])
    pair.refresh_from_db()
    assert pair.status == Pair.Status.DRAFT


def test_agreement_of_a_non_participant_is_refused(world, programme):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    with pytest.raises(ValidationError) as excinfo:
        services.pair_record_agreement(
            pair=pair, person=world.persons["stranger_child"], by=world.users["coordinator"]
        )
    assert "не участник этой пары" in message(excinfo)


def test_a_new_mentee_sends_an_agreed_pair_back_to_draft(world, programme):
    pair = agree_all(world, new_pair(world, programme, mentees=[world.persons["child"]]))
    assert pair.status == Pair.Status.AGREED
    services.pair_add_mentee(pair=pair, mentee=world.persons["stranger_child"], by=world.users["coordinator"])
    pair.refresh_from_db()
    assert pair.status == Pair.Status.DRAFT
    services.pair_record_agreement(
        pair=pair, person=world.persons["stranger_child"], by=world.users["coordinator"]
    )
    pair.refresh_from_db()
    assert pair.status == Pair.Status.AGREED


def test_removing_the_only_mentee_who_had_not_agreed_makes_the_pair_agreed(world, programme):
    pair = agree_all(world, new_pair(world, programme, mentees=[world.persons["child"]]))
    services.pair_add_mentee(pair=pair, mentee=world.persons["stranger_child"], by=world.users["coordinator"])
    services.pair_remove_mentee(
        pair=pair, mentee=world.persons["stranger_child"], by=world.users["coordinator"]
    )
    pair.refresh_from_db()
    assert pair.status == Pair.Status.AGREED


def test_approve_only_an_agreed_pair(world, programme):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    by = world.users["director"]
    with pytest.raises(ValidationError) as excinfo:
        services.pair_approve(pair=pair, by=by)
    assert "не согласована наставником и наставляемым" in message(excinfo)
    pair.refresh_from_db()
    assert pair.status == Pair.Status.DRAFT and pair.approved_at is None
    agree_all(world, pair)
    services.pair_approve(pair=pair, by=by)
    pair.refresh_from_db()
    assert pair.status == Pair.Status.APPROVED and pair.approved_at is not None
    with pytest.raises(ValidationError):
        services.pair_approve(pair=pair, by=by)  # not twice
    assert AuditEntry.objects.filter(action="pair.approve", actor=by).count() == 1


def test_no_agreement_is_recorded_after_approval(world, programme):
    pair = run_to(world, new_pair(world, programme, mentees=[world.persons["child"]]), Pair.Status.APPROVED)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_record_agreement(
            pair=pair, person=world.persons["child"], by=world.users["coordinator"]
        )
    assert "до утверждения пары приказом" in message(excinfo)


@pytest.mark.parametrize("status", [Pair.Status.DRAFT, Pair.Status.AGREED])
def test_activate_only_an_approved_pair(world, programme, status):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    if status == Pair.Status.AGREED:
        agree_all(world, pair)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_activate(pair=pair, by=world.users["coordinator"])
    assert message(excinfo) == "Начать работу может только пара, утверждённая приказом."
    pair.refresh_from_db()
    assert pair.status == status
    run_to(world, pair, Pair.Status.APPROVED)
    services.pair_activate(pair=pair, by=world.users["coordinator"])
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE


@pytest.mark.parametrize("status", [Pair.Status.DRAFT, Pair.Status.AGREED, Pair.Status.APPROVED])
def test_complete_only_an_active_pair(world, programme, status):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    if status != Pair.Status.DRAFT:
        run_to(world, pair, status)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_complete(pair=pair, by=world.users["coordinator"])
    assert message(excinfo) == "Завершить можно только работающую пару."
    pair.refresh_from_db()
    assert pair.status == status and pair.closed_on is None


def test_complete_closes_the_places_and_the_mentor_term(world, active_pair):
    services.pair_complete(
        pair=active_pair, by=world.users["coordinator"], results="Успеваемость выросла", on=date(2026, 5, 29)
    )
    active_pair.refresh_from_db()
    assert active_pair.status == Pair.Status.COMPLETED
    assert (active_pair.closed_on, active_pair.results) == (date(2026, 5, 29), "Успеваемость выросла")
    assert list(active_pair.memberships.values_list("is_open", "left_on")) == [(False, date(2026, 5, 29))]
    assert list(active_pair.mentor_terms.values_list("ended_on", flat=True)) == [date(2026, 5, 29)]
    assert not active_pair.is_open
    with pytest.raises(ValidationError):
        services.pair_complete(pair=active_pair, by=world.users["coordinator"])  # not twice
    with pytest.raises(ValidationError) as excinfo:
        services.pair_terminate(pair=active_pair, reason="x", by=world.users["coordinator"])
    assert message(excinfo) == "Пара уже завершена."
    assert AuditEntry.objects.filter(action="pair.complete", object_id=str(active_pair.pk)).count() == 1


@pytest.mark.parametrize("reason", ["", "   "])
def test_terminate_requires_a_reason(world, active_pair, reason):
    with pytest.raises(ValidationError) as excinfo:
        services.pair_terminate(pair=active_pair, reason=reason, by=world.users["coordinator"])
    assert excinfo.value.message_dict == {"reason": ["Укажите причину досрочного прекращения."]}
    active_pair.refresh_from_db()
    assert active_pair.status == Pair.Status.ACTIVE
    assert active_pair.memberships.get().is_open


def test_terminate_records_the_reason_and_frees_the_mentee(world, programme, active_pair):
    by = world.users["coordinator"]
    services.pair_terminate(
        pair=active_pair, reason="  Перевод обучающегося в другую школу ", by=by, on=date(2026, 1, 20)
    )
    active_pair.refresh_from_db()
    assert active_pair.status == Pair.Status.TERMINATED
    assert active_pair.termination_reason == "Перевод обучающегося в другую школу"
    assert active_pair.closed_on == date(2026, 1, 20)
    assert list(active_pair.memberships.values_list("is_open", "left_on")) == [(False, date(2026, 1, 20))]
    assert active_pair.mentor_terms.get().ended_on == date(2026, 1, 20)
    entry = AuditEntry.objects.get(action="pair.terminate")
    assert entry.data["reason"].strip() == "Перевод обучающегося в другую школу"
    # The same mentor may take the child again in a new pair of that form.
    again = new_pair(world, programme, start_date=date(2026, 2, 1), mentees=[world.persons["child"]])
    assert again.memberships.get().is_open


def test_a_draft_pair_can_be_terminated_too(world, programme):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    services.pair_terminate(
        pair=pair, reason="Наставляемый отказался от участия", by=world.users["coordinator"]
    )
    pair.refresh_from_db()
    assert pair.status == Pair.Status.TERMINATED


def test_the_database_refuses_a_terminated_pair_without_a_reason(world, active_pair):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.filter(pk=active_pair.pk).update(status=Pair.Status.TERMINATED)
    Pair.objects.filter(pk=active_pair.pk).update(status=Pair.Status.TERMINATED, termination_reason="Болезнь")
    assert Pair.objects.get(pk=active_pair.pk).status == Pair.Status.TERMINATED


# -------------------------------------------------------- pair_replace_mentor


def second_mentor(world) -> Person:
    return mentor_in_base(
        world, make_person(world.school, "Смирнова", "Ольга", "Петровна", position="учитель физики")
    )


@pytest.mark.parametrize("ground", ["", "other", "по собственному желанию"])
def test_replace_only_on_one_of_the_five_grounds(world, active_pair, ground):
    new = second_mentor(world)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_replace_mentor(
            pair=active_pair, new_mentor=new, ground=ground, by=world.users["coordinator"]
        )
    assert excinfo.value.message_dict == {"ground": ["Выберите одно из пяти оснований замены наставника."]}
    active_pair.refresh_from_db()
    assert active_pair.mentor == world.persons["mentor"]
    assert active_pair.mentor_terms.count() == 1


def test_there_are_exactly_the_five_grounds_of_the_regulation():
    assert sorted(ReplacementGround.values) == sorted(
        ["dismissal", "transfer", "disciplinary", "no_rapport", "incompatibility"]
    )


def test_replace_keeps_the_history_of_both_mentors(world, active_pair):
    new = second_mentor(world)
    by = world.users["coordinator"]
    term = services.pair_replace_mentor(
        pair=active_pair,
        new_mentor=new,
        ground=ReplacementGround.TRANSFER,
        by=by,
        on=date(2026, 1, 12),
        comment="Переведена на должность методиста",
    )
    active_pair.refresh_from_db()
    assert active_pair.mentor == new
    terms = list(MentorTerm.objects.filter(pair=active_pair).order_by("started_on"))
    assert [(t.mentor, t.started_on, t.ended_on, t.end_ground, t.comment) for t in terms] == [
        (
            world.persons["mentor"],
            date(2025, 10, 1),
            date(2026, 1, 12),
            "transfer",
            "Переведена на должность методиста",
        ),
        (new, date(2026, 1, 12), None, "", ""),
    ]
    assert term == terms[1]
    entry = AuditEntry.objects.get(action="pair.replace_mentor")
    assert entry.data == {
        "old_mentor": world.persons["mentor"].pk,
        "new_mentor": new.pk,
        "ground": "transfer",
    }
    # Completing the pair ends the current term only.
    services.pair_complete(pair=active_pair, by=by, on=date(2026, 5, 29))
    assert list(active_pair.mentor_terms.values_list("ended_on", flat=True)) == [
        date(2026, 1, 12),
        date(2026, 5, 29),
    ]


def test_the_new_mentor_may_not_be_a_parent_of_a_mentee(world, active_pair):
    parent = mentor_in_base(world, world.persons["parent"])
    with pytest.raises(ValidationError) as excinfo:
        services.pair_replace_mentor(
            pair=active_pair,
            new_mentor=parent,
            ground=ReplacementGround.DISMISSAL,
            by=world.users["coordinator"],
        )
    assert "родитель не может быть наставником своего ребёнка" in " ".join(
        excinfo.value.message_dict["new_mentor"]
    )
    active_pair.refresh_from_db()
    assert active_pair.mentor == world.persons["mentor"]
    assert active_pair.mentor_terms.count() == 1


def test_the_new_mentor_must_be_in_the_base_and_not_the_current_one(world, active_pair):
    by = world.users["coordinator"]
    outsider = make_person(world.school, "Базы", "Нет")
    with pytest.raises(ValidationError) as excinfo:
        services.pair_replace_mentor(pair=active_pair, new_mentor=outsider, ground="dismissal", by=by)
    assert "нет в базе наставников" in message(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        services.pair_replace_mentor(
            pair=active_pair, new_mentor=world.persons["mentor"], ground="dismissal", by=by
        )
    assert excinfo.value.message_dict == {"new_mentor": ["Это уже наставник пары."]}
    stranger = mentor_in_base(world, world.persons["other_teacher"])
    with pytest.raises(ValidationError) as excinfo:
        services.pair_replace_mentor(pair=active_pair, new_mentor=stranger, ground="dismissal", by=by)
    assert "участником этой организации" in message(excinfo)


def test_a_mentee_cannot_become_the_mentor_of_their_pair(world, active_pair):
    mentor_in_base(world, world.persons["child"])
    with pytest.raises(ValidationError) as excinfo:
        services.pair_replace_mentor(
            pair=active_pair,
            new_mentor=world.persons["child"],
            ground="no_rapport",
            by=world.users["coordinator"],
        )
    assert excinfo.value.message_dict == {
        "new_mentor": ["Наставляемый не может стать наставником своей пары."]
    }


def test_no_replacement_in_a_closed_pair(world, active_pair):
    services.pair_complete(pair=active_pair, by=world.users["coordinator"], on=date(2026, 5, 29))
    with pytest.raises(ValidationError) as excinfo:
        services.pair_replace_mentor(
            pair=active_pair,
            new_mentor=second_mentor(world),
            ground="dismissal",
            by=world.users["coordinator"],
        )
    assert message(excinfo) == "Наставника заменяют только в действующей паре."


def test_the_database_keeps_one_current_mentor_per_pair(world, active_pair):
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorTerm.objects.create(pair=active_pair, mentor=second_mentor(world), started_on=date(2026, 1, 1))


# ---------------------------------------------------------------------- audit


def test_the_whole_lifecycle_leaves_an_audit_trail(world, programme):
    pair = new_pair(world, programme, mentees=[world.persons["child"]])
    run_to(world, pair, Pair.Status.ACTIVE)
    services.pair_complete(pair=pair, by=world.users["coordinator"], on=date(2026, 5, 29))
    actions = list(
        AuditEntry.objects.filter(object_type="mentoring.Pair", object_id=str(pair.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "pair.create",
        "pair.add_mentee",
        "pair.agreement",
        "pair.agreement",
        "pair.approve",
        "pair.activate",
        "pair.complete",
    ]
    assert set(AuditEntry.objects.filter(object_id=str(pair.pk)).values_list("organization", flat=True)) == {
        world.school.pk
    }
