"""Campaigns: the list with response rates, preparing and launching one, the live progress, reminders, printed
letters for those without e-mail, closing, the results and their .xlsx export."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.views.web import file_response, is_htmx, post_action, rule_required
from monitoring import rules, selectors, services
from monitoring.documents.letters import render_survey_letters
from monitoring.documents.spreadsheets import XLSX, results_xlsx
from monitoring.forms.campaigns import CampaignForm, OpenCampaignForm
from monitoring.models import Campaign


def _campaign(request, pk) -> Campaign:
    queryset = request.organization.campaigns.select_related("questionnaire", "programme", "form", "baseline")
    return get_object_or_404(queryset, pk=pk)


@rule_required(rules.can_view_surveys)
def campaign_list(request):
    campaigns = selectors.with_rates(request.organization.campaigns.order_by("-opens_on", "-pk"))
    page = Paginator(campaigns, 30).get_page(request.GET.get("page"))
    return render(request, "monitoring/campaigns/list.html", {"campaigns": page, "page": page})


def _edit(request, campaign: Campaign, heading: str):
    draft = campaign.status == Campaign.Status.DRAFT
    form_class = CampaignForm if draft else OpenCampaignForm
    kwargs = {"organization": request.organization} if draft else {}
    form = form_class(request.POST or None, instance=campaign, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.campaign_save(
                campaign=form.save(commit=False),
                pairs=list(data["pairs"]) if draft else None,
                people=list(data["people"]) if draft else None,
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Опрос «{campaign.title}» сохранён.")
            return redirect(campaign)
    return render(
        request, "monitoring/campaigns/form.html", {"form": form, "campaign": campaign, "heading": heading}
    )


@rule_required(rules.can_manage_surveys)
def campaign_create(request):
    today = timezone.localdate()
    campaign = Campaign(
        organization=request.organization,
        opens_on=today,
        closes_on=today + timedelta(days=14),
        audience=Campaign.Audience.GROUP,
    )
    questionnaire = request.organization.questionnaires.filter(
        pk=request.GET.get("questionnaire") or 0
    ).first()
    if questionnaire is not None:
        campaign.questionnaire = questionnaire
    return _edit(request, campaign, "Новый опрос")


@rule_required(rules.can_manage_surveys)
def campaign_update(request, pk):
    campaign = _campaign(request, pk)
    if campaign.status == Campaign.Status.CLOSED:
        messages.info(request, "Опрос завершён: его нельзя изменить.")
        return redirect(campaign)
    return _edit(request, campaign, "Опрос")


@rule_required(rules.can_view_surveys)
def campaign_detail(request, pk):
    campaign = _campaign(request, pk)
    progress = selectors.progress(campaign)
    if is_htmx(request):  # the live figures, polled while the campaign runs
        return render(
            request, "monitoring/campaigns/_progress.html", {"campaign": campaign, "progress": progress}
        )
    context = {"campaign": campaign, "progress": progress}
    if campaign.status == Campaign.Status.DRAFT:
        invitees = selectors.audience(campaign)
        context["invitees"] = invitees
        context["with_address"] = sum(1 for invitee in invitees if selectors.addresses(invitee.person))
    else:
        invitations = campaign.invitations.select_related("person", "form").order_by(
            "person__last_name", "person__first_name", "pk"
        )
        context["page"] = Paginator(invitations, 100).get_page(request.GET.get("page"))
        context["invitations"] = context["page"]
    return render(request, "monitoring/campaigns/detail.html", context)


@require_POST
@rule_required(rules.can_manage_surveys)
def campaign_launch(request, pk):
    campaign = _campaign(request, pk)
    try:
        report = services.campaign_launch(campaign=campaign, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        text = f"Опрос запущен: приглашено {report.invited}, писем отправлено {report.emailed}."
        if report.without_address:
            text += f" Без e-mail: {report.without_address} — распечатайте для них письма с QR-кодом."
        messages.success(request, text)
    return redirect(campaign)


@require_POST
@rule_required(rules.can_manage_surveys)
def campaign_remind(request, pk):
    campaign = _campaign(request, pk)
    try:
        count = services.campaign_remind(campaign=campaign, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if count:
            messages.success(request, f"Напоминания отправлены: {count}.")
        else:
            messages.info(
                request,
                "Напоминать некому: все ответили, у остальных нет e-mail или им уже напомнили сегодня.",
            )
    return redirect(campaign)


@require_POST
@rule_required(rules.can_manage_surveys)
def campaign_close(request, pk):
    campaign = _campaign(request, pk)
    return post_action(
        request,
        lambda: services.campaign_close(campaign=campaign, by=request.user),
        success="Опрос завершён, результаты зафиксированы.",
        then=campaign.get_absolute_url(),
    )


@require_POST
@rule_required(rules.can_manage_surveys)
def campaign_delete(request, pk):
    campaign = _campaign(request, pk)
    return post_action(
        request,
        lambda: services.campaign_delete(campaign=campaign, by=request.user),
        success=f"Опрос «{campaign.title}» удалён.",
        then="monitoring:campaign.list",
    )


@rule_required(rules.can_manage_surveys)
def campaign_letters(request, pk):
    """Printable letters with the link and its QR code for the respondents without an e-mail who have not
    answered yet (the same link as in a letter: printing changes nothing)."""
    campaign = _campaign(request, pk)
    invitations = [
        invitation
        for invitation in campaign.invitations.filter(used_at__isnull=True).select_related("person")
        if not selectors.addresses(invitation.person)
    ]
    if campaign.status != Campaign.Status.OPEN or not invitations:
        messages.info(request, "Писем для печати нет: у всех, кто ещё не ответил, есть e-mail.")
        return redirect(campaign)
    return file_response(render_survey_letters(campaign, invitations), f"Приглашения — {campaign.title}.pdf")


@rule_required(rules.can_view_surveys)
def campaign_results(request, pk):
    campaign = _campaign(request, pk)
    context = {"campaign": campaign, "results": selectors.results_of(campaign)}
    return render(request, "monitoring/campaigns/results.html", context)


@rule_required(rules.can_view_surveys)
def campaign_export(request, pk):
    campaign = _campaign(request, pk)
    results = selectors.results_of(campaign)
    if results["hidden"]:
        messages.info(
            request,
            f"Анонимный опрос: выгрузка будет доступна, когда ответят не меньше {results['min_group']} человек.",
        )
        return redirect("monitoring:campaign.results", pk=campaign.pk)
    data = results_xlsx(campaign, results)
    return file_response(data, f"Результаты — {campaign.title}.xlsx", content_type=XLSX, inline=False)
