"""Answering: the public page of the respondent's link (one screen per section, saved section by section), and
the signed-in person's list of the questionnaires they (or their children) are asked to answer."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accounts.infra.tokens import LinkError
from accounts.views.web import member_required, rate_limited
from monitoring import selectors, services
from monitoring.forms.answer import SectionAnswerForm
from monitoring.models import SurveyInvitation
from monitoring.models.questionnaires import PEOPLE_TYPES

# A whole class may answer from the school's Wi-Fi (one address): the limit is per address, so it is high.
ANSWER_LIMIT = 300


def _closed(request, error: LinkError):
    return render(request, "monitoring/answer/closed.html", {"error": error}, status=410)


def _section_url(token: str, index: int) -> str:
    return f"{reverse('monitoring:answer', args=[token])}?s={index + 1}"


def _index(raw, count: int, default: int) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return min(default, count - 1)
    return min(max(number, 1), count) - 1


@rate_limited("answer", limit=ANSWER_LIMIT)
def answer(request, token):
    try:
        invitation = services.invitation_check(token)
    except LinkError as error:
        return _closed(request, error)
    campaign = invitation.campaign
    context = {"invitation": invitation, "campaign": campaign, "organization": campaign.organization}
    if services.consent_missing(invitation):  # nothing is shown to answer, nothing is recorded
        return render(request, "monitoring/answer/consent_needed.html", context)
    sections = list(campaign.questionnaire.sections.prefetch_related("questions"))
    response = services.draft_of(invitation)
    index = _index(
        request.POST.get("s") or request.GET.get("s"), len(sections), response.next_section if response else 0
    )
    section = sections[index]
    questions = list(section.questions.all())
    answers = {}
    if response is not None:
        answers = {a.question_id: a for a in response.answers.filter(question__section=section)}
    people = {}
    if any(question.type in PEOPLE_TYPES for question in questions):
        people = selectors.people_choices(campaign, invitation.person)
    action = request.POST.get("action", "next")
    strict = action in ("next", "submit")
    form = SectionAnswerForm(
        request.POST or None,
        questions=questions,
        answers=answers,
        people=people,
        strict=request.method == "POST" and strict,
    )
    if request.method == "POST" and form.is_valid():
        user = request.user if request.user.is_authenticated else None
        try:
            services.answer_section_save(
                invitation=invitation,
                section=section,
                values=form.values(),
                submit=action == "submit",
                by=user,
            )
        except LinkError as error:
            return _closed(request, error)
        except ValidationError as error:
            target = next((s for s in sections if error.code == f"section:{s.pk}"), None)
            if target is None:
                form.add_error(None, error)
            else:
                messages.error(request, error.messages[0])
                return redirect(_section_url(token, sections.index(target)))
        else:
            if action == "submit":
                return render(request, "monitoring/answer/thanks.html", context)
            if action == "later":
                return render(
                    request, "monitoring/answer/saved.html", {**context, "url": _section_url(token, index)}
                )
            step = -1 if action == "back" else 1
            return redirect(_section_url(token, min(max(index + step, 0), len(sections) - 1)))
    context.update(
        {
            "questionnaire": campaign.questionnaire,
            "sections": sections,
            "section": section,
            "index": index,
            "form": form,
            "anonymous": campaign.anonymous,
            "token": token,
        }
    )
    return render(request, "monitoring/answer/page.html", context)


@member_required
def mine(request):
    """«Мои анкеты»: what the person (or their child) is asked to answer now."""
    invitations = list(selectors.open_invitations_for(request.actor))
    own = request.actor.person
    return render(request, "monitoring/answer/mine.html", {"invitations": invitations, "own": own})


@member_required
def answer_mine(request, pk):
    """From the account to the answer page: the same link as in the letter (nothing is issued anew)."""
    ids = request.actor.own_and_ward_ids
    if not ids:
        raise Http404
    invitation = get_object_or_404(
        SurveyInvitation.objects.filter(campaign__organization=request.organization, person_id__in=ids), pk=pk
    )
    return redirect("monitoring:answer", token=invitation.link_token())
