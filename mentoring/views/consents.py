"""Consents: the coordinator's tracker, paper consents, the parent's online signature, withdrawal, the PDF."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import consents
from accounts.decorators import member_required, rule_required
from accounts.models import Consent, ConsentKind, ConsentRequest, Guardianship, Person
from accounts.ratelimit import client_ip, rate_limited
from accounts.rules import is_self_or_ward
from accounts.services import InvitationError
from accounts.views import _apply_errors
from mentoring import rules
from mentoring.documents.consents import render_consents
from mentoring.documents.letters import letter_pages, render_letters
from mentoring.forms_consents import PaperConsentForm, SignForm, TrackerFilterForm
from mentoring.services import consents as consent_services

SESSION_SIGNED = "consent_signed_subjects"


def _participants(request, filters):
    """People of the bases and of the programme's pairs, with everything the tracker shows prefetched."""
    people = request.organization.persons.filter(
        Q(mentor_profile__isnull=False) | Q(mentee_profile__isnull=False) | Q(pair_memberships__isnull=False)
    )
    data = filters.cleaned_data if filters.is_valid() else {}
    if data.get("programme"):
        people = people.filter(
            Q(pair_memberships__pair__programme=data["programme"])
            | Q(mentored_pairs__programme=data["programme"])
        )
    if data.get("form"):
        people = people.filter(
            Q(pair_memberships__form=data["form"], pair_memberships__is_open=True)
            | Q(
                mentored_pairs__form=data["form"],
                mentored_pairs__status__in=["draft", "agreed", "approved", "active"],
            )
        )
    if data.get("group"):
        people = people.filter(group__iexact=data["group"].replace(" ", ""))
    people = people.distinct().prefetch_related(
        Prefetch("consents", queryset=Consent.objects.order_by("-requested_at")),
        Prefetch("consent_requests", queryset=ConsentRequest.objects.order_by("-created_at")),
        Prefetch("guardianships", queryset=Guardianship.objects.select_related("guardian")),
    )
    rows, today = [], timezone.localdate()
    for person in people:
        latest = {}
        for consent in person.consents.all():
            latest.setdefault(consent.kind, consent)
        valid = all(
            (c := latest.get(kind)) is not None
            and c.status == Consent.Status.GIVEN
            and (c.expires_on is None or c.expires_on >= today)
            for kind in consents.REQUIRED_KINDS
        )
        if data.get("state") == "missing" and valid or data.get("state") == "valid" and not valid:
            continue
        links = list(person.consent_requests.all())
        rows.append(
            {
                "person": person,
                "valid": valid,
                "minor": person.is_minor(today),
                "consents": [latest.get(kind) for kind in ConsentKind.values],
                "guardians": [g.guardian for g in person.guardianships.all()],
                "pending": [link for link in links if not link.used_at],
                "reminders": sum(link.reminders_sent for link in links),
                "last_sent": max((link.last_sent_at for link in links if link.last_sent_at), default=None),
            }
        )
    return rows


@rule_required(rules.can_manage_bases)
def tracker(request):
    filters = TrackerFilterForm(request.GET or None, organization=request.organization)
    rows = _participants(request, filters)
    return render(
        request,
        "mentoring/consents/tracker.html",
        {
            "rows": rows,
            "filters": filters,
            "kinds": ConsentKind.choices,
            "missing": sum(1 for row in rows if not row["valid"]),
        },
    )


@require_POST
@rule_required(rules.can_manage_bases)
def request_all(request):
    """One action: ask everyone shown in the tracker who has no valid consent and no pending link."""
    filters = TrackerFilterForm(request.POST or None, organization=request.organization)
    asked, problems = 0, []
    for row in _participants(request, filters):
        if row["valid"] or row["pending"]:
            continue
        try:
            consents.consent_request(subject=row["person"], by=request.user)
            asked += 1
        except ValidationError as error:
            problems.append(error.messages[0])
    messages.success(request, f"Запрошено согласий: {asked}. Письма отправлены тем, у кого указан e-mail.")
    for problem in problems:
        messages.warning(request, problem)
    return redirect(request.POST.get("back") or "mentoring:consent.tracker")


@require_POST
@rule_required(rules.can_manage_bases)
def remind(request, pk):
    link = get_object_or_404(ConsentRequest.objects.filter(organization=request.organization), pk=pk)
    try:
        consents.consent_remind(link=link, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Напоминание отправлено: {link.signer.full_name}.")
    return redirect("mentoring:consent.tracker")


@require_POST
@rule_required(rules.can_manage_bases)
def letters(request):
    """Printable letters with a fresh link and a QR code for the signers who have no e-mail."""
    filters = TrackerFilterForm(request.POST or None, organization=request.organization)
    people = [row["person"] for row in _participants(request, filters) if not row["valid"]]
    pages = letter_pages(people, by=request.user)
    if not pages:
        messages.info(
            request, "Писем для печати нет: у всех без согласия указан e-mail или согласие уже есть."
        )
        return redirect("mentoring:consent.tracker")
    pdf = render_letters(pages, request.organization)
    return _pdf_response(pdf, "pisma-soglasie.pdf")


def _pdf_response(pdf: bytes, name: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@rule_required(rules.can_manage_bases)
def paper(request, pk):
    subject = get_object_or_404(request.organization.persons, pk=pk)
    form = PaperConsentForm(request.POST or None, request.FILES or None, subject=subject)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consents.consent_record_paper(
                subject=subject,
                signer=data["signer"],
                kinds=data["kinds"],
                scan=data["scan"],
                signed_on=data["signed_on"],
                by=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Бумажное согласие ({subject.full_name}) сохранено.")
            return redirect("mentoring:consent.tracker")
    return render(request, "mentoring/consents/paper_form.html", {"form": form, "subject": subject})


@rate_limited("consent")
def sign(request, token):
    """Public, by the single-purpose link: read the text in plain Russian, type the full name, tick, sign."""
    try:
        link = consents.consent_link_check(token)
    except InvitationError as error:
        return render(request, "accounts/invitation_invalid.html", {"error": error}, status=410)
    form = SignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consents.consent_sign_online(
                token=token,
                ip=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
                by=request.user if request.user.is_authenticated else None,
                **form.cleaned_data,
            )
        except InvitationError as error:
            return render(request, "accounts/invitation_invalid.html", {"error": error}, status=410)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            # The browser that signed may download the signed PDF in this session.
            request.session[SESSION_SIGNED] = [*request.session.get(SESSION_SIGNED, []), link.subject_id]
            return render(request, "mentoring/consents/signed.html", {"link": link})
    day = timezone.localdate()
    texts = [
        consents.consent_text(
            kind, subject=link.subject, signer=link.signer, day=day, expires_on=consents.default_expiry(day)
        )
        for kind in ConsentKind.values
    ]
    return render(request, "mentoring/consents/sign.html", {"link": link, "form": form, "texts": texts})


def _may_see_consents(request, subject) -> bool:
    if subject.pk in request.session.get(SESSION_SIGNED, []):
        return True
    if not request.user.is_authenticated or request.organization is None:
        return False
    if subject.organization_id != request.organization.pk:
        return False
    return rules.can_manage_bases(request) or is_self_or_ward(request, subject)


def consent_pdf(request, pk):
    """The consent as a document: signed data when given, otherwise a form to print and sign on paper."""
    subject = get_object_or_404(Person, pk=pk)
    if not _may_see_consents(request, subject):
        raise Http404
    pdf = render_consents(subject)
    return _pdf_response(pdf, "soglasie.pdf")


@member_required
def mine(request):
    """A parent's (or an adult participant's) own consents and their children's."""
    own = request.person
    if own is None:
        raise Http404
    subjects = [own, *[g.child for g in own.wards.select_related("child")]]
    rows = []
    for subject in subjects:
        history = list(subject.consents.order_by("-requested_at"))
        rows.append(
            {
                "subject": subject,
                "consents": history,
                "valid": consents.has_valid_consent(subject),
                "given": any(c.status == Consent.Status.GIVEN for c in history),
                # an adult signs for themself, a minor's consent is signed by a parent
                "may_sign": (subject.pk == own.pk) != subject.is_minor(),
            }
        )
    return render(request, "mentoring/consents/mine.html", {"rows": rows})


@require_POST
@member_required
def sign_mine(request, pk):
    """From the account: a fresh link for the signed-in signer, then the usual signing page."""
    subject = get_object_or_404(request.organization.persons, pk=pk)
    if request.person is None:
        raise Http404
    try:
        token = consents.consent_link_for_signer(subject=subject, signer=request.person, by=request.user)
    except ValidationError:
        raise Http404 from None  # not theirs to sign: another family's child is simply not found
    return redirect("mentoring:consent.sign", token=token)


@require_POST
@member_required
def withdraw(request, pk):
    subject = get_object_or_404(request.organization.persons, pk=pk)
    own = request.person
    is_signer = own is not None and (
        (own.pk == subject.pk and not subject.is_minor())
        or subject.guardianships.filter(guardian=own).exists()
    )
    if not (is_signer or rules.can_manage_bases(request)):
        raise PermissionDenied
    kinds = [k for k in request.POST.getlist("kinds") if k in ConsentKind.values] or list(ConsentKind.values)
    try:
        affected = consent_services.consent_withdraw(subject=subject, kinds=kinds, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        note = f" Приостановлено участие в парах: {len(affected)}; куратор уведомлён." if affected else ""
        messages.success(request, "Согласие отозвано." + note)
    return redirect(
        "mentoring:consent.tracker"
        if rules.can_manage_bases(request) and not is_signer
        else "mentoring:consent.mine"
    )
