"""Intake into the bases: the entries proposed by potential mentors' and mentees' answers, accepted in one click,
edited first, or rejected."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.views.web import post_action, rule_required
from monitoring import rules, selectors, services
from monitoring.forms.intake import MenteeProposalForm, MentorProposalForm
from monitoring.models import IntakeProposal


def _proposal(request, pk) -> IntakeProposal:
    return get_object_or_404(request.organization.intake_proposals.select_related("person"), pk=pk)


@rule_required(rules.can_review_intake)
def intake_list(request):
    status = request.GET.get("status") or IntakeProposal.Status.PENDING
    if status not in IntakeProposal.Status.values:
        status = IntakeProposal.Status.PENDING
    proposals = request.organization.intake_proposals.filter(status=status)
    page = Paginator(proposals.order_by("-created_at", "-pk").values_list("pk", flat=True), 30).get_page(
        request.GET.get("page")
    )
    rows = selectors.proposal_rows(proposals.filter(pk__in=list(page.object_list)))
    context = {"rows": rows, "page": page, "status": status, "statuses": IntakeProposal.Status.choices}
    return render(request, "monitoring/intake/list.html", context)


@require_POST
@rule_required(rules.can_review_intake)
def intake_accept(request, pk):
    proposal = _proposal(request, pk)
    return post_action(
        request,
        lambda: services.intake_accept(proposal=proposal, by=request.user),
        success=f"{proposal.person.full_name}: запись внесена {proposal.into_base}.",
        then="monitoring:intake.list",
    )


@require_POST
@rule_required(rules.can_review_intake)
def intake_reject(request, pk):
    proposal = _proposal(request, pk)
    return post_action(
        request,
        lambda: services.intake_reject(proposal=proposal, by=request.user),
        success=f"Предложение по {proposal.person.full_name} отклонено.",
        then="monitoring:intake.list",
    )


@rule_required(rules.can_review_intake)
def intake_edit(request, pk):
    proposal = _proposal(request, pk)
    if proposal.status != IntakeProposal.Status.PENDING:
        messages.info(request, "По этому предложению уже принято решение.")
        return redirect("monitoring:intake.list")
    if proposal.base == IntakeProposal.Base.MENTOR:
        form = MentorProposalForm(request.POST or None, initial=proposal.fields)
    else:
        form = MenteeProposalForm(request.POST or None, initial=proposal.fields, person=proposal.person)
    if request.method == "POST" and form.is_valid():
        try:
            services.intake_accept(proposal=proposal, fields=form.fields_for_base(), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                f"{proposal.person.full_name}: запись внесена {proposal.into_base}.",
            )
            return redirect("monitoring:intake.list")
    return render(request, "monitoring/intake/form.html", {"form": form, "proposal": proposal})
