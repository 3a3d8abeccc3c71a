"""The two bases (seed 003, Appendix 3) with their .xlsx export, and the mentees still without a pair."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors, form_errors
from accounts.models import search_q
from accounts.services.preferences import preference_get, preference_save
from accounts.views.web import file_response, is_htmx, member_required, require, rule_required
from mentoring import rules, selectors, services
from mentoring.documents.spreadsheets import XLSX, base_xlsx
from mentoring.forms.bases import (
    MenteeFilterForm,
    MenteeProfileForm,
    MentorFilterForm,
    MentorProfileForm,
    SupportForm,
)
from mentoring.models import MenteeProfile, MentorProfile, Pair, PairMentee
from mentoring.models.catalogue_data import MENTEE_BASE_COLUMNS, MENTOR_BASE_COLUMNS
from mentoring.selectors.bases import MENTEE_TITLE, MENTOR_TITLE

PAGE_SIZE = 50
# The first two columns, the number and the person's name, stay on screen (sticky); every other may be hidden.
ALWAYS_SHOWN = 2
BASES = {
    "mentors": (MENTOR_BASE_COLUMNS, "mentoring:mentor_base.list"),
    "mentees": (MENTEE_BASE_COLUMNS, "mentoring:mentee_base.list"),
}


def _shown(row, shown: list[int]):
    """The row's cells of the shown columns only (the .xlsx and the PDF keep every column)."""
    head, tail = len(row.head), len(row.head) + len(row.pairs[0])
    return {
        "profile": row.profile,
        "head": [cell for i, cell in enumerate(row.head) if i in shown],
        "pairs": [[cell for j, cell in enumerate(line) if head + j in shown] for line in row.pairs],
        "tail": [cell for k, cell in enumerate(row.tail) if tail + k in shown],
    }


@require_POST
@rule_required(rules.can_view_bases)
def base_view(request, base):
    """Remember which columns of a base this user sees and whether the table is compact; back to the table."""
    if base not in BASES:
        raise Http404
    columns, list_url = BASES[base]
    wanted = set(request.POST.getlist("columns"))
    hidden = [c["code"] for c in columns[ALWAYS_SHOWN:] if c["code"] not in wanted]
    if request.POST.get("reset"):
        hidden, compact = [], False
    else:
        compact = request.POST.get("compact") == "1"
    preference_save(user=request.user, key=f"base_view:{base}", value={"hidden": hidden, "compact": compact})
    back = request.POST.get("back", "")
    if not (back.startswith(reverse(list_url)) and url_has_allowed_host_and_scheme(back, allowed_hosts=None)):
        back = reverse(list_url)
    return redirect(back)


def _filter(profiles, data, open_pairs):
    """Filters common to both bases; `open_pairs`: the person's open pairs (or places) in the programme."""
    if data.get("q"):
        profiles = profiles.filter(search_q(data["q"], prefix="person__"))
    if data.get("category"):
        profiles = profiles.filter(category=data["category"])
    if data.get("form"):
        profiles = profiles.filter(Exists(open_pairs.filter(form=data["form"])))
    if data.get("pairing") == "paired":
        profiles = profiles.filter(Exists(open_pairs))
    elif data.get("pairing") == "unpaired":
        profiles = profiles.filter(~Exists(open_pairs))
    return profiles


def _base_page(request, *, filters, profiles, build_rows, title, columns, create_url, edit_url):
    """The table page, or with ?format=xlsx the same table (all pages) as a spreadsheet."""
    programme = filters.applied.get("programme")
    if request.GET.get("format") == "xlsx":
        data = base_xlsx(
            title=title,
            columns=columns,
            rows=build_rows(profiles),
            organization=request.organization,
            programme=programme,
        )
        year = programme.academic_year.replace("/", "-") if programme is not None else ""
        return file_response(data, f"{title} {year}".strip() + ".xlsx", content_type=XLSX, inline=False)
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    export = request.GET.copy()
    export.pop("page", None)
    export["format"] = "xlsx"
    base = "mentors" if "mentor_base" in create_url else "mentees"
    view = preference_get(request.user, f"base_view:{base}", {})
    always = {column["code"] for column in columns[:ALWAYS_SHOWN]}
    hidden = set(view.get("hidden", [])) - always
    shown = [i for i, column in enumerate(columns) if column["code"] not in hidden]
    context = {
        "title": title,
        "base": base,
        "columns": columns,
        "shown_columns": [columns[i] for i in shown],
        "hidden_count": len(columns) - len(shown),
        "hidden": hidden,
        "always_shown": always,
        "compact": bool(view.get("compact")),
        "filters": filters,
        "page": page,
        "programme": programme,
        "rows": [_shown(row, shown) for row in build_rows(page, start=page.start_index())],
        "export_query": export.urlencode(),
        "create_url": create_url,
        "edit_url": edit_url,
        "pdf_url": create_url.replace(".create", ".pdf"),
    }
    return render(request, "mentoring/bases/base_list.html", context)


@rule_required(rules.can_view_bases)
def mentor_list(request):
    filters = MentorFilterForm(request.GET, organization=request.organization)
    data = filters.applied
    open_pairs = Pair.objects.filter(mentor=OuterRef("person"), status__in=Pair.OPEN_STATUSES)
    if data.get("programme"):
        open_pairs = open_pairs.filter(programme=data["programme"])
    profiles = _filter(request.organization.mentor_profiles.all(), data, open_pairs)
    if data.get("training"):
        profiles = profiles.filter(training_status=data["training"])
    if data.get("interest"):
        # JSON `contains` is not available on SQLite; the quoted code matches one element of the list.
        profiles = profiles.filter(interests__icontains=f'"{data["interest"]}"')
    return _base_page(
        request,
        filters=filters,
        profiles=selectors.with_mentor_base(profiles, data.get("programme")),
        build_rows=selectors.mentor_rows,
        title=MENTOR_TITLE,
        columns=MENTOR_BASE_COLUMNS,
        create_url="mentoring:mentor_base.create",
        edit_url="mentoring:mentor_base.update",
    )


@rule_required(rules.can_view_bases)
def mentee_list(request):
    filters = MenteeFilterForm(request.GET, organization=request.organization)
    data = filters.applied
    open_places = PairMentee.objects.filter(mentee=OuterRef("person"), is_open=True)
    if data.get("programme"):
        open_places = open_places.filter(pair__programme=data["programme"])
    profiles = _filter(request.organization.mentee_profiles.all(), data, open_places)
    return _base_page(
        request,
        filters=filters,
        profiles=selectors.with_mentee_base(profiles, data.get("programme")),
        build_rows=selectors.mentee_rows,
        title=MENTEE_TITLE,
        columns=MENTEE_BASE_COLUMNS,
        create_url="mentoring:mentee_base.create",
        edit_url="mentoring:mentee_base.update",
    )


def _profile_edit(request, *, profile, form_class, save, base_title, list_url):
    form = form_class(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            profile = save(profile=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{base_title}: запись «{profile.person.full_name}» сохранена.")
            return redirect(list_url)
    context = {"form": form, "profile": profile, "base_title": base_title, "list_url": list_url}
    return render(request, "mentoring/bases/profile_form.html", context)


@rule_required(rules.can_manage_bases)
def mentor_edit(request, pk=None):
    profiles = request.organization.mentor_profiles.select_related("person")
    profile = get_object_or_404(profiles, pk=pk) if pk else MentorProfile(organization=request.organization)
    return _profile_edit(
        request,
        profile=profile,
        form_class=MentorProfileForm,
        save=services.mentor_profile_save,
        base_title=MENTOR_TITLE,
        list_url="mentoring:mentor_base.list",
    )


@rule_required(rules.can_manage_bases)
def mentee_edit(request, pk=None):
    profiles = request.organization.mentee_profiles.select_related("person")
    profile = get_object_or_404(profiles, pk=pk) if pk else MenteeProfile(organization=request.organization)
    return _profile_edit(
        request,
        profile=profile,
        form_class=MenteeProfileForm,
        save=services.mentee_profile_save,
        base_title=MENTEE_TITLE,
        list_url="mentoring:mentee_base.list",
    )


def _support_form(profile, data=None):
    return SupportForm(data, instance=profile, auto_id=f"support-{profile.pk}-%s")


@rule_required(rules.can_view_bases)
def unpaired_list(request):
    """«Без пары»: mentees of the base with no open place in any pair, the longest waiting first.
    A POST saves the support given to one of them (inline, through htmx) and answers with its row."""
    unpaired = selectors.unpaired_mentees(request.organization).select_related("person", "category")
    if request.method == "POST":
        return _support_save(request, unpaired)
    manage = rules.can_manage_bases(request.actor)
    page = Paginator(unpaired, PAGE_SIZE).get_page(request.GET.get("page"))
    for profile in page:
        profile.support_form = _support_form(profile) if manage else None
    return render(request, "mentoring/bases/unpaired_list.html", {"page": page, "manage": manage})


def _support_save(request, unpaired):
    require(rules.can_manage_bases(request.actor))
    pk = request.POST.get("profile", "")
    if not pk.isdigit():
        raise Http404
    profile = get_object_or_404(unpaired, pk=pk)
    form = _support_form(profile, request.POST)
    saved = form.is_valid()
    if saved:
        try:
            services.mentee_profile_save(profile=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
            saved = False
    if not is_htmx(request):
        if saved:
            messages.success(request, f"Поддержка наставляемого «{profile.person.full_name}» записана.")
        else:
            messages.error(request, " ".join(form_errors(form).messages))
        return redirect("mentoring:mentee_base.unpaired")
    profile.support_form = form
    return render(
        request, "mentoring/bases/_unpaired_row.html", {"profile": profile, "manage": True, "saved": saved}
    )


@member_required
def mentor_code(request):
    """The mentor's manifesto, code and principles; a mentor of the base confirms having read them."""
    from mentoring.models.catalogue_data import (
        MENTOR_CODE,
        MENTOR_CODE_SECTIONS,
        SAFEGUARDING_INTRO,
        SAFEGUARDING_KINDS,
    )

    own = request.actor.person
    profile = MentorProfile.objects.filter(person=own).first() if own is not None else None
    if request.method == "POST":
        require(profile is not None)
        services.mentor_code_acknowledge(profile=profile, by=request.user)
        messages.success(request, "Спасибо: отмечено, что вы ознакомлены с кодексом и манифестом наставника.")
        return redirect("mentoring:mentor_code")
    sections = [
        {**section, "paragraphs": [p for p in MENTOR_CODE if p["section"] == section["code"]]}
        for section in MENTOR_CODE_SECTIONS
    ]
    return render(
        request,
        "mentoring/bases/mentor_code.html",
        {
            "sections": sections,
            "profile": profile,
            "safeguarding_intro": SAFEGUARDING_INTRO,
            "safeguarding": SAFEGUARDING_KINDS,
        },
    )
