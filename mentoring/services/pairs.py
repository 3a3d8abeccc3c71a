"""The pair lifecycle: draft → agreed → approved → active → completed | terminated early.

Every rule of the target model that concerns who may be paired with whom is checked here, in one
place, and the database repeats the ones it can (at most 5 open places, one open pair per mentee per
form, a termination has a reason)."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.infra.integrity import translate_constraint_errors
from accounts.models import Guardianship, Person
from accounts.services import audit
from mentoring.models import (
    MAX_MENTEES,
    MenteeProfile,
    MentorProfile,
    MentorTerm,
    Pair,
    PairMentee,
    ReplacementGround,
    TerminationCategory,
)
from mentoring.models.catalogue import KIND_WORDS

Status = Pair.Status


def _today() -> date:
    return timezone.localdate()


def _check_dates(*, programme, start_date, end_date) -> None:
    errors = []
    if end_date <= start_date:
        raise ValidationError({"end_date": "Окончание работы пары должно быть позже её начала."})
    if start_date < programme.start_date or end_date > programme.end_date:
        errors.append(
            f"Сроки пары должны быть в пределах программы: с {programme.start_date:%d.%m.%Y} "
            f"по {programme.end_date:%d.%m.%Y}."
        )
    if errors:
        raise ValidationError(errors)


def _check_mentor(*, mentor: Person, organization) -> None:
    if mentor.organization_id != organization.pk:
        raise ValidationError("Наставник должен быть участником этой организации.")
    profile = MentorProfile.objects.filter(person=mentor).first()  # fresh: the base may have just changed
    if profile is None:
        raise ValidationError(f"{mentor.full_name} нет в базе наставников: сначала добавьте его (её) в базу.")
    if profile.left_on:
        raise ValidationError(f"{mentor.full_name} выбыл(а) из базы наставников {profile.left_on:%d.%m.%Y}.")


def _class_number(person: Person) -> int | None:
    """«11А» → 11, «6 Б» → 6; a group that is not a numbered class («ИС-21») gives None."""
    match = re.match(r"\s*(\d{1,2})(?!\d)", person.group or "")
    return int(match.group(1)) if match else None


def check_form_participants(form, *, mentor: Person | None = None, mentee: Person | None = None) -> None:
    """The form's rule of who may be mentor and mentee (MentoringForm.mentor_kinds / mentee_kinds /
    mentor_older): a refusal names the form and its rule."""

    def refuse(what: str):
        raise ValidationError(f"{what}: в форме «{form}» {form.participants_rule}.")

    if mentor is not None and form.mentor_kinds and mentor.kind not in form.mentor_kinds:
        refuse(f"{mentor.full_name} ({KIND_WORDS.get(mentor.kind, mentor.kind)}) не может быть наставником")
    if mentee is not None and form.mentee_kinds and mentee.kind not in form.mentee_kinds:
        refuse(f"{mentee.full_name} ({KIND_WORDS.get(mentee.kind, mentee.kind)}) не может быть наставляемым")
    if mentor is not None and mentee is not None and form.mentor_older:
        older, younger = _class_number(mentor), _class_number(mentee)
        if older is not None and younger is not None and older <= younger:
            refuse(f"{mentor.full_name} ({mentor.group}) не старше {mentee.full_name} ({mentee.group})")


def _is_parent_of(guardian: Person, child: Person) -> bool:
    return Guardianship.objects.filter(guardian=guardian, child=child).exists()


@translate_constraint_errors  # two coordinators at once: the database decides, in Russian
@transaction.atomic
def pair_create(
    *,
    programme,
    form,
    mentor: Person,
    start_date,
    end_date,
    by,
    role_model=None,
    direction=None,
    goal: str = "",
    mentees=(),
) -> Pair:
    if not programme.forms.filter(pk=form.pk).exists():
        raise ValidationError(f"Форма «{form}» не выбрана в программе «{programme.title}».")
    if role_model is not None and role_model.form_id != form.pk:
        raise ValidationError("Ролевая модель относится к другой форме наставничества.")
    _check_mentor(mentor=mentor, organization=programme.organization)
    check_form_participants(form, mentor=mentor)
    _check_dates(programme=programme, start_date=start_date, end_date=end_date)
    pair = Pair.objects.create(
        organization=programme.organization,
        programme=programme,
        form=form,
        role_model=role_model,
        direction=direction,
        mentor=mentor,
        start_date=start_date,
        end_date=end_date,
        goal=goal,
        created_by=by,
    )
    MentorTerm.objects.create(pair=pair, mentor=mentor, started_on=start_date)
    audit(organization=pair.organization, actor=by, action="pair.create", obj=pair, mentor=mentor.pk)
    for mentee in mentees:
        pair_add_mentee(pair=pair, mentee=mentee, by=by)
    return pair


@translate_constraint_errors  # two coordinators at once: the database decides, in Russian
@transaction.atomic
def pair_add_mentee(*, pair: Pair, mentee: Person, by) -> PairMentee:
    """Add a mentee to a pair or group; raises ValidationError with a Russian message when a rule is broken."""
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    if pair.status not in (Status.DRAFT, Status.AGREED):
        raise ValidationError(
            f"Состав можно менять только у пары в статусе «Проект» или «Согласована» (сейчас — «{pair.get_status_display()}»)."
        )
    if mentee.organization_id != pair.organization_id:
        raise ValidationError("Наставляемый должен быть участником этой организации.")
    if mentee.pk == pair.mentor_id:
        raise ValidationError("Наставник не может быть наставляемым в своей же паре.")
    profile = MenteeProfile.objects.filter(person=mentee).first()
    if profile is None:
        raise ValidationError(
            f"{mentee.full_name} нет в базе наставляемых: сначала добавьте его (её) в базу."
        )
    if profile.left_on:
        raise ValidationError(f"{mentee.full_name} выбыл(а) из базы наставляемых {profile.left_on:%d.%m.%Y}.")
    if _is_parent_of(pair.mentor, mentee):
        raise ValidationError(
            f"{pair.mentor.full_name} — родитель (законный представитель) {mentee.full_name}: "
            "родитель не может быть наставником своего ребёнка."
        )
    check_form_participants(pair.form, mentor=pair.mentor, mentee=mentee)
    open_places = list(pair.memberships.filter(is_open=True).values_list("mentee_id", "slot"))
    if any(mentee_id == mentee.pk for mentee_id, _ in open_places):
        raise ValidationError(f"{mentee.full_name} уже в этой паре.")
    if len(open_places) >= MAX_MENTEES:
        raise ValidationError(f"В группе не может быть больше {MAX_MENTEES} наставляемых.")
    other = (
        PairMentee.objects.filter(mentee=mentee, form=pair.form, is_open=True)
        .select_related("pair__mentor")
        .first()
    )
    if other is not None:
        raise ValidationError(
            f"{mentee.full_name} уже состоит в паре по форме «{pair.form}» "
            f"(наставник {other.pair.mentor.full_name}): одна действующая пара на наставляемого в каждой форме."
        )
    slot = min(set(range(1, MAX_MENTEES + 1)) - {s for _, s in open_places})
    joined_on = min(
        max(pair.start_date, _today()), pair.end_date
    )  # within the pair's dates, even for a past pair
    try:
        with transaction.atomic():
            place, created = PairMentee.objects.get_or_create(
                pair=pair,
                mentee=mentee,
                defaults={"form": pair.form, "slot": slot, "joined_on": joined_on},
            )
            if not created:  # the mentee was in this group before and comes back
                place.is_open, place.slot, place.left_on, place.mentee_agreed_on = True, slot, None, None
                place.save()
    except IntegrityError:
        # A concurrent request took the place first; the database constraints are the last word.
        raise ValidationError("Состав пары только что изменился. Обновите страницу и повторите.") from None
    if pair.status == Status.AGREED:  # the new mentee has not agreed yet
        pair.status = Status.DRAFT
        pair.save(update_fields=["status"])
    audit(organization=pair.organization, actor=by, action="pair.add_mentee", obj=pair, mentee=mentee.pk)
    return place


@transaction.atomic
def pair_remove_mentee(*, pair: Pair, mentee: Person, by) -> None:
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    if pair.status not in (Status.DRAFT, Status.AGREED):
        raise ValidationError("Исключить наставляемого можно только до утверждения пары приказом.")
    deleted, _ = PairMentee.objects.filter(pair=pair, mentee=mentee, is_open=True).delete()
    if not deleted:
        raise ValidationError("Этого наставляемого нет в паре.")
    audit(organization=pair.organization, actor=by, action="pair.remove_mentee", obj=pair, mentee=mentee.pk)
    _update_agreement(pair)


def _update_agreement(pair: Pair) -> None:
    places = list(pair.memberships.filter(is_open=True))
    agreed = bool(places) and pair.mentor_agreed_on is not None and all(p.mentee_agreed_on for p in places)
    new_status = Status.AGREED if agreed else Status.DRAFT
    if pair.status in (Status.DRAFT, Status.AGREED) and pair.status != new_status:
        pair.status = new_status
        pair.save(update_fields=["status"])


@transaction.atomic
def pair_record_agreement(*, pair: Pair, person: Person, by, on: date | None = None) -> Pair:
    """Mutual agreement of mentor and mentee (seed 001 §3.6): the pair becomes «agreed» when all have agreed."""
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    if pair.status not in (Status.DRAFT, Status.AGREED):
        raise ValidationError("Согласие записывают до утверждения пары приказом.")
    on = on or _today()
    if person.pk == pair.mentor_id:
        pair.mentor_agreed_on = on
        pair.save(update_fields=["mentor_agreed_on"])
    else:
        updated = pair.memberships.filter(mentee=person, is_open=True).update(mentee_agreed_on=on)
        if not updated:
            raise ValidationError(f"{person.full_name} не участник этой пары.")
    audit(organization=pair.organization, actor=by, action="pair.agreement", obj=pair, person=person.pk)
    _update_agreement(pair)
    return pair


@transaction.atomic
def pair_approve(*, pair: Pair, by, order=None) -> Pair:
    """Called by the approval of the director's order on the pairs (mentoring.services.orders)."""
    pair = Pair.objects.select_for_update().select_related("organization").get(pk=pair.pk)
    if pair.status != Status.AGREED:
        raise ValidationError(f"Пара «{pair}» не согласована наставником и наставляемым.")
    pair.status = Status.APPROVED
    pair.approved_at = timezone.now()
    pair.save(update_fields=["status", "approved_at"])
    audit(
        organization=pair.organization,
        actor=by,
        action="pair.approve",
        obj=pair,
        order=getattr(order, "pk", None),
    )
    return pair


@transaction.atomic
def pair_activate(*, pair: Pair, by) -> Pair:
    pair = Pair.objects.select_for_update().select_related("organization").get(pk=pair.pk)
    if pair.status != Status.APPROVED:
        raise ValidationError("Начать работу может только пара, утверждённая приказом.")
    pair.status = Status.ACTIVE
    pair.save(update_fields=["status"])
    audit(organization=pair.organization, actor=by, action="pair.activate", obj=pair)
    return pair


def _close(pair: Pair, *, status: str, on: date) -> None:
    pair.status = status
    pair.closed_on = on
    pair.memberships.filter(is_open=True).update(is_open=False, left_on=on)
    pair.mentor_terms.filter(ended_on__isnull=True).update(ended_on=on)


@transaction.atomic
def pair_complete(*, pair: Pair, by, results: str = "", on: date | None = None) -> Pair:
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    if pair.status != Status.ACTIVE:
        raise ValidationError("Завершить можно только работающую пару.")
    _close(pair, status=Status.COMPLETED, on=on or _today())
    pair.results = results
    pair.save(update_fields=["status", "closed_on", "results"])
    audit(organization=pair.organization, actor=by, action="pair.complete", obj=pair)
    return pair


@transaction.atomic
def pair_terminate(
    *, pair: Pair, reason: str, by, on: date | None = None, category: str = TerminationCategory.OTHER
) -> Pair:
    """Early end at the mentor's or mentee's request for a valid reason, or at the curator's initiative (seed 002).
    `category` is what the bases print; `reason` (possibly health details) stays on the pair page only."""
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    if not pair.is_open:
        raise ValidationError("Пара уже завершена.")
    if not reason.strip():
        raise ValidationError({"reason": "Укажите причину досрочного прекращения."})
    if category not in TerminationCategory.values:
        raise ValidationError({"category": "Выберите основание досрочного прекращения."})
    _close(pair, status=Status.TERMINATED, on=on or _today())
    pair.termination_reason, pair.termination_category = reason.strip(), category
    pair.save(update_fields=["status", "closed_on", "termination_reason", "termination_category"])
    audit(
        organization=pair.organization,
        actor=by,
        action="pair.terminate",
        obj=pair,
        reason=reason,
        category=category,
    )
    return pair


@transaction.atomic
def pair_replace_mentor(
    *, pair: Pair, new_mentor: Person, ground: str, by, on: date | None = None, comment: str = ""
) -> MentorTerm:
    """Replace the mentor on one of the five grounds of seed 001 §3.7; the history keeps both terms."""
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    if ground not in ReplacementGround.values:
        raise ValidationError({"ground": "Выберите одно из пяти оснований замены наставника."})
    if not pair.is_open:
        raise ValidationError("Наставника заменяют только в действующей паре.")
    if new_mentor.pk == pair.mentor_id:
        raise ValidationError({"new_mentor": "Это уже наставник пары."})
    _check_mentor(mentor=new_mentor, organization=pair.organization)
    mentees = list(pair.mentees.filter(pair_memberships__is_open=True))
    for mentee in mentees:
        if mentee.pk == new_mentor.pk:
            raise ValidationError({"new_mentor": "Наставляемый не может стать наставником своей пары."})
        if _is_parent_of(new_mentor, mentee):
            raise ValidationError(
                {
                    "new_mentor": f"{new_mentor.full_name} — родитель {mentee.full_name}: "
                    "родитель не может быть наставником своего ребёнка."
                }
            )
    try:
        check_form_participants(pair.form, mentor=new_mentor)
        for mentee in mentees:
            check_form_participants(pair.form, mentor=new_mentor, mentee=mentee)
    except ValidationError as error:
        raise ValidationError({"new_mentor": error.messages}) from None
    on = on or _today()
    pair.mentor_terms.filter(ended_on__isnull=True).update(ended_on=on, end_ground=ground, comment=comment)
    term = MentorTerm.objects.create(pair=pair, mentor=new_mentor, started_on=on)
    old_mentor_id = pair.mentor_id
    pair.mentor = new_mentor
    pair.save(update_fields=["mentor"])
    audit(
        organization=pair.organization,
        actor=by,
        action="pair.replace_mentor",
        obj=pair,
        old_mentor=old_mentor_id,
        new_mentor=new_mentor.pk,
        ground=ground,
    )
    return term


def resume_blockers(pair: Pair) -> list[str]:
    """Why a suspended pair cannot resume yet: the open participants' missing consents (an empty list: it may)."""
    from mentoring.services.consents import consent_blockers

    return consent_blockers([pair])


def pair_is_resumable(pair: Pair) -> bool:
    """A suspended pair whose consents are all valid again: the page and the work list propose to resume it."""
    return (
        pair.status == Status.SUSPENDED
        and pair.memberships.filter(is_open=True).exists()
        and not resume_blockers(pair)
    )


@transaction.atomic
def pair_resume(*, pair: Pair, reason: str, by) -> Pair:
    """A suspended pair goes back to the status its suspension interrupted (issue 15), by the coordinator or the
    pair's curator, with a reason; only when every participant's consent is valid again. Audited as
    «pair.resume», shown in the pair's history."""
    pair = Pair.objects.select_for_update().select_related("organization", "mentor").get(pk=pair.pk)
    if pair.status != Status.SUSPENDED:
        raise ValidationError("Возобновить можно только приостановленную пару.")
    if not reason.strip():
        raise ValidationError(
            {"reason": "Укажите основание возобновления (например, согласие подписано заново)."}
        )
    if not pair.memberships.filter(is_open=True).exists():
        raise ValidationError("В паре нет наставляемых: возобновлять нечего.")
    blockers = resume_blockers(pair)
    if blockers:
        raise ValidationError(["Пару нельзя возобновить, пока нет действующих согласий:"] + blockers)
    previous = pair.suspended_from or Status.ACTIVE
    pair.status, pair.suspended_from, pair.suspended_on = previous, "", None
    pair.save(update_fields=["status", "suspended_from", "suspended_on"])
    audit(
        organization=pair.organization,
        actor=by,
        action="pair.resume",
        obj=pair,
        reason=reason.strip(),
        status=previous,
    )
    return pair
