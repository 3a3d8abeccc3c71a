"""A pair's work: the individual plan (form D3, rows edited inline with htmx), meetings, the mentor's review
(form D4) and safeguarding reports.

Every URL that htmx calls is also an ordinary page: without JavaScript a GET renders the full page and a
POST redirects, so the plan can be kept in any browser.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.models import Person
from accounts.services import audit
from accounts.views.web import is_htmx, member_required, post_action, require, rule_required
from mentoring import rules, selectors, services
from mentoring.documents.russian import format_date_ru
from mentoring.forms.work import (
    FollowUpForm,
    MeetingCommentForm,
    MeetingForm,
    PlanForm,
    PlanItemForm,
    ReviewForm,
    SafeguardingForm,
)
from mentoring.models import IndividualPlan, Meeting, Pair, PlanItem, PlanMark, Review
from mentoring.models.catalogue_data import PLAN_FORM, REVIEW_FORM
from mentoring.services.work import REAPPROVAL_WARNING, DuplicateMeeting, review_fields

from .pairs import visible_pair

LIST_PAGE_SIZE = 50  # the lists that grow with the school (issue 15)


def _pair_mentees(pair, *, open_only: bool = True):
    places = {"pair_memberships__pair": pair}
    if open_only:
        places["pair_memberships__is_open"] = True
    return Person.objects.filter(**places)


def _visible_plan(request, pk) -> IndividualPlan:
    plans = selectors.plans_for(request.actor).select_related(
        "pair__mentor", "pair__form", "mentee", "approved_by"
    )
    plan = get_object_or_404(plans, pk=pk)
    if not selectors.sees_mentee(request.actor, plan.pair, plan.mentee_id):
        raise Http404
    return plan


def _editable_plan(request, pk) -> IndividualPlan:
    plan = _visible_plan(request, pk)
    require(rules.can_edit_plan(request.actor, plan.pair))
    return plan


def _period(start, end) -> str:
    return f"с {format_date_ru(start)} по {format_date_ru(end)}"


# --- The individual plan -------------------------------------------------------------------------------


@member_required
def plan_create(request, pk):
    """`?mentee=<person pk>` picks the mentee (a group has a plan per mentee); an existing plan opens."""
    pair = visible_pair(request, pk)
    require(rules.can_edit_plan(request.actor, pair))
    mentees = _pair_mentees(pair)
    chosen = request.GET.get("mentee", "")
    if chosen:
        mentee = get_object_or_404(mentees, pk=int(chosen) if chosen.isdigit() else 0)
        existing = pair.plans.filter(mentee=mentee).first()
        if existing is not None:
            return redirect("mentoring:plan.detail", pk=existing.pk)
    without_plan = mentees.exclude(plans__pair=pair)
    if not without_plan.exists():
        messages.info(request, "У каждого наставляемого этой пары уже есть индивидуальный план.")
        return redirect("mentoring:pair.detail", pk=pair.pk)
    plan = IndividualPlan(pair=pair, start_date=pair.start_date, end_date=pair.end_date)
    form = PlanForm(request.POST or None, instance=plan, mentees=without_plan, initial={"mentee": chosen})
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_save(plan=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Индивидуальный план создан. Добавьте в него мероприятия.")
            return redirect("mentoring:plan.detail", pk=plan.pk)
    return render(request, "mentoring/work/plan_form.html", {"form": form, "pair": pair})


@member_required
def plan_update(request, pk):
    plan = _editable_plan(request, pk)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_save(plan=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Индивидуальный план сохранён.")
            return redirect("mentoring:plan.detail", pk=plan.pk)
    return render(request, "mentoring/work/plan_form.html", {"form": form, "pair": plan.pair, "plan": plan})


@member_required
def plan_detail(request, pk):
    plan = _visible_plan(request, pk)
    pair = plan.pair
    is_mentor = selectors.is_pair_mentor(request.actor, pair)
    manage = rules.can_manage_pair(request.actor, pair)
    can_edit = rules.can_edit_plan(request.actor, pair)
    header = {
        "mentee_full_name": plan.mentee.full_name,
        "mentee_position": plan.mentee.description,
        "mentor_full_name": pair.mentor.full_name,
        "mentor_position": pair.mentor.description,
        "period": _period(plan.start_date, plan.end_date),
    }
    sections = {"mentor_recommendations": plan.recommendations, "methodical_help": plan.methodical_help}
    context = {
        "plan": plan,
        "pair": pair,
        "header": [(field, header[field["code"]]) for field in PLAN_FORM["header_fields"]],
        "columns": PLAN_FORM["table_columns"],
        "sections": [(section, sections[section["code"]]) for section in PLAN_FORM["sections"]],
        "items": plan.items.all(),
        "progress": selectors.plan_progress(plan),
        "can_edit": can_edit,
        "can_submit": is_mentor and can_edit and plan.status == IndividualPlan.Status.DRAFT,
        "can_approve": manage and plan.status == IndividualPlan.Status.SUBMITTED,
        "can_mark": (is_mentor or manage) and pair.status in (Pair.Status.ACTIVE, *Pair.CLOSED_STATUSES),
        # The mentee (or their parent) proposes «выполнено» on their own rows; the mentor confirms.
        "can_propose": not can_edit
        and plan.mentee_id in request.actor.own_and_ward_ids
        and pair.status in (Pair.Status.APPROVED, Pair.Status.ACTIVE),
        "reapproval_warning": REAPPROVAL_WARNING
        if can_edit and plan.status == IndividualPlan.Status.APPROVED
        else "",
        "marks": PlanMark.choices,
        "meetings": selectors.meetings_for(
            request.actor, pair, every_comment=selectors.sees_every_mentee(request.actor, pair)
        ),
        "comment_form": MeetingCommentForm() if selectors.meeting_commenter(request.actor, pair) else None,
        "today": timezone.localdate(),
        "hint": services.meeting_hint(pair),
        "show_notes": selectors.sees_every_mentee(request.actor, pair),
    }
    return render(request, "mentoring/work/plan_detail.html", context)


def _sent_back(plan, was_approved: bool, request) -> bool:
    """After a row's change: when it returned the approved plan to a draft, say so (a message) and True."""
    plan.refresh_from_db(fields=["status"])
    if was_approved and plan.status == IndividualPlan.Status.DRAFT:
        messages.warning(
            request,
            "Мероприятия плана изменены: план вернулся в черновик. Представьте его куратору на утверждение снова.",
        )
        return True
    return False


def _item_form(request, plan, item):
    """GET: the row's form (a table row for htmx, a page otherwise); POST: save, answer with the row."""
    data = request.POST or None
    if "toggle" in request.POST:  # the «done» checkbox posts only itself: the rest of the row stays
        data = {**model_to_dict(item, fields=PlanItemForm.Meta.fields), "is_done": "is_done" in request.POST}
    form = PlanItemForm(data, instance=item, auto_id=f"item-{item.pk or 'new'}-%s")
    if request.method == "POST" and form.is_valid():
        was_approved = plan.status == IndividualPlan.Status.APPROVED
        try:
            item = services.plan_item_save(item=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if _sent_back(plan, was_approved, request):
                if is_htmx(request):  # the header's status changed too: reload the page with the message
                    return HttpResponse(headers={"HX-Refresh": "true"})
                return redirect("mentoring:plan.detail", pk=plan.pk)
            if is_htmx(request):
                context = {
                    "plan": plan,
                    "item": item,
                    "can_edit": True,
                    "progress": selectors.plan_progress(plan),
                    "oob": True,
                }
                return render(request, "mentoring/work/_item_row.html", context)
            messages.success(request, "Мероприятие плана сохранено.")
            return redirect("mentoring:plan.detail", pk=plan.pk)
    template = "mentoring/work/_item_form_row.html" if is_htmx(request) else "mentoring/work/item_form.html"
    return render(request, template, {"plan": plan, "item": item, "form": form})


@member_required
def plan_item_create(request, pk):
    plan = _editable_plan(request, pk)
    return _item_form(request, plan, PlanItem(plan=plan))


@member_required
def plan_item_update(request, pk, item_pk):
    plan = _editable_plan(request, pk)
    return _item_form(request, plan, get_object_or_404(plan.items, pk=item_pk))


@require_POST
@member_required
def plan_item_delete(request, pk, item_pk):
    plan = _editable_plan(request, pk)
    item = get_object_or_404(plan.items, pk=item_pk)
    was_approved = plan.status == IndividualPlan.Status.APPROVED
    try:
        services.plan_item_delete(item=item, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        if is_htmx(request):  # keep the row and reload the page, which shows the message
            return HttpResponse(headers={"HX-Refresh": "true"})
    else:
        if _sent_back(plan, was_approved, request):
            if is_htmx(request):
                return HttpResponse(headers={"HX-Refresh": "true"})
            return redirect("mentoring:plan.detail", pk=plan.pk)
        if is_htmx(request):  # htmx removes the row; the progress bar comes out of band
            return render(
                request,
                "mentoring/work/_progress.html",
                {"progress": selectors.plan_progress(plan), "oob": True},
            )
        messages.success(request, "Мероприятие удалено из плана.")
    return redirect("mentoring:plan.detail", pk=plan.pk)


@require_POST
@member_required
def plan_item_propose(request, pk, item_pk):
    """The mentee (or a parent for their child) marks their own row as done, or takes the mark back."""
    plan = _visible_plan(request, pk)
    require(
        plan.mentee_id in request.actor.own_and_ward_ids and not rules.can_edit_plan(request.actor, plan.pair)
    )
    item = get_object_or_404(plan.items, pk=item_pk)
    done = request.POST.get("done", "1") == "1"
    return post_action(
        request,
        lambda: services.plan_item_propose_done(item=item, by=request.user, done=done),
        success="Отмечено: наставник подтвердит выполнение." if done else "Отметка снята.",
        then=plan,
    )


@rule_required(rules.can_approve_plans)
def plan_list(request):
    """Plans waiting for approval in the user's area (the curator's work), or in another status."""
    status = request.GET.get("status", IndividualPlan.Status.SUBMITTED)
    if status not in IndividualPlan.Status.values and status != "all":
        status = IndividualPlan.Status.SUBMITTED
    plans = selectors.plans_awaiting_approval(request.actor, status="" if status == "all" else status)
    return render(
        request,
        "mentoring/work/plan_list.html",
        {"plans": plans, "status": status, "statuses": IndividualPlan.Status.choices},
    )


def _plan_action(request, pk, may, action, success: str):
    plan = _visible_plan(request, pk)
    require(may(request.actor, plan.pair))
    return post_action(request, lambda: action(plan=plan, by=request.user), success=success, then=plan)


def _mentor_or_manager(actor, pair) -> bool:
    return selectors.is_pair_mentor(actor, pair) or rules.can_manage_pair(actor, pair)


@require_POST
@member_required
def plan_submit(request, pk):
    return _plan_action(
        request,
        pk,
        selectors.is_pair_mentor,
        services.plan_submit,
        "План представлен куратору на утверждение.",
    )


@require_POST
@member_required
def plan_approve(request, pk):
    return _plan_action(
        request, pk, rules.can_manage_pair, services.plan_approve, "Индивидуальный план утверждён."
    )


@require_POST
@member_required
def plan_mark(request, pk):
    def mark(*, plan, by):
        services.plan_mark(plan=plan, mark=request.POST.get("mark", ""), by=by)

    return _plan_action(request, pk, _mentor_or_manager, mark, "Отметка о выполнении плана поставлена.")


# --- Meetings ------------------------------------------------------------------------------------------


@member_required
def meeting_create(request, pk):
    pair = visible_pair(request, pk)
    require(rules.can_edit_plan(request.actor, pair))  # who keeps the plan keeps the meetings too
    hint = services.meeting_hint(pair)
    form = MeetingForm(request.POST or None, instance=Meeting(pair=pair), initial={"kind": hint["suggested"]})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_save(
                meeting=form.save(commit=False),
                by=request.user,
                confirmed=form.cleaned_data["confirm_duplicate"],
            )
        except DuplicateMeeting as warning:
            form.ask_to_confirm()  # the same data again, with the box to tick
            form.add_error("confirm_duplicate", warning.messages[0])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Встреча записана: {meeting}.")
            return redirect("mentoring:pair.detail", pk=pair.pk)
    return render(request, "mentoring/work/meeting_form.html", {"form": form, "pair": pair, "hint": hint})


@require_POST
@member_required
def meeting_comment(request, pk, meeting_pk):
    """A mentee of the pair (a parent for their child) comments on a meeting that took place."""
    pair = visible_pair(request, pk)
    author = selectors.meeting_commenter(request.actor, pair)
    require(author is not None)
    meeting = get_object_or_404(pair.meetings, pk=meeting_pk)
    form = MeetingCommentForm(request.POST)

    def run():
        if not form.is_valid():
            raise ValidationError([m for ms in form.errors.values() for m in ms])
        services.meeting_comment(
            meeting=meeting, author=author, text=form.cleaned_data["text"], by=request.user
        )

    return post_action(request, run, success="Комментарий к встрече отправлен.", then=pair)


# --- The review ----------------------------------------------------------------------------------------


def _with_position(person) -> str:
    return ", ".join(part for part in (person.full_name, person.description) if part)


@member_required
def review_edit(request, pk, mentee_pk):
    """The mentor writes the review (a draft, then «представить куратору»); the pair's managers read it."""
    pair = visible_pair(request, pk)
    mentee = get_object_or_404(_pair_mentees(pair, open_only=False), pk=mentee_pk)
    writer = rules.can_write_review(request.actor, pair)
    manage = rules.can_manage_pair(request.actor, pair)
    review = pair.reviews.filter(mentee=mentee).first()
    require(rules.can_read_review(request.actor, pair, review))
    editable = writer and (review is None or review.status == Review.Status.DRAFT)
    form = ReviewForm(request.POST or None, initial=review.answers if review else None)
    if request.method == "POST":
        require(editable)
        if form.is_valid():
            submit = "submit" in request.POST
            try:
                services.review_save(
                    pair=pair, mentee=mentee, answers=form.cleaned_data, submit=submit, by=request.user
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if submit:
                    messages.success(request, "Отзыв представлен куратору.")
                    return redirect("mentoring:pair.detail", pk=pair.pk)
                messages.success(request, "Черновик отзыва сохранён.")
                return redirect("mentoring:review.edit", pk=pair.pk, mentee_pk=mentee.pk)
    facts = {
        "mentor": _with_position(pair.mentor),
        "mentee": _with_position(mentee),
        "period": _period(pair.start_date, pair.end_date),
    }
    context = {
        "pair": pair,
        "mentee": mentee,
        "review": review,
        "form": form,
        "editable": editable,
        "can_acknowledge": manage and review is not None and review.status == Review.Status.SUBMITTED,
        "facts": [(row, facts[row["code"]]) for row in REVIEW_FORM if row["code"] in facts],
        "answers": [(row, review.answers.get(row["code"], "")) for row in review_fields()] if review else [],
        "due": pair.review_due,
        "late": selectors.review_is_late(review, pair.review_due, timezone.localdate()),
    }
    return render(request, "mentoring/work/review_form.html", context)


@rule_required(rules.can_view_reviews)
def review_list(request):
    """Every mentee of an open or recently closed pair in the user's area: late reviews first."""
    rows = selectors.review_rows(request.actor, timezone.localdate())
    page = Paginator(rows, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    manager = rules.can_manage_pairs(request.actor)
    context = {"rows": page.object_list, "page": page, "manager": manager}
    return render(request, "mentoring/work/review_list.html", context)


@require_POST
@rule_required(rules.can_manage_pairs)
def review_acknowledge(request, pk):
    review = get_object_or_404(Review.objects.filter(pair__in=selectors.managed_pairs(request.actor)), pk=pk)
    return post_action(
        request,
        lambda: services.review_acknowledge(review=review, by=request.user),
        success="Отзыв принят.",
        then="mentoring:review.list",
    )


# --- Safeguarding --------------------------------------------------------------------------------------


@member_required
def safeguarding_create(request, pk):
    """The mentor raises a disclosure at any time; afterwards they see a confirmation, never the report."""
    pair = visible_pair(request, pk)
    require(selectors.is_pair_mentor(request.actor, pair))
    form = SafeguardingForm(request.POST or None, mentees=_pair_mentees(pair, open_only=False))
    if request.method == "POST" and form.is_valid():
        try:
            services.safeguarding_report(pair=pair, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, "Сообщение передано куратору и координатору программы. Они свяжутся с вами."
            )
            return redirect("mentoring:pair.detail", pk=pair.pk)
    return render(request, "mentoring/work/safeguarding_form.html", {"form": form, "pair": pair})


def _visible_reports(request):
    reports = request.organization.safeguarding_reports.filter(
        pair__in=selectors.managed_pairs(request.actor)
    )
    return reports.select_related(
        "pair__mentor", "pair__form", "mentee", "reported_by", "handled_by", "notification"
    )


@rule_required(rules.can_view_safeguarding)
def safeguarding_list(request):
    reports = _visible_reports(request).order_by("-created_at", "-pk")
    page = Paginator(reports, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "mentoring/work/safeguarding_list.html", {"reports": page.object_list, "page": page}
    )


@member_required
def safeguarding_detail(request, pk):
    if not rules.can_view_safeguarding(request.actor):
        raise Http404  # whether a report exists is itself not told, even to the mentor who filed it
    report = get_object_or_404(_visible_reports(request), pk=pk)
    if request.method == "GET":  # who read a disclosure, and when, is itself on record
        audit(organization=report.organization, actor=request.user, action="safeguarding.open", obj=report)
    form = FollowUpForm(
        request.POST or None, initial={"status": report.status, "follow_up": report.follow_up}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.safeguarding_follow_up(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Сведения о принятых мерах сохранены.")
            return redirect("mentoring:safeguarding.detail", pk=report.pk)
    return render(request, "mentoring/work/safeguarding_detail.html", {"report": report, "form": form})
