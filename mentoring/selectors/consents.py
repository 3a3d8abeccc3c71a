"""The consent tracker: who of the bases and the pairs has the required consents, who was asked, when."""

from django.db.models import Prefetch, Q
from django.utils import timezone

from accounts.models import Consent, ConsentKind, ConsentRequest, Guardianship, search_q
from accounts.services.consents import REQUIRED_KINDS
from mentoring.models import Pair

# A mentor counts in a form while their pair there is open and not suspended.
MENTORING_NOW = (Pair.Status.DRAFT, Pair.Status.AGREED, Pair.Status.APPROVED, Pair.Status.ACTIVE)


def consent_tracker(
    organization, *, programme=None, form=None, group: str = "", state: str = "", search: str = ""
) -> list[dict]:
    """One row per participant (of the bases or of a pair), with everything the tracker shows loaded in a
    fixed number of queries. `state`: "missing" or "valid" keeps only those rows; `search`: words of the
    name or class («сидоров 7б»)."""
    people = organization.persons.filter(
        Q(mentor_profile__isnull=False) | Q(mentee_profile__isnull=False) | Q(pair_memberships__isnull=False)
    )
    if programme is not None:
        people = people.filter(
            Q(pair_memberships__pair__programme=programme) | Q(mentored_pairs__programme=programme)
        )
    if form is not None:
        people = people.filter(
            Q(pair_memberships__form=form, pair_memberships__is_open=True)
            | Q(mentored_pairs__form=form, mentored_pairs__status__in=MENTORING_NOW)
        )
    if group:
        people = people.filter(group__iexact=group.replace(" ", ""))
    if search:
        people = people.filter(search_q(search))
    people = (
        people.distinct()
        .order_by("last_name", "first_name", "middle_name", "pk")
        .prefetch_related(
            Prefetch("consents", queryset=Consent.objects.select_related("link").order_by("-requested_at")),
            Prefetch("consent_requests", queryset=ConsentRequest.objects.order_by("-created_at")),
            Prefetch("guardianships", queryset=Guardianship.objects.select_related("guardian")),
        )
    )
    rows, today = [], timezone.localdate()
    for person in people:
        latest = {}
        for consent in person.consents.all():
            latest.setdefault(consent.kind, consent)
        valid = all((c := latest.get(kind)) is not None and c.is_valid(today) for kind in REQUIRED_KINDS)
        if state == "missing" and valid or state == "valid" and not valid:
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


def consents_by_kind(history, today=None) -> list[dict]:
    """A person's consents (newest first) as one entry per kind: the consent that decides now (`current`: the
    latest one — at most one is requested or given at a time), whether it is in force, and the earlier ones
    it replaced (`earlier`), so «дано» and «отозвано» of one kind are never shown side by side unexplained."""
    today = today or timezone.localdate()
    by_kind: dict[str, list] = {}
    for consent in history:
        by_kind.setdefault(consent.kind, []).append(consent)
    entries = []
    for kind, label in ConsentKind.choices:
        consents = by_kind.get(kind)
        if not consents:
            continue
        current, *earlier = consents
        entries.append(
            {
                "kind": kind,
                "label": label,
                "current": current,
                "in_force": current.is_valid(today),
                "lapsed": current.status == Consent.Status.GIVEN and not current.is_valid(today),
                "earlier": earlier,
            }
        )
    return entries
