"""«Подбор пар»: suggestions for a form of a programme, accepted row by row or all at once into draft pairs;
and the mentee search of the pair form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.views.web import require, rule_required
from mentoring import rules
from mentoring.forms.matching import AcceptForm
from mentoring.matching import suggest
from mentoring.models import MentoringForm
from mentoring.selectors.matching import matching_board, mentee_candidates
from mentoring.services.matching import suggestions_accept


@rule_required(rules.can_manage_pairs)
def matching_start(request):
    """The running programme's suggestions (or the latest programme's)."""
    today = timezone.localdate()
    programmes = request.organization.programmes.order_by("-year", "-start_date")
    programme = programmes.filter(start_date__lte=today, end_date__gte=today).first() or programmes.first()
    if programme is None:
        messages.info(
            request, "Пары подбираются для форм программы наставничества: сначала создайте программу."
        )
        return redirect("mentoring:programme.list")
    return redirect("mentoring:matching", programme.pk)


def _forms(request, programme) -> list:
    """The programme's forms whose pairs this actor forms (403 when none)."""
    forms = [form for form in programme.forms.all() if rules.can_match_pairs(request.actor, programme, form)]
    require(bool(forms))
    return forms


def _page_url(programme, form) -> str:
    return reverse("mentoring:matching", args=[programme.pk]) + f"?form={form.pk}"


@rule_required(rules.can_manage_pairs)
def matching(request, pk):
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    forms = _forms(request, programme)
    form = next((f for f in forms if str(f.pk) == request.GET.get("form")), forms[0])
    result = suggest(matching_board(programme, form))
    context = {
        "programme": programme,
        "programmes": request.organization.programmes.order_by("-year", "title"),
        "forms": forms,
        "form": form,
        "rule": result.board.roles.describe(form.name),
        "result": result,
        "accept_form": AcceptForm(programme=programme),
    }
    return render(request, "mentoring/matching/matching.html", context)


def _choice(value: str) -> tuple[int, int]:
    mentor_id, _, mentee_id = value.partition(":")
    if not (mentor_id.isdigit() and mentee_id.isdigit()):
        raise Http404
    return int(mentor_id), int(mentee_id)


@require_POST
@rule_required(rules.can_manage_pairs)
def matching_accept(request, pk):
    """«Принять» on a row posts one mentor:mentee; «Принять все» posts every suggestion shown."""
    programme = get_object_or_404(request.organization.programmes, pk=pk)
    form = next((f for f in _forms(request, programme) if str(f.pk) == request.POST.get("form")), None)
    if form is None:
        raise Http404
    values = request.POST.getlist("all") if "accept_all" in request.POST else request.POST.getlist("choice")
    pairs = [_choice(value) for value in values]
    people = request.organization.persons.in_bulk({pk for pair in pairs for pk in pair})
    if any(pk not in people for pair in pairs for pk in pair):
        raise Http404
    dates = AcceptForm(request.POST, programme=programme)
    try:
        if not dates.is_valid():
            raise ValidationError([m for errors in dates.errors.values() for m in errors])
        created = suggestions_accept(
            programme=programme,
            form=form,
            choices=[(people[mentor], people[mentee]) for mentor, mentee in pairs],
            start_date=dates.cleaned_data["start_date"],
            end_date=dates.cleaned_data["end_date"],
            by=request.user,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            f"Принято предложений: {len(pairs)}; проектов пар и групп: {len(created)}. "
            "Запишите согласие наставников и наставляемых на странице каждой пары.",
        )
    return redirect(_page_url(programme, form))


@rule_required(rules.can_manage_pairs)
def mentee_search(request):
    """The pair form's mentee picker (htmx): by name and class, of the chosen form, the mentor's free places."""
    organization = request.organization
    form_id, mentor_id = request.GET.get("form", ""), request.GET.get("mentor", "")
    form = MentoringForm.objects.filter(pk=form_id).first() if form_id.isdigit() else None
    mentor = organization.persons.filter(pk=mentor_id).first() if mentor_id.isdigit() else None
    selected = [int(v) for v in request.GET.getlist("mentees") if v.isdigit()]
    picker = mentee_candidates(
        organization, query=request.GET.get("mentee_q", ""), form=form, selected=selected, mentor=mentor
    )
    return render(request, "mentoring/pairs/_mentee_picker.html", {"picker": picker, "name": "mentees"})
