"""PDFs of the individual plan, the review and the two bases; packs of a programme's documents built in the
background with a progress bar."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.views.files import stored_file_response
from accounts.views.web import file_response, is_htmx, member_required, post_action, require, rule_required
from mentoring import rules, selectors
from mentoring.documents.bases import MENTEE, MENTOR, render_base
from mentoring.documents.packs import pack_file_name
from mentoring.documents.plan import plans_for_documents, render_plan
from mentoring.documents.review import render_review, reviews_for_documents
from mentoring.forms.documents import PackForm
from mentoring.models import DocumentPack, Review
from mentoring.services.packs import pack_request, pack_retry, packs_fail_stale


def _check_mentee(request, pair, mentee_id) -> None:
    if not selectors.sees_mentee(request.actor, pair, mentee_id):
        raise Http404


@member_required
def plan_pdf(request, pk):
    plan = get_object_or_404(plans_for_documents(selectors.plans_for(request.actor)), pk=pk)
    _check_mentee(request, plan.pair, plan.mentee_id)
    return file_response(render_plan(plan), f"Индивидуальный план — {plan.mentee.full_name}.pdf")


@member_required
def review_pdf(request, pk):
    """The same rule as the review's page (rules.can_read_review): the mentor and the pair's managers, the
    director once it is submitted; a draft shows «ПРОЕКТ»."""
    review = get_object_or_404(
        reviews_for_documents(Review.objects.filter(pair__in=selectors.pairs_for(request.actor))), pk=pk
    )
    pair = review.pair
    _check_mentee(request, pair, review.mentee_id)
    require(rules.can_read_review(request.actor, pair, review))
    return file_response(
        render_review(review), f"Отзыв о результатах наставничества — {review.mentee.full_name}.pdf"
    )


def _programme(request):
    """As on the base pages: ?programme=<pk>, «programme=» for every programme, nothing for the latest."""
    programmes = request.organization.programmes.all()
    chosen = request.GET.get("programme")
    if chosen is None:
        return programmes.first()
    if not chosen:
        return None
    if not chosen.isdigit():
        raise Http404
    return get_object_or_404(programmes, pk=chosen)


def _base_pdf(request, kind, title):
    programme = _programme(request)
    year = f" {programme.academic_year.replace('/', '-')}" if programme else ""
    return file_response(render_base(kind, request.organization, programme), f"{title}{year}.pdf")


@rule_required(rules.can_view_bases)
def mentor_base_pdf(request):
    return _base_pdf(request, MENTOR, "База наставников")


@rule_required(rules.can_view_bases)
def mentee_base_pdf(request):
    return _base_pdf(request, MENTEE, "База наставляемых")


# --- Packs ---------------------------------------------------------------------------------------------


def _visible_packs(request):
    """The coordinator sees every pack of the organisation; a curator, whose packs hold only their area,
    sees their own."""
    packs = request.organization.document_packs.select_related("programme")
    return packs if request.actor.has_role(Role.COORDINATOR) else packs.filter(created_by=request.user)


@rule_required(rules.can_manage_bases)
def pack_create(request, pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    form = PackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pack = pack_request(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "Пакет документов собирается. Страницу можно не держать открытой.")
        return redirect("mentoring:pack.detail", pk=pack.pk)
    packs_fail_stale(packs=_visible_packs(request).filter(programme=programme))
    recent = _visible_packs(request).filter(programme=programme)[:10]
    return render(
        request, "mentoring/documents/pack_form.html", {"form": form, "programme": programme, "packs": recent}
    )


@rule_required(rules.can_manage_bases)
def pack_detail(request, pk):
    """The page, or for htmx (polling every second while the pack is being built) only its status block."""
    pack = get_object_or_404(_visible_packs(request), pk=pk)
    if packs_fail_stale(packs=_visible_packs(request).filter(pk=pack.pk)):
        pack.refresh_from_db()
    template = (
        "mentoring/documents/_pack_status.html"
        if is_htmx(request)
        else "mentoring/documents/pack_detail.html"
    )
    return render(request, template, {"pack": pack})


@rule_required(rules.can_manage_bases)
def pack_download(request, pk):
    pack = get_object_or_404(_visible_packs(request), pk=pk)
    if pack.status != DocumentPack.Status.DONE or not pack.file:
        raise Http404
    return stored_file_response(pack.file, pack_file_name(pack))


@require_POST
@rule_required(rules.can_manage_bases)
def pack_retry_view(request, pk):
    pack = get_object_or_404(_visible_packs(request), pk=pk)
    return post_action(
        request,
        lambda: pack_retry(pack=pack, by=request.user),
        success="Пакет собирается заново.",
        then=reverse("mentoring:pack.detail", args=[pack.pk]),
    )
