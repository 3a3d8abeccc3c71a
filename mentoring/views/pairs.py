"""Pairs and groups: the coordinator's register, the mentor's «Мои пары», the pair page and its lifecycle actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.decorators import member_required, rule_required
from accounts.models import Role, search_q
from accounts.rules import is_self_or_ward
from accounts.views import _apply_errors
from mentoring import rules, services
from mentoring.forms import (
    AddMenteeForm,
    CompleteForm,
    PairFilterForm,
    PairForm,
    ReplaceMentorForm,
    TerminateForm,
)
from mentoring.models import Pair
from mentoring.selectors import managed_pairs, pairs_for, with_list_relations


def _visible_pair(request, pk) -> Pair:
    """A pair this user may see, or 404 — whether it belongs to another school or just isn't theirs."""
    return get_object_or_404(
        pairs_for(request).select_related("mentor", "form", "programme", "role_model"), pk=pk
    )


def _managed_pair(request, pk) -> Pair:
    pair = _visible_pair(request, pk)
    if not rules.can_manage_pair(request, pair):
        raise PermissionDenied
    return pair


@member_required
def pair_list(request):
    """«Мои пары» for a mentor, mentee or parent; the register with filters for coordinators and curators."""
    pairs = pairs_for(request)
    manager = bool(request.roles & {Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR})
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
    page = Paginator(with_list_relations(pairs.order_by("-start_date", "pk")), 50).get_page(
        request.GET.get("page")
    )
    visible = None if manager else _visible_mentee_ids(request)
    for pair in page:
        # An open pair shows who is in it now; a closed one, who was in it.
        pair.shown_places = [
            p
            for p in pair.all_places
            if (p.is_open or not pair.is_open) and (visible is None or p.mentee_id in visible)
        ]
    return render(
        request, "mentoring/pairs/pair_list.html", {"page": page, "filters": filters, "manager": manager}
    )


def _visible_mentee_ids(request) -> set | None:
    """None: every mentee of a visible pair. A parent (who is not also its mentor or mentee) sees only
    their own children in a group, never another family's."""
    if request.roles & {Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR, Role.MENTOR, Role.MENTEE}:
        return None
    own = request.person
    return set(own.wards.values_list("child_id", flat=True)) if own is not None else set()


@member_required
def pair_detail(request, pk):
    pair = _visible_pair(request, pk)
    manage = rules.can_manage_pair(request, pair)
    is_mentor = rules.is_pair_mentor(request, pair)
    places = list(pair.memberships.select_related("mentee").order_by("-is_open", "slot"))
    staff_view = manage or is_mentor or bool(request.roles & {Role.COORDINATOR, Role.DIRECTOR})
    visible = None if staff_view else _visible_mentee_ids(request)
    if visible is not None:
        places = [p for p in places if p.mentee_id in visible]
    if not manage and pair.is_open:
        places = [p for p in places if p.is_open]  # who left (e.g. consent withdrawn) is no longer shown
    # Plans are personal: outside the staff, one sees only one's own plan or one's child's.
    own = request.person
    own_ids = None if staff_view else {own.pk, *own.wards.values_list("child_id", flat=True)}
    plans = {
        plan.mentee_id: plan for plan in pair.plans.all() if own_ids is None or plan.mentee_id in own_ids
    }
    reviews = {review.mentee_id: review for review in pair.reviews.all()}
    for place in places:
        place.plan = plans.get(place.mentee_id)
        place.review = reviews.get(place.mentee_id) if staff_view else None
    meetings = list(pair.meetings.all())
    context = {
        "pair": pair,
        "places": places,
        "manage": manage,
        "is_mentor": is_mentor,
        "staff_view": staff_view,
        "can_edit": rules.can_edit_plan(request, pair),
        "terms": pair.mentor_terms.select_related("mentor"),
        "meetings": meetings,
        "hint": services.meeting_hint(pair),
        "show_notes": staff_view,
    }
    if manage:
        context.update(
            add_form=AddMenteeForm(organization=request.organization),
            complete_form=CompleteForm(),
            terminate_form=TerminateForm(),
            replace_form=ReplaceMentorForm(pair=pair),
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
                if not managed_pairs(request).filter(pk=pair.pk).exists():
                    raise ValidationError("Эта форма (направление) не входит в вашу зону куратора.")
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, "Пара создана. Запишите согласие наставника и наставляемых.")
            return redirect("mentoring:pair.detail", pk=pair.pk)
    return render(request, "mentoring/pairs/pair_form.html", {"form": form})


def _pair_action(request, pk, form_class, action, success, *, form_kwargs):
    """POST a small form to a lifecycle service; errors come back as messages on the pair page."""
    pair = _managed_pair(request, pk)
    form = form_class(request.POST, **form_kwargs(pair)) if form_class else None
    try:
        if form is not None and not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        action(pair, form.cleaned_data if form is not None else {})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("mentoring:pair.detail", pk=pair.pk)


@require_POST
@member_required
def mentee_add(request, pk):
    return _pair_action(
        request,
        pk,
        AddMenteeForm,
        lambda pair, data: services.pair_add_mentee(pair=pair, mentee=data["mentee"], by=request.user),
        "Наставляемый добавлен.",
        form_kwargs=lambda pair: {"organization": request.organization},
    )


@require_POST
@member_required
def mentee_remove(request, pk, person_pk):
    def action(pair, data):
        mentee = get_object_or_404(request.organization.persons, pk=person_pk)
        services.pair_remove_mentee(pair=pair, mentee=mentee, by=request.user)

    return _pair_action(request, pk, None, action, "Наставляемый исключён из состава.", form_kwargs=None)


@require_POST
@member_required
def agreement(request, pk):
    """Agreement is recorded by a manager (from paper), or given online by the mentor or mentee themself,
    or by a parent for their child."""
    pair = _visible_pair(request, pk)
    person = get_object_or_404(request.organization.persons, pk=request.POST.get("person") or 0)
    if not (rules.can_manage_pair(request, pair) or is_self_or_ward(request, person)):
        raise PermissionDenied
    try:
        services.pair_record_agreement(pair=pair, person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Согласие ({person.short_name}) записано.")
    return redirect("mentoring:pair.detail", pk=pair.pk)


@require_POST
@member_required
def activate(request, pk):
    return _pair_action(
        request,
        pk,
        None,
        lambda pair, data: services.pair_activate(pair=pair, by=request.user),
        "Пара начала работу.",
        form_kwargs=None,
    )


@require_POST
@member_required
def complete(request, pk):
    return _pair_action(
        request,
        pk,
        CompleteForm,
        lambda pair, data: services.pair_complete(pair=pair, results=data["results"], by=request.user),
        "Пара завершена.",
        form_kwargs=lambda pair: {},
    )


@require_POST
@member_required
def terminate(request, pk):
    return _pair_action(
        request,
        pk,
        TerminateForm,
        lambda pair, data: services.pair_terminate(
            pair=pair, reason=data["reason"], category=data["category"], by=request.user
        ),
        "Пара прекращена досрочно.",
        form_kwargs=lambda pair: {},
    )


@require_POST
@member_required
def replace_mentor(request, pk):
    """A mentor is replaced only by the director's order: this drafts «О замене наставника»; the replacement
    itself happens when the director signs it."""
    pair = _managed_pair(request, pk)
    if not rules.can_draft_orders(request):
        raise PermissionDenied
    form = ReplaceMentorForm(request.POST, pair=pair)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        order = services.order_draft_replacement(
            pair=pair,
            new_mentor=form.cleaned_data["new_mentor"],
            ground=form.cleaned_data["ground"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("mentoring:pair.detail", pk=pair.pk)
    messages.success(
        request,
        "Проект приказа о замене наставника составлен. Наставник сменится, когда директор подпишет приказ.",
    )
    return redirect("mentoring:order.detail", pk=order.pk)
