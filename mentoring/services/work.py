"""Plans, meetings, reviews and safeguarding reports."""

from calendar import monthrange
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.infra.mail import queue_mail
from accounts.models import Person
from accounts.services import audit
from mentoring.models import (
    IndividualPlan,
    Meeting,
    MeetingComment,
    MeetingKind,
    Pair,
    PlanItem,
    PlanMark,
    Review,
    SafeguardingReport,
)
from mentoring.selectors import curator_emails

MIN_PLAN_MONTHS, MAX_PLAN_MONTHS = 3, 12  # seed 001 §3.8


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def check_plan_period(start: date, end: date) -> None:
    """The end date is inclusive, as in «с 01.10.2025 по 31.12.2025» — three full months."""
    if end <= start:
        raise ValidationError({"end_date": "Окончание плана должно быть позже его начала."})
    end = end + timedelta(days=1)
    if end < add_months(start, MIN_PLAN_MONTHS):
        raise ValidationError({"end_date": "Индивидуальный план составляется не менее чем на 3 месяца."})
    if end > add_months(start, MAX_PLAN_MONTHS):
        raise ValidationError({"end_date": "Индивидуальный план составляется не более чем на 1 год."})


def _mentee_of(pair: Pair, mentee: Person) -> None:
    if not pair.memberships.filter(mentee=mentee).exists():
        raise ValidationError(f"{mentee.full_name} не участник этой пары.")


def _editable(plan: IndividualPlan) -> None:
    if plan.status == IndividualPlan.Status.APPROVED and plan.pair.status in Pair.CLOSED_STATUSES:
        raise ValidationError("Пара завершена: план больше не меняется.")


@transaction.atomic
def plan_save(*, plan: IndividualPlan, by) -> IndividualPlan:
    """Create or change a plan's header. A change of an approved plan sends it back for approval."""
    _mentee_of(plan.pair, plan.mentee)
    check_plan_period(plan.start_date, plan.end_date)
    created = plan.pk is None
    if created and IndividualPlan.objects.filter(pair=plan.pair, mentee=plan.mentee).exists():
        raise ValidationError(f"У {plan.mentee.full_name} в этой паре план уже есть.")
    if not created:
        _editable(plan)
        if plan.status == IndividualPlan.Status.APPROVED:
            plan.status = IndividualPlan.Status.DRAFT
    plan.save()
    audit(
        organization=plan.pair.organization,
        actor=by,
        action="plan.create" if created else "plan.update",
        obj=plan,
    )
    return plan


# After approval a plan's rows are marks only: «выполнено», its date and a note. Adding or deleting a row or
# changing its text (these fields) returns the plan to a draft that the curator approves again (issue 15).
PLAN_ITEM_TEXT_FIELDS = ("activity", "content", "period", "responsible")
REAPPROVAL_WARNING = (
    "План уже утверждён: после утверждения отмечают только выполнение (отметка, дата, комментарий). "
    "Добавление или удаление мероприятия и изменение его текста вернёт план в черновик — его нужно будет "
    "снова представить куратору на утверждение."
)


def _back_to_draft(plan: IndividualPlan, by, why: str) -> bool:
    """A change of an approved plan's content: the plan needs approval again. True when it was approved."""
    if plan.status != IndividualPlan.Status.APPROVED:
        return False
    plan.status = IndividualPlan.Status.DRAFT
    plan.approved_by, plan.approved_at = None, None
    plan.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    audit(organization=plan.pair.organization, actor=by, action="plan.reapproval", obj=plan, why=why)
    return True


def plan_item_changes_text(item: PlanItem) -> bool:
    """A new row, or a saved row whose text differs from the stored one (not just its marks)."""
    if item.pk is None:
        return True
    stored = PlanItem.objects.filter(pk=item.pk).values(*PLAN_ITEM_TEXT_FIELDS).first() or {}
    return any(stored.get(name) != getattr(item, name) for name in PLAN_ITEM_TEXT_FIELDS)


@transaction.atomic
def plan_item_save(*, item: PlanItem, by) -> PlanItem:
    """Save a row; a new row or a changed text of an approved plan sends the plan back for approval.
    The mentor's «выполнено» confirms the mentee's proposal (mentee_done_on is cleared)."""
    _editable(item.plan)
    structural = plan_item_changes_text(item)
    if item.is_done and item.done_on is None:
        item.done_on = item.mentee_done_on or timezone.localdate()
    if not item.is_done:
        item.done_on = None
    else:
        item.mentee_done_on = None
    if item.pk is None:
        item.position = (item.plan.items.aggregate(m=Max("position"))["m"] or 0) + 1
    item.full_clean()
    item.save()
    audit(
        organization=item.plan.pair.organization,
        actor=by,
        action="plan.item",
        obj=item.plan,
        item=item.pk,
        done=item.is_done,
    )
    if structural:
        _back_to_draft(item.plan, by, "item")
    return item


@transaction.atomic
def plan_item_propose_done(*, item: PlanItem, by, done: bool = True) -> PlanItem:
    """The mentee (or their parent) marks their own row as done; the mentor confirms it (plan_item_save with
    is_done). `done=False` takes the proposal back. The plan's approval is not touched: a mark, not a change."""
    plan = item.plan
    _editable(plan)
    if plan.pair.status not in (Pair.Status.APPROVED, Pair.Status.ACTIVE):
        raise ValidationError("Отмечать мероприятия можно, когда пара работает.")
    if item.is_done:
        raise ValidationError("Наставник уже подтвердил выполнение этого мероприятия.")
    item.mentee_done_on = timezone.localdate() if done else None
    item.save(update_fields=["mentee_done_on"])
    audit(
        organization=plan.pair.organization,
        actor=by,
        action="plan.item_proposed_done" if done else "plan.item_proposal_withdrawn",
        obj=plan,
        item=item.pk,
    )
    return item


@transaction.atomic
def plan_item_delete(*, item: PlanItem, by) -> None:
    _editable(item.plan)
    _back_to_draft(item.plan, by, "item_delete")
    audit(
        organization=item.plan.pair.organization,
        actor=by,
        action="plan.item_delete",
        obj=item.plan,
        activity=item.activity,
    )
    item.delete()


@transaction.atomic
def plan_submit(*, plan: IndividualPlan, by) -> IndividualPlan:
    _editable(plan)
    if plan.status != IndividualPlan.Status.DRAFT:
        raise ValidationError("Представить на утверждение можно черновик плана.")
    if not plan.items.exists():
        raise ValidationError("Добавьте в план хотя бы одно мероприятие.")
    plan.status = IndividualPlan.Status.SUBMITTED
    plan.save(update_fields=["status", "updated_at"])
    audit(organization=plan.pair.organization, actor=by, action="plan.submit", obj=plan)
    return plan


@transaction.atomic
def plan_approve(*, plan: IndividualPlan, by) -> IndividualPlan:
    if plan.status != IndividualPlan.Status.SUBMITTED:
        raise ValidationError("Утвердить можно план, представленный наставником.")
    plan.status = IndividualPlan.Status.APPROVED
    plan.approved_by, plan.approved_at = by, timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    audit(organization=plan.pair.organization, actor=by, action="plan.approve", obj=plan)
    return plan


@transaction.atomic
def plan_mark(*, plan: IndividualPlan, mark: str, by) -> IndividualPlan:
    """One of the three marks of seed 003 at the end of the pair's work."""
    if mark not in PlanMark.values:
        raise ValidationError({"mark": "Выберите отметку о выполнении плана."})
    if plan.pair.status not in (Pair.Status.ACTIVE, *Pair.CLOSED_STATUSES):
        raise ValidationError("Отметку о выполнении ставят, когда пара работает или завершена.")
    plan.mark, plan.marked_on = mark, timezone.localdate()
    plan.save(update_fields=["mark", "marked_on", "updated_at"])
    audit(organization=plan.pair.organization, actor=by, action="plan.mark", obj=plan, mark=mark)
    return plan


MEETING_ORDER = list(MeetingKind.values)


def meeting_hint(pair: Pair) -> dict:
    """The usual order is organisational, trial, planning, regular…, final. Returns the suggested next kind
    and the steps that were skipped (a later kind held before an earlier one)."""
    held = [m.kind for m in pair.meetings.all()]
    highest = max((MEETING_ORDER.index(k) for k in held), default=-1)
    skipped = [k for k in MEETING_ORDER[: max(highest, 0)] if k not in held and k != MeetingKind.REGULAR]
    if MeetingKind.FINAL in held:
        suggested = None
    elif highest < MEETING_ORDER.index(MeetingKind.REGULAR):
        suggested = MEETING_ORDER[highest + 1]
    else:
        suggested = MeetingKind.REGULAR
    labels = dict(MeetingKind.choices)
    return {"suggested": suggested, "skipped": [labels[k] for k in skipped]}


def meeting_duplicates(meeting: Meeting):
    """Meetings of the same kind on the same date in this pair: a second one is likely a double entry."""
    return meeting.pair.meetings.filter(kind=meeting.kind, date=meeting.date).exclude(pk=meeting.pk)


class DuplicateMeeting(ValidationError):
    """Raised by meeting_save when a meeting of this kind is already recorded on this date and the user has
    not confirmed; the form asks for confirmation and saves on the second submit."""


@transaction.atomic
def meeting_save(*, meeting: Meeting, by, confirmed: bool = False) -> Meeting:
    pair = meeting.pair
    if pair.status not in (Pair.Status.APPROVED, Pair.Status.ACTIVE):
        raise ValidationError("Встречи записывают у утверждённой или работающей пары.")
    if not (pair.start_date <= meeting.date <= pair.end_date):
        raise ValidationError(
            {"date": f"Дата встречи — в сроках пары: {pair.start_date:%d.%m.%Y}–{pair.end_date:%d.%m.%Y}."}
        )
    if meeting.date > timezone.localdate() and meeting.notes:
        raise ValidationError({"notes": "Заметки к встрече, которая ещё не прошла, писать рано."})
    if (
        meeting.kind != MeetingKind.REGULAR
        and pair.meetings.filter(kind=meeting.kind).exclude(pk=meeting.pk).exists()
    ):
        raise ValidationError({"kind": f"«{meeting.get_kind_display()}» у этой пары уже была."})
    if not confirmed and meeting_duplicates(meeting).exists():
        raise DuplicateMeeting(
            f"{meeting.date:%d.%m.%Y} у этой пары уже записана встреча «{meeting.get_kind_display()}». "
            "Если это другая встреча, подтвердите запись; если та же — не сохраняйте её второй раз."
        )
    created = meeting.pk is None
    meeting.created_by = meeting.created_by or by
    meeting.save()
    audit(
        organization=pair.organization,
        actor=by,
        action="meeting.create" if created else "meeting.update",
        obj=meeting,
    )
    return meeting


@transaction.atomic
def meeting_comment(*, meeting: Meeting, author: Person, text: str, by) -> MeetingComment:
    """A mentee of the pair (or a parent for their child) comments on a meeting that has taken place."""
    pair = meeting.pair
    if pair.status not in (Pair.Status.APPROVED, Pair.Status.ACTIVE, Pair.Status.COMPLETED):
        raise ValidationError("Комментировать встречи можно у утверждённой, работающей или завершённой пары.")
    if meeting.date > timezone.localdate():
        raise ValidationError({"text": "Эта встреча ещё не прошла: прокомментируйте её после."})
    if not text.strip():
        raise ValidationError({"text": "Напишите комментарий."})
    comment = MeetingComment.objects.create(meeting=meeting, author=author, text=text.strip())
    audit(organization=pair.organization, actor=by, action="meeting.comment", obj=meeting, comment=comment.pk)
    return comment


def review_fields():
    from mentoring.models.catalogue_data import REVIEW_FORM

    return [row for row in REVIEW_FORM if row["kind"] == "text"]


@transaction.atomic
def review_save(*, pair: Pair, mentee: Person, answers: dict, by, submit: bool = False) -> Review:
    _mentee_of(pair, mentee)
    if pair.status not in (Pair.Status.ACTIVE, Pair.Status.COMPLETED):
        raise ValidationError("Отзыв пишут по работающей или завершённой паре.")
    review, _ = Review.objects.select_for_update().get_or_create(pair=pair, mentee=mentee)
    if review.status != Review.Status.DRAFT:
        raise ValidationError("Отзыв уже представлен куратору и не меняется.")
    known = {row["code"] for row in review_fields()}
    review.answers = {code: (answers.get(code) or "").strip() for code in known}
    if submit:
        missing = [
            row["title_ru"] for row in review_fields() if row["required"] and not review.answers[row["code"]]
        ]
        if missing:
            raise ValidationError(["Заполните обязательные пункты отзыва: " + "; ".join(missing) + "."])
        review.status, review.submitted_at = Review.Status.SUBMITTED, timezone.now()
    review.save()
    audit(
        organization=pair.organization,
        actor=by,
        action="review.submit" if submit else "review.save",
        obj=review,
    )
    return review


@transaction.atomic
def review_acknowledge(*, review: Review, by) -> Review:
    if review.status != Review.Status.SUBMITTED:
        raise ValidationError("Принять можно только представленный отзыв.")
    review.status = Review.Status.ACKNOWLEDGED
    review.acknowledged_by, review.acknowledged_at = by, timezone.now()
    review.save(update_fields=["status", "acknowledged_by", "acknowledged_at", "updated_at"])
    audit(organization=review.pair.organization, actor=by, action="review.acknowledge", obj=review)
    return review


@transaction.atomic
def safeguarding_report(*, pair: Pair, mentee: Person, kind: str, description: str, by) -> SafeguardingReport:
    """A disclosure goes to the curators and the coordinator at once, through the outbox; the report keeps
    its letter, so its page shows whether the notification went out."""
    _mentee_of(pair, mentee)
    if kind not in SafeguardingReport.Kind.values:
        raise ValidationError({"kind": "Выберите, что сообщил наставляемый."})
    if not description.strip():
        raise ValidationError({"description": "Опишите, что сообщил наставляемый."})
    report = SafeguardingReport.objects.create(
        organization=pair.organization,
        pair=pair,
        mentee=mentee,
        kind=kind,
        description=description.strip(),
        reported_by=by,
    )
    audit(organization=pair.organization, actor=by, action="safeguarding.report", obj=report, kind=kind)
    report.notification = queue_mail(
        "safeguarding", curator_emails(pair), {"report": report, "site_url": settings.SITE_URL}
    )
    report.save(update_fields=["notification"])
    return report


@transaction.atomic
def safeguarding_follow_up(
    *, report: SafeguardingReport, status: str, follow_up: str, by
) -> SafeguardingReport:
    if status not in SafeguardingReport.Status.values:
        raise ValidationError({"status": "Выберите статус."})
    if status == SafeguardingReport.Status.CLOSED and not follow_up.strip():
        raise ValidationError({"follow_up": "Чтобы закрыть сообщение, опишите принятые меры."})
    report.status, report.follow_up = status, follow_up.strip()
    report.handled_by, report.handled_at = by, timezone.now()
    report.save()
    audit(
        organization=report.organization, actor=by, action="safeguarding.follow_up", obj=report, status=status
    )
    return report
