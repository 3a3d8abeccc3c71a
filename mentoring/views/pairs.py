"""Pairs and groups: the coordinator's register, the mentor's «Мои пары», the pair page and its lifecycle actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors, form_errors
from accounts.models import search_q
from accounts.rules import is_self_or_ward, is_staff
from accounts.views.web import member_required, post_action, require, rule_required
from mentoring import rules, selectors, services
from mentoring.forms.pairs import (
    AddMenteeForm,
    CompleteForm,
    PairFilterForm,
    PairForm,
    ReplaceMentorForm,
    ResumeForm,
    TerminateForm,
)
from mentoring.forms.work import MeetingCommentForm
from mentoring.models import Pair


def visible_pair(request, pk) -> Pair:
    """A pair this user may see, or 404 — whether it belongs to another school or just isn't theirs."""
    pairs = selectors.pairs_for(request.actor).select_related("mentor", "form", "programme", "role_model")
    return get_object_or_404(pairs, pk=pk)


def _managed_pair(request, pk) -> Pair:
    pair = visible_pair(request, pk)
    require(rules.can_manage_pair(request.actor, pair))
    return pair


@rule_required(rules.can_see_pairs)
def pair_list(request):
    """«Мои пары» for a mentor, mentee or parent; the register with filters for coordinators and curators."""
    pairs = selectors.pairs_for(request.actor)
    manager = is_staff(request.actor)
    filters = PairFilterForm(request.GET or None, organization=request.organization)
    if manager and filters.is_valid():
        data = filters.cleaned_data
        if data["status"]:
            pairs = pairs.filter(status=data["status"])
        if data["form"]:
            pairs = pairs.filter(form=data["form"])
        if data["programme"]:
            pairs = pairs.filter(programme=data["programme"])
        if data["q"]:
            pairs = pairs.filter(
                search_q(data["q"], prefix="mentor__") | search_q(data["q"], prefix="memberships__mentee__")
            ).distinct()
    page = Paginator(selectors.with_list_relations(pairs.order_by("-start_date", "pk")), 50).get_page(
        request.GET.get("page")
    )
    visible = selectors.visible_mentee_ids(request.actor)
    for pair in page:
        # An open pair shows who is in it now; a closed one, who was in it.
        pair.shown_places = [
            p
            for p in pair.all_places
            if (p.is_open or not pair.is_open) and (visible is None or p.mentee_id in visible)
        ]
    return render(
        request,
        "mentoring/pairs/pair_list.html",
        {
            "page": page,
            "filters": filters,
            "manager": manager,
            "me": getattr(request.actor.person, "pk", None),
        },
    )


@member_required
def pair_detail(request, pk):
    actor = request.actor
    pair = visible_pair(request, pk)
    manage = rules.can_manage_pair(actor, pair)
    staff_view = selectors.sees_every_mentee(actor, pair)
    places = list(pair.memberships.select_related("mentee").order_by("-is_open", "slot"))
    visible = None if staff_view else selectors.visible_mentee_ids(actor)
    if visible is not None:
        places = [p for p in places if p.mentee_id in visible]
    if not manage and pair.is_open:
        places = [p for p in places if p.is_open]  # who left (e.g. consent withdrawn) is no longer shown
    # Plans are personal: outside the staff, one sees only one's own plan or one's child's.
    plans = {
        plan.mentee_id: plan
        for plan in pair.plans.all()
        if selectors.sees_mentee(actor, pair, plan.mentee_id)
    }
    reviews = {review.mentee_id: review for review in pair.reviews.all()}
    for place in places:
        place.plan = plans.get(place.mentee_id)
        place.review = reviews.get(place.mentee_id) if staff_view else None
    # The two consents that stop a pair, named apart from the agreement to join it (issue 15).
    consents = selectors.consent_states([pair.mentor, *(place.mentee for place in places)])
    for place in places:
        place.consents = consents[place.mentee_id]
    suspended = pair.status == Pair.Status.SUSPENDED
    blockers = services.resume_blockers(pair) if suspended and manage else []
    context = {
        "pair": pair,
        "places": places,
        "manage": manage,
        "is_mentor": selectors.is_pair_mentor(actor, pair),
        "staff_view": staff_view,
        "can_edit": rules.can_edit_plan(actor, pair),
        "terms": pair.mentor_terms.select_related("mentor"),
        "meetings": selectors.meetings_for(actor, pair, every_comment=staff_view),
        "hint": services.meeting_hint(pair),
        "show_notes": staff_view,
        "mentor_consents": consents[pair.mentor_id],
        "today": timezone.localdate(),
        "resume_blockers": blockers,
        "resumable": suspended and manage and not blockers and any(p.is_open for p in places),
        "history": selectors.pair_history(pair) if staff_view else [],
        "comment_form": MeetingCommentForm() if selectors.meeting_commenter(actor, pair) else None,
    }
    if manage:
        context.update(
            add_form=AddMenteeForm(organization=request.organization),
            complete_form=CompleteForm(),
            terminate_form=TerminateForm(),
            replace_form=ReplaceMentorForm(pair=pair),
            resume_form=ResumeForm(),
        )
    return render(request, "mentoring/pairs/pair_detail.html", context)


@rule_required(rules.can_manage_pairs)
def pair_create(request):
    form = PairForm(request.POST or None, organization=request.organization)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                pair = services.pair_create(
                    programme=data["programme"],
                    form=data["form"],
                    role_model=data["role_model"],
                    direction=data["direction"],
                    mentor=data["mentor"],
                    start_date=data["start_date"],
                    end_date=data["end_date"],
                    goal=data["goal"],
                    mentees=data["mentees"],
                    by=request.user,
                )
                if not rules.can_manage_pair(request.actor, pair):
                    raise ValidationError("Эта форма (направление) не входит в вашу зону куратора.")
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Пара создана. Запишите согласие наставника и наставляемых.")
            return redirect(pair)
    return render(request, "mentoring/pairs/pair_form.html", {"form": form})


def _pair_action(request, pk, action, success: str, form=None):
    """A lifecycle action posted from the pair page (with its small form, if any) by a manager of the pair."""
    pair = _managed_pair(request, pk)

    def run():
        if form is not None and not form.is_valid():
            raise form_errors(form)
        action(pair, form.cleaned_data if form is not None else {})

    return post_action(request, run, success=success, then=pair)


@require_POST
@member_required
def mentee_add(request, pk):
    return _pair_action(
        request,
        pk,
        lambda pair, data: services.pair_add_mentee(pair=pair, mentee=data["mentee"], by=request.user),
        "Наставляемый добавлен.",
        AddMenteeForm(request.POST, organization=request.organization),
    )


@require_POST
@member_required
def mentee_remove(request, pk, person_pk):
    mentee = get_object_or_404(request.organization.persons, pk=person_pk)
    return _pair_action(
        request,
        pk,
        lambda pair, data: services.pair_remove_mentee(pair=pair, mentee=mentee, by=request.user),
        "Наставляемый исключён из состава.",
    )


@require_POST
@member_required
def agreement(request, pk):
    """Agreement is recorded by a manager (from paper), or given online by the mentor or mentee themself,
    or by a parent for their child."""
    pair = visible_pair(request, pk)
    person = get_object_or_404(request.organization.persons, pk=request.POST.get("person") or 0)
    require(rules.can_manage_pair(request.actor, pair) or is_self_or_ward(request.actor, person))
    return post_action(
        request,
        lambda: services.pair_record_agreement(pair=pair, person=person, by=request.user),
        success=f"Согласие ({person.short_name}) записано.",
        then=pair,
    )


@require_POST
@member_required
def activate(request, pk):
    return _pair_action(
        request,
        pk,
        lambda pair, data: services.pair_activate(pair=pair, by=request.user),
        "Пара начала работу.",
    )


@require_POST
@member_required
def resume(request, pk):
    """A suspended pair resumes (the coordinator or the pair's curator, with a reason) once the consents
    are valid again."""
    return _pair_action(
        request,
        pk,
        lambda pair, data: services.pair_resume(pair=pair, reason=data["reason"], by=request.user),
        "Работа пары возобновлена.",
        ResumeForm(request.POST),
    )


@require_POST
@member_required
def complete(request, pk):
    return _pair_action(
        request,
        pk,
        lambda pair, data: services.pair_complete(pair=pair, results=data["results"], by=request.user),
        "Пара завершена.",
        CompleteForm(request.POST),
    )


@require_POST
@member_required
def terminate(request, pk):
    return _pair_action(
        request,
        pk,
        lambda pair, data: services.pair_terminate(
            pair=pair, reason=data["reason"], category=data["category"], by=request.user
        ),
        "Пара прекращена досрочно.",
        TerminateForm(request.POST),
    )


@require_POST
@member_required
def replace_mentor(request, pk):
    """A mentor is replaced only by the director's order: this drafts «О замене наставника»; the replacement
    itself happens when the director signs it."""
    pair = _managed_pair(request, pk)
    require(rules.can_draft_orders(request.actor))
    form = ReplaceMentorForm(request.POST, pair=pair)
    try:
        if not form.is_valid():
            raise form_errors(form)
        order = services.order_draft_replacement(
            pair=pair,
            new_mentor=form.cleaned_data["new_mentor"],
            ground=form.cleaned_data["ground"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(pair)
    messages.success(
        request,
        "Проект приказа о замене наставника составлен. Наставник сменится, когда директор подпишет приказ.",
    )
    return redirect(order)
