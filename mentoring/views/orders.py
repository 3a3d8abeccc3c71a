"""The register of orders, drafts from data, the director's signature, acknowledgement and the PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.views.web import file_response, member_required, post_action, require, rule_required
from mentoring import rules, selectors, services
from mentoring.forms.orders import (
    FreeOrderForm,
    OrderTextForm,
    PairsOrderForm,
    ProgrammeOrderForm,
    ReplacementOrderForm,
    ReturnForm,
    RewardOrderForm,
)
from mentoring.models import Order

Kind = Order.Kind
PROGRAMME_KINDS = (Kind.TARGET_MODEL, Kind.CURATORS, Kind.MENTOR_SCHOOL, Kind.FINAL_EVENT)


@member_required
def order_list(request):
    later = Order.objects.filter(amends=OuterRef("pk"), status=Order.Status.APPROVED)
    orders = (
        selectors.orders_for(request.actor)
        .select_related("created_by")
        .annotate(
            named_count=Count("acknowledgements", distinct=True),
            acknowledged_count=Count(
                "acknowledgements", filter=Q(acknowledgements__acknowledged_on__isnull=False), distinct=True
            ),
            pairs_count=Count("pairs", distinct=True),
            cancelled=Exists(later.filter(amendment=Order.Amendment.CANCELS)),
            amended=Exists(later.filter(amendment=Order.Amendment.AMENDS)),
        )
    )
    kind, status, year = (
        request.GET.get("kind", ""),
        request.GET.get("status", ""),
        request.GET.get("year", ""),
    )
    if kind in Kind.values:
        orders = orders.filter(kind=kind)
    if status in Order.Status.values:
        orders = orders.filter(status=status)
    if year.isdigit():
        orders = orders.filter(year=int(year))
    years = (
        request.organization.orders.exclude(year=None)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    orders = list(orders.select_related("programme")[:500])
    # Who drafted each order, by their name in this school (one query for the whole list).
    authors = {
        person.user_id: person.short_name
        for person in request.organization.persons.filter(
            user_id__in={o.created_by_id for o in orders} - {None}
        )
    }
    for order in orders:
        order.author = authors.get(order.created_by_id) or (
            order.created_by.get_full_name() or order.created_by.username if order.created_by else ""
        )
    return render(
        request,
        "mentoring/orders/order_list.html",
        {
            "orders": orders,
            "kinds": Kind.choices,
            "statuses": Order.Status.choices,
            "years": years,
            "kind": kind,
            "status": status,
            "year": year,
        },
    )


def _draft(request, kind, form):
    data, by = form.cleaned_data, request.user
    if kind == Kind.PAIRS:
        return services.order_draft_pairs(programme=data["programme"], pairs=data["pairs"], by=by)
    if kind == Kind.REPLACEMENT:
        return services.order_draft_replacement(
            pair=data["pair"], new_mentor=data["new_mentor"], ground=data["ground"], by=by
        )
    if kind == Kind.REWARD:
        return services.order_draft_reward(programme=data["programme"], awards=form.awards(), by=by)
    if kind == Kind.FREE:
        return services.order_draft_free(
            organization=request.organization,
            title=data["title"],
            by=by,
            amends=data["amends"],
            amendment=data["amendment"],
        )
    return services.order_draft_from_programme(programme=data["programme"], kind=kind, by=by)


FORMS = {
    Kind.PAIRS: PairsOrderForm,
    Kind.REPLACEMENT: ReplacementOrderForm,
    Kind.REWARD: RewardOrderForm,
    Kind.FREE: FreeOrderForm,
    **{kind: ProgrammeOrderForm for kind in PROGRAMME_KINDS},
}


@rule_required(rules.can_draft_orders)
def order_create(request):
    kind = request.GET.get("kind", "")
    if kind not in Kind.values:
        return render(request, "mentoring/orders/order_kind.html", {"kinds": Kind.choices})
    form = FORMS[kind](request.POST or None, organization=request.organization)
    if request.method == "POST" and form.is_valid():
        try:
            order = _draft(request, kind, form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Проект приказа составлен. Проверьте текст и подайте на подпись.")
            return redirect("mentoring:order.detail", pk=order.pk)
    return render(request, "mentoring/orders/order_form.html", {"form": form, "kind_label": Kind(kind).label})


def _visible_order(request, pk) -> Order:
    return get_object_or_404(selectors.orders_for(request.actor).select_related("programme", "amends"), pk=pk)


@member_required
def order_detail(request, pk):
    order = _visible_order(request, pk)
    acknowledgements = order.acknowledgements.select_related("person").order_by("person__last_name")
    own = request.actor.person
    context = {
        "order": order,
        "acknowledgements": acknowledgements,
        # Shown to the coordinator before submitting, too: the director will meet the same obstacles.
        "blockers": services.approval_blockers(order) if order.status != Order.Status.APPROVED else [],
        "may_acknowledge": order.status == Order.Status.APPROVED
        and own is not None
        and any(a.person_id == own.pk and not a.acknowledged_on for a in acknowledgements),
        "return_form": ReturnForm() if rules.can_sign_orders(request.actor) else None,
        "amendments": order.amendments.filter(status=Order.Status.APPROVED),
    }
    return render(request, "mentoring/orders/order_detail.html", context)


@rule_required(rules.can_draft_orders)
def order_update(request, pk):
    order = get_object_or_404(request.organization.orders, pk=pk)
    if not order.is_editable:
        messages.error(request, "Этот приказ уже не редактируется.")
        return redirect("mentoring:order.detail", pk=order.pk)
    initial = {"title": order.title, "preamble": order.preamble, "items": "\n\n".join(order.items)}
    form = OrderTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.order_update(order=order, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Текст приказа сохранён.")
            return redirect("mentoring:order.detail", pk=order.pk)
    return render(request, "mentoring/orders/order_text_form.html", {"form": form, "order": order})


def _act(request, pk, rule, action, success: str):
    order = _visible_order(request, pk)
    require(rule(request.actor))
    return post_action(request, lambda: action(order), success=success, then=order)


@require_POST
@member_required
def order_submit(request, pk):
    return _act(
        request,
        pk,
        rules.can_draft_orders,
        lambda order: services.order_submit(order=order, by=request.user),
        "Приказ подан на подпись директору.",
    )


@require_POST
@member_required
def order_approve(request, pk):
    return _act(
        request,
        pk,
        rules.can_sign_orders,
        lambda order: services.order_approve(order=order, by=request.user),
        "Приказ подписан и зарегистрирован.",
    )


@require_POST
@member_required
def order_return(request, pk):
    form = ReturnForm(request.POST)
    comment = request.POST.get("comment", "") if form.is_valid() else ""
    return _act(
        request,
        pk,
        rules.can_sign_orders,
        lambda order: services.order_return(order=order, comment=comment, by=request.user),
        "Приказ возвращён координатору с замечаниями.",
    )


@require_POST
@member_required
def order_acknowledge(request, pk):
    return _act(
        request,
        pk,
        lambda actor: actor.person is not None,
        lambda order: services.order_acknowledge(order=order, person=request.actor.person, by=request.user),
        "Отмечено: вы ознакомлены с приказом.",
    )


@member_required
def order_pdf(request, pk):
    order = _visible_order(request, pk)
    return file_response(
        services.order_pdf(order), f"Приказ № {order.number or 'проект'}.pdf".replace("/", "-")
    )


@member_required
def order_pdf_status(request, pk):
    """The progress of a signed order's PDF, rendered in the background right after the signature (polled by
    htmx every second until the PDF is stored with its SHA-256, or its attempts have failed)."""
    return render(request, "mentoring/orders/_pdf_status.html", {"order": _visible_order(request, pk)})
