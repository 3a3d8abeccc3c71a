"""The roadmap's pages: the table of the seeds (stages, events, live status), inline editing of stages and events
with htmx (as the plan rows), the month-by-month timeline, «Мои задачи», the PDF.

Every URL htmx calls is also an ordinary page: without JavaScript a GET renders a full page and a POST
redirects. A programme (and so its roadmap) is looked up through the current organisation: another school's
is a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors, form_errors
from accounts.views.web import file_response, is_htmx, member_required, require, rule_required
from roadmap import rules, selectors, services
from roadmap.documents import render_roadmap_pdf
from roadmap.forms.roadmaps import CompleteForm, CreateForm, EventForm, StageForm, TasksFilterForm, TitleForm
from roadmap.models import Event, Roadmap, Stage


def _programme(request, pk):
    return get_object_or_404(request.organization.programmes, pk=pk)


def _roadmap(request, pk) -> Roadmap:
    return get_object_or_404(
        Roadmap.objects.select_related("programme", "organization"),
        programme__organization=request.organization,
        programme__pk=pk,
    )


def _event(roadmap, event_pk) -> Event:
    return get_object_or_404(selectors.with_people(roadmap.events.all()), pk=event_pk)


def _row_context(request, roadmap, event) -> dict:
    [event] = selectors.annotate([event], roadmap.programme, timezone.localdate())
    event.can_complete = rules.can_complete_event(request.actor, event)
    return {"roadmap": roadmap, "event": event, "can_edit": rules.can_edit_roadmap(request.actor)}


@rule_required(rules.can_view_roadmap)
def roadmap_list(request):
    """The organisation's programmes with their roadmaps (or the way to make one)."""
    programmes = request.organization.programmes.select_related("roadmap").order_by("-year", "title")
    return render(request, "roadmap/roadmaps/list.html", {"programmes": programmes})


@rule_required(rules.can_view_roadmap)
def detail(request, pk):
    programme = _programme(request, pk)
    roadmap = Roadmap.objects.filter(programme=programme).select_related("programme", "organization").first()
    if roadmap is None:
        form = CreateForm(programme=programme) if rules.can_edit_roadmap(request.actor) else None
        return render(request, "roadmap/roadmaps/create.html", {"programme": programme, "form": form})
    today = timezone.localdate()
    rows = selectors.roadmap_rows(roadmap, today)
    can_edit = rules.can_edit_roadmap(request.actor)
    for row in rows:
        for event in row.events:
            event.can_complete = can_edit or selectors.is_responsible(request.actor, event)
    context = {
        "roadmap": roadmap,
        "programme": programme,
        "rows": rows,
        "counts": selectors.counts(rows),
        "stage": selectors.current_stage(rows, today),
        "order": selectors.approving_order(programme),
        "can_edit": can_edit,
        # «Скопировать на следующий год»: the next programme still without a roadmap offers this one as its base.
        "next_programme": request.organization.programmes.filter(
            year__gt=programme.year, roadmap__isnull=True
        )
        .order_by("year")
        .first()
        if can_edit
        else None,
    }
    return render(request, "roadmap/roadmaps/detail.html", context)


@rule_required(rules.can_edit_roadmap)
def create(request, pk):
    programme = _programme(request, pk)
    if Roadmap.objects.filter(programme=programme).exists():
        return redirect("roadmap:detail", pk=programme.pk)
    form = CreateForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.roadmap_create(programme=programme, by=request.user, **form.chosen())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Дорожная карта составлена. Проверьте сроки и ответственных.")
            return redirect("roadmap:detail", pk=programme.pk)
    return render(request, "roadmap/roadmaps/create.html", {"programme": programme, "form": form})


@rule_required(rules.can_edit_roadmap)
def update(request, pk):
    roadmap = _roadmap(request, pk)
    form = TitleForm(request.POST or None, instance=roadmap)
    if request.method == "POST" and form.is_valid():
        try:
            services.roadmap_update(roadmap=roadmap, title=form.cleaned_data["title"], by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Заголовок дорожной карты сохранён.")
            return redirect("roadmap:detail", pk=pk)
    return render(request, "roadmap/roadmaps/title_form.html", {"form": form, "roadmap": roadmap})


@rule_required(rules.can_view_roadmap)
def timeline(request, pk):
    roadmap = _roadmap(request, pk)
    today = timezone.localdate()
    rows = selectors.roadmap_rows(roadmap, today)
    context = {
        "roadmap": roadmap,
        "months": selectors.timeline(rows, today),
        "counts": selectors.counts(rows),
    }
    return render(request, "roadmap/roadmaps/timeline.html", context)


@rule_required(rules.can_view_roadmap)
def pdf(request, pk):
    roadmap = _roadmap(request, pk)
    return file_response(
        render_roadmap_pdf(roadmap.programme), f"Дорожная карта {roadmap.programme.academic_year}.pdf"
    )


# Stages ------------------------------------------------------------------------------------------------


def _stage_form(request, roadmap, stage):
    """GET: the stage's form (a table row for htmx, a page otherwise); POST: save, answer with the stage row."""
    form = StageForm(request.POST or None, instance=stage, auto_id=f"stage-{stage.pk or 'new'}-%s")
    if request.method == "POST" and form.is_valid():
        try:
            stage = services.stage_save(stage=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if is_htmx(request):
                context = {"roadmap": roadmap, "stage": stage, "can_edit": True}
                return render(request, "roadmap/roadmaps/_stage_row.html", context)
            messages.success(request, "Этап сохранён.")
            return redirect("roadmap:detail", pk=roadmap.programme_id)
    template = (
        "roadmap/roadmaps/_stage_form_row.html" if is_htmx(request) else "roadmap/roadmaps/stage_form.html"
    )
    return render(request, template, {"roadmap": roadmap, "stage": stage, "form": form})


@rule_required(rules.can_edit_roadmap)
def stage_create(request, pk):
    roadmap = _roadmap(request, pk)
    stage = Stage(roadmap=roadmap, number=services.next_stage_number(roadmap))
    return _stage_form(request, roadmap, stage)


@rule_required(rules.can_edit_roadmap)
def stage_update(request, pk, stage_pk):
    roadmap = _roadmap(request, pk)
    return _stage_form(request, roadmap, get_object_or_404(roadmap.stages, pk=stage_pk))


@require_POST
@rule_required(rules.can_edit_roadmap)
def stage_delete(request, pk, stage_pk):
    roadmap = _roadmap(request, pk)
    stage = get_object_or_404(roadmap.stages, pk=stage_pk)
    try:
        services.stage_delete(stage=stage, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Этап «{stage.title}» удалён.")
    return redirect("roadmap:detail", pk=pk)


# Events ------------------------------------------------------------------------------------------------


def _event_form(request, roadmap, event):
    """GET: the event's form (a table row for htmx, a page otherwise); POST: save, answer with the row."""
    initial = {"responsible_people": list(event.responsible_people.all())} if event.pk else {}
    form = EventForm(
        request.POST or None,
        instance=event,
        roadmap=roadmap,
        initial=initial,
        auto_id=f"event-{event.pk or 'new'}-%s",
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_save(
                event=form.save(commit=False),
                responsible_people=form.cleaned_data["responsible_people"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if is_htmx(request):
                context = _row_context(request, roadmap, _event(roadmap, event.pk))
                return render(request, "roadmap/roadmaps/_event_row.html", context)
            messages.success(request, "Мероприятие сохранено.")
            return redirect("roadmap:detail", pk=roadmap.programme_id)
    template = (
        "roadmap/roadmaps/_event_form_row.html" if is_htmx(request) else "roadmap/roadmaps/event_form.html"
    )
    return render(request, template, {"roadmap": roadmap, "event": event, "form": form})


@rule_required(rules.can_edit_roadmap)
def event_create(request, pk, stage_pk):
    roadmap = _roadmap(request, pk)
    stage = get_object_or_404(roadmap.stages, pk=stage_pk)
    today = timezone.localdate()
    event = Event(roadmap=roadmap, stage=stage, start_date=today, end_date=today)
    return _event_form(request, roadmap, event)


@rule_required(rules.can_edit_roadmap)
def event_update(request, pk, event_pk):
    roadmap = _roadmap(request, pk)
    return _event_form(request, roadmap, _event(roadmap, event_pk))


@require_POST
@rule_required(rules.can_edit_roadmap)
def event_delete(request, pk, event_pk):
    roadmap = _roadmap(request, pk)
    event = _event(roadmap, event_pk)
    services.event_delete(event=event, by=request.user)
    if is_htmx(request):
        return render(request, "roadmap/roadmaps/_deleted.html")
    messages.success(request, f"Мероприятие «{event.title}» удалено.")
    return redirect("roadmap:detail", pk=pk)


def _back(request, roadmap):
    """After a tick from «Мои задачи» the browser goes back there; otherwise to the roadmap."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("roadmap:detail", pk=roadmap.programme_id)


def _tick(request, pk, event_pk, action):
    """Tick done or reopen, for the coordinator or a person responsible for the event (403 otherwise)."""
    roadmap = Roadmap.objects.select_related("programme", "organization").filter(
        organization=request.organization, programme__pk=pk
    )
    roadmap = get_object_or_404(roadmap)
    event = _event(roadmap, event_pk)
    require(rules.can_complete_event(request.actor, event))
    try:
        message = action(event)
    except ValidationError as error:
        if is_htmx(request):
            context = _row_context(request, roadmap, event)
            context["errors"] = error.messages
            return render(request, "roadmap/roadmaps/_event_row.html", context)
        for text in error.messages:
            messages.error(request, text)
        return _back(request, roadmap)
    if is_htmx(request):
        return render(request, "roadmap/roadmaps/_event_row.html", _row_context(request, roadmap, event))
    messages.success(request, message)
    return _back(request, roadmap)


@require_POST
@member_required
def event_complete(request, pk, event_pk):
    def complete(event):
        form = CompleteForm(request.POST)
        if not form.is_valid():
            raise form_errors(form)
        services.event_complete(
            event=event, note=form.cleaned_data["note"], on=form.cleaned_data["done_on"], by=request.user
        )
        return f"Мероприятие «{event.title}» отмечено выполненным."

    return _tick(request, pk, event_pk, complete)


@require_POST
@member_required
def event_reopen(request, pk, event_pk):
    def reopen(event):
        services.event_reopen(event=event, by=request.user)
        return f"Отметка о выполнении «{event.title}» снята."

    return _tick(request, pk, event_pk, reopen)


# «Мои задачи» -----------------------------------------------------------------------------------------------


@rule_required(rules.can_see_tasks)
def tasks(request):
    """The actor's events of the current roadmaps; the administration may look at anyone responsible."""
    actor, today = request.actor, timezone.localdate()
    people = selectors.responsible_people(request.organization) if rules.can_view_roadmap(actor) else []
    filters = TasksFilterForm(request.GET or None, people=people)
    person = filters.cleaned_data["person"] if filters.is_valid() else None
    events = selectors.tasks(actor, today, person=person)
    for event in events:
        event.can_complete = person is None or rules.can_edit_roadmap(actor)
    context = {
        "events": events,
        "person": person,
        "filters": filters if people else None,
        "overdue": sum(1 for event in events if event.state == selectors.OVERDUE),
    }
    return render(request, "roadmap/roadmaps/tasks.html", context)
