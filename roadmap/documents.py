"""The roadmap as documents: the landscape PDF in the seeds' layout (the appendix of the order introducing the
target model) and the personal iCal calendar.

render_roadmap_html(programme, order=None) is the whole document: `order` is the order that approves it (its
number and date go into «УТВЕРЖДЕНА»); without it the signed order introducing the target model is looked up,
and a roadmap not yet approved has no stamp. roadmap_appendix_html(order) is the same title and table as a
fragment for the PDF of the order introducing the target model (a provider of mentoring's order appendices;
None while the programme has no roadmap), on landscape pages of its own.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from mentoring.documents.render import html_to_pdf, render_html

from . import selectors
from .models import Roadmap


def roadmap_context(programme, order=None) -> dict:
    roadmap = Roadmap.objects.select_related("organization", "programme").get(programme=programme)
    rows = selectors.roadmap_rows(roadmap, timezone.localdate())
    order = order or selectors.approving_order(programme)
    return {
        "roadmap": roadmap,
        "organization": roadmap.organization,
        "rows": [row for row in rows if row.events],
        "order": order if order is not None and order.number else None,
    }


def render_roadmap_html(programme, order=None) -> str:
    return render_html("documents/roadmap.html", roadmap_context(programme, order))


def render_roadmap_pdf(programme, order=None) -> bytes:
    return html_to_pdf(render_roadmap_html(programme, order))


def roadmap_appendix_html(order) -> str | None:
    if order.programme_id is None or not Roadmap.objects.filter(programme_id=order.programme_id).exists():
        return None
    return render_to_string("documents/_roadmap_table.html", roadmap_context(order.programme, order))


def calendar_ics(events, *, organization) -> bytes:
    """All-day events from the start to the end of each roadmap event (DTEND is exclusive in iCal)."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", "-//Наставничество//Дорожная карта//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Дорожная карта — {organization.short_name}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"roadmap-event-{event.pk}@{host}")
        entry.add("dtstamp", stamp)
        mark = "✓ " if event.state == selectors.DONE else ""
        entry.add("summary", f"{mark}{event.title}")
        entry.add("dtstart", event.start_date)
        entry.add("dtend", event.end_date + timedelta(days=1))
        lines = [
            f"Этап {event.stage.number}. {event.stage.title}",
            event.content,
            f"Статус: {event.state_label}",
        ]
        if event.documents:
            lines.append(f"Документы: {event.documents}")
        entry.add("description", "\n".join(line for line in lines if line))
        entry.add("url", settings.SITE_URL + event.roadmap.get_absolute_url() + f"#event-{event.pk}")
        entry.add("transp", "TRANSPARENT")  # a month-long item must not make the person look busy
        calendar.add_component(entry)
    return calendar.to_ical()
