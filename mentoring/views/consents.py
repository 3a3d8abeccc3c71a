"""Consents: the coordinator's tracker, paper consents, the parent's online signature, withdrawal, the PDF."""

from pathlib import PurePosixPath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.infra.tokens import LinkError
from accounts.models import Consent, ConsentKind, ConsentRequest, Person
from accounts.rules import is_self_or_ward
from accounts.services import consents
from accounts.views.files import stored_file_response
from accounts.views.uploads import upload_refused
from accounts.views.web import (
    client_ip,
    file_response,
    member_required,
    post_action,
    rate_limited,
    record_link_visit,
    require,
    rule_required,
)
from mentoring import rules, selectors
from mentoring.documents.consents import render_consents
from mentoring.documents.letters import letter_signers, render_consent_letters
from mentoring.forms.consents import CodeForm, PaperConsentForm, SignForm, TrackerFilterForm
from mentoring.services import consents as consent_services

SESSION_SIGNED = "consent_signed_subjects"
TRACKER_PAGE_SIZE = 50


def _tracker_rows(request, filters) -> list[dict]:
    data = filters.cleaned_data if filters.is_valid() else {}
    return selectors.consent_tracker(
        request.organization,
        programme=data.get("programme"),
        form=data.get("form"),
        group=data.get("group") or "",
        state=data.get("state") or "",
        search=data.get("q") or "",
    )


@rule_required(rules.can_manage_bases)
def tracker(request):
    filters = TrackerFilterForm(request.GET or None, organization=request.organization)
    rows = _tracker_rows(request, filters)
    page = Paginator(rows, TRACKER_PAGE_SIZE).get_page(request.GET.get("page"))
    labels = ConsentKind.labels
    for row in page:
        row["cells"] = list(zip(labels, row["consents"], strict=True))  # titled for the stacked rows
    return render(
        request,
        "mentoring/consents/tracker.html",
        {
            "rows": page,
            "page": page,
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
    subjects = [
        row["person"] for row in _tracker_rows(request, filters) if not (row["valid"] or row["pending"])
    ]
    links, problems = consents.consent_request_many(subjects=subjects, by=request.user)
    asked = len({link.subject_id for link, _ in links})
    messages.success(request, f"Запрошено согласий: {asked}. Письма отправлены тем, у кого указан e-mail.")
    for problem in problems:
        messages.warning(request, problem)
    return redirect(request.POST.get("back") or "mentoring:consent.tracker")


@require_POST
@rule_required(rules.can_manage_bases)
def remind(request, pk):
    link = get_object_or_404(ConsentRequest.objects.filter(organization=request.organization), pk=pk)
    return post_action(
        request,
        lambda: consents.consent_remind(link=link, by=request.user),
        success=f"Напоминание отправлено: {link.signer.full_name}.",
        then="mentoring:consent.tracker",
    )


@require_POST
@rule_required(rules.can_manage_bases)
def letters(request):
    """Printable letters with a fresh link and a QR code for the signers who have no e-mail."""
    filters = TrackerFilterForm(request.POST or None, organization=request.organization)
    people = [row["person"] for row in _tracker_rows(request, filters) if not row["valid"]]
    by_letter = {person.pk: letter_signers(person) for person in people}
    subjects = [person for person in people if by_letter[person.pk]]
    links, _ = consents.consent_request_many(subjects=subjects, by=request.user, send_email=False)
    links = [(link, token) for link, token in links if link.signer in by_letter[link.subject_id]]
    if not links:
        messages.info(
            request, "Писем для печати нет: у всех без согласия указан e-mail или согласие уже есть."
        )
        return redirect("mentoring:consent.tracker")
    return file_response(render_consent_letters(links, request.organization), "Письма о согласии.pdf")


@rule_required(rules.can_manage_bases)
def paper(request, pk):
    subject = get_object_or_404(request.organization.persons, pk=pk)
    form = PaperConsentForm(request.POST or None, request.FILES or None, subject=subject)
    valid = request.method == "POST" and form.is_valid()
    if upload_refused(request, "scan"):  # dropped while streaming in: the form saw no file
        form.errors["scan"] = form.error_class(["Файл больше 5 МБ: отсканируйте с меньшим разрешением."])
    if valid:
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
            apply_errors(form, error)
        else:
            messages.success(request, f"Бумажное согласие ({subject.full_name}) сохранено.")
            return redirect("mentoring:consent.tracker")
    return render(request, "mentoring/consents/paper_form.html", {"form": form, "subject": subject})


SESSION_PROVEN = "consent_proven_links"


def _proven(request, link) -> bool:
    """The visitor has shown they are the signer: signed in as them, or typed the e-mailed code in this browser."""
    return consents.signs_from_account(link, request.user) or link.pk in request.session.get(
        SESSION_PROVEN, []
    )


def _prove(request, link, token):
    """Before any proof the page names no one: only the school and where the code goes."""
    code_form = CodeForm(request.POST if request.POST.get("step") == "verify" else None)
    if request.method == "POST":
        try:
            if request.POST.get("step") == "send":
                consents.consent_code_send(link=link)
                messages.success(request, "Код отправлен. Проверьте почту (и папку «Спам»).")
            elif code_form.is_valid():
                consents.consent_code_verify(link=link, code=code_form.cleaned_data["code"])
                request.session[SESSION_PROVEN] = [*request.session.get(SESSION_PROVEN, []), link.pk]
                return redirect("mentoring:consent.sign", token=token)
        except ValidationError as error:
            apply_errors(code_form, error)
    context = {
        "link": link,
        "code_form": code_form,
        "masked_email": consents.mask_email(link.signer.email),
        "code_sent": link.code_expires_at is not None or request.POST.get("step") == "send",
    }
    return render(request, "mentoring/consents/prove.html", context)


@rate_limited("consent")
def sign(request, token):
    """Public, by the single-purpose link. The visitor first proves to be the signer (a code sent to the e-mail
    the school holds, or their own account); only then the page shows whose consent it is and its texts: read
    them in plain Russian, type the full name, tick, sign."""
    try:
        link = consents.consent_link_check(token)
    except LinkError as error:
        record_link_visit(request, "consent.link_refused", problem=error.title)
        return render(request, "accounts/link_invalid.html", {"error": error}, status=410)
    record_link_visit(request, "consent.link_open", link=link)
    if not _proven(request, link):
        return _prove(request, link, token)
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
        except LinkError as error:
            return render(request, "accounts/link_invalid.html", {"error": error}, status=410)
        except ValidationError as error:
            apply_errors(form, error)
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
    return rules.can_manage_bases(request.actor) or is_self_or_ward(request.actor, subject)


def consent_pdf(request, pk):
    """The consent as a document: signed data when given, otherwise a form to print and sign on paper."""
    subject = get_object_or_404(Person, pk=pk)
    if not _may_see_consents(request, subject):
        raise Http404
    return file_response(render_consents(subject), f"Согласие — {subject.full_name}.pdf")


@member_required
def consent_scan(request, pk):
    """The scan of a paper consent, to whoever may see the person's consents (another school's: not found)."""
    consent = get_object_or_404(
        request.organization.consents.select_related("subject").exclude(scan=""), pk=pk
    )
    if not _may_see_consents(request, consent.subject):
        raise Http404
    extension = PurePosixPath(consent.scan.name).suffix.lower()
    return stored_file_response(consent.scan, f"Скан согласия — {consent.subject.full_name}{extension}")


@member_required
def mine(request):
    """A parent's (or an adult participant's) own consents and their children's."""
    own = request.actor.person
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
                "kinds": selectors.consents_by_kind(history),
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
    if request.actor.person is None:
        raise Http404
    try:
        token = consents.consent_link_for_signer(
            subject=subject, signer=request.actor.person, by=request.user
        )
    except ValidationError:
        raise Http404 from None  # not theirs to sign: another family's child is simply not found
    return redirect("mentoring:consent.sign", token=token)


@require_POST
@member_required
def withdraw(request, pk):
    subject = get_object_or_404(request.organization.persons, pk=pk)
    actor = request.actor
    require(rules.can_manage_consents_of(actor, subject))
    kinds = [k for k in request.POST.getlist("kinds") if k in ConsentKind.values] or list(ConsentKind.values)
    try:
        affected = consent_services.consent_withdraw(subject=subject, kinds=kinds, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        note = f" Приостановлено участие в парах: {len(affected)}; куратор уведомлён." if affected else ""
        messages.success(request, "Согласие отозвано." + note)
    own = rules.is_consent_signer(actor, subject)
    return redirect(
        "mentoring:consent.mine" if own or not rules.can_manage_bases(actor) else "mentoring:consent.tracker"
    )
