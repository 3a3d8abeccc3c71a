"""The monitoring's dashboard (the coordinator's and the director's: the school; a curator's: their forms), the
year's SWOT and conclusions, and the analytical report as PDF and .xlsx."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.views.web import file_response, post_action, rule_required
from monitoring import rules
from monitoring.documents.report import render_report, report_filename, report_xlsx
from monitoring.documents.spreadsheets import XLSX
from monitoring.forms.analysis import SwotForm
from monitoring.selectors.dashboard import figures, scope_forms
from monitoring.services.analysis import swot_for, swot_prefill, swot_save


def _programme(request, pk):
    return get_object_or_404(request.organization.programmes.select_related("organization"), pk=pk)


@rule_required(rules.can_view_dashboard)
def dashboard(request):
    programmes = list(request.organization.programmes.order_by("-year", "title"))
    chosen = request.GET.get("programme")
    programme = next((p for p in programmes if str(p.pk) == chosen), programmes[0] if programmes else None)
    context = {"programmes": programmes, "programme": programme, "actor": request.actor}
    if programme is not None:
        data = figures(programme, today=timezone.localdate(), forms=scope_forms(request.actor, programme))
        context.update(
            figures=data,
            swot=swot_for(programme) if data.whole else None,
            can_edit=rules.can_edit_analysis(request.actor),
            can_report=rules.can_download_report(request.actor),
        )
    return render(request, "monitoring/dashboard.html", context)


@rule_required(rules.can_edit_analysis)
def swot_edit(request, pk):
    programme = _programme(request, pk)
    swot = swot_for(programme)
    form = SwotForm(request.POST or None, instance=swot)
    if request.method == "POST" and form.is_valid():
        try:
            swot_save(swot=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "SWOT-анализ, выводы и предложения сохранены.")
            return redirect(f"{_dashboard_url(programme)}#analysis")
    return render(request, "monitoring/swot_form.html", {"form": form, "programme": programme})


def _dashboard_url(programme) -> str:
    return f"{reverse('monitoring:dashboard')}?programme={programme.pk}"


@require_POST
@rule_required(rules.can_edit_analysis)
def swot_prefill_view(request, pk):
    programme = _programme(request, pk)
    replace = request.POST.get("replace") == "1"
    return post_action(
        request,
        lambda: swot_prefill(programme=programme, by=request.user, replace=replace),
        success="SWOT-анализ заполнен по итогам опросов и показателям: проверьте и дополните его.",
        then=reverse("monitoring:swot.edit", args=[programme.pk]),
    )


@rule_required(rules.can_download_report)
def report_pdf(request, pk):
    programme = _programme(request, pk)
    data = render_report(programme, today=timezone.localdate())
    return file_response(data, report_filename(programme, "pdf"))


@rule_required(rules.can_download_report)
def report_export(request, pk):
    programme = _programme(request, pk)
    data = report_xlsx(programme, today=timezone.localdate())
    return file_response(data, report_filename(programme, "xlsx"), content_type=XLSX, inline=False)
