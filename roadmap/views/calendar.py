"""The personal calendar: a secret address (iCal) that a calendar app subscribes to, made and revoked on
«Мой календарь»; the feed itself is public (the token is the key) and rate-limited."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.actor import Actor
from accounts.infra.tokens import LinkError, absolute_url
from accounts.views.web import post_action, rate_limited, rule_required
from roadmap import rules, selectors, services
from roadmap.documents import calendar_ics
from roadmap.models import CalendarFeed


@rule_required(rules.can_see_tasks)
def feed(request):
    """GET: whether the user has an address; POST: a new address, shown once on this page."""
    token = None
    if request.method == "POST":
        token = services.feed_issue(user=request.user, organization=request.organization)
    context = {
        "active": services.active_feed(request.user, request.organization),
        "url": absolute_url("roadmap:ical", token) if token else "",
    }
    return render(request, "roadmap/roadmaps/feed.html", context)


@require_POST
@rule_required(rules.can_see_tasks)
def feed_revoke(request):
    return post_action(
        request,
        lambda: services.feed_revoke(user=request.user, organization=request.organization),
        success="Адрес календаря отключён: календарные программы больше не получат по нему события.",
        then="roadmap:feed",
    )


@rate_limited("ical", limit=60, window=600)
def ical(request, token):
    try:
        link = CalendarFeed.check_token(
            token, queryset=CalendarFeed.objects.select_related("user", "organization")
        )
    except LinkError as error:
        return HttpResponse(error.message, status=404, content_type="text/plain; charset=utf-8")
    actor = Actor.of(link.user, link.organization)
    if not actor.roles or not link.user.is_active:
        return HttpResponse("Календарь недоступен.", status=404, content_type="text/plain; charset=utf-8")
    events = selectors.tasks(actor, timezone.localdate())
    response = HttpResponse(
        calendar_ics(events, organization=link.organization), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="roadmap.ics"'
    return response
